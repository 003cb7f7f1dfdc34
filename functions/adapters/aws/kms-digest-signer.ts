import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { TransientError } from '../../core/errors.js';
import type { DigestSigner } from '../../core/ports.js';

/** KMS errors that mean "try again later", after the SDK's own retries have run out. */
const TRANSIENT_ERRORS = new Set([
  'ThrottlingException',
  'KMSInternalException',
  'KeyUnavailableException',
  'DependencyTimeoutException',
]);

/** Signs SHA-256 digests with an asymmetric ECC_NIST_P256 KMS key (ECDSA_SHA_256, MessageType DIGEST). */
export class KmsDigestSigner implements DigestSigner {
  /** Public keys by key id or key ARN: a key's public key never changes. */
  private readonly publicKeys = new Map<string, { keyId: string; spkiDer: Uint8Array }>();

  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
  ) {}

  async signDigest(
    digest: Uint8Array,
    keyId: string = this.keyId,
  ): Promise<{ keyId: string; signatureDer: Uint8Array }> {
    if (digest.length !== 32) throw new Error(`A SHA-256 digest is 32 bytes, got ${digest.length}`);
    const response = await this.call(() =>
      this.client.send(
        new SignCommand({
          KeyId: keyId,
          Message: digest,
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      ),
    );
    if (!response.KeyId || !response.Signature) throw new Error('KMS Sign returned no key id or signature');
    return { keyId: response.KeyId, signatureDer: response.Signature };
  }

  async publicKey(keyId: string = this.keyId): Promise<{ keyId: string; spkiDer: Uint8Array }> {
    const cached = this.publicKeys.get(keyId);
    if (cached) return cached;
    const response = await this.call(() => this.client.send(new GetPublicKeyCommand({ KeyId: keyId })));
    if (!response.KeyId || !response.PublicKey)
      throw new Error('KMS GetPublicKey returned no key id or public key');
    const result = { keyId: response.KeyId, spkiDer: response.PublicKey };
    this.publicKeys.set(result.keyId, result);
    // An alias may be moved to a new key on rotation, so only the key's own id is remembered.
    if (!isAlias(keyId)) this.publicKeys.set(keyId, result);
    return result;
  }

  private async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && TRANSIENT_ERRORS.has(name)) {
        throw new TransientError(`KMS is unavailable for now (${name})`, { cause: error });
      }
      throw error;
    }
  }
}

function isAlias(keyId: string): boolean {
  return keyId.startsWith('alias/') || /^arn:[^:]+:kms:[^:]*:[^:]*:alias\//.test(keyId);
}
