/**
 * The operator CLI. It talks to the API (local or deployed) with the operator key:
 *   CERTS_API_URL  default http://localhost:3000 (or PORT)
 *   CERTS_API_KEY  default: the key `npm start` keeps in $DATA_DIR/operator-api-key
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCertificateNumber } from '../functions/core/certificate-number.js';
import { ValidationError } from '../functions/core/errors.js';
import { parseReportPeriod } from '../functions/core/reports.js';
import { VerifyUsageError, verifyOffline } from './verify-offline.js';

const USAGE = `Usage: certs <command> [options]

Commands:
  approve --participant <id> --course <id> --by <approver> [--attempt <n>] [--content <ref>]
        Record an approval; the certificate is issued and emailed if the participant is eligible.
  status [<approvalId>] [--overdue]
        One approval in detail, or every approval with its state (--overdue: only those past their
        issue-by date without a certificate).
  status --course <id> [--status <status>] [--limit <n>] [--after <next>]
        One course's approvals, newest approval first (--status: only those in that status; --limit:
        a page of that many, and the --after to give for the next page).
  eligibility --participant <id> --course <id>
        What the participant has met and what is missing for the course (a dry run: nothing recorded or sent).
  enrol --participant <id> --course <id> [--cohort <name>]
        Add a participant to a course; they are emailed what earns the certificate (once).
  certificate <number>
        What a verifier sees for a certificate number.
  retry <approvalId>
        Start a failed (or stuck) approval again, once its cause is fixed.
  revoke <number> --reason <text> --by <you>
        Revoke a certificate; verifiers see it as revoked from now on.
  resend <number> --by <you>
        Email the holder a fresh download link for a valid certificate (earlier links stop working).
  participant revoke-links <participantId>
        Withdraw every personal page link of a participant (a forwarded email, a shared device).
  participant export <participantId> --by <you>
        Everything held about a participant, as JSON (a data access request); the export is recorded.
  participant access-log <participantId>
        Who exported, erased or corrected the participant's data, and when.
  participant erase <participantId> --reason <code> --by <you>
        Erase a participant's personal data on request (safe to run again); certificates stay verifiable.
        Reason codes: holder-request, no-longer-needed, consent-withdrawn, objection,
        unlawful-processing, legal-obligation.
  participant consent <participantId> [--name-on-certificate yes|no] [--name-to-verifiers yes|no]
                      [--surveys yes|no] --by <you> [--channel paper-form|email|phone]
        Without a choice: the participant's current consent and its history. With one: record consent
        they gave on paper, by email or by phone (an approval waiting for it then issues).
  stuck
        Once-only work (emails, reminders) not done and past its lease, with what to do about each.
  reminders
        Send the expiry reminders due now (they also run on their own, daily in AWS, hourly locally).
  feedback --time-spent <minutes> --problems <text> --by <you> [--course <id>]
        Record staff feedback on the certificate process: time spent and problems met.
  feedback --period <2026-Q4> [--csv]
        The quarter's feedback: participants' answers summed up with their free text, and staff entries.
  report --period <YYYY-Qn> --kind improvement [--format json|csv|html] [--out <file>]
        The quarterly improvement report: what participants and staff said about the certificate process,
        beside what was counted, and what that suggests improving.
  report --period <YYYY-MM | YYYY-Qn> [--format json|csv|html] [--out <file>] [--send]
        Staff report of a month or quarter (per course and in total, beside the previous period), to
        stdout or --out; --send also publishes it to the documents bucket and emails staff (once a period).
  correct <number> --reason <text> --by <you> [--name <holder name>] [--title <course title>]
          [--description <text>] [--completed <ISO date>]
        Issue a corrected version that supersedes the certificate, and email it to the participant.
  keys [list | rotate | compromise <kid>]
        The signing keys: list them, rotate to a new one, or withdraw one that leaked.
  webhooks add --url <https URL> --events <type,type…> [--description <text>]
        Register a webhook endpoint; prints its signing secret (whsec_…), this once only.
        Events: certificate.issued, certificate.revoked, certificate.corrected, certificate.expired,
        approval.not_eligible.
  webhooks list | remove <id> | enable <id> | deliveries <id> | replay <id> <deliveryId>
        The endpoints (enabled or disabled, recent failures), remove one, switch a disabled one back on,
        its delivery log (each attempt's status code and time), or send one delivery again now.
  bulk <approvals.csv> [--skip-invalid]
        Issue from a CSV of approvals (docs/bulk-issuance.md): every row is checked first and nothing
        starts if any is bad (the report names each row and field; exit code 1), unless --skip-invalid.
        Then shows progress (a bar with rate and ETA on a terminal) until every row is finished. The same
        file sent again is the same job: nothing is issued twice.
  bulk status <jobId>
        A bulk job's counts: queued, issued, not eligible, awaiting consent, failed, rejected.
  verify <file.jwt> [--jwks <file|url>]
  verify <file.pdf> --credential <file.jwt> [--jwks <file|url>]
        Check a signed credential (and the PDF it binds) against SayPro's public keys, offline.
        The keys default to $CERTS_API_URL/.well-known/jwks.json. Exit code 0 valid, 1 not valid.
        --holder-email <address> --holder-secret <code>: also check that the credential names this
        holder (the code is on the holder's page); a credential that does not counts as not valid.
        --status-list <file|url>: also read the credential's revocation bit from its signed status
        list (the URL is the credential's credentialStatus.statusListCredential); revoked: not valid.
  verify <file.pdf>
        Without a credential, ask the API (POST /verify) about the PDF.

Environment: CERTS_API_URL (default http://localhost:3000), CERTS_API_KEY (default: from .data/operator-api-key).`;

class UsageError extends Error {}

function apiUrl() {
  return (process.env.CERTS_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
}

function apiKey() {
  if (process.env.CERTS_API_KEY) return process.env.CERTS_API_KEY;
  const file = resolve(process.env.DATA_DIR ?? '.data', 'operator-api-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new UsageError('No operator API key: set CERTS_API_KEY (npm start prints it).');
}

async function call(method: string, path: string, body?: unknown, withKey = true) {
  let response: Response;
  try {
    response = await fetch(`${apiUrl()}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(withKey ? { 'x-api-key': apiKey() } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new UsageError(`Cannot reach ${apiUrl()}: is the system running (npm start)?`);
  }
  const text = await response.text();
  let payload: Record<string, unknown> = {};
  try {
    payload = JSON.parse(text);
  } catch {
    payload = { error: text };
  }
  return { status: response.status, payload };
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (!value) throw new UsageError(`Missing --${name}.\n\n${USAGE}`);
  return value;
}

function explainFailure(status: number, payload: Record<string, unknown>): never {
  const issues = payload.issues as { field: string; message: string }[] | undefined;
  const details = issues?.map((issue) => `  - ${issue.field}: ${issue.message}`).join('\n');
  if (status === 403) throw new UsageError('The API refused the operator key (CERTS_API_KEY).');
  throw new UsageError(
    `${payload.error ?? payload.message ?? `HTTP ${status}`}${details ? `\n${details}` : ''}`,
  );
}

async function approve(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      participant: { type: 'string' },
      course: { type: 'string' },
      by: { type: 'string' },
      attempt: { type: 'string' },
      content: { type: 'string' },
    },
  });
  const attempt = values.attempt === undefined ? undefined : Number(values.attempt);
  if (attempt !== undefined && !Number.isInteger(attempt))
    throw new UsageError('--attempt must be a whole number');
  const { status, payload } = await call('POST', '/approvals', {
    participantId: required(values, 'participant'),
    courseId: required(values, 'course'),
    approvedBy: required(values, 'by'),
    ...(attempt === undefined ? {} : { attempt }),
    ...(values.content ? { contentRef: values.content } : {}),
  });
  if (status >= 300) explainFailure(status, payload);
  console.log(
    payload.duplicate
      ? `Already recorded as ${payload.approvalId} (${payload.status}); nothing new was issued.`
      : `Approval ${payload.approvalId} recorded. Follow it with: certs status ${payload.approvalId}`,
  );
}

async function status(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      overdue: { type: 'boolean' },
      course: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      after: { type: 'string' },
    },
  });
  const [approvalId] = positionals;
  if (values.course !== undefined) return statusOfCourse(values);
  if (approvalId) {
    const { status: code, payload } = await call(
      'GET',
      `/operator/approvals/${encodeURIComponent(approvalId)}`,
    );
    if (code >= 300) explainFailure(code, payload);
    console.log(JSON.stringify(payload, null, 2));
    return;
  }
  const { status: code, payload } = await call(
    'GET',
    `/operator/approvals${values.overdue ? '?overdue=true' : ''}`,
  );
  if (code >= 300) explainFailure(code, payload);
  const approvals = payload.approvals as Record<string, unknown>[];
  if (approvals.length === 0) console.log(values.overdue ? 'Nothing is overdue.' : 'No approvals yet.');
  for (const approval of approvals) {
    const flags = approvalFlags(approval);
    console.log(
      `${String(approval.status).padEnd(13)} ${approval.approvalId}  ${approval.participantId} → ${approval.courseId}${flags ? `  (${flags})` : ''}`,
    );
    const reasons = approval.reasons as (string | { message: string })[] | undefined;
    for (const reason of reasons ?? [])
      console.log(`              - ${typeof reason === 'string' ? reason : reason.message}`);
  }
}

/** What a listing line adds after an approval: overdue, what needs attention, its certificate. */
function approvalFlags(approval: Record<string, unknown>): string {
  return [
    approval.overdue ? 'OVERDUE' : '',
    approval.attention ? String(approval.attention) : '',
    approval.certificateNumber
      ? `certificate ${formatCertificateNumber(String(approval.certificateNumber))}`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** `certs status --course`: one page of a course's approvals, and how to ask for the next. */
async function statusOfCourse(values: {
  course?: string;
  status?: string;
  limit?: string;
  after?: string;
  overdue?: boolean;
}) {
  if (!values.course) throw new UsageError(`--course needs a course id.\n\n${USAGE}`);
  if (values.overdue) throw new UsageError('--overdue cannot be combined with --course.');
  const query = new URLSearchParams({ course: values.course });
  if (values.status !== undefined) query.set('status', values.status);
  if (values.limit !== undefined) query.set('limit', values.limit);
  if (values.after !== undefined) query.set('after', values.after);
  const { status: code, payload } = await call('GET', `/operator/approvals?${query}`);
  if (code >= 300) explainFailure(code, payload);
  const approvals = payload.approvals as Record<string, unknown>[];
  if (approvals.length === 0)
    console.log(`No approvals for ${values.course}${values.status ? ` in status ${values.status}` : ''}.`);
  for (const approval of approvals) {
    const flags = approvalFlags(approval);
    console.log(
      `${String(approval.status).padEnd(13)} ${approval.approvalId}  ${approval.participantId}  approved ${approval.approvedAt}${flags ? `  (${flags})` : ''}`,
    );
  }
  if (payload.next) {
    const more = [`--course ${values.course}`];
    if (values.status) more.push(`--status ${values.status}`);
    if (values.limit) more.push(`--limit ${values.limit}`);
    console.log(`More: certs status ${more.join(' ')} --after '${payload.next}'`);
  }
}

async function certificate(args: string[]) {
  const [number] = args;
  if (!number) throw new UsageError(`Missing the certificate number.\n\n${USAGE}`);
  const { status: code, payload } = await call(
    'GET',
    `/certificates/${encodeURIComponent(number)}`,
    undefined,
    false,
  );
  if (code >= 300) explainFailure(code, payload);
  console.log(JSON.stringify(payload, null, 2));
}

/** Operator calls whose answer is printed as it comes: one place for the error and output rules. */
async function operatorCall(method: string, path: string, body?: unknown) {
  const { status: code, payload } = await call(method, path, body);
  if (code >= 300) explainFailure(code, payload);
  console.log(JSON.stringify(payload, null, 2));
}

const positional = (args: string[], what: string) => {
  const [value] = args;
  if (!value || value.startsWith('--')) throw new UsageError(`Missing the ${what}.\n\n${USAGE}`);
  return value;
};

async function retry(args: string[]) {
  await operatorCall(
    'POST',
    `/operator/approvals/${encodeURIComponent(positional(args, 'approval id'))}/retry`,
  );
}

async function revoke(args: string[]) {
  const number = positional(args, 'certificate number');
  const { values } = parseArgs({
    args: args.slice(1),
    options: { reason: { type: 'string' }, by: { type: 'string' } },
  });
  await operatorCall('POST', `/operator/certificates/${encodeURIComponent(number)}/revocation`, {
    reason: required(values, 'reason'),
    revokedBy: required(values, 'by'),
  });
}

async function eligibility(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { participant: { type: 'string' }, course: { type: 'string' } },
  });
  const participant = required(values, 'participant');
  const course = required(values, 'course');
  const { status: code, payload } = await call(
    'GET',
    `/operator/eligibility/${encodeURIComponent(participant)}/${encodeURIComponent(course)}`,
  );
  if (code >= 300) explainFailure(code, payload);
  console.log(
    payload.eligible
      ? `${participant} meets every requirement of ${course}: an approval issues the certificate.`
      : `${participant} does not yet meet every requirement of ${course}:`,
  );
  for (const requirement of payload.requirements as { label: string; met: boolean; missing?: string }[])
    console.log(
      `  ${requirement.met ? '✓' : '✗'} ${requirement.label}${requirement.missing ? `: ${requirement.missing}` : ''}`,
    );
}

