import { CreateKeyCommand, type KMSClient, UpdateAliasCommand } from '@aws-sdk/client-kms';
import type { SigningKeyAdmin } from '../../core/ports.js';

/**
 * Key rotation on KMS: a new asymmetric P-256 signing key, then the signing alias moved to it. The old
 * key is kept (not scheduled for deletion) so anyone can still fetch its public key, and our JWKS keeps
 * publishing it: what it signed stays verifiable.
 */
export class KmsSigningKeyAdmin implements SigningKeyAdmin {
  constructor(
    private readonly client: KMSClient,
    private readonly aliasName: string,
  ) {}

  async rotate() {
    const created = await this.client.send(
      new CreateKeyCommand({
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        Description: `SayPro certificate signing key (rotated in ${new Date().toISOString().slice(0, 7)})`,
      }),
    );
    const keyId = created.KeyMetadata?.Arn ?? created.KeyMetadata?.KeyId;
    if (!keyId) throw new Error('KMS CreateKey returned no key id');
    await this.client.send(new UpdateAliasCommand({ AliasName: this.aliasName, TargetKeyId: keyId }));
    return { keyId };
  }
}
