import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlreadyExistsException,
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisabledException,
  DisableKeyCommand,
  GetPublicKeyCommand,
  InvalidAliasNameException,
  KMSClient,
  KMSInvalidSignatureException,
  KMSInvalidStateException,
  ListAliasesCommand,
  ListKeysCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  SignCommand,
  UnsupportedOperationException,
  VerifyCommand,
} from '@aws-sdk/client-kms';
import { compactVerify, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KmsDigestSigner } from '../../functions/adapters/aws/kms-digest-signer.js';
import { TransientError } from '../../functions/core/errors.js';
import {
  derToJoseSignature,
  sha256,
  spkiDerToJwk,
  verifyDigestSignature,
} from '../../functions/core/signature.js';
import { ensureSigningKey } from '../../functions/local/ensure-signing-key.js';
import { startLocalKms } from '../../functions/local/kms-server.js';

const REGION = 'eu-west-1';
const KEY_ARN = /^arn:aws:kms:eu-west-1:000000000000:key\/[0-9a-f-]{36}$/;

function kmsClient(endpoint: string, maxAttempts?: number): KMSClient {
  return new KMSClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...(maxAttempts ? { maxAttempts } : {}),
  });
}

const encoder = new TextEncoder();

describe('local KMS with the real KMSClient', () => {
  let dataDir: string;
  let kms: Awaited<ReturnType<typeof startLocalKms>>;
  let client: KMSClient;
  let keyArn: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kms-test-'));
    kms = await startLocalKms({ port: 0, dataDir, region: REGION });
    client = kmsClient(kms.endpoint);
    const created = await client.send(
      new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
    );
    keyArn = created.KeyMetadata?.Arn ?? '';
    await client.send(new CreateAliasCommand({ AliasName: 'alias/certificates', TargetKeyId: keyArn }));
  });

  afterAll(async () => {
    client?.destroy();
    await kms?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and creates P-256 signing keys described like KMS does', async () => {
    expect(kms.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(keyArn).toMatch(KEY_ARN);
    const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: keyArn }));
    expect(KeyMetadata).toMatchObject({
      Arn: keyArn,
      KeyId: keyArn.split('/')[1],
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      KeyState: 'Enabled',
      Enabled: true,
      SigningAlgorithms: ['ECDSA_SHA_256'],
    });
    expect(KeyMetadata?.CreationDate).toBeInstanceOf(Date);
  });

  it('resolves a key by id, alias name and alias ARN, and lists keys and aliases', async () => {
    const keyId = keyArn.split('/')[1] ?? '';
    for (const reference of [
      keyId,
      'alias/certificates',
      `arn:aws:kms:${REGION}:000000000000:alias/certificates`,
    ]) {
      const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: reference }));
      expect(KeyMetadata?.Arn, reference).toBe(keyArn);
    }
    const { Keys } = await client.send(new ListKeysCommand({}));
    expect(Keys).toContainEqual({ KeyId: keyId, KeyArn: keyArn });
    const { Aliases } = await client.send(new ListAliasesCommand({ KeyId: keyArn }));
    expect(Aliases).toEqual([
      expect.objectContaining({ AliasName: 'alias/certificates', TargetKeyId: keyId }),
    ]);
  });

  it('signs a DIGEST as is: the signature verifies as an ordinary ECDSA-SHA256 signature of the message', async () => {
    const message = encoder.encode('%PDF-1.7 certificate bytes');
    const digest = sha256(message);
    const signed = await client.send(
      new SignCommand({
        KeyId: 'alias/certificates',
        Message: digest,
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    expect(signed.KeyId).toBe(keyArn);
    const signatureDer = signed.Signature ?? new Uint8Array();
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: keyArn }));
    const spkiDer = PublicKey ?? new Uint8Array();

    expect(verifyDigestSignature({ spkiDer, digest, signatureDer })).toBe(true);
    const publicKey = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
    expect(verify('sha256', message, publicKey, signatureDer)).toBe(true);
    // Had the server hashed the digest again, the signature would cover sha256(digest) instead.
    expect(verify('sha256', digest, publicKey, signatureDer)).toBe(false);
  });

  it('signs a RAW message by hashing it first, and Verify agrees', async () => {
    const message = encoder.encode('raw message');
    const signed = await client.send(
      new SignCommand({
        KeyId: keyArn,
        Message: message,
        MessageType: 'RAW',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    const signatureDer = signed.Signature ?? new Uint8Array();
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: 'alias/certificates' }));
    const publicKey = createPublicKey({ key: Buffer.from(PublicKey ?? []), format: 'der', type: 'spki' });
    expect(verify('sha256', message, publicKey, signatureDer)).toBe(true);

    const verifiedRaw = await client.send(
      new VerifyCommand({
        KeyId: keyArn,
        Message: message,
        Signature: signatureDer,
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    expect(verifiedRaw).toMatchObject({ SignatureValid: true, KeyId: keyArn });
    const verifiedDigest = await client.send(
      new VerifyCommand({
        KeyId: 'alias/certificates',
        Message: sha256(message),
        MessageType: 'DIGEST',
        Signature: signatureDer,
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    expect(verifiedDigest.SignatureValid).toBe(true);
    await expect(
      client.send(
        new VerifyCommand({
          KeyId: keyArn,
          Message: encoder.encode('another message'),
          Signature: signatureDer,
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      ),
    ).rejects.toBeInstanceOf(KMSInvalidSignatureException);
  });

  it('raises the SDK exception classes KMS would', async () => {
    await expect(client.send(new DescribeKeyCommand({ KeyId: 'alias/missing' }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    await expect(
      client.send(
        new SignCommand({
          KeyId: '00000000-0000-0000-0000-000000000000',
          Message: sha256(encoder.encode('x')),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      ),
    ).rejects.toBeInstanceOf(NotFoundException);
    await expect(
      client.send(
        new SignCommand({
          KeyId: keyArn,
          Message: new Uint8Array(31),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException', $fault: 'client' });
    await expect(client.send(new CreateKeyCommand({}))).rejects.toBeInstanceOf(UnsupportedOperationException);
    await expect(
      client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'ENCRYPT_DECRYPT' })),
    ).rejects.toMatchObject({ name: 'ValidationException', $fault: 'client' });
    await expect(
      client.send(new CreateAliasCommand({ AliasName: 'alias/certificates', TargetKeyId: keyArn })),
    ).rejects.toBeInstanceOf(AlreadyExistsException);
    await expect(
      client.send(new CreateAliasCommand({ AliasName: 'alias/aws/reserved', TargetKeyId: keyArn })),
    ).rejects.toBeInstanceOf(InvalidAliasNameException);
  });

  it('refuses to sign with a disabled key or one pending deletion', async () => {
    const digest = sha256(encoder.encode('x'));
    const sign = (KeyId: string) =>
      client.send(
        new SignCommand({ KeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }),
      );

    const disabled = (
      await client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }))
    ).KeyMetadata?.Arn as string;
    await sign(disabled);
    await client.send(new DisableKeyCommand({ KeyId: disabled }));
    await expect(sign(disabled)).rejects.toBeInstanceOf(DisabledException);
    const described = await client.send(new DescribeKeyCommand({ KeyId: disabled }));
    expect(described.KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });

    const retired = (
      await client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }))
    ).KeyMetadata?.Arn as string;
    const scheduled = await client.send(
      new ScheduleKeyDeletionCommand({ KeyId: retired, PendingWindowInDays: 7 }),
    );
    expect(scheduled).toMatchObject({ KeyId: retired, KeyState: 'PendingDeletion', PendingWindowInDays: 7 });
    await expect(sign(retired)).rejects.toBeInstanceOf(KMSInvalidStateException);
  });

  it('KmsDigestSigner signs digests that verify against its public key', async () => {
    const signer = new KmsDigestSigner(client, 'alias/certificates');
    const digest = sha256(encoder.encode('document'));
    const { keyId, signatureDer } = await signer.signDigest(digest);
    expect(keyId).toBe(keyArn);
    const publicKey = await signer.publicKey(keyId);
    expect(publicKey.keyId).toBe(keyArn);
    expect(verifyDigestSignature({ spkiDer: publicKey.spkiDer, digest, signatureDer })).toBe(true);
    expect((await signer.publicKey()).spkiDer).toEqual(publicKey.spkiDer);
    await expect(signer.signDigest(new Uint8Array(20))).rejects.toThrow(/32 bytes/);
    await expect(new KmsDigestSigner(client, 'alias/missing').signDigest(digest)).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it('signs an ES256 JWS through KmsDigestSigner that jose verifies with the JWK from GetPublicKey', async () => {
    const signer = new KmsDigestSigner(client, 'alias/certificates');
    const { keyId: kid, spkiDer } = await signer.publicKey();
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${encode({ alg: 'ES256', typ: 'vc+jwt', kid })}.${encode({ sub: 'did:example:participant' })}`;
    const { signatureDer } = await signer.signDigest(sha256(encoder.encode(signingInput)));
    const jws = `${signingInput}.${Buffer.from(derToJoseSignature(signatureDer)).toString('base64url')}`;

    const key = await importJWK(spkiDerToJwk(spkiDer, kid), 'ES256');
    const { protectedHeader, payload } = await compactVerify(jws, key);
    expect(protectedHeader.kid).toBe(keyArn);
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ sub: 'did:example:participant' });
  });

  it('ensureSigningKey returns the aliased key and creates one for a new alias, once', async () => {
    expect(await ensureSigningKey(client, 'alias/certificates')).toBe(keyArn);
    const created = await ensureSigningKey(client, 'alias/new-signing-key');
    expect(created).toMatch(KEY_ARN);
    expect(created).not.toBe(keyArn);
    expect(await ensureSigningKey(client, 'new-signing-key')).toBe(created);
  });

  it('keeps keys and aliases in the data folder across a restart', async () => {
    const file = join(dataDir, 'kms-keys.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).keys.length).toBeGreaterThan(0);

    const before = await client.send(new GetPublicKeyCommand({ KeyId: 'alias/certificates' }));
    client.destroy();
    await kms.stop();

    kms = await startLocalKms({ port: 0, dataDir, region: REGION });
    client = kmsClient(kms.endpoint);
    expect(await ensureSigningKey(client, 'alias/certificates')).toBe(keyArn);
    const after = await client.send(new GetPublicKeyCommand({ KeyId: 'alias/certificates' }));
    expect(after.PublicKey).toEqual(before.PublicKey);
    const digest = sha256(encoder.encode('after restart'));
    const signed = await client.send(
      new SignCommand({
        KeyId: 'alias/certificates',
        Message: digest,
        MessageType: 'DIGEST',
        SigningAlgorithm: 'ECDSA_SHA_256',
      }),
    );
    expect(signed.KeyId).toBe(keyArn);
    expect(
      verifyDigestSignature({
        spkiDer: before.PublicKey ?? new Uint8Array(),
        digest,
        signatureDer: signed.Signature ?? new Uint8Array(),
      }),
    ).toBe(true);
  });

  it('keeps keys in memory only without a data folder', async () => {
    const memory = await startLocalKms();
    const memoryClient = kmsClient(memory.endpoint);
    try {
      await ensureSigningKey(memoryClient, 'alias/certificates');
      const { Keys } = await memoryClient.send(new ListKeysCommand({}));
      expect(Keys).toHaveLength(1);
    } finally {
      memoryClient.destroy();
      await memory.stop();
    }
    const restarted = await startLocalKms();
    const restartedClient = kmsClient(restarted.endpoint);
    try {
      expect((await restartedClient.send(new ListKeysCommand({}))).Keys).toEqual([]);
    } finally {
      restartedClient.destroy();
      await restarted.stop();
    }
  });
});

describe('KmsDigestSigner under KMS faults', () => {
  // Real KMS throttles under load; no local component produces that, so a stand-in endpoint answers
  // every call with the fault, and the real SDK turns it into its exception.
  async function withFaultyKms(
    type: string,
    status: number,
    run: (client: KMSClient) => Promise<void>,
  ): Promise<void> {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify({ __type: type, message: `${type} from the test` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = kmsClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 1);
    try {
      await run(client);
    } finally {
      client.destroy();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    }
  }

  for (const [type, status] of [
    ['ThrottlingException', 400],
    ['KMSInternalException', 500],
    ['KeyUnavailableException', 500],
  ] as const) {
    it(`maps ${type} to TransientError, keeping the cause`, async () => {
      await withFaultyKms(type, status, async (client) => {
        const signer = new KmsDigestSigner(client, 'alias/certificates');
        for (const call of [() => signer.signDigest(new Uint8Array(32)), () => signer.publicKey()]) {
          const error = await call().then(
            () => undefined,
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(TransientError);
          expect((error as Error).name).toBe('TransientError');
          expect(((error as Error).cause as Error).name).toBe(type);
        }
      });
    });
  }

  it('passes other errors through unchanged', async () => {
    await withFaultyKms('AccessDeniedException', 400, async (client) => {
      await expect(
        new KmsDigestSigner(client, 'alias/x').signDigest(new Uint8Array(32)),
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
      });
    });
  });
});