async function enrol(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { participant: { type: 'string' }, course: { type: 'string' }, cohort: { type: 'string' } },
  });
  const participant = required(values, 'participant');
  const course = required(values, 'course');
  const { status: code, payload } = await call(
    'PUT',
    `/operator/courses/${encodeURIComponent(course)}/enrolments/${encodeURIComponent(participant)}`,
    values.cohort ? { cohort: values.cohort } : {},
  );
  if (code >= 300) explainFailure(code, payload);
  console.log(
    payload.enrolled
      ? `Enrolled ${participant} in ${course}${payload.emailed ? '; the enrolment email is sent' : ''}.`
      : `${participant} was already enrolled in ${course}${payload.emailed ? '; the enrolment email that was still due is sent' : '; nothing new was sent'}.`,
  );
}

async function resend(args: string[]) {
  const number = positional(args, 'certificate number');
  const { values } = parseArgs({ args: args.slice(1), options: { by: { type: 'string' } } });
  // One id per command: if the call is retried (a timeout), the holder still gets one email.
  const requestId = `cli-${randomUUID()}`;
  const { status: code, payload } = await call(
    'POST',
    `/operator/certificates/${encodeURIComponent(number)}/resend`,
    { requestedBy: required(values, 'by'), requestId },
  );
  if (code >= 300) explainFailure(code, payload);
  console.log(
    payload.emailed
      ? `Sent ${payload.number} again; the new download link works until ${payload.downloadLinkExpiresAt}.`
      : `Not sent: an email for this request was already sent.`,
  );
}

