import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  type ScanCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ConsentRecord } from '../../core/consent.js';
import {
  type FeedbackResponse,
  quarterOf,
  type StaffFeedbackEntry,
  type SurveyTokenRecord,
} from '../../core/feedback.js';
import {
  APPROVAL_STATUSES,
  type Approval,
  type ApprovalStatus,
  type Certificate,
  type Course,
  type Enrolment,
  type Participant,
  type Progress,
  type SigningKeyRecord,
} from '../../core/model.js';
import type {
  ApprovalStore,
  CertificateStore,
  ClaimGrant,
  ClaimLedger,
  ClaimRecord,
  CourseCatalog,
  EnrolmentStore,
  ErasureTombstone,
  FeedbackStore,
  ParticipantAccessTokenRecord,
  ParticipantAccessTokens,
  ParticipantDirectory,
  ParticipantErasures,
  ParticipantRecords,
  PersonalDataAccessRecord,
  PersonalDataLog,
  ProgressStore,
  SentNoticeRecord,
  SigningKeyRegistry,
  XapiParking,
} from '../../core/ports.js';
import { RETENTION } from '../../core/retention.js';
import type { ParkedStatement } from '../../core/use-cases/xapi-intake.js';

/**
 * DynamoDB adapters. Approvals live in their own table because its stream drives issuance; everything
 * else shares one registry table keyed by `pk`/`sk`:
 *
 *   COURSE#<courseId>           COURSE
 *   COURSE#<courseId>           ENROLLED#<participantId>  (the course's participants)
 *   PARTICIPANT#<participantId> PROFILE | PROGRESS#<courseId> | ENROLMENT#<courseId> | CERTIFICATE#<number>
 *   EXPIRY#<yyyy-mm-dd>         CERTIFICATE#<number>      (certificates expiring that day, for reminders)
 *   CERTIFICATE#<number>        CERTIFICATE
 *   COMPLETION#<completionKey>  COMPLETION      (claims one certificate per completion)
 *   DOCUMENT#<sha256>           DOCUMENT        (finds a certificate from an uploaded PDF)
 *   SIGNING_KEY#<kid>           SIGNING_KEY     (keys published in the JWKS)
 *   CLAIM#<key>                 CLAIM           (once-only work: emails, reminders, webhooks)
 *   CLAIM-OPEN                  <key>           (claims not done: the stuck-work listing and the sweep)
 *   APPROVALS#<status>          <updatedAt>#<approvalId>  (approvals by status, newest first)
 *   APPROVALS-AWAITING-EMAIL    <updatedAt>#<approvalId>  (issued, email not recorded sent)
 *   ACCESS_TOKEN#<sha256>       ACCESS_TOKEN    (a participant's personal link, by its token's hash)
 *   PARTICIPANT#<participantId> ACCESS_TOKEN#<sha256>  (the same, listed per participant for revocation)
 */

import { APPROVALS_BY_COURSE_INDEX, APPROVALS_BY_PARTICIPANT_COURSE_INDEX } from './approvals-index.js';
import { isConditionFailure, updateExpressionFor, withoutKeys } from './dynamodb-items.js';
import { REGISTRY_TTL_ATTRIBUTE, ttlAfter } from './registry-ttl.js';

type Key = { pk: string; sk: string };

/** Expired personal-link tokens are kept a while, so a late click still gets "expired", then dropped. */
const ACCESS_TOKEN_GRACE_DAYS = RETENTION.participantLinkTokens.days;

async function scanAll(client: DynamoDBDocumentClient, input: ScanCommandInput) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** `EXPIRY#2027-01-31`: the partition of the certificates expiring on one (UTC) day. */
const expiryDayKey = (isoDateOrDay: string) => `EXPIRY#${isoDateOrDay.slice(0, 10)}`;

/** Every item of one partition (optionally under a sort-key prefix), page by page. */
async function queryAll(client: DynamoDBDocumentClient, tableName: string, pk: string, skPrefix?: string) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':prefix': skPrefix } : {}) },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Writes all items or none; false when a condition refused the transaction (nothing was written). */
async function transactAllOrNone(
  client: DynamoDBDocumentClient,
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
): Promise<boolean> {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (error instanceof TransactionCanceledException) return false;
    throw error;
  }
}

const emailHashOf = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/** Shared plumbing for the registry table's entity stores. */
class RegistryTable {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get<T>(key: Key): Promise<T | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return withoutKeys<T>(Item);
  }

  async put(key: Key, kind: string, item: object): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...item, ...key, kind } }));
  }

  async listKind<T>(kind: string): Promise<T[]> {
    const items = await scanAll(this.client, {
      TableName: this.tableName,
      FilterExpression: '#kind = :kind',
      ExpressionAttributeNames: { '#kind': 'kind' },
      ExpressionAttributeValues: { ':kind': kind },
    });
    return items.map((item) => withoutKeys<T>(item)!);
  }
}

const COURSES_PARTITION = 'COURSES';
/** The signing keys, a handful ever: one partition, so the JWKS and every verification query it. */
const SIGNING_KEYS_PARTITION = 'SIGNING_KEYS';

export class DynamoDbCourseCatalog implements CourseCatalog {
  private readonly table: RegistryTable;
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = new RegistryTable(client, tableName);
  }
  // Every course in one small partition: the help page and staff list them with one query, never a scan.
  getCourse(courseId: string) {
    return this.table.get<Course>({ pk: COURSES_PARTITION, sk: `COURSE#${courseId}` });
  }
  putCourse(course: Course) {
    return this.table.put({ pk: COURSES_PARTITION, sk: `COURSE#${course.courseId}` }, 'course', course);
  }
  async listCourses() {
    return (await queryAll(this.table.client, this.table.tableName, COURSES_PARTITION, 'COURSE#')).map(
      (item) => withoutKeys<Course>(item)!,
    );
  }
}

