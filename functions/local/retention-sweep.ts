import { DeleteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { REGISTRY_TTL_ATTRIBUTE } from '../adapters/aws/registry-ttl.js';

/**
 * DynamoDB TTL for the local stack. DynamoDB Local accepts the TTL setting but never deletes anything, so
 * the retention schedule (functions/core/retention.ts) would hold only in AWS; this sweep deletes every
 * registry item whose `ttlEpochSeconds` has passed, as AWS's TTL process does (there within days, here on
 * the sweep's interval). Each delete holds only while the item is still expired, so an item renewed since
 * the scan (a claim taken again) is left alone. A scan is fine here: one machine's data, every few minutes.
 */
export async function sweepExpiredItems(
  client: DynamoDBDocumentClient,
  tableName: string,
  now: Date = new Date(),
): Promise<{ deleted: number }> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  let deleted = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#ttl < :now',
        ProjectionExpression: 'pk, sk',
        ExpressionAttributeNames: { '#ttl': REGISTRY_TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':now': nowSeconds },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { pk: item.pk, sk: item.sk },
            ConditionExpression: '#ttl < :now',
            ExpressionAttributeNames: { '#ttl': REGISTRY_TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':now': nowSeconds },
          }),
        );
        deleted += 1;
      } catch (error) {
        // Renewed since the scan: no longer expired.
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return { deleted };
}
