import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StatusListRecord, StatusListStore } from '../../core/ports.js';
import { conditionally } from './dynamodb-items.js';

/**
 * The status lists in the registry table:
 *
 *   STATUS_LIST#CURRENT   STATUS_LIST   (which list new entries go to)
 *   STATUS_LIST#<listId>  LIST          (set bits as a number set, revision, the signed copy)
 *   STATUS_LIST#<listId>  INDEX#<index> (one certificate's claim on one index: put-if-absent)
 *
 * Setting a bit is one atomic ADD to the set (and the revision), so concurrent revocations never lose
 * each other's bits; the signed copy is written only over an older revision.
 */
const CURRENT_KEY = { pk: 'STATUS_LIST#CURRENT', sk: 'STATUS_LIST' };
const listKey = (listId: string) => ({ pk: `STATUS_LIST#${listId}`, sk: 'LIST' });
const indexKey = (listId: string, index: number) => ({ pk: `STATUS_LIST#${listId}`, sk: `INDEX#${index}` });

export class DynamoDbStatusListStore implements StatusListStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async currentListId(): Promise<string> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: CURRENT_KEY }));
    return typeof Item?.listId === 'string' ? Item.listId : '1';
  }

  claimIndex(listId: string, index: number, certificateNumber: string): Promise<boolean> {
    return conditionally(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...indexKey(listId, index), kind: 'status-list-index', listId, index, certificateNumber },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async openNextList(fullListId: string): Promise<string> {
    const next = String(Number(fullListId) + 1);
    // Only the caller that saw the full list moves the pointer; a late one just reads where it is now.
    const moved = await conditionally(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...CURRENT_KEY, kind: 'status-list-current', listId: next },
          ConditionExpression:
            fullListId === '1' ? 'attribute_not_exists(pk) OR #listId = :full' : '#listId = :full',
          ExpressionAttributeNames: { '#listId': 'listId' },
          ExpressionAttributeValues: { ':full': fullListId },
        }),
      ),
    );
    return moved ? next : this.currentListId();
  }

  async getList(listId: string): Promise<StatusListRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: listKey(listId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const set = Item.setIndices as Set<number> | undefined;
    return {
      listId,
      setIndices: set ? [...set].map(Number).sort((a, b) => a - b) : [],
      revision: Number(Item.revision ?? 0),
      ...(typeof Item.jwt === 'string'
        ? {
            signed: {
              jwt: Item.jwt,
              revision: Number(Item.signedRevision ?? 0),
              signedAt: String(Item.signedAt),
            },
          }
        : {}),
    };
  }

  setBit(listId: string, index: number): Promise<boolean> {
    return conditionally(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: listKey(listId),
          UpdateExpression: 'ADD #set :bit, #revision :one SET #kind = :kind, #listId = :listId',
          ConditionExpression: 'attribute_not_exists(#set) OR NOT contains(#set, :index)',
          ExpressionAttributeNames: {
            '#set': 'setIndices',
            '#revision': 'revision',
            '#kind': 'kind',
            '#listId': 'listId',
          },
          ExpressionAttributeValues: {
            ':bit': new Set([index]),
            ':index': index,
            ':one': 1,
            ':kind': 'status-list',
            ':listId': listId,
          },
        }),
      ),
    );
  }

  putSigned(listId: string, signed: { jwt: string; revision: number; signedAt: string }): Promise<boolean> {
    return conditionally(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: listKey(listId),
          UpdateExpression:
            'SET #jwt = :jwt, #signedRevision = :revision, #signedAt = :at, #kind = :kind, #listId = :listId',
          ConditionExpression: 'attribute_not_exists(#signedRevision) OR #signedRevision < :revision',
          ExpressionAttributeNames: {
            '#jwt': 'jwt',
            '#signedRevision': 'signedRevision',
            '#signedAt': 'signedAt',
            '#kind': 'kind',
            '#listId': 'listId',
          },
          ExpressionAttributeValues: {
            ':jwt': signed.jwt,
            ':revision': signed.revision,
            ':at': signed.signedAt,
            ':kind': 'status-list',
            ':listId': listId,
          },
        }),
      ),
    );
  }
}