export class DynamoDbParticipantDirectory implements ParticipantDirectory {
  private readonly table: RegistryTable;
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = new RegistryTable(client, tableName);
  }
  getParticipant(participantId: string) {
    return this.table.get<Participant>({ pk: `PARTICIPANT#${participantId}`, sk: 'PROFILE' });
  }
  async putParticipant(participant: Participant) {
    await this.table.put(
      { pk: `PARTICIPANT#${participant.participantId}`, sk: 'PROFILE' },
      'participant',
      participant,
    );
    // Lets a lost link be asked for by address without a scan; the address itself is not stored here.
    await this.table.put({ pk: `EMAIL#${emailHashOf(participant.email)}`, sk: 'EMAIL' }, 'email-lookup', {
      participantId: participant.participantId,
    });
  }
}

export class DynamoDbProgressStore implements ProgressStore {
  private readonly table: RegistryTable;
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = new RegistryTable(client, tableName);
  }
  getProgress(participantId: string, courseId: string) {
    return this.table.get<Progress>({ pk: `PARTICIPANT#${participantId}`, sk: `PROGRESS#${courseId}` });
  }
  putProgress(progress: Progress) {
    const key = { pk: `PARTICIPANT#${progress.participantId}`, sk: `PROGRESS#${progress.courseId}` };
    return this.table.put(key, 'progress', progress);
  }
}

export class DynamoDbCertificateStore implements CertificateStore {
  private readonly table: RegistryTable;
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.table = new RegistryTable(client, tableName);
  }

  private static keyOf(number: string): Key {
    return { pk: `CERTIFICATE#${number}`, sk: 'CERTIFICATE' };
  }

  async createCertificate(certificate: Certificate) {
    const completionKey = { pk: `COMPLETION#${certificate.completionKey}`, sk: 'COMPLETION' };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...completionKey, kind: 'completion', certificateNumber: certificate.number },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...this.newCertificateWrites(certificate),
          ],
        }),
      );
      return { created: true as const };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const existingNumber = await this.findByCompletion(certificate.completionKey);
      if (!existingNumber) throw error;
      return { created: false as const, existingNumber };
    }
  }

  /** The certificate itself and its document index entry, both only if new. */
  private newCertificateWrites(certificate: Certificate) {
    return [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...certificate,
            ...DynamoDbCertificateStore.keyOf(certificate.number),
            kind: 'certificate',
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            pk: `DOCUMENT#${certificate.document.sha256Hex}`,
            sk: 'DOCUMENT',
            kind: 'document',
            certificateNumber: certificate.number,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      // Lets the participant's page list their certificates with a query on their own key.
      {
        Put: {
          TableName: this.tableName,
          Item: {
            pk: `PARTICIPANT#${certificate.participantId}`,
            sk: `CERTIFICATE#${certificate.number}`,
            kind: 'participant-certificate',
            certificateNumber: certificate.number,
          },
        },
      },
      // Lets the reminder job find the certificates expiring on a day with one query per day.
      ...(certificate.expiresAt
        ? [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  pk: expiryDayKey(certificate.expiresAt),
                  sk: `CERTIFICATE#${certificate.number}`,
                  kind: 'expiry-pointer',
                  certificateNumber: certificate.number,
                },
              },
            },
          ]
        : []),
    ];
  }

  async listNumbersExpiringOn(day: string) {
    return (await queryAll(this.client, this.tableName, expiryDayKey(day))).map(
      (item) => item.certificateNumber as string,
    );
  }

  getCertificate(number: string) {
    return this.table.get<Certificate>(DynamoDbCertificateStore.keyOf(number));
  }

  async findByDigest(sha256Hex: string) {
    const entry = await this.table.get<{ certificateNumber: string }>({
      pk: `DOCUMENT#${sha256Hex}`,
      sk: 'DOCUMENT',
    });
    return entry?.certificateNumber;
  }

  async supersede(oldNumber: string, corrected: Certificate) {
    return transactAllOrNone(this.client, [
      ...this.newCertificateWrites(corrected),
      {
        Update: {
          TableName: this.tableName,
          Key: DynamoDbCertificateStore.keyOf(oldNumber),
          UpdateExpression: 'SET #status = :superseded, supersededBy = :by',
          ConditionExpression: '#status = :valid',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':superseded': 'superseded',
            ':by': corrected.number,
            ':valid': 'valid',
          },
        },
      },
    ]);
  }

  async revoke(number: string, { at, reason, by }: { at: string; reason: string; by: string }) {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: DynamoDbCertificateStore.keyOf(number),
          UpdateExpression:
            'SET #status = :revoked, revokedAt = :at, revocationReason = :reason, revokedBy = :by',
          ConditionExpression: '#status = :valid',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':revoked': 'revoked',
            ':at': at,
            ':reason': reason,
            ':by': by,
            ':valid': 'valid',
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async findByCompletion(completionKey: string) {
    const claim = await this.table.get<{ certificateNumber: string }>({
      pk: `COMPLETION#${completionKey}`,
      sk: 'COMPLETION',
    });
    return claim?.certificateNumber;
  }

  async updateCertificate(number: string, changes: Partial<Omit<Certificate, 'number'>>) {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: DynamoDbCertificateStore.keyOf(number),
        ConditionExpression: 'attribute_exists(pk)',
        ...updateExpressionFor(changes),
      }),
    );
  }

  listCertificates() {
    return this.table.listKind<Certificate>('certificate');
  }
}

