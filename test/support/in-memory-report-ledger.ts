import type { ReportLedger } from '../../functions/core/ports.js';
import {
  counterIncrementsOf,
  type PeriodCounters,
  periodsContaining,
  type ReportEvent,
  recipientHashOf,
  reportEventIdOf,
  reportEventTimeOf,
} from '../../functions/core/reports.js';

/** The report ledger in memory, with the DynamoDB ledger's rules: an event id or a recipient counts once. */
export function inMemoryReportLedger() {
  const counters = new Map<string, Record<string, number>>();
  const markers = new Set<string>();
  let failures = 0;
  const add = (period: string, courseId: string | undefined, increments: Record<string, number>) => {
    const key = `${period}|${courseId ?? ''}`;
    const item = counters.get(key) ?? {};
    for (const [name, amount] of Object.entries(increments)) item[name] = (item[name] ?? 0) + amount;
    counters.set(key, item);
  };
  const ledger: ReportLedger = {
    async record(event: ReportEvent) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('the report ledger is unavailable');
      }
      const periods = periodsContaining(reportEventTimeOf(event));
      const scopes = event.courseId ? [event.courseId, undefined] : [undefined];
      const id = reportEventIdOf(event);
      const counted = !id || !markers.has(`event#${id}`);
      if (id) markers.add(`event#${id}`);
      if (counted)
        for (const period of periods)
          for (const scope of scopes) add(period, scope, counterIncrementsOf(event));
      const recipient = recipientHashOf(event);
      if (recipient)
        for (const period of periods)
          for (const scope of scopes) {
            const marker = `recipient#${period}#${scope ?? ''}#${recipient}`;
            if (markers.has(marker)) continue;
            markers.add(marker);
            add(period, scope, { uniqueRecipients: 1 });
          }
      return { counted };
    },
    async readPeriod(periodId: string): Promise<PeriodCounters[]> {
      return [...counters.entries()]
        .filter(([key]) => key.startsWith(`${periodId}|`))
        .map(([key, value]) => {
          const courseId = key.slice(periodId.length + 1);
          return { ...(courseId ? { courseId } : {}), counters: { ...value } };
        });
    },
  };
  return {
    ledger,
    /** Makes the next `count` recordings fail, as a throttled table would. */
    failNext(count: number) {
      failures = count;
    },
  };
}
