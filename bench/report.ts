/**
 * Staff report benchmark: how long generating a quarterly report takes when the quarter holds 100,000
 * certificates, against 1,000 (the same code path as GET /operator/reports/{period}).
 *  - starts DynamoDB Local (in memory) and creates one registry table per size;
 *  - for N certificates spread over the three months of 2026-Q4 and 20 courses (and N/10 in 2026-Q3, for
 *    the comparison column), with not-eligible approvals, failures, mail and engagement alongside, computes
 *    the counters the ledger would hold and writes them directly, batched: the counter items, one event
 *    marker per event and one recipient marker per participant, period and scope (as `record` leaves them);
 *  - checks the report's figures against the events, then times buildPeriodReport('2026-Q4') a few times
 *    and prints the p50 (and min/max), plus the latency of recording one event through the real ledger.
 * Usage: npx tsx bench/report.ts [large=100000] [small=1000] [runs=7]
 */
import { performance } from 'node:perf_hooks';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { BatchWriteCommand, PutCommand } = await import('@aws-sdk/lib-dynamodb');
const { createAwsClients } = await import('../functions/adapters/aws/clients.js');
const { DynamoDbReportLedger, reportPartitionOf, reportScopeOf } = await import(
  '../functions/adapters/aws/dynamodb-report-ledger.js'
);
const reports = await import('../functions/core/reports.js');
const { buildPeriodReport } = await import('../functions/core/use-cases/staff-reports.js');
const { ensureTables } = await import('../functions/local/local-stack.js');
const { startDynamoDbLocal } = await import('../functions/local/services.js');

type ReportEvent = import('../functions/core/reports.js').ReportEvent;

const LARGE = Number(process.argv[2] ?? 100_000);
const SMALL = Number(process.argv[3] ?? 1_000);
const RUNS = Number(process.argv[4] ?? 7);
const COURSES = 20;
const WRITE_CONCURRENCY = 8;

const dynamodb = await startDynamoDbLocal({});
const clients = createAwsClients({ region: 'eu-west-1', dynamodbEndpoint: dynamodb.endpoint });
const { documentClient } = clients;

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number) {
  // mulberry32: 32-bit integer arithmetic throughout (a float LCG loses bits and repeats early).
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The events of `certificates` issued certificates in a quarter (2026-Q4, or Q3 for the comparison). */
function* eventsOf(certificates: number, quarterStart: string, seed: number): Generator<ReportEvent> {
  const next = random(seed);
  const start = Date.parse(quarterStart);
  const quarterMs = 91 * 86_400_000;
  const participants = Math.max(1, Math.floor(certificates * 0.8));
  for (let index = 0; index < certificates; index += 1) {
    const courseId = `course-${String(Math.floor(next() * COURSES)).padStart(2, '0')}`;
    const approvedAt = new Date(start + Math.floor(next() * (quarterMs - 6 * 86_400_000)));
    // Most within a minute, a tail of hours to days (a failure retried, a backlog), all inside the quarter.
    const seconds = next() < 0.9 ? 5 + next() * 60 : 600 + next() * 3 * 86_400;
    const issuedAt = new Date(approvedAt.getTime() + seconds * 1000).toISOString();
    const certificateNumber = `${seed}N${index}`;
    yield {
      type: 'issued',
      certificateNumber,
      courseId,
      participantId: `participant-${Math.floor(next() * participants)}`,
      approvedAt: approvedAt.toISOString(),
      issuedAt,
      issueBy: new Date(approvedAt.getTime() + 7 * 86_400_000).toISOString(),
    };
    const at = issuedAt;
    yield {
      type: 'mail',
      messageId: `m-${certificateNumber}`,
      outcome: next() < 0.97 ? 'delivered' : 'bounced',
      courseId,
      at,
    };
    if (next() < 0.25) {
      yield {
        type: 'not-eligible',
        approvalId: `ne-${certificateNumber}`,
        courseId,
        at,
        missing: next() < 0.5 ? ['QUIZ_BELOW_PASS_MARK'] : ['PEER_REVIEW_MISSING', 'MODULE_NOT_COMPLETED'],
        listKey: 'k',
      };
    }
    if (next() < 0.02)
      yield { type: 'failed', approvalId: `f-${certificateNumber}`, courseId, at, reason: 'x' };
    if (next() < 0.5) yield { type: 'engagement', what: 'view', courseId, at };
  }
}

/** What the ledger would hold after recording these events: counters, event markers, recipient markers. */
function ledgerContentsOf(events: Iterable<ReportEvent>) {
  const counters = new Map<string, { period: string; courseId?: string; values: Record<string, number> }>();
  const eventMarkers: string[] = [];
  const recipientMarkers = new Set<string>();
  let count = 0;
  const add = (period: string, courseId: string | undefined, increments: Record<string, number>) => {
    const key = `${period}|${courseId ?? ''}`;
    const item = counters.get(key) ?? { period, ...(courseId ? { courseId } : {}), values: {} };
    for (const [name, amount] of Object.entries(increments))
      item.values[name] = (item.values[name] ?? 0) + amount;
    counters.set(key, item);
  };
  for (const event of events) {
    count += 1;
    const periods = reports.periodsContaining(reports.reportEventTimeOf(event));
    const scopes = event.courseId ? [event.courseId, undefined] : [undefined];
    const id = reports.reportEventIdOf(event);
    if (id) eventMarkers.push(id);
    for (const period of periods)
      for (const scope of scopes) add(period, scope, reports.counterIncrementsOf(event));
    const recipient = reports.recipientHashOf(event);
    if (recipient)
      for (const period of periods)
        for (const scope of scopes) {
          const marker = `${period}#${reportScopeOf(scope)}#${recipient}`;
          if (recipientMarkers.has(marker)) continue;
          recipientMarkers.add(marker);
          add(period, scope, { uniqueRecipients: 1 });
        }
  }
  return {
    counters: [...counters.values()],
    eventMarkers,
    recipientMarkers: [...recipientMarkers],
    events: count,
  };
}

async function batchWrite(table: string, items: Record<string, unknown>[]) {
  const batches: Record<string, unknown>[][] = [];
  for (let index = 0; index < items.length; index += 25) batches.push(items.slice(index, index + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next]!;
      next += 1;
      let pending = batch.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const result = await documentClient.send(
          new BatchWriteCommand({ RequestItems: { [table]: pending } }),
        );
        pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, worker));
}