export class DynamoDbSigningKeyRegistry implements SigningKeyRegistry {
  private readonly table: RegistryTable;
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.table = new RegistryTable(client, tableName);
  }
  private static keyOf(kid: string): Key {
    return { pk: SIGNING_KEYS_PARTITION, sk: `KEY#${kid}` };
  }
  getKey(kid: string) {
    return this.table.get<SigningKeyRecord>(DynamoDbSigningKeyRegistry.keyOf(kid));
  }
  async addKey(key: SigningKeyRecord) {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, ...DynamoDbSigningKeyRegistry.keyOf(key.kid), kind: 'signing-key' },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
  async updateKey(kid: string, changes: Partial<Omit<SigningKeyRecord, 'kid'>>) {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: DynamoDbSigningKeyRegistry.keyOf(kid),
        ConditionExpression: 'attribute_exists(sk)',
        ...updateExpressionFor(changes),
      }),
    );
  }
  async listKeys() {
    return (await queryAll(this.client, this.tableName, SIGNING_KEYS_PARTITION, 'KEY#')).map(
      (item) => withoutKeys<SigningKeyRecord>(item)!,
    );
  }
}

/** `APPROVALS#issued`: the registry partition of the pointers to the approvals in one status. */
const approvalsInStatusPartition = (status: ApprovalStatus) => `APPROVALS#${status}`;
/** Issued approvals whose certificate email is not recorded sent: what the sweep re-drives. */
const APPROVALS_AWAITING_EMAIL_PARTITION = 'APPROVALS-AWAITING-EMAIL';

/**
 * The registry keys that point at an approval in its present state: one under its status, sorted by
 * `updatedAt` (newest first on read), and one more while it is issued with its email not sent.
 */
function pointerKeysOf(approval: Pick<Approval, 'approvalId' | 'status' | 'updatedAt' | 'email'>): Key[] {
  const sk = `${approval.updatedAt}#${approval.approvalId}`;
  const keys: Key[] = [{ pk: approvalsInStatusPartition(approval.status), sk }];
  if (approval.status === 'issued' && approval.email?.status !== 'sent')
    keys.push({ pk: APPROVALS_AWAITING_EMAIL_PARTITION, sk });
  return keys;
}

const keyString = (key: Key) => `${key.pk}\u0000${key.sk}`;
const keysNotIn = (keys: Key[], others: Key[]) => {
  const excluded = new Set(others.map(keyString));
  return keys.filter((key) => !excluded.has(keyString(key)));
};

/** An approval with partial changes applied as the update expression applies them (undefined removes). */
function withChanges(approval: Approval, changes: Record<string, unknown>): Approval {
  const next: Record<string, unknown> = { ...approval };
  for (const [attribute, value] of Object.entries(changes)) {
    if (value === undefined) delete next[attribute];
    else next[attribute] = value;
  }
  return next as unknown as Approval;
}

/**
 * Approvals, in their own table (its stream drives issuance), listed by status through pointer items in
 * the registry table (`APPROVALS#<status>`, sort key `<updatedAt>#<approvalId>`): no scan, and no index on
 * a key that changes (DynamoDB Local answers concurrent conditional updates of items moving in such an
 * index with InternalFailure, which the issuance races hit).
 *
 * A status change writes the new pointer first, then the approval (conditionally, returning its old
 * image), then deletes the pointers of the old state. So once the approval is written its current pointer
 * exists; a crash or a lost race leaves at most a stale pointer, and a read skips any pointer that no
 * longer matches the approval's status and `updatedAt` (pointerKeysOf).
 */
