/**
 * A small KMS-compatible endpoint for the local stack: the AWS JSON 1.1 protocol (POST /, header
 * `X-Amz-Target: TrentService.<Op>`) for ECC_NIST_P256 signing keys, so the real KMSClient and the real
 * KmsDigestSigner run unchanged against it. No emulator of KMS exists on npm.
 *
 * Not a security boundary: requests are not authenticated, and with a data folder the private keys are
 * stored in it (file mode 0600).
 */
import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { p256 } from '@noble/curves/nist.js';

const ACCOUNT_ID = '000000000000';
const KEY_SPEC = 'ECC_NIST_P256';
const KEY_USAGE = 'SIGN_VERIFY';
const SIGNING_ALGORITHM = 'ECDSA_SHA_256';
const MAX_RAW_MESSAGE_BYTES = 4096;
const MAX_BODY_BYTES = 1024 * 1024;

type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion';

interface StoredKey {
  keyId: string;
  description: string;
  /** Epoch seconds, as KMS's JSON protocol sends timestamps. */
  createdAt: number;
  state: KeyState;
  deletionDate?: number;
  privateKeyHex: string;
  publicKeySpkiBase64: string;
}

interface StoredAlias {
  aliasName: string;
  targetKeyId: string;
  createdAt: number;
}

interface KeyFile {
  version: 1;
  keys: StoredKey[];
  aliases: StoredAlias[];
}

/** Becomes KMS's JSON error shape; the SDK picks the exception class from `__type`. */
class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

type Request = Record<string, unknown>;
type Handler = (request: Request) => Record<string, unknown>;

class KeyRing {
  private readonly keys = new Map<string, StoredKey>();
  private readonly aliases = new Map<string, StoredAlias>();

  constructor(
    private readonly region: string,
    private readonly file: string | undefined,
  ) {
    if (!file) return;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let saved: KeyFile;
    try {
      saved = JSON.parse(text) as KeyFile;
    } catch (error) {
      throw new Error(`Local KMS key file ${file} is not valid JSON`, { cause: error });
    }
    for (const key of saved.keys) this.keys.set(key.keyId, key);
    for (const alias of saved.aliases) this.aliases.set(alias.aliasName, alias);
  }

  keyArn(keyId: string): string {
    return `arn:aws:kms:${this.region}:${ACCOUNT_ID}:key/${keyId}`;
  }

  aliasArn(aliasName: string): string {
    return `arn:aws:kms:${this.region}:${ACCOUNT_ID}:${aliasName}`;
  }

  allKeys(): StoredKey[] {
    return [...this.keys.values()];
  }

  allAliases(): StoredAlias[] {
    return [...this.aliases.values()];
  }

  alias(aliasName: string): StoredAlias | undefined {
    return this.aliases.get(aliasName);
  }

