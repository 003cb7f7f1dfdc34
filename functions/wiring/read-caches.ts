import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCertificateStore, DynamoDbSigningKeyRegistry } from '../adapters/aws/dynamodb-stores.js';
import { CachedCertificateStore } from '../adapters/cached-certificate-store.js';
import { CachedSigningKeyRegistry } from '../adapters/cached-signing-key-registry.js';
import type { Config } from './config.js';

/**
 * The two in-memory read caches (certificate records for a second, the signing-key list for a minute).
 * In AWS each function instance builds its own, so a write in one function reaches another's cache
 * within the cache's TTL (see docs/deploy.md, "Freshness after a revocation"). The local stack runs every
 * function in one process and hands all of them one pair, as one process would have: a write through any
 * function forgets the cached entry at once.
 */
export interface ReadCaches {
  certificates: CachedCertificateStore;
  signingKeys: CachedSigningKeyRegistry;
}

export function buildReadCaches(config: Config, documentClient: DynamoDBDocumentClient): ReadCaches {
  return {
    certificates: new CachedCertificateStore(
      new DynamoDbCertificateStore(documentClient, config.REGISTRY_TABLE),
    ),
    signingKeys: new CachedSigningKeyRegistry(
      new DynamoDbSigningKeyRegistry(documentClient, config.REGISTRY_TABLE),
    ),
  };
}