export class DynamoDbApprovalStore implements ApprovalStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly registryTableName: string,
  ) {}

  async createApproval(approval: Approval) {
    const ahead = pointerKeysOf(approval);
    await this.putPointers(ahead, approval.approvalId);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: approval,
          ConditionExpression: 'attribute_not_exists(approvalId)',
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await this.dropPointersNotMatching(ahead, approval.approvalId);
      return false;
    }
  }

  async getApproval(approvalId: string) {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { approvalId } }),
    );
    return Item as Approval | undefined;
  }

  async updateApproval(approvalId: string, changes: Partial<Omit<Approval, 'approvalId'>>) {
    const update = {
      ConditionExpression: 'attribute_exists(approvalId)',
      ...updateExpressionFor(changes),
    };
    // Changes that move no pointer (erasure, content) write the approval alone.
    if (!('status' in changes || 'updatedAt' in changes || 'email' in changes)) {
      await this.client.send(
        new UpdateCommand({ TableName: this.tableName, Key: { approvalId }, ...update }),
      );
      return;
    }
    // A missing approval is an error here, as it was before pointers: the refusal is thrown.
    await this.writeTracked(approvalId, changes, update, { throwWhenRefused: true });
  }

  /** Every approval, from the status partitions' pointers (one query each), newest first per status. */
  async listApprovals() {
    const perStatus = await Promise.all(
      APPROVAL_STATUSES.map(async (status) => (await this.listApprovalsInStatus(status)).approvals),
    );
    return perStatus.flat();
  }

  async listApprovalsInStatus(
    status: ApprovalStatus,
    options: { limit?: number; after?: string; updatedBefore?: string } = {},
  ) {
    return this.listFromPointers(approvalsInStatusPartition(status), options);
  }

  async listApprovalsAwaitingEmail(options: { updatedBefore?: string } = {}) {
    return (await this.listFromPointers(APPROVALS_AWAITING_EMAIL_PARTITION, options)).approvals;
  }

  /**
   * The approvals one pointer partition names, newest first: a page of pointers, then one batch read of
   * the approvals, keeping those the pointer still matches; `next` is the sort key to continue after.
   */
  private async listFromPointers(
    pk: string,
    options: { limit?: number; after?: string; updatedBefore?: string },
  ): Promise<{ approvals: Approval[]; next?: string }> {
    const found: Approval[] = [];
    const seen = new Set<string>();
    let startKey: Record<string, unknown> | undefined = options.after ? { pk, sk: options.after } : undefined;
    do {
      const want = options.limit ? Math.min(100, options.limit - found.length) : 100;
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.registryTableName,
          KeyConditionExpression: options.updatedBefore ? 'pk = :pk AND sk < :before' : 'pk = :pk',
          ExpressionAttributeValues: {
            ':pk': pk,
            ...(options.updatedBefore ? { ':before': options.updatedBefore } : {}),
          },
          ScanIndexForward: false,
          Limit: want,
          ExclusiveStartKey: startKey,
        }),
      );
      const pointers = (page.Items ?? []) as Key[];
      const approvals = await this.getApprovals(
        pointers.map((pointer) => pointer.sk.slice(pointer.sk.indexOf('#') + 1)),
      );
      for (const pointer of pointers) {
        const approvalId = pointer.sk.slice(pointer.sk.indexOf('#') + 1);
        const approval = approvals.get(approvalId);
        if (!approval || seen.has(approvalId)) continue;
        if (!pointerKeysOf(approval).some((key) => key.pk === pk && key.sk === pointer.sk)) continue;
        seen.add(approvalId);
        found.push(approval);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && (!options.limit || found.length < options.limit));
    return { approvals: found, ...(startKey ? { next: String(startKey.sk) } : {}) };
  }

  /** The approvals with these ids (batch reads of 100, strongly consistent: a pointer is checked against the latest write). */
  private async getApprovals(approvalIds: string[]) {
    const byId = new Map<string, Approval>();
    const unique = [...new Set(approvalIds)];
    for (let start = 0; start < unique.length; start += 100) {
      let keys: Record<string, unknown>[] | undefined = unique
        .slice(start, start + 100)
        .map((approvalId) => ({ approvalId }));
      for (let round = 0; keys?.length; round += 1) {
        if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** round)));
        const { Responses, UnprocessedKeys } = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } },
          }),
        );
        for (const item of Responses?.[this.tableName] ?? [])
          byId.set(String(item.approvalId), item as Approval);
        keys = UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return byId;
  }

  private async putPointers(keys: Key[], approvalId: string) {
    await Promise.all(
      keys.map((key) =>
        this.client.send(
          new PutCommand({
            TableName: this.registryTableName,
            Item: { ...key, kind: 'approval-pointer', approvalId },
          }),
        ),
      ),
    );
  }

  private async deletePointers(keys: Key[]) {
    await Promise.all(
      keys.map((key) => this.client.send(new DeleteCommand({ TableName: this.registryTableName, Key: key }))),
    );
  }

  /** After a refused write: drops the pointers written ahead that do not match the approval as it is. */
  private async dropPointersNotMatching(ahead: Key[], approvalId: string) {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { approvalId }, ConsistentRead: true }),
    );
    await this.deletePointers(Item ? keysNotIn(ahead, pointerKeysOf(Item as Approval)) : ahead);
  }

  /**
   * One conditional update of an approval with its pointers kept right (see the class comment); returns
   * the approval as it was, or undefined when the condition refused the write (nothing changed).
   */
  private async writeTracked(
    approvalId: string,
    changes: Record<string, unknown>,
    update: Omit<UpdateCommandInput, 'TableName' | 'Key' | 'ReturnValues'>,
    options: { throwWhenRefused?: boolean } = {},
  ): Promise<Approval | undefined> {
    const ahead =
      typeof changes.status === 'string' && typeof changes.updatedAt === 'string'
        ? pointerKeysOf({
            approvalId,
            status: changes.status as ApprovalStatus,
            updatedAt: changes.updatedAt,
            email: changes.email as Approval['email'],
          })
        : [];
    await this.putPointers(ahead, approvalId);
    let old: Approval;
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { approvalId },
          ...update,
          ReturnValues: 'ALL_OLD',
        }),
      );
      old = Attributes as Approval;
    } catch (error) {
      if (ahead.length) await this.dropPointersNotMatching(ahead, approvalId);
      if (isConditionFailure(error) && !options.throwWhenRefused) return undefined;
      throw error;
    }
    const now = pointerKeysOf(withChanges(old, changes));
    const before = pointerKeysOf(old);
    // A change of the email alone can add a pointer (a bounce after "sent"): written after, as it cannot be known before.
    await this.putPointers(keysNotIn(now, [...ahead, ...before]), approvalId);
    await this.deletePointers(keysNotIn([...before, ...ahead], now));
    return old;
  }

  listApprovalsOfCompletion(participantId: string, courseId: string) {
    return this.queryByParticipant(participantId, courseId);
  }

  listApprovalsOfParticipant(participantId: string) {
    return this.queryByParticipant(participantId);
  }

  private async queryByParticipant(participantId: string, courseId?: string) {
    const found: Approval[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: APPROVALS_BY_PARTICIPANT_COURSE_INDEX,
          KeyConditionExpression: courseId
            ? 'participantId = :participantId AND courseId = :courseId'
            : 'participantId = :participantId',
          ExpressionAttributeValues: {
            ':participantId': participantId,
            ...(courseId ? { ':courseId': courseId } : {}),
          },
          ExclusiveStartKey: startKey,
        }),
      );
      found.push(...((page.Items ?? []) as Approval[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  /**
   * One course's approvals, newest first: a page of the course index's keys (KEYS_ONLY, so status changes
   * never write it), then one strongly consistent batch read of the approvals, keeping those in `status`
   * when one is given. `next` is `<approvedAt>#<approvalId>` of the last approval returned.
   */
  async listApprovalsOfCourse(
    courseId: string,
    options: { limit?: number; after?: string; status?: ApprovalStatus } = {},
  ): Promise<{ approvals: Approval[]; next?: string }> {
    const cursorOf = (key: { approvedAt: string; approvalId: string }) =>
      `${key.approvedAt}#${key.approvalId}`;
    const found: Approval[] = [];
    let startKey: Record<string, unknown> | undefined;
    if (options.after) {
      const split = options.after.indexOf('#');
      startKey = {
        courseId,
        approvedAt: options.after.slice(0, split),
        approvalId: options.after.slice(split + 1),
      };
    }
    do {
      // Without a status filter every key read is returned, so read no more than the page needs, and one
      // more: it tells whether anything follows, so the last page has no `next` (and no empty page after).
      const want = options.limit && !options.status ? Math.min(100, options.limit - found.length + 1) : 100;
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: APPROVALS_BY_COURSE_INDEX,
          KeyConditionExpression: 'courseId = :courseId',
          ExpressionAttributeValues: { ':courseId': courseId },
          ScanIndexForward: false,
          Limit: want,
          ExclusiveStartKey: startKey,
        }),
      );
      const keys = (page.Items ?? []) as { approvalId: string; approvedAt: string }[];
      const approvals = await this.getApprovals(keys.map((key) => key.approvalId));
      for (const [at, key] of keys.entries()) {
        const approval = approvals.get(key.approvalId);
        if (approval && (!options.status || approval.status === options.status)) found.push(approval);
        if (options.limit && found.length === options.limit) {
          // Full mid-page: continue after this key next time, if anything follows it.
          const more = at < keys.length - 1 || page.LastEvaluatedKey !== undefined;
          return { approvals: found, ...(more ? { next: cursorOf(key) } : {}) };
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return { approvals: found };
  }

  async moveStatus(
    approvalId: string,
    move: { from: ApprovalStatus; to: ApprovalStatus; updatedAt: string },
  ) {
    const old = await this.writeTracked(
      approvalId,
      { status: move.to, updatedAt: move.updatedAt },
      {
        ConditionExpression: '#status = :from',
        UpdateExpression: 'SET #status = :to, #updatedAt = :updatedAt',
        ExpressionAttributeNames: { '#status': 'status', '#updatedAt': 'updatedAt' },
        ExpressionAttributeValues: { ':from': move.from, ':to': move.to, ':updatedAt': move.updatedAt },
      },
    );
    return old !== undefined;
  }

  async requeueForEvaluation(
    approvalId: string,
    updatedAt: string,
    from: 'not_eligible' | 'awaiting_consent' = 'not_eligible',
  ) {
    const old = await this.writeTracked(
      approvalId,
      { status: 'received', updatedAt },
      {
        ConditionExpression: '#status = :waiting',
        UpdateExpression:
          'SET #status = :received, #updatedAt = :updatedAt, #evaluation = if_not_exists(#evaluation, :zero) + :one',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#updatedAt': 'updatedAt',
          '#evaluation': 'evaluation',
        },
        ExpressionAttributeValues: {
          ':waiting': from,
          ':received': 'received',
          ':updatedAt': updatedAt,
          ':zero': 0,
          ':one': 1,
        },
      },
    );
    return old === undefined ? undefined : (old.evaluation ?? 0) + 1;
  }
}

/** The partition of the open-claim pointers (see DynamoDbClaimLedger.listUnfinished). */
const CLAIMS_OPEN_PARTITION = 'CLAIM-OPEN';

export class DynamoDbClaimLedger implements ClaimLedger {
  private readonly table: RegistryTable;
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.table = new RegistryTable(client, tableName);
  }
  private static keyOf(key: string): Key {
    return { pk: `CLAIM#${key}`, sk: 'CLAIM' };
  }

  /** `CLAIM-OPEN` / `<key>`: one pointer per claim not done, so the stuck-work listing is one query. */
  private static openPointerOf(key: string): Key {
    return { pk: CLAIMS_OPEN_PARTITION, sk: key };
  }

  async claim(key: string, attempt: { holder: string; now: Date; leaseMs: number }): Promise<ClaimGrant> {
    const now = attempt.now.toISOString();
    // Written ahead of the claim, so a claim taken is always listed; done is final, so a pointer to a done
    // claim is dropped by whoever sees it (complete, a refused claim, the listing).
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...DynamoDbClaimLedger.openPointerOf(key),
          kind: 'claim-pointer',
          key,
          [REGISTRY_TTL_ATTRIBUTE]: ttlAfter(now, RETENTION.claims.days),
        },
      }),
    );
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: DynamoDbClaimLedger.keyOf(key),
          UpdateExpression:
            'SET #key = :key, #state = :leased, holder = :holder, claimedAt = :now, leaseExpiresAt = :until, kind = :kind, ' +
            // Retention (functions/core/retention.ts): the claim goes a while after its last taking.
            `${REGISTRY_TTL_ATTRIBUTE} = :ttl ` +
            'ADD attempts :one',
          // ISO-8601 UTC strings from toISOString() order as the instants they name.
          ConditionExpression:
            'attribute_not_exists(pk) OR #state = :released OR (#state = :leased AND leaseExpiresAt < :now)',
          ExpressionAttributeNames: { '#key': 'key', '#state': 'state' },
          ExpressionAttributeValues: {
            ':key': key,
            ':leased': 'leased',
            ':released': 'released',
            ':holder': attempt.holder,
            ':now': now,
            ':until': new Date(attempt.now.getTime() + attempt.leaseMs).toISOString(),
            ':kind': 'claim',
            ':one': 1,
            ':ttl': ttlAfter(now, RETENTION.claims.days),
          },
          ReturnValues: 'UPDATED_OLD',
        }),
      );
      return {
        granted: true,
        takenOver: Attributes?.state === 'leased',
        attempts: Number(Attributes?.attempts ?? 0) + 1,
      };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const record = await this.get(key);
      if (!record) throw error;
      if (record.state === 'done') await this.dropOpenPointer(key);
      return { granted: false, record };
    }
  }

  private async dropOpenPointer(key: string) {
    await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: DynamoDbClaimLedger.openPointerOf(key) }),
    );
  }

  async complete(key: string, holder: string, at: Date, outcome?: Record<string, string>) {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: DynamoDbClaimLedger.keyOf(key),
        ConditionExpression: 'attribute_exists(pk)',
        ...updateExpressionFor({
          state: 'done',
          holder,
          completedAt: at.toISOString(),
          ...(outcome ? { outcome } : {}),
        }),
      }),
    );
    await this.dropOpenPointer(key);
  }

  async release(key: string, holder: string, error: string) {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: DynamoDbClaimLedger.keyOf(key),
          UpdateExpression: 'SET #state = :released, lastError = :error',
          // Only the holder gives a claim back: one whose lease was taken over must not free the new holder's.
          ConditionExpression: '#state = :leased AND holder = :holder',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':released': 'released',
            ':leased': 'leased',
            ':holder': holder,
            ':error': error.slice(0, 1000),
          },
        }),
      );
    } catch (failure) {
      if (!isConditionFailure(failure)) throw failure;
    }
  }

  get(key: string) {
    return this.table.get<ClaimRecord>(DynamoDbClaimLedger.keyOf(key));
  }

  /**
   * The claims not done whose lease ran out before the given time: one query of the open-claim pointers
   * (work in flight or stuck, a handful) and a batch read of those claims. A pointer to a claim found done
   * (a crash between the completion and the pointer's delete) is skipped, and goes with its TTL: the
   * listing stays read-only, as the sweep's grants are.
   */
  async listUnfinished(leaseExpiredBefore: Date) {
    const pointers = await queryAll(this.client, this.tableName, CLAIMS_OPEN_PARTITION);
    const keys = pointers.map((pointer) => String(pointer.sk));
    const unfinished: ClaimRecord[] = [];
    for (let start = 0; start < keys.length; start += 100) {
      let batch: Record<string, unknown>[] | undefined = keys
        .slice(start, start + 100)
        .map((key) => DynamoDbClaimLedger.keyOf(key));
      for (let round = 0; batch?.length; round += 1) {
        if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** round)));
        const { Responses, UnprocessedKeys } = await this.client.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: batch, ConsistentRead: true } } }),
        );
        for (const item of Responses?.[this.tableName] ?? []) {
          const claim = withoutKeys<ClaimRecord>(item)!;
          if (claim.state !== 'done' && claim.leaseExpiresAt < leaseExpiredBefore.toISOString())
            unfinished.push(claim);
        }
        batch = UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return unfinished;
  }
}

