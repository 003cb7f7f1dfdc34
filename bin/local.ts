/**
 * `npm start`: the whole system on this machine, on the embedded local stack. No AWS account needed.
 * PORT (default 3000) and DATA_DIR (default ./.data) may be set; Ctrl-C stops everything.
 */
import { resolve } from 'node:path';

// The functions' structured logs are for operators; the console shows what happened unless LOG_LEVEL
// asks for more. Set before the logger module loads: Powertools reads it at every invocation.
process.env.POWERTOOLS_LOG_LEVEL ??= process.env.LOG_LEVEL ?? 'WARN';
const { formatCertificateNumber } = await import('../functions/core/certificate-number.js');
const { startLocalStack } = await import('../functions/local/local-stack.js');
const { loadLocaleSamples, loadSampleProgramme } = await import('../functions/local/sample-programme.js');

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.DATA_DIR ?? '.data');

console.log(`Starting SayPro Certificates (data in ${dataDir}) ...`);
const startedAt = Date.now();
// For the chaos run (bin/chaos.ts) only: faults injected at the AWS clients, and a mailbox that
// outlives this process's restarts.
const faultRate = Number(process.env.CHAOS_FAULT_RATE ?? 0);
// Executions resumed at start-up can end before startLocalStack returns: their lines must not need `stack`.
const siteUrl = () => stackUrl ?? `http://localhost:${port}`;
let stackUrl: string | undefined;
const stack = await startLocalStack({
  dataDir,
  port,
  mailboxPort: Number(process.env.MAIL_PORT ?? port + 1),
  ...(process.env.MAILBOX_URL ? { mailboxEndpoint: process.env.MAILBOX_URL } : {}),
  ...(faultRate > 0
    ? {
        faultInjection: {
          rate: faultRate,
          ...(process.env.CHAOS_SEED ? { seed: Number(process.env.CHAOS_SEED) } : {}),
          ...(process.env.CHAOS_FAULT_JOURNAL ? { journal: process.env.CHAOS_FAULT_JOURNAL } : {}),
        },
      }
    : {}),
  onExecutionEnd(outcome) {
    const number = outcome.output?.certificateNumber;
    if (outcome.status === 'SUCCEEDED' && typeof number === 'string') {
      console.log(
        `Issued certificate ${formatCertificateNumber(number)} (approval ${outcome.approvalId}): ${siteUrl()}/verify/${formatCertificateNumber(number)}`,
      );
    } else if (outcome.status === 'SUCCEEDED') {
      console.log(
        `Approval ${outcome.approvalId}: not yet eligible; the participant was told what is missing.`,
      );
    } else {
      console.log(`Approval ${outcome.approvalId} failed and is parked for an operator: ${outcome.error}`);
    }
  },
});

stackUrl = stack.url;
console.log(`
SayPro Certificates is running (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)
  API and verification site  ${stack.url}           (health: ${stack.url}/health)
  Mailbox (sent email)       ${stack.mailboxUrl}
  Operator API key           ${stack.apiKey}
  CLI                        npx certs status    |   npx certs approve --participant <id> --course <id> --by <you>
Press Ctrl-C to stop.
`);

// The sample is a convenience: a passing fault while loading it is reported, and the system keeps running.
const { loaded } = await loadSampleProgramme(stack.deps)
  .then(async (result) => {
    // A French and an Arabic course beside the English ones (docs/locales.md).
    if (result.loaded) await loadLocaleSamples(stack.deps);
    return result;
  })
  .catch((error: Error) => {
    console.error(`The sample programme was not (fully) loaded: ${error.message}`);
    return { loaded: false };
  });
if (loaded)
  console.log(
    'Loaded the sample programme: 4 courses (one in French, one in Arabic), 8 enrolments (each emailed), 8 approvals. Report: npx certs report --period ' +
      new Date().toISOString().slice(0, 7),
  );

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping ...`);
  await stack.stop();
  console.log('Stopped. Nothing is left running.');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