const CONSENT_OPTIONS = {
  'name-on-certificate': 'nameOnCertificate',
  'name-to-verifiers': 'nameToVerifiers',
  surveys: 'surveysAndReminders',
} as const;

/** `certs participant consent <id>`: shows the choices; with any choice flag, records consent given off-line. */
async function consent(participantId: string, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      ...Object.fromEntries(Object.keys(CONSENT_OPTIONS).map((name) => [name, { type: 'string' as const }])),
      channel: { type: 'string' },
      by: { type: 'string' },
    },
  });
  const path = `/operator/participants/${encodeURIComponent(participantId)}/consent`;
  const choices: Record<string, boolean> = {};
  for (const [option, field] of Object.entries(CONSENT_OPTIONS)) {
    const value = values[option as keyof typeof values];
    if (value === undefined) continue;
    if (value !== 'yes' && value !== 'no') throw new UsageError(`--${option} must be yes or no`);
    choices[field] = value === 'yes';
  }
  if (Object.keys(choices).length === 0) return operatorCall('GET', path);
  const { status: code, payload } = await call('PUT', path, {
    ...choices,
    channel: values.channel ?? 'paper-form',
    recordedBy: required(values, 'by'),
  });
  if (code >= 300) explainFailure(code, payload);
  const recorded = payload.recorded as { purpose: string; granted: boolean }[];
  const resumed = payload.resumedApprovals as string[];
  console.log(
    recorded.length === 0
      ? `Nothing changed: ${participantId} had already given these answers.`
      : `Recorded for ${participantId}: ${recorded.map((entry) => `${entry.purpose} ${entry.granted ? 'yes' : 'no'}`).join(', ')}.`,
  );
  if (resumed.length > 0)
    console.log(`${resumed.length} approval(s) that waited for this consent are being issued now.`);
}