  /** Accepts a key id, key ARN, alias name or alias ARN, as KMS does. */
  resolve(reference: unknown): StoredKey {
    const id = requiredString(reference, 'KeyId');
    const ownArnPrefix = `arn:aws:kms:${this.region}:${ACCOUNT_ID}:`;
    // 'arn:…:key/<id>' → '<id>', 'arn:…:alias/x' → 'alias/x'; an ARN of another region stays unknown.
    const name = id.startsWith(ownArnPrefix) ? id.slice(ownArnPrefix.length).replace(/^key\//, '') : id;
    const keyId = name.startsWith('alias/') ? this.aliases.get(name)?.targetKeyId : name;
    const key = keyId === undefined ? undefined : this.keys.get(keyId);
    if (!key) throw new KmsError('NotFoundException', `Key '${id}' does not exist`);
    return key;
  }

  add(key: StoredKey): void {
    this.keys.set(key.keyId, key);
    this.save();
  }

  addAlias(alias: StoredAlias): void {
    this.aliases.set(alias.aliasName, alias);
    this.save();
  }

  save(): void {
    if (!this.file) return;
    const content: KeyFile = { version: 1, keys: this.allKeys(), aliases: this.allAliases() };
    // Write then rename, so a crash never leaves half a key file.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

function requiredString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new KmsError(
      'ValidationException',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function requiredBlob(value: unknown, field: string): Buffer {
  return Buffer.from(requiredString(value, field), 'base64');
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function usableForSigning(key: StoredKey): void {
  if (key.state === 'Disabled') throw new KmsError('DisabledException', `${key.keyId} is disabled.`);
  if (key.state === 'PendingDeletion') {
    throw new KmsError('KMSInvalidStateException', `${key.keyId} is pending deletion.`);
  }
}

/** The 32 bytes that ECDSA_SHA_256 signs: the SHA-256 of a RAW message, or a DIGEST as given. */
function digestToSign(request: Request): Buffer {
  const message = requiredBlob(request.Message, 'Message');
  const algorithm = requiredString(request.SigningAlgorithm, 'SigningAlgorithm');
  if (algorithm !== SIGNING_ALGORITHM) {
    throw new KmsError(
      'InvalidKeyUsageException',
      `Signing algorithm ${algorithm} is not supported by a ${KEY_SPEC} key.`,
    );
  }
  const messageType = request.MessageType ?? 'RAW';
  if (messageType === 'DIGEST') {
    if (message.length !== 32) {
      throw new KmsError(
        'ValidationException',
        `Digest is invalid length for algorithm ${algorithm}: expected 32 bytes, got ${message.length}.`,
      );
    }
    return message;
  }
  if (messageType !== 'RAW') {
    throw new KmsError('ValidationException', `Unknown MessageType ${String(messageType)}.`);
  }
  if (message.length === 0 || message.length > MAX_RAW_MESSAGE_BYTES) {
    throw new KmsError('ValidationException', `Message must be 1 to ${MAX_RAW_MESSAGE_BYTES} bytes.`);
  }
  return createHash('sha256').update(message).digest();
}

function operations(ring: KeyRing): Record<string, Handler> {
  const metadata = (key: StoredKey) => ({
    AWSAccountId: ACCOUNT_ID,
    KeyId: key.keyId,
    Arn: ring.keyArn(key.keyId),
    CreationDate: key.createdAt,
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: KEY_USAGE,
    KeyState: key.state,
    ...(key.deletionDate === undefined ? {} : { DeletionDate: key.deletionDate }),
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: KEY_SPEC,
    KeySpec: KEY_SPEC,
    SigningAlgorithms: [SIGNING_ALGORITHM],
    MultiRegion: false,
  });

  const setState = (request: Request, state: KeyState) => {
    const key = ring.resolve(request.KeyId);
    if (key.state === 'PendingDeletion') {
      throw new KmsError('KMSInvalidStateException', `${key.keyId} is pending deletion.`);
    }
    key.state = state;
    ring.save();
    return {};
  };

  return {
    CreateKey(request) {
      const keySpec = request.KeySpec ?? request.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT';
      const keyUsage = request.KeyUsage ?? (keySpec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : undefined);
      if (keySpec !== KEY_SPEC) {
        throw new KmsError(
          'UnsupportedOperationException',
          `This local KMS only creates ${KEY_SPEC} keys, not ${String(keySpec)}.`,
        );
      }
      if (keyUsage !== KEY_USAGE) {
        throw new KmsError('ValidationException', `KeyUsage must be ${KEY_USAGE} for a ${KEY_SPEC} key.`);
      }
      const secretKey = p256.utils.randomSecretKey();
      const point = p256.getPublicKey(secretKey, false);
      const spki = createPublicKey({
        key: {
          kty: 'EC',
          crv: 'P-256',
          x: Buffer.from(point.subarray(1, 33)).toString('base64url'),
          y: Buffer.from(point.subarray(33)).toString('base64url'),
        },
        format: 'jwk',
      }).export({ type: 'spki', format: 'der' });
      const key: StoredKey = {
        keyId: randomUUID(),
        description: typeof request.Description === 'string' ? request.Description : '',
        createdAt: nowSeconds(),
        state: 'Enabled',
        privateKeyHex: Buffer.from(secretKey).toString('hex'),
        publicKeySpkiBase64: spki.toString('base64'),
      };
      ring.add(key);
      return { KeyMetadata: metadata(key) };
    },

    DescribeKey(request) {
      return { KeyMetadata: metadata(ring.resolve(request.KeyId)) };
    },

    ListKeys() {
      return {
        Keys: ring.allKeys().map((key) => ({ KeyId: key.keyId, KeyArn: ring.keyArn(key.keyId) })),
        Truncated: false,
      };
    },

    CreateAlias(request) {
      const aliasName = requiredString(request.AliasName, 'AliasName');
      if (!/^alias\/[a-zA-Z0-9/_-]+$/.test(aliasName) || aliasName.startsWith('alias/aws/')) {
        throw new KmsError(
          'InvalidAliasNameException',
          `Alias name ${aliasName} is invalid: it must start with alias/ and not alias/aws/.`,
        );
      }
      const target = requiredString(request.TargetKeyId, 'TargetKeyId');
      if (target.startsWith('alias/') || target.includes(':alias/')) {
        throw new KmsError('ValidationException', 'TargetKeyId must be a key id or key ARN, not an alias.');
      }
      const key = ring.resolve(target);
      if (ring.alias(aliasName)) {
        throw new KmsError(
          'AlreadyExistsException',
          `An alias with the name ${ring.aliasArn(aliasName)} already exists`,
        );
      }
      ring.addAlias({ aliasName, targetKeyId: key.keyId, createdAt: nowSeconds() });
      return {};
    },

    UpdateAlias(request) {
      const aliasName = requiredString(request.AliasName, 'AliasName');
      const existing = ring.alias(aliasName);
      if (!existing)
        throw new KmsError('NotFoundException', `Alias ${ring.aliasArn(aliasName)} is not found.`);
      const target = requiredString(request.TargetKeyId, 'TargetKeyId');
      if (target.startsWith('alias/') || target.includes(':alias/')) {
        throw new KmsError('ValidationException', 'TargetKeyId must be a key id or key ARN, not an alias.');
      }
      // addAlias replaces the entry under the same name and persists it.
      ring.addAlias({ ...existing, targetKeyId: ring.resolve(target).keyId });
      return {};
    },

    ListAliases(request) {
      const onlyKeyId = request.KeyId === undefined ? undefined : ring.resolve(request.KeyId).keyId;
      const aliases = ring
        .allAliases()
        .filter((alias) => onlyKeyId === undefined || alias.targetKeyId === onlyKeyId);
      return {
        Aliases: aliases.map((alias) => ({
          AliasName: alias.aliasName,
          AliasArn: ring.aliasArn(alias.aliasName),
          TargetKeyId: alias.targetKeyId,
          CreationDate: alias.createdAt,
        })),
        Truncated: false,
      };
    },

    GetPublicKey(request) {
      const key = ring.resolve(request.KeyId);
      usableForSigning(key);
      return {
        KeyId: ring.keyArn(key.keyId),
        PublicKey: key.publicKeySpkiBase64,
        CustomerMasterKeySpec: KEY_SPEC,
        KeySpec: KEY_SPEC,
        KeyUsage: KEY_USAGE,
        SigningAlgorithms: [SIGNING_ALGORITHM],
      };
    },

    Sign(request) {
      const key = ring.resolve(request.KeyId);
      usableForSigning(key);
      // Signs the 32 bytes as is: node:crypto's sign('sha256') would hash the digest a second time.
      const signature = p256.sign(digestToSign(request), Buffer.from(key.privateKeyHex, 'hex'), {
        prehash: false,
        format: 'der',
      });
      return {
        KeyId: ring.keyArn(key.keyId),
        Signature: Buffer.from(signature).toString('base64'),
        SigningAlgorithm: SIGNING_ALGORITHM,
      };
    },

    Verify(request) {
      const key = ring.resolve(request.KeyId);
      usableForSigning(key);
      const digest = digestToSign(request);
      const signature = requiredBlob(request.Signature, 'Signature');
      let valid = false;
      try {
        const publicKey = p256.getPublicKey(Buffer.from(key.privateKeyHex, 'hex'), false);
        // High-S signatures are valid ECDSA; KMS does not normalise s either.
        valid = p256.verify(signature, digest, publicKey, { prehash: false, lowS: false, format: 'der' });
      } catch {
        valid = false;
      }
      // Real KMS answers an invalid signature with an exception, not SignatureValid: false.
      if (!valid) throw new KmsError('KMSInvalidSignatureException', 'The signature is not valid.');
      return { KeyId: ring.keyArn(key.keyId), SignatureValid: true, SigningAlgorithm: SIGNING_ALGORITHM };
    },

    DisableKey(request) {
      return setState(request, 'Disabled');
    },

    EnableKey(request) {
      return setState(request, 'Enabled');
    },

    ScheduleKeyDeletion(request) {
      const key = ring.resolve(request.KeyId);
      const days = request.PendingWindowInDays ?? 30;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 7 || days > 30) {
        throw new KmsError('ValidationException', 'PendingWindowInDays must be an integer from 7 to 30.');
      }
      key.state = 'PendingDeletion';
      key.deletionDate = nowSeconds() + days * 86_400;
      ring.save();
      return {
        KeyId: ring.keyArn(key.keyId),
        DeletionDate: key.deletionDate,
        KeyState: key.state,
        PendingWindowInDays: days,
      };
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new KmsError('ValidationException', 'Request body is too large.', 413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  response.end(text);
}

/** Starts the endpoint; point a KMSClient's `endpoint` at the returned URL (any credentials). */
export async function startLocalKms(
  options: { port?: number; host?: string; dataDir?: string; region?: string } = {},
): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  let keyFile: string | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    keyFile = join(options.dataDir, 'kms-keys.json');
  }
  const handlers = operations(new KeyRing(options.region ?? 'eu-west-1', keyFile));

  const server = createServer(async (request, response) => {
    try {
      const target = String(request.headers['x-amz-target'] ?? '');
      if (request.method !== 'POST' || !target.startsWith('TrentService.')) {
        throw new KmsError(
          'UnknownOperationException',
          `Expected POST with X-Amz-Target: TrentService.<Operation>, got ${request.method} ${target}`,
        );
      }
      const operation = target.slice('TrentService.'.length);
      const handler = Object.hasOwn(handlers, operation) ? handlers[operation] : undefined;
      if (!handler) {
        throw new KmsError(
          'UnknownOperationException',
          `Operation ${operation} is not supported by the local KMS.`,
        );
      }
      const text = await readBody(request);
      let input: unknown;
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        throw new KmsError('SerializationException', 'Request body is not valid JSON.');
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new KmsError('SerializationException', 'Request body must be a JSON object.');
      }
      reply(response, 200, handler(input as Request));
    } catch (error) {
      if (error instanceof KmsError) {
        reply(response, error.status, { __type: error.type, message: error.message });
      } else {
        reply(response, 500, {
          __type: 'KMSInternalException',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;

  return {
    endpoint: `http://${hostInUrl}:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; close them or close() waits for their idle timeout.
        server.closeAllConnections();
      }),
  };
}
