import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/adapters/aws/clients.js';
import {
  DynamoDbFeedbackStore,
  DynamoDbParticipantErasures,
} from '../../functions/adapters/aws/dynamodb-stores.js';
import type { FeedbackResponse } from '../../functions/core/feedback.js';
import { ensureTables } from '../../functions/local/local-stack.js';
import { type LocalService, startDynamoDbLocal } from '../../functions/local/services.js';

/** The feedback adapter against DynamoDB Local: its keys, one response per certificate, erasure by partition. */

let dynamodb: LocalService;
let store: DynamoDbFeedbackStore;
let erasures: DynamoDbParticipantErasures;
let rawClient: DynamoDBClient;

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({});
  const clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
  await ensureTables(clients.dynamodb, { approvals: 'approvals', registry: 'registry' });
  rawClient = clients.dynamodb;
  store = new DynamoDbFeedbackStore(clients.documentClient, 'registry');
  erasures = new DynamoDbParticipantErasures(clients.documentClient, 'registry');
});

afterAll(async () => {
  await dynamodb?.stop();
});

const response = (overrides: Partial<FeedbackResponse> = {}): FeedbackResponse => ({
  participantId: 'amina',
  certificateNumber: 'K8RQNNH898YSW5FEJWY8G31R',
  courseId: 'c1',
  processRating: 4,
  recommendLikelihood: 9,
  problems: ['name'],
  comment: 'My <b>name</b> is misspelt',
  firstSubmittedAt: '2026-11-02T09:00:00.000Z',
  submittedAt: '2026-11-02T09:00:00.000Z',
  submissions: 1,
  ...overrides,
});

describe('DynamoDbFeedbackStore', () => {
  it('keeps one response per certificate under the participant, filed under its first quarter', async () => {
    await store.putResponse(response());
    await store.putResponse(
      response({
        processRating: 2,
        comment: 'Fine',
        submittedAt: '2027-01-05T10:00:00.000Z',
        submissions: 2,
      }),
    );
    expect(await store.listResponsesOf('amina')).toEqual([
      expect.objectContaining({ processRating: 2, comment: 'Fine', submissions: 2 }),
    ]);
    expect(await store.listResponseNumbersIn('2026-Q4')).toEqual(['K8RQNNH898YSW5FEJWY8G31R']);
    expect(await store.listResponseNumbersIn('2027-Q1')).toEqual([]);
    const { Item } = await rawClient.send(
      new GetItemCommand({
        TableName: 'registry',
        Key: { pk: { S: 'PARTICIPANT#amina' }, sk: { S: 'FEEDBACK#K8RQNNH898YSW5FEJWY8G31R' } },
      }),
    );
    expect(Item?.kind?.S).toBe('feedback-response');
    // The quarter's pointer carries the number only: no text, no participant.
    const { Item: pointer } = await rawClient.send(
      new GetItemCommand({
        TableName: 'registry',
        Key: { pk: { S: 'FEEDBACK_PERIOD#2026-Q4' }, sk: { S: 'CERTIFICATE#K8RQNNH898YSW5FEJWY8G31R' } },
      }),
    );
    expect(Object.keys(pointer ?? {}).sort()).toEqual(['certificateNumber', 'kind', 'pk', 'sk']);
  });

  it('is removed by an erasure of the participant’s partition', async () => {
    await store.putResponse(
      response({ participantId: 'erased-one', certificateNumber: 'AAAABBBBCCCCDDDDEEEEFFFF' }),
    );
    const removed = await erasures.deletePersonalItemsOf('erased-one');
    expect(removed['feedback-response']).toBe(1);
    expect(await store.getResponse('erased-one', 'AAAABBBBCCCCDDDDEEEEFFFF')).toBeUndefined();
  });

  it('finds survey tokens by hash (with a TTL), refuses a duplicate, and keeps staff entries and due days', async () => {
    const token = {
      tokenHash: 'a'.repeat(64),
      certificateNumber: 'K8RQNNH898YSW5FEJWY8G31R',
      createdAt: '2026-11-02T09:00:00.000Z',
      expiresAt: '2027-01-31T09:00:00.000Z',
    };
    await store.addSurveyToken(token);
    expect(await store.findSurveyToken(token.tokenHash)).toEqual(token);
    await expect(store.addSurveyToken(token)).rejects.toThrow();
    const { Item } = await rawClient.send(
      new GetItemCommand({
        TableName: 'registry',
        Key: { pk: { S: `SURVEY_TOKEN#${token.tokenHash}` }, sk: { S: 'SURVEY_TOKEN' } },
      }),
    );
    expect(Number(Item?.ttlEpochSeconds?.N)).toBeGreaterThan(Date.parse(token.expiresAt) / 1000);

    const entry = {
      entryId: 'e1',
      period: '2026-Q4',
      recordedAt: '2026-12-03T09:00:00.000Z',
      recordedBy: 'ops',
      timeSpentMinutes: 20,
      problems: 'slow',
    };
    await store.addStaffEntry(entry);
    expect(await store.listStaffEntriesIn('2026-Q4')).toEqual([entry]);
    await store.scheduleSurveyReminder('K8RQNNH898YSW5FEJWY8G31R', '2026-11-09');
    await store.scheduleSurveyReminder('K8RQNNH898YSW5FEJWY8G31R', '2026-11-09');
    expect(await store.listSurveyRemindersDueOn('2026-11-09')).toEqual(['K8RQNNH898YSW5FEJWY8G31R']);
  });
});
