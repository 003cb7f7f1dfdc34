/**
 * The registry table's TTL attribute, shared by the adapters and the CDK table: epoch seconds, since
 * DynamoDB TTL ignores any other type. Set only on disposable items (personal-link tokens), never on
 * certificates: an expired certificate must still be found, and shown as expired.
 */
export const REGISTRY_TTL_ATTRIBUTE = 'ttlEpochSeconds';

/** When DynamoDB may delete an item: `days` after an ISO instant, in epoch seconds. */
export const ttlAfter = (iso: string, days: number) =>
  Math.floor(new Date(iso).getTime() / 1000) + days * 86_400;