async function participant(args: string[]) {
  const [action, participantId] = args;
  if (action === 'consent' && participantId && !participantId.startsWith('--'))
    return consent(participantId, args.slice(2));
  const actions = ['revoke-links', 'export', 'access-log', 'erase'];
  if (!action || !actions.includes(action) || !participantId || participantId.startsWith('--'))
    throw new UsageError(
      `Usage: certs participant revoke-links|export|access-log|erase <participantId> [--by <you>] [--reason <code>]\n\n${USAGE}`,
    );
  const path = `/operator/participants/${encodeURIComponent(participantId)}`;
  if (action === 'export') {
    const { values } = parseArgs({ args: args.slice(2), options: { by: { type: 'string' } } });
    return operatorCall('POST', `${path}/export`, { requestedBy: required(values, 'by') });
  }
  if (action === 'access-log') return operatorCall('GET', `${path}/access-log`);
  if (action === 'erase') {
    const { values } = parseArgs({
      args: args.slice(2),
      options: { reason: { type: 'string' }, by: { type: 'string' } },
    });
    return operatorCall('POST', `${path}/erasure`, {
      reason: required(values, 'reason'),
      actor: required(values, 'by'),
    });
  }
  const { status: code, payload } = await call(
    'POST',
    `/operator/participants/${encodeURIComponent(participantId)}/link-revocation`,
  );
  if (code >= 300) explainFailure(code, payload);
  console.log(
    `Withdrew ${payload.revoked} personal link(s) of ${participantId}; their next email carries a new one.`,
  );
}