export class DynamoDbParticipantAccessTokens implements ParticipantAccessTokens {
  private readonly table: RegistryTable;
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.table = new RegistryTable(client, tableName);
  }
  private static keyOf(tokenHash: string): Key {
    return { pk: `ACCESS_TOKEN#${tokenHash}`, sk: 'ACCESS_TOKEN' };
  }
  private static pointerOf(participantId: string, tokenHash: string): Key {
    return { pk: `PARTICIPANT#${participantId}`, sk: `ACCESS_TOKEN#${tokenHash}` };
  }

  async addToken(record: ParticipantAccessTokenRecord) {
    const ttl = { [REGISTRY_TTL_ATTRIBUTE]: ttlAfter(record.expiresAt, ACCESS_TOKEN_GRACE_DAYS) };
    const pointer = DynamoDbParticipantAccessTokens.pointerOf(record.participantId, record.tokenHash);
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...record,
                ...ttl,
                ...DynamoDbParticipantAccessTokens.keyOf(record.tokenHash),
                kind: 'access-token',
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: { ...record, ...ttl, ...pointer, kind: 'access-token-pointer' },
            },
          },
        ],
      }),
    );
  }

  findToken(tokenHash: string) {
    return this.table.get<ParticipantAccessTokenRecord>(DynamoDbParticipantAccessTokens.keyOf(tokenHash));
  }

  async revokeTokensOf(participantId: string, at: string) {
    let revoked = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `PARTICIPANT#${participantId}`, ':prefix': 'ACCESS_TOKEN#' },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const record = withoutKeys<ParticipantAccessTokenRecord>(item)!;
        if (record.revokedAt) continue;
        const revocation = {
          ConditionExpression: 'attribute_exists(pk)',
          ...updateExpressionFor({ revokedAt: at }),
        };
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.tableName,
                  Key: DynamoDbParticipantAccessTokens.keyOf(record.tokenHash),
                  ...revocation,
                },
              },
              { Update: { TableName: this.tableName, Key: { pk: item.pk, sk: item.sk }, ...revocation } },
            ],
          }),
        );
        revoked += 1;
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return revoked;
  }
}

