/**
 * `npm run chaos`: N approvals through `npm start` with faults injected at the AWS clients and the
 * process group killed and restarted, then what happened, counted from the stores and the mailbox.
 *
 *   npm run chaos -- [--approvals 2000] [--concurrency 16] [--fault-rate 0.05] [--restarts 2] [--seed 1]
 *
 * Exit code 0 when there are no duplicates, nothing lost and nothing stuck; 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { runChaos } from '../functions/local/chaos-run.js';

const { values } = parseArgs({
  options: {
    approvals: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    'fault-rate': { type: 'string', default: '0.05' },
    restarts: { type: 'string', default: '2' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    'settle-minutes': { type: 'string', default: '20' },
  },
});

const number = (name: keyof typeof values, check: (value: number) => boolean, rule: string) => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || !check(value)) {
    console.error(`--${name} ${rule} (got "${values[name]}")`);
    process.exit(2);
  }
  return value;
};

const outcome = await runChaos({
  approvals: number('approvals', (v) => Number.isInteger(v) && v >= 1, 'must be a whole number ≥ 1'),
  concurrency: number('concurrency', (v) => Number.isInteger(v) && v >= 1, 'must be a whole number ≥ 1'),
  faultRate: number('fault-rate', (v) => v >= 0 && v < 1, 'must be between 0 and 1'),
  restarts: number('restarts', (v) => Number.isInteger(v) && v >= 0, 'must be a whole number ≥ 0'),
  seed: number('seed', Number.isInteger, 'must be a whole number'),
  settleTimeoutMs: number('settle-minutes', (v) => v > 0, 'must be positive') * 60_000,
  log: (line) => console.log(`[chaos] ${line}`),
});

const { options, counts } = outcome;
const rows: [string, string | number][] = [
  ['approvals, concurrency', `${options.approvals}, ${options.concurrency}`],
  ['fault rate, seed', `${options.faultRate}, ${options.seed}`],
  ['process restarts (kill -9 of the group)', outcome.restartsDone],
  ['run time', `${outcome.seconds.toFixed(1)} s`],
  ['faults injected', Object.values(outcome.injected).reduce((sum, count) => sum + count, 0)],
  ...Object.entries(outcome.injected)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, count]): [string, number] => [`  ${kind}`, count]),
  ['approvals recorded', counts.approvals],
  ['certificates issued (approvals with one)', counts.issued],
  ['certificates emailed', counts.emailed],
  ['duplicate certificates', counts.duplicateCertificates],
  ['duplicate emails', counts.duplicateEmails],
  ['  emails repeated at a crash (sent, killed before recorded)', counts.repeatedAtACrash],
  ['lost', counts.lost],
  ['stuck', counts.stuck],
  ['parked as failed (visible, retryable)', counts.parkedFailed],
  ['  of which after the certificate was issued', counts.parkedAfterIssue],
  ['not eligible', counts.notEligible],
];
console.log('');
for (const [label, value] of rows) console.log(`${label.padEnd(58)} ${value}`);
for (const [reason, count] of Object.entries(outcome.failureReasons))
  console.log(`  failed ×${count}: ${reason}`);
const repeated = counts.repeatedAtACrash
  ? ` (${counts.repeatedAtACrash} email(s) repeated because a kill fell between sending and recording it)`
  : '';
console.log(
  `\n${outcome.ok ? `OK: 0 duplicate certificates, 0 duplicate emails${repeated}, 0 lost, 0 stuck` : 'NOT OK: see the counts above'}`,
);
console.log(JSON.stringify({ chaos: outcome }));
process.exitCode = outcome.ok ? 0 : 1;