async function stuck() {
  const { status: code, payload } = await call('GET', '/operator/stuck-work');
  if (code >= 300) explainFailure(code, payload);
  const claims = payload.claims as {
    key: string;
    state: string;
    attempts: number;
    lastError?: string;
    action: string;
  }[];
  if (claims.length === 0) console.log('Nothing is stuck.');
  for (const claim of claims) {
    console.log(`${claim.key}  (${claim.state}, ${claim.attempts} attempt(s))`);
    if (claim.lastError) console.log(`    last error: ${claim.lastError}`);
    console.log(`    what to do: ${claim.action}`);
  }
}

async function reminders() {
  const { status: code, payload } = await call('POST', '/operator/jobs/expiry-reminders');
  if (code >= 300) explainFailure(code, payload);
  const sent = payload.sent as { soon: number; today: number };
  const failed = payload.failed as { number: string; error: string }[];
  console.log(
    `Expiry reminders: ${sent.soon} sent 60 days ahead, ${sent.today} on the day, ${payload.alreadySent} already sent before, ${payload.withoutConsent ?? 0} not sent without consent to reminders, ${failed.length} failed.`,
  );
  for (const failure of failed) console.log(`  - ${failure.number}: ${failure.error}`);
  const survey = payload.surveyReminders as
    | { sent: number; alreadySent: number; answered: number; withoutConsent: number; failed: unknown[] }
    | undefined;
  if (survey)
    console.log(
      `Survey reminders: ${survey.sent} sent, ${survey.alreadySent} already sent before, ${survey.answered} already answered, ${survey.withoutConsent} not sent without consent, ${survey.failed.length} failed.`,
    );
  if (failed.length > 0 || (survey?.failed.length ?? 0) > 0) process.exitCode = 1;
}

async function feedback(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      'time-spent': { type: 'string' },
      problems: { type: 'string' },
      by: { type: 'string' },
      course: { type: 'string' },
      period: { type: 'string' },
      csv: { type: 'boolean' },
    },
  });
  if (values.period !== undefined) {
    if (!/^\d{4}-Q[1-4]$/.test(values.period))
      throw new UsageError(`--period must be a quarter such as 2026-Q4.\n\n${USAGE}`);
    const path = `/operator/feedback?period=${encodeURIComponent(values.period)}`;
    if (!values.csv) return operatorCall('GET', path);
    const response = await fetch(`${apiUrl()}${path}&format=csv`, { headers: { 'x-api-key': apiKey() } });
    const text = await response.text();
    if (response.status >= 300) explainFailure(response.status, JSON.parse(text));
    process.stdout.write(text);
    return;
  }
  const { csv: _csv, ...texts } = values;
  const minutes = required(texts, 'time-spent');
  if (!/^\d+$/.test(minutes)) throw new UsageError('--time-spent must be a whole number of minutes');
  const { status: code, payload } = await call('POST', '/operator/feedback', {
    timeSpentMinutes: Number(minutes),
    problems: required(texts, 'problems'),
    recordedBy: required(texts, 'by'),
    ...(values.course ? { courseId: values.course } : {}),
  });
  if (code >= 300) explainFailure(code, payload);
  console.log(
    `Staff feedback recorded for ${payload.period}: ${payload.timeSpentMinutes} minute(s). List it with: certs feedback --period ${payload.period}`,
  );
}