/** The participant's page: their progress and certificate pointers, by query on `PARTICIPANT#<id>`. */
export class DynamoDbParticipantRecords implements ParticipantRecords {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private itemsUnder(participantId: string, prefix: string) {
    return queryAll(this.client, this.tableName, `PARTICIPANT#${participantId}`, prefix);
  }

  async listEnrolmentsOf(participantId: string) {
    return (await this.itemsUnder(participantId, 'ENROLMENT#')).map((item) => withoutKeys<Enrolment>(item)!);
  }

  async listProgressOf(participantId: string) {
    return (await this.itemsUnder(participantId, 'PROGRESS#')).map((item) => withoutKeys<Progress>(item)!);
  }

  async findParticipantIdByEmailHash(emailHash: string) {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `EMAIL#${emailHash}`, sk: 'EMAIL' } }),
    );
    return Item?.participantId as string | undefined;
  }

  async listAccessTokensOf(participantId: string) {
    return (await this.itemsUnder(participantId, 'ACCESS_TOKEN#')).map(
      (item) => withoutKeys<ParticipantAccessTokenRecord>(item)!,
    );
  }

  async listNoticesSentTo(participantId: string) {
    return (await this.itemsUnder(participantId, 'NOTICE#')).map(
      (item) => withoutKeys<SentNoticeRecord>(item)!,
    );
  }

  async listAccessesTo(participantId: string) {
    return (await this.itemsUnder(participantId, 'ACCESS#')).map(
      (item) => withoutKeys<PersonalDataAccessRecord>(item)!,
    );
  }

  async listConsentsOf(participantId: string) {
    return (await this.itemsUnder(participantId, 'CONSENT#')).map(
      (item) => withoutKeys<ConsentRecord>(item)!,
    );
  }

  async listCertificateNumbersOf(participantId: string) {
    return (await this.itemsUnder(participantId, 'CERTIFICATE#')).map(
      (item) => item.certificateNumber as string,
    );
  }
}

