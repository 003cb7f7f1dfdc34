import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { StaffSessionRecord, StaffSessions } from '../../core/ports.js';
import { REGISTRY_TTL_ATTRIBUTE } from './registry-ttl.js';

/**
 * Staff sessions in the registry table, by the SHA-256 of the cookie token:
 *
 *   STAFF_SESSION#<sha256>   STAFF_SESSION
 *
 * Each carries the TTL attribute at its expiry, so DynamoDB drops it (the local stack's sweep does the
 * same); reads check the expiry too, since TTL deletion can lag by hours.
 */
export class DynamoDbStaffSessions implements StaffSessions {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key = (tokenHash: string) => ({ pk: `STAFF_SESSION#${tokenHash}`, sk: 'STAFF_SESSION' });

  async addSession(record: StaffSessionRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...record,
          ...this.key(record.tokenHash),
          kind: 'STAFF_SESSION',
          [REGISTRY_TTL_ATTRIBUTE]: Math.ceil(new Date(record.expiresAt).getTime() / 1000),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async findSession(tokenHash: string): Promise<StaffSessionRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: this.key(tokenHash), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, kind: _kind, [REGISTRY_TTL_ATTRIBUTE]: _ttl, ...record } = Item;
    return record as StaffSessionRecord;
  }

  async setFlash(tokenHash: string, flash: StaffSessionRecord['flash']): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.key(tokenHash),
          ConditionExpression: 'attribute_exists(pk)',
          ...(flash
            ? { UpdateExpression: 'SET flash = :flash', ExpressionAttributeValues: { ':flash': flash } }
            : { UpdateExpression: 'REMOVE flash' }),
        }),
      )
      .catch((error: Error) => {
        // Signed out (or expired and dropped) in the meantime: there is no page left to show it on.
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }

  async removeSession(tokenHash: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: this.key(tokenHash) }));
  }
}
