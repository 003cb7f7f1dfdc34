import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ReportLedger } from '../../core/ports.js';
import {
  counterIncrementsOf,
  type PeriodCounters,
  periodsContaining,
  type ReportEvent,
  recipientHashOf,
  reportEventIdOf,
  reportEventTimeOf,
} from '../../core/reports.js';
import { REGISTRY_TTL_ATTRIBUTE, ttlAfter } from './registry-ttl.js';

/**
 * The report counters, in the registry table:
 *
 *   REPORT#<period>                          TOTAL | COURSE#<courseId>   counters (ADD), one item per scope
 *   REPORT_EVENT#<event id>                  REPORT_EVENT               marker: this event is counted
 *   REPORT_RECIPIENT#<period>#<scope>#<hash> REPORT_RECIPIENT           marker: this participant is counted
 *
 * An event is counted by one transaction: put its marker if absent, and ADD to the four counter items
 * (month and quarter, course and total), together with the recipient's markers and their distinct count
 * when none is there yet. A replay finds the marker and the whole transaction is refused, so nothing is
 * counted twice. A period's report is one Query of its partition.
 */
export const REPORT_COUNTERS_KIND = 'report-counters';

/** Markers are kept long enough to absorb any replay (Step Functions keeps executions 90 days), then dropped. */
const MARKER_DAYS = 400;

/** Tries of a transaction that lost a race with another on the same counters (about 1 s in all). */
const CONFLICT_ATTEMPTS = 6;

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

export const reportPartitionOf = (periodId: string) => `REPORT#${periodId}`;
export const reportScopeOf = (courseId?: string) => (courseId ? `COURSE#${courseId}` : 'TOTAL');

/** The ADD update of one counter item, as a transaction item (the bench writes the same shape). */
export function counterUpdateOf(
  tableName: string,
  periodId: string,
  courseId: string | undefined,
  increments: Record<string, number>,
): TransactItems[number] {
  const names: Record<string, string> = { '#kind': 'kind', '#period': 'period' };
  const values: Record<string, unknown> = { ':kind': REPORT_COUNTERS_KIND, ':period': periodId };
  const adds = Object.entries(increments).map(([name, amount], index) => {
    names[`#c${index}`] = name;
    values[`:c${index}`] = amount;
    return `#c${index} :c${index}`;
  });
  let set = 'SET #kind = :kind, #period = :period';
  if (courseId) {
    names['#course'] = 'courseId';
    values[':course'] = courseId;
    set += ', #course = :course';
  }
  return {
    Update: {
      TableName: tableName,
      Key: { pk: reportPartitionOf(periodId), sk: reportScopeOf(courseId) },
      UpdateExpression: `${set} ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

export class DynamoDbReportLedger implements ReportLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(event: ReportEvent): Promise<{ counted: boolean }> {
    const at = reportEventTimeOf(event);
    const periods = periodsContaining(at);
    const scopes = event.courseId ? [event.courseId, undefined] : [undefined];
    const increments = counterIncrementsOf(event);
    const id = reportEventIdOf(event);
    const recipient = recipientHashOf(event);
    const targets = periods.flatMap((period) => scopes.map((scope) => ({ period, scope })));
    const eventMarker = id
      ? [
          this.markerPut(`REPORT_EVENT#${id}`, 'REPORT_EVENT', 'report-event', at, {
            countedAt: new Date().toISOString(),
          }),
        ]
      : [];
    const recipientMarkerOf = (period: string, scope: string | undefined) =>
      this.markerPut(
        `REPORT_RECIPIENT#${period}#${reportScopeOf(scope)}#${recipient}`,
        'REPORT_RECIPIENT',
        'report-recipient',
        at,
      );

    // The usual case, a new event of a participant not yet counted in these periods, in one transaction:
    // the event's marker, the recipient's markers and the counters with uniqueRecipients added. It is
    // refused whole if any marker exists (a replay, or the participant's second certificate of the period),
    // and then the steps below count what is left, each exactly once by its own marker. One request
    // instead of five, and the hot TOTAL counters are touched once, so burst issuance contends less.
    if (id && recipient) {
      const together = await this.transact([
        ...eventMarker,
        ...targets.map(({ period, scope }) => recipientMarkerOf(period, scope)),
        ...targets.map(({ period, scope }) =>
          counterUpdateOf(this.tableName, period, scope, {
            ...increments,
            uniqueRecipients: (increments.uniqueRecipients ?? 0) + 1,
          }),
        ),
      ]);
      if (together) return { counted: true };
    }

    const counted = await this.transact([
      ...eventMarker,
      ...targets.map(({ period, scope }) => counterUpdateOf(this.tableName, period, scope, increments)),
    ]);
    // Always tried, counted or replayed: each is exactly-once by its own marker, so a recording that died
    // between the event and its recipients is completed by the replay.
    if (recipient) {
      await Promise.all(
        targets.map(({ period, scope }) =>
          this.transact([
            recipientMarkerOf(period, scope),
            counterUpdateOf(this.tableName, period, scope, { uniqueRecipients: 1 }),
          ]),
        ),
      );
    }
    return { counted };
  }

  /** A marker item put only if absent, dropped by the table's TTL once no replay can come. */
  private markerPut(
    pk: string,
    sk: string,
    kind: string,
    at: string,
    attributes: Record<string, unknown> = {},
  ): TransactItems[number] {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          pk,
          sk,
          kind,
          ...attributes,
          [REGISTRY_TTL_ATTRIBUTE]: ttlAfter(at, MARKER_DAYS),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async readPeriod(periodId: string): Promise<PeriodCounters[]> {
    const rows: PeriodCounters[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': reportPartitionOf(periodId) },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const { pk: _pk, sk, kind: _kind, period: _period, courseId, ...counters } = item;
        rows.push({
          ...(sk === 'TOTAL' ? {} : { courseId: String(courseId ?? String(sk).slice('COURSE#'.length)) }),
          counters: Object.fromEntries(
            Object.entries(counters).filter(([, value]) => typeof value === 'number'),
          ) as Record<string, number>,
        });
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return rows;
  }

  /** False when a marker's condition refused the transaction: the event (or recipient) was counted before. */
  private async transact(items: TransactItems): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = error.CancellationReasons?.map((reason) => reason.Code) ?? [];
        if (codes.includes('ConditionalCheckFailed')) return false;
        // Two events of the same course at once contend for the same counter items: try again shortly.
        if (!codes.includes('TransactionConflict') || attempt >= CONFLICT_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
      }
    }
  }
}
