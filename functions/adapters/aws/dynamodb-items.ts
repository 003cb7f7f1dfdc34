import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { REGISTRY_TTL_ATTRIBUTE } from './registry-ttl.js';

/**
 * Small pieces every DynamoDB adapter uses: the item without its table keys, one update expression for a
 * partial change, and conditional writes that answer false instead of throwing.
 */

const KEY_ATTRIBUTES = ['pk', 'sk', 'kind', REGISTRY_TTL_ATTRIBUTE] as const;

/** The stored item as the domain knows it: without the table's keys, kind and expiry attribute. */
export function withoutKeys<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}

/** SET for defined values, REMOVE for explicit undefined: one update expression for any partial change. */
export function updateExpressionFor(changes: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  Object.entries(changes).forEach(([attribute, value], index) => {
    names[`#a${index}`] = attribute;
    if (value === undefined) removes.push(`#a${index}`);
    else {
      values[`:v${index}`] = value;
      sets.push(`#a${index} = :v${index}`);
    }
  });
  const expression = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    UpdateExpression: expression,
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}

export const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

/** Runs a conditional write; false when its condition refused it. */
export async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