async function load(certificates: number) {
  const table = `registry-${certificates}`;
  await ensureTables(clients.dynamodb, { approvals: `approvals-${certificates}`, registry: table });
  const started = performance.now();
  const contents = ledgerContentsOf(
    (function* () {
      yield* eventsOf(certificates, '2026-10-01T00:00:00Z', 7);
      yield* eventsOf(Math.ceil(certificates / 10), '2026-07-01T00:00:00Z', 11);
    })(),
  );
  for (const counter of contents.counters)
    await documentClient.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: reportPartitionOf(counter.period),
          sk: reportScopeOf(counter.courseId),
          kind: 'report-counters',
          period: counter.period,
          ...(counter.courseId ? { courseId: counter.courseId } : {}),
          ...counter.values,
        },
      }),
    );
  await batchWrite(
    table,
    contents.eventMarkers.map((id) => ({
      pk: `REPORT_EVENT#${id}`,
      sk: 'REPORT_EVENT',
      kind: 'report-event',
    })),
  );
  await batchWrite(
    table,
    contents.recipientMarkers.map((marker) => ({
      pk: `REPORT_RECIPIENT#${marker}`,
      sk: 'REPORT_RECIPIENT',
      kind: 'report-recipient',
    })),
  );
  const items = contents.counters.length + contents.eventMarkers.length + contents.recipientMarkers.length;
  return { certificates, table, contents, items, loadSeconds: (performance.now() - started) / 1000 };
}

let liveEvents = 0;
const noCourses = {
  getCourse: async () => undefined,
  putCourse: async () => {},
  listCourses: async () => [],
};
const clock = { now: () => new Date() };

async function measure(loaded: Awaited<ReturnType<typeof load>>) {
  const { certificates } = loaded;
  const ledger = new DynamoDbReportLedger(documentClient, loaded.table);
  const deps = { reports: ledger, courses: noCourses, clock };
  const report = await buildPeriodReport(deps, '2026-Q4');
  if (report.total.current.certificatesIssued !== certificates)
    throw new Error(
      `expected ${certificates} issued, the report says ${report.total.current.certificatesIssued}`,
    );
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await buildPeriodReport(deps, '2026-Q4');
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  // The write path: one event through the real ledger (marker + 4 counters in one transaction, + recipients),
  // in another quarter so the report timed above stays as loaded.
  const recordTimes: number[] = [];
  for (let index = 0; index < 50; index += 1) {
    liveEvents += 1;
    const started = performance.now();
    await ledger.record({
      type: 'issued',
      certificateNumber: `live-${liveEvents}`,
      courseId: 'course-00',
      participantId: `live-participant-${liveEvents}`,
      approvedAt: '2027-01-15T10:00:00Z',
      issuedAt: '2027-01-15T10:00:30Z',
    });
    recordTimes.push(performance.now() - started);
  }
  recordTimes.sort((a, b) => a - b);
  return {
    certificates,
    events: loaded.contents.events,
    itemsWritten: loaded.items,
    loadSeconds: Math.round(loaded.loadSeconds),
    courses: report.courses.length,
    uniqueRecipients: report.total.current.uniqueRecipients,
    p50TimeToCertificateSeconds: report.total.current.timeToCertificateSeconds.p50,
    reportMs: {
      p50: Number(times[Math.floor(times.length / 2)]!.toFixed(1)),
      min: Number(times[0]!.toFixed(1)),
      max: Number(times.at(-1)!.toFixed(1)),
    },
    recordOneEventMsP50: Number(recordTimes[Math.floor(recordTimes.length / 2)]!.toFixed(1)),
  };
}

try {
  // Both tables are loaded before anything is timed, so neither size is measured on a cold JVM.
  const loaded = [await load(SMALL), await load(LARGE)];
  await measure(loaded[0]!);
  const results = [];
  for (const [index, size] of [SMALL, LARGE].entries()) {
    const result = await measure(loaded[index]!);
    results.push(result);
    console.log(
      `${String(size).padStart(7)} certificates (${result.events} events, ${result.itemsWritten} items, loaded in ${result.loadSeconds} s): ` +
        `quarterly report p50 ${result.reportMs.p50} ms (min ${result.reportMs.min}, max ${result.reportMs.max}, ${RUNS} runs); ` +
        `${result.courses} courses, ${result.uniqueRecipients} unique recipients; recording one event p50 ${result.recordOneEventMsP50} ms`,
    );
  }
  console.log(JSON.stringify({ bench: 'report', runs: RUNS, results }));
} finally {
  await dynamodb.stop();
}