/**
 * Enrolments, kept twice in one transaction: under the participant (their page lists their courses) and
 * under the course (staff's tracking lists a course's participants), each a query on its own key.
 */
export class DynamoDbEnrolmentStore implements EnrolmentStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putEnrolment(enrolment: Enrolment) {
    const { participantId, courseId } = enrolment;
    return transactAllOrNone(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...enrolment,
            pk: `PARTICIPANT#${participantId}`,
            sk: `ENROLMENT#${courseId}`,
            kind: 'enrolment',
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...enrolment,
            pk: `COURSE#${courseId}`,
            sk: `ENROLLED#${participantId}`,
            kind: 'course-enrolment',
          },
        },
      },
    ]);
  }

  async getEnrolment(participantId: string, courseId: string) {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `PARTICIPANT#${participantId}`, sk: `ENROLMENT#${courseId}` },
      }),
    );
    return withoutKeys<Enrolment>(Item);
  }

  async listEnrolmentsOfCourse(courseId: string) {
    return (await queryAll(this.client, this.tableName, `COURSE#${courseId}`, 'ENROLLED#')).map(
      (item) => withoutKeys<Enrolment>(item)!,
    );
  }
}

/**
 * What was sent to a participant and who read their data, under `PARTICIPANT#<id>` (sort keys
 * `NOTICE#<at>#<messageId>` and `ACCESS#<at>#<actor>`), so an export and an erasure find them by key.
 */
export class DynamoDbPersonalDataLog implements PersonalDataLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  recordNoticeSent(record: SentNoticeRecord) {
    return this.putUnder(record.participantId, `NOTICE#${record.sentAt}#${record.messageId}`, 'sent-notice', {
      ...record,
      [REGISTRY_TTL_ATTRIBUTE]: ttlAfter(record.sentAt, RETENTION.sentNotices.days),
    });
  }

  recordAccess(record: PersonalDataAccessRecord) {
    return this.putUnder(
      record.participantId,
      `ACCESS#${record.at}#${record.actor}`,
      'personal-data-access',
      {
        ...record,
        [REGISTRY_TTL_ATTRIBUTE]: ttlAfter(record.at, RETENTION.accessTrail.days),
      },
    );
  }

  recordConsent(record: ConsentRecord) {
    return this.putUnder(
      record.participantId,
      `CONSENT#${record.at}#${record.purpose}`,
      'consent-decision',
      record,
    );
  }

  private async putUnder(participantId: string, sk: string, kind: string, record: object) {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...record, pk: `PARTICIPANT#${participantId}`, sk, kind },
      }),
    );
  }
}

/**
 * What an erasure deletes by key: the tombstone (`PARTICIPANT#<id>` / `TOMBSTONE`, never deleted), and
 * every other item in the participant's partition but the access trail (`ACCESS#…`), whatever its sort
 * key, so records added later (consent records, `CONSENT#…`) are erased without a change here.
 */
export class DynamoDbParticipantErasures implements ParticipantErasures {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private static tombstoneKeyOf(participantId: string): Key {
    return { pk: `PARTICIPANT#${participantId}`, sk: TOMBSTONE_SORT_KEY };
  }

  async getTombstone(participantId: string) {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: DynamoDbParticipantErasures.tombstoneKeyOf(participantId),
      }),
    );
    return withoutKeys<ErasureTombstone>(Item);
  }

  async putTombstone(tombstone: ErasureTombstone) {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...tombstone,
          ...DynamoDbParticipantErasures.tombstoneKeyOf(tombstone.participantId),
          kind: 'tombstone',
        },
      }),
    );
  }

  /** Deletes one item; 1 when it was there, 0 when it was not (or no longer matched). */
  private async deleteKey(key: Key, condition?: { participantId: string }) {
    try {
      const { Attributes } = await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key,
          ReturnValues: 'ALL_OLD',
          ...(condition
            ? {
                ConditionExpression: 'attribute_not_exists(pk) OR participantId = :participantId',
                ExpressionAttributeValues: { ':participantId': condition.participantId },
              }
            : {}),
        }),
      );
      return Attributes ? 1 : 0;
    } catch (error) {
      if (isConditionFailure(error)) return 0;
      throw error;
    }
  }

  deleteEmailLookup(participantId: string, email: string) {
    // Only if the address still points at this participant: another may have registered it since.
    return this.deleteKey({ pk: `EMAIL#${emailHashOf(email)}`, sk: 'EMAIL' }, { participantId });
  }

  deleteAccessToken(tokenHash: string) {
    return this.deleteKey({ pk: `ACCESS_TOKEN#${tokenHash}`, sk: 'ACCESS_TOKEN' });
  }

  deleteCourseEnrolment(courseId: string, participantId: string) {
    return this.deleteKey({ pk: `COURSE#${courseId}`, sk: `ENROLLED#${participantId}` });
  }

  async deletePersonalItemsOf(participantId: string) {
    const removed: Record<string, number> = {};
    for (const item of await queryAll(this.client, this.tableName, `PARTICIPANT#${participantId}`)) {
      const sk = String(item.sk);
      if (sk === TOMBSTONE_SORT_KEY || sk.startsWith('ACCESS#')) continue;
      const counted = await this.deleteKey({ pk: String(item.pk), sk });
      const kind = String(item.kind ?? sk.split('#')[0]);
      removed[kind] = (removed[kind] ?? 0) + counted;
    }
    return removed;
  }
}