async function report(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      period: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      send: { type: 'boolean' },
      kind: { type: 'string' },
    },
  });
  const kind = values.kind ?? 'staff';
  if (!['staff', 'improvement'].includes(kind))
    throw new UsageError(`--kind must be staff or improvement (got "${kind}")`);
  if (kind === 'improvement' && values.send)
    throw new UsageError(
      '--send publishes the staff report; the improvement report is read with --kind improvement alone',
    );
  let period: string;
  try {
    period = parseReportPeriod(values.period ?? '').id;
  } catch (error) {
    if (error instanceof ValidationError)
      throw new UsageError(`--period ${error.issues[0]?.message ?? error.message} (got "${values.period}")`);
    throw error;
  }
  const format = values.format ?? 'json';
  if (!['json', 'csv', 'html'].includes(format))
    throw new UsageError(`--format must be json, csv or html (got "${format}")`);
  if (values.send) {
    const { status: code, payload } = await call('POST', '/operator/jobs/reports', { period });
    if (code >= 300) explainFailure(code, payload);
    const [published] = payload.published as {
      emailed: boolean;
      alreadyEmailed: boolean;
      to?: string;
      keys: Record<string, string>;
    }[];
    console.error(
      published?.emailed
        ? `Report ${period} published (${Object.values(published.keys).join(', ')}) and emailed to ${published.to}.`
        : `Report ${period} published (${Object.values(published?.keys ?? {}).join(', ')}); the staff email for it was ${published?.alreadyEmailed ? 'already sent before' : 'not sent (another run is sending it)'}.`,
    );
  }
  let response: Response;
  try {
    response = await fetch(
      `${apiUrl()}/operator/reports/${encodeURIComponent(period)}?format=${format}${kind === 'improvement' ? '&kind=improvement' : ''}`,
      {
        headers: { 'x-api-key': apiKey() },
      },
    );
  } catch {
    throw new UsageError(`Cannot reach ${apiUrl()}: is the system running (npm start)?`);
  }
  const body = await response.text();
  if (response.status >= 300) {
    let payload: Record<string, unknown> = { error: body };
    try {
      payload = JSON.parse(body);
    } catch {}
    explainFailure(response.status, payload);
  }
  const text = format === 'json' ? `${JSON.stringify(JSON.parse(body), null, 2)}\n` : body;
  if (values.out) {
    writeFileSync(values.out, text);
    console.error(`Wrote the ${format.toUpperCase()} report for ${period} to ${values.out}.`);
  } else process.stdout.write(text);
}

async function correct(args: string[]) {
  const number = positional(args, 'certificate number');
  const { values } = parseArgs({
    args: args.slice(1),
    options: {
      reason: { type: 'string' },
      by: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      completed: { type: 'string' },
    },
  });
  await operatorCall('POST', `/operator/certificates/${encodeURIComponent(number)}/corrections`, {
    reason: required(values, 'reason'),
    correctedBy: required(values, 'by'),
    ...(values.name ? { holderName: values.name } : {}),
    ...(values.title ? { courseTitle: values.title } : {}),
    ...(values.description !== undefined ? { courseDescription: values.description } : {}),
    ...(values.completed ? { completedAt: values.completed } : {}),
  });
}

async function keys(args: string[]) {
  const [action = 'list', kid] = args;
  if (action === 'list') return operatorCall('GET', '/operator/signing-keys');
  if (action === 'rotate') return operatorCall('POST', '/operator/signing-keys/rotation');
  if (action === 'compromise') {
    if (!kid) throw new UsageError(`Missing the key id (kid) to withdraw.\n\n${USAGE}`);
    return operatorCall('POST', `/operator/signing-keys/${encodeURIComponent(kid)}/compromise`);
  }
  throw new UsageError(`Unknown keys action "${action}".\n\n${USAGE}`);
}

