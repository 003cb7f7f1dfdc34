import { expect, it } from 'vitest';
import { runChaos } from '../../functions/local/chaos-run.js';

/**
 * The chaos run, short: approvals through `npm start` with 5% of AWS calls failing (throttling, 5xx,
 * reset connections, answers lost after a write) and one kill -9 of the process group midway. Counted
 * from the tables and the mailbox: nothing duplicated, nothing lost, nothing stuck. `npm run chaos` runs
 * the long version (2,000 approvals, two restarts).
 */
it('loses nothing, duplicates nothing and leaves nothing stuck under injected faults and a crash', async () => {
  const outcome = await runChaos({
    approvals: 40,
    concurrency: 8,
    faultRate: 0.05,
    restarts: 1,
    seed: 20261202,
    settleTimeoutMs: 150_000,
  });
  const injected = Object.values(outcome.injected).reduce((sum, count) => sum + count, 0);
  // The run proves something only if faults were in fact injected, and the crash happened.
  expect(injected).toBeGreaterThan(10);
  expect(outcome.restartsDone).toBe(1);
  expect(outcome.counts).toMatchObject({
    approvals: 40,
    duplicateCertificates: 0,
    duplicateEmails: 0,
    lost: 0,
    stuck: 0,
  });
  // A step that fails four times in a row is parked, visibly (with its certificate if the email step
  // was the one parked); everything else is issued and emailed.
  const { issued, parkedFailed, parkedAfterIssue, emailed } = outcome.counts;
  expect(issued + parkedFailed - parkedAfterIssue).toBe(40);
  expect(emailed).toBeGreaterThanOrEqual(issued - parkedAfterIssue);
  expect(emailed).toBeLessThanOrEqual(issued);
}, 420_000);