const TOMBSTONE_SORT_KEY = 'TOMBSTONE';

/** Parked xAPI statements in one partition, one item per statement id (a resent statement overwrites itself). */
export class DynamoDbXapiParking implements XapiParking {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async park(statement: ParkedStatement) {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...statement,
          pk: 'XAPI_PARKED',
          sk: `STATEMENT#${statement.statementId}`,
          kind: 'xapi-parked',
        },
      }),
    );
  }

  async listParked() {
    return (await queryAll(this.client, this.tableName, 'XAPI_PARKED', 'STATEMENT#'))
      .map((item) => withoutKeys<ParkedStatement>(item)!)
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }
}

/** Survey links are kept this long past their expiry, so a late click still gets "not valid", then dropped. */
const SURVEY_TOKEN_GRACE_DAYS = 30;

/**
 * Feedback after issuance in the registry table:
 *
 *   SURVEY_TOKEN#<sha256>         SURVEY_TOKEN             (a survey link by its token's hash: the number only)
 *   PARTICIPANT#<participantId>   FEEDBACK#<number>        (the response, free text included: exported and
 *                                                          erased with the participant's partition)
 *   FEEDBACK_PERIOD#<2026-Q4>     CERTIFICATE#<number>     (certificates first answered in a quarter: the number only)
 *   STAFF_FEEDBACK#<2026-Q4>      <recordedAt>#<entryId>   (staff's notes on the process)
 *   SURVEY_DUE#<yyyy-mm-dd>       CERTIFICATE#<number>     (the survey reminder falls due that day)
 *
 * Nothing outside the participant's partition names or quotes them: the pointers carry certificate
 * numbers, and the listing reads each response under its participant's key.
 */
export class DynamoDbFeedbackStore implements FeedbackStore {
  private readonly table: RegistryTable;
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.table = new RegistryTable(client, tableName);
  }

  private static responseKeyOf(participantId: string, number: string): Key {
    return { pk: `PARTICIPANT#${participantId}`, sk: `FEEDBACK#${number}` };
  }

  async addSurveyToken(record: SurveyTokenRecord) {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...record,
          pk: `SURVEY_TOKEN#${record.tokenHash}`,
          sk: 'SURVEY_TOKEN',
          kind: 'survey-token',
          [REGISTRY_TTL_ATTRIBUTE]: ttlAfter(record.expiresAt, SURVEY_TOKEN_GRACE_DAYS),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  findSurveyToken(tokenHash: string) {
    return this.table.get<SurveyTokenRecord>({ pk: `SURVEY_TOKEN#${tokenHash}`, sk: 'SURVEY_TOKEN' });
  }

  getResponse(participantId: string, number: string) {
    return this.table.get<FeedbackResponse>(DynamoDbFeedbackStore.responseKeyOf(participantId, number));
  }

  async putResponse(response: FeedbackResponse) {
    // One item per certificate, replaced whole: a second answer updates, never adds.
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...response,
                ...DynamoDbFeedbackStore.responseKeyOf(response.participantId, response.certificateNumber),
                kind: 'feedback-response',
              },
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: {
                pk: `FEEDBACK_PERIOD#${quarterOf(response.firstSubmittedAt)}`,
                sk: `CERTIFICATE#${response.certificateNumber}`,
                kind: 'feedback-period-pointer',
                certificateNumber: response.certificateNumber,
              },
            },
          },
        ],
      }),
    );
  }

  async listResponsesOf(participantId: string) {
    return (await queryAll(this.client, this.tableName, `PARTICIPANT#${participantId}`, 'FEEDBACK#')).map(
      (item) => withoutKeys<FeedbackResponse>(item)!,
    );
  }

  async listResponseNumbersIn(period: string) {
    return (await queryAll(this.client, this.tableName, `FEEDBACK_PERIOD#${period}`)).map(
      (item) => item.certificateNumber as string,
    );
  }

  addStaffEntry(entry: StaffFeedbackEntry) {
    return this.table.put(
      { pk: `STAFF_FEEDBACK#${entry.period}`, sk: `${entry.recordedAt}#${entry.entryId}` },
      'staff-feedback',
      entry,
    );
  }

  async listStaffEntriesIn(period: string) {
    return (await queryAll(this.client, this.tableName, `STAFF_FEEDBACK#${period}`)).map(
      (item) => withoutKeys<StaffFeedbackEntry>(item)!,
    );
  }

  async scheduleSurveyReminder(number: string, day: string) {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `SURVEY_DUE#${day}`,
          sk: `CERTIFICATE#${number}`,
          kind: 'survey-reminder-pointer',
          certificateNumber: number,
          // The reminder run looks a week back at most; the pointer is of no use after that.
          [REGISTRY_TTL_ATTRIBUTE]: ttlAfter(`${day}T00:00:00.000Z`, SURVEY_TOKEN_GRACE_DAYS),
        },
      }),
    );
  }

  async listSurveyRemindersDueOn(day: string) {
    return (await queryAll(this.client, this.tableName, `SURVEY_DUE#${day}`)).map(
      (item) => item.certificateNumber as string,
    );
  }
}

/** Table definitions for the local stack; CDK declares the same keys (lib/). */
export const approvalsTableKeySchema = { partitionKey: 'approvalId' } as const;
export const registryTableKeySchema = { partitionKey: 'pk', sortKey: 'sk' } as const;