async function verify(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      jwks: { type: 'string' },
      credential: { type: 'string' },
      'holder-email': { type: 'string' },
      'holder-secret': { type: 'string' },
      'status-list': { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError(`Missing the file to verify.\n\n${USAGE}`);
  if (extra.length > 0)
    throw new UsageError(`verify takes one file, got also: ${extra.join(' ')}\n\n${USAGE}`);
  if (values['holder-secret'] && !values['holder-email'])
    throw new UsageError(`--holder-secret goes with --holder-email.\n\n${USAGE}`);
  try {
    const { valid, lines } = await verifyOffline(file, {
      ...(values.jwks ? { jwks: values.jwks } : {}),
      ...(values.credential ? { credential: values.credential } : {}),
      ...(values['status-list'] ? { statusList: values['status-list'] } : {}),
      ...(values['holder-email']
        ? {
            holder: {
              email: values['holder-email'],
              ...(values['holder-secret'] ? { proofSecret: values['holder-secret'] } : {}),
            },
          }
        : {}),
    });
    for (const line of lines) console.log(line);
    process.exitCode = valid ? 0 : 1;
  } catch (error) {
    if (error instanceof VerifyUsageError) throw new UsageError(error.message);
    throw error;
  }
}

async function webhooks(args: string[]) {
  const [action = 'list', endpointId, deliveryId] = args;
  const endpointPath = () =>
    `/operator/webhooks/${encodeURIComponent(positional(args.slice(1), 'endpoint id'))}`;
  if (action === 'add') {
    const { values } = parseArgs({
      args: args.slice(1),
      options: { url: { type: 'string' }, events: { type: 'string' }, description: { type: 'string' } },
    });
    const { status: code, payload } = await call('POST', '/operator/webhooks', {
      url: required(values, 'url'),
      events: required(values, 'events')
        .split(',')
        .map((event) => event.trim())
        .filter(Boolean),
      ...(values.description ? { description: values.description } : {}),
    });
    if (code >= 300) explainFailure(code, payload);
    console.log(`Endpoint ${payload.endpointId} registered for ${(payload.events as string[]).join(', ')}.`);
    console.log(`Signing secret (shown only now, keep it safe): ${payload.secret}`);
    return;
  }
  if (action === 'list') {
    const { status: code, payload } = await call('GET', '/operator/webhooks');
    if (code >= 300) explainFailure(code, payload);
    const endpoints = payload.endpoints as {
      endpointId: string;
      url: string;
      status: string;
      events: string[];
      disabledReason?: string;
      recentFailures: { at: string; statusCode?: number; error?: string }[];
    }[];
    if (endpoints.length === 0) console.log('No webhook endpoints.');
    for (const endpoint of endpoints) {
      console.log(`${endpoint.endpointId}  ${endpoint.status.toUpperCase()}  ${endpoint.url}`);
      console.log(`    events: ${endpoint.events.join(', ')}`);
      if (endpoint.disabledReason) console.log(`    disabled: ${endpoint.disabledReason}`);
      for (const failure of endpoint.recentFailures)
        console.log(
          `    failed ${failure.at}: ${failure.statusCode ? `HTTP ${failure.statusCode}` : failure.error}`,
        );
    }
    return;
  }
  if (action === 'remove') return operatorCall('DELETE', endpointPath());
  if (action === 'enable') return operatorCall('POST', `${endpointPath()}/enable`);
  if (action === 'deliveries') return operatorCall('GET', `${endpointPath()}/deliveries`);
  if (action === 'replay') {
    if (!endpointId || !deliveryId)
      throw new UsageError(`Usage: certs webhooks replay <endpointId> <deliveryId>\n\n${USAGE}`);
    return operatorCall(
      'POST',
      `/operator/webhooks/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/replay`,
    );
  }
  throw new UsageError(`Unknown webhooks action "${action}".\n\n${USAGE}`);
}

interface BulkJobAnswer {
  jobId: string;
  state: 'running' | 'done';
  total: number;
  recorded: number;
  counts: Record<'queued' | 'issued' | 'not_eligible' | 'awaiting_consent' | 'failed' | 'rejected', number>;
  skippedRows: number;
  skipped: { row: number; field: string; message: string }[];
  duplicate?: boolean;
}

const countsLine = (job: BulkJobAnswer) =>
  `queued ${job.counts.queued}, issued ${job.counts.issued}, not eligible ${job.counts.not_eligible}, ` +
  `awaiting consent ${job.counts.awaiting_consent}, failed ${job.counts.failed}, rejected ${job.counts.rejected}`;

const finishedOf = (job: BulkJobAnswer) => job.total - job.counts.queued;

const durationText = (seconds: number) =>
  !Number.isFinite(seconds)
    ? '?'
    : seconds >= 3600
      ? `${Math.floor(seconds / 3600)}h${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}m`
      : seconds >= 60
        ? `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`
        : `${Math.round(seconds)}s`;

async function bulk(args: string[]) {
  if (args[0] === 'status') {
    const jobId = positional(args.slice(1), 'bulk job id');
    const { status: code, payload } = await call('GET', `/operator/bulk-jobs/${encodeURIComponent(jobId)}`);
    if (code >= 300) explainFailure(code, payload);
    const job = payload as unknown as BulkJobAnswer;
    console.log(`Bulk job ${job.jobId}: ${job.state}, ${finishedOf(job)} of ${job.total} rows finished`);
    console.log(`  ${countsLine(job)}`);
    if (job.skippedRows > 0) console.log(`  ${job.skippedRows} invalid row(s) were left out`);
    return;
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'skip-invalid': { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) throw new UsageError(`Missing the CSV file.\n\n${USAGE}`);
  if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
  let response: Response;
  try {
    response = await fetch(
      `${apiUrl()}/operator/bulk-jobs${values['skip-invalid'] ? '?skipInvalid=true' : ''}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/csv; charset=utf-8', 'x-api-key': apiKey() },
        body: readFileSync(file),
      },
    );
  } catch {
    throw new UsageError(`Cannot reach ${apiUrl()}: is the system running (npm start)?`);
  }
  const text = await response.text();
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(text);
  } catch {
    payload = { error: text };
  }
  if (response.status === 400) {
    // The per-row report: the file is refused whole, so nothing started.
    console.error(String(payload.error));
    for (const issue of (payload.issues as { field: string; message: string }[] | undefined) ?? [])
      console.error(`  - ${issue.field}: ${issue.message}`);
    process.exitCode = 1;
    return;
  }
  if (response.status >= 300) explainFailure(response.status, payload);
  let job = payload as unknown as BulkJobAnswer;
  console.log(
    job.duplicate
      ? `This file was sent before: bulk job ${job.jobId} (nothing is issued twice).`
      : `Bulk job ${job.jobId} started: ${job.total} row(s).`,
  );
  if (job.skippedRows > 0) {
    console.log(`${job.skippedRows} invalid row(s) left out:`);
    for (const problem of job.skipped)
      console.log(`  - row ${problem.row}.${problem.field}: ${problem.message}`);
  }
  const tty = Boolean(process.stdout.isTTY);
  const startedAt = Date.now();
  const finishedAtStart = finishedOf(job);
  let lastLine = 0;
  const show = (final: boolean) => {
    const finished = finishedOf(job);
    const seconds = (Date.now() - startedAt) / 1000;
    const rate = seconds > 0 ? (finished - finishedAtStart) / seconds : 0;
    const eta = rate > 0 ? (job.total - finished) / rate : Number.POSITIVE_INFINITY;
    const share = job.total > 0 ? finished / job.total : 1;
    const figures = `${finished}/${job.total} ${Math.floor(share * 100)}% · ${rate.toFixed(1)}/s · ETA ${final ? '0s' : durationText(eta)}`;
    if (tty) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${figures}   `);
      if (final) process.stdout.write('\n');
    } else if (final || Date.now() - lastLine >= 2000) {
      // Not a terminal (a log, a pipe): a plain line every two seconds.
      console.log(`${figures} (${countsLine(job)})`);
      lastLine = Date.now();
    }
  };
  for (;;) {
    if (job.state === 'done') break;
    show(false);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { status: code, payload: current } = await call(
      'GET',
      `/operator/bulk-jobs/${encodeURIComponent(job.jobId)}`,
    );
    if (code >= 300) explainFailure(code, current);
    job = current as unknown as BulkJobAnswer;
  }
  show(true);
  console.log(`Done: ${countsLine(job)}.`);
  if (job.counts.failed + job.counts.rejected > 0) {
    console.log(`Some rows did not issue: see \`certs status\` for each approval's reason.`);
    process.exitCode = 1;
  }
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  approve,
  status,
  certificate,
  eligibility,
  enrol,
  retry,
  revoke,
  resend,
  correct,
  participant,
  stuck,
  reminders,
  feedback,
  report,
  keys,
  verify,
  webhooks,
  bulk,
};

const [command, ...rest] = process.argv.slice(2);
try {
  const run = command ? commands[command] : undefined;
  if (!run)
    throw new UsageError(
      command && command !== 'help' && command !== '--help'
        ? `Unknown command "${command}".\n\n${USAGE}`
        : USAGE,
    );
  await run(rest);
} catch (error) {
  if (
    error instanceof UsageError ||
    (error as Error).name === 'TypeError' ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error((error as Error).message);
    process.exit(2);
  }
  throw error;
}
