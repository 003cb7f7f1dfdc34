/**
 * `certs verify`: checks a certificate the way any outside verifier can.
 *   <file.jwt>                         the VC-JWT's ES256 signature against SayPro's JWKS, offline once the
 *                                      key set is at hand (a file, or fetched from a URL)
 *   <file.pdf> --credential <file.jwt> the same, plus the PDF's SHA-256 against the credential's digestSRI
 *   <file.pdf>                         no credential to check against: the PDF is sent to POST /verify
 *   --holder-email <a> --holder-secret <s>  also whether the credential names that holder: its email hash is
 *                                      salted with the holder's secret (on their page), so only they can show it
 *   --status-list <file|url>           also the credential's bit in its signed W3C Bitstring Status List
 *                                      (the list's own signature checked with the same JWKS): revoked or not
 * Offline checks prove who signed what; a later revocation shows in the status list (or online).
 */
import { readFileSync } from 'node:fs';
import {
  boundDocumentDigest,
  certificateNumberOf,
  checkCredentialJwt,
  credentialNamesHolder,
} from '../functions/core/credential-verification.js';
import { sha256, toHex } from '../functions/core/signature.js';
import type { PublishedJwk } from '../functions/core/signing-keys.js';
import { revocationBitOf } from '../functions/core/status-list.js';
import type { VerificationReport } from '../functions/core/use-cases/verify-submission.js';

/** A problem with how the command was called (missing file, unreadable key set): exit code 2, not a verdict. */
export class VerifyUsageError extends Error {
  override name = 'VerifyUsageError' as const;
}

export interface VerifyOfflineOptions {
  /** JWKS file path or http(s) URL; default `${CERTS_API_URL}/.well-known/jwks.json`. */
  jwks?: string;
  /** The certificate's VC-JWT, when `file` is its PDF. */
  credential?: string;
  /** The address (and proof secret) a holder revealed, to check that the credential names them. */
  holder?: { email: string; proofSecret?: string };
  /** The credential's status list (a VC-JWT), file path or http(s) URL, to read its revocation bit. */
  statusList?: string;
  now?: Date;
}

export interface VerifyOfflineResult {
  valid: boolean;
  lines: string[];
}

const apiUrl = () =>
  (process.env.CERTS_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
const isUrl = (value: string) => /^https?:\/\//i.test(value);

function readInput(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VerifyUsageError(
      `Cannot read the ${what} ${path}${code === 'ENOENT' ? ': no such file' : ` (${code ?? 'error'})`}.`,
    );
  }
}

async function fetchOrExplain(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new VerifyUsageError(
      `Cannot reach ${url}: is the system running (npm start), or is CERTS_API_URL right?`,
    );
  }
}

async function loadJwks(source: string): Promise<{ keys: PublishedJwk[] }> {
  let text: string;
  if (isUrl(source)) {
    const response = await fetchOrExplain(source);
    if (!response.ok)
      throw new VerifyUsageError(`Fetching the key set from ${source} answered HTTP ${response.status}.`);
    text = await response.text();
  } else {
    text = readInput(source, 'key set (JWKS)').toString('utf8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new VerifyUsageError(`The key set ${source} is not JSON.`);
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys))
    throw new VerifyUsageError(`The key set ${source} has no "keys" array: is it a JWKS?`);
  return { keys: keys as PublishedJwk[] };
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The parts of an Open Badges credential a verifier reads; anything may be missing from a foreign token. */
interface ReadableClaims {
  issuer?: string | { id?: unknown; name?: unknown };
  credentialSubject?: {
    identifier?: { identityType?: unknown; hashed?: unknown; identityHash?: unknown }[];
    achievement?: { name?: unknown };
    activityEndDate?: unknown;
  };
  validFrom?: unknown;
  validUntil?: unknown;
}

/** What the signed claims state, in the words a verifier needs. */
function describeClaims(claims: Record<string, unknown>): string[] {
  const readable = claims as ReadableClaims;
  const subject = readable.credentialSubject ?? {};
  const identifiers = Array.isArray(subject.identifier) ? subject.identifier : [];
  const holder = text(
    identifiers.find((identifier) => identifier.identityType === 'name' && identifier.hashed === false)
      ?.identityHash,
  );
  const issuer =
    typeof readable.issuer === 'string'
      ? readable.issuer
      : `${text(readable.issuer?.name) ?? '?'} (${text(readable.issuer?.id) ?? '?'})`;
  return [
    `  Certificate  ${certificateNumberOf(claims) ?? '(not named)'}`,
    `  Issuer       ${issuer}`,
    `  Course       ${text(subject.achievement?.name) ?? '(not named)'}`,
    `  Holder       ${holder ?? 'not shown (the holder has not agreed to show their name)'}`,
    ...(text(subject.activityEndDate) ? [`  Completed    ${text(subject.activityEndDate)}`] : []),
    `  Valid from   ${text(readable.validFrom) ?? '(not stated)'}`,
    `  Valid until  ${text(readable.validUntil) ?? 'no expiry'}`,
  ];
}

function statusPageOf(claims: Record<string, unknown>): string | undefined {
  const id = text(claims.id);
  return id?.includes('/certificates/') ? id.replace('/certificates/', '/verify/') : undefined;
}

async function verifyCredentialFile(
  token: string,
  pdf: Buffer | undefined,
  options: VerifyOfflineOptions,
): Promise<VerifyOfflineResult> {
  const jwksSource = options.jwks ?? `${apiUrl()}/.well-known/jwks.json`;
  const jwks = await loadJwks(jwksSource);
  const check = await checkCredentialJwt(token, jwks, options.now ?? new Date());
  const lines: string[] = [];
  let valid = check.ok;
  if (check.ok) {
    lines.push(`VALID: the credential is signed by SayPro (ES256, key ${check.kid}, from ${jwksSource}).`);
  } else {
    lines.push(`NOT VALID: ${check.reason}.`);
    if (check.kid) lines.push(`  Key named    ${check.kid}`);
  }
  if (check.claims) lines.push(...describeClaims(check.claims));

  if (options.holder && check.claims) {
    const named = credentialNamesHolder(check.claims, options.holder.email, options.holder.proofSecret);
    if (named.names) {
      lines.push(
        `  Holder email ${options.holder.email.trim()}: the credential names this address${
          named.publishedSalt
            ? ' (an older credential that publishes its salt, so anyone who knows the address can make this check)'
            : ', proved with the holder’s secret'
        }.`,
      );
    } else {
      valid = false;
      lines.push(`NOT THE HOLDER: ${named.reason} (${options.holder.email.trim()}).`);
    }
  }
  if (pdf && check.claims) {
    const actual = toHex(sha256(pdf));
    const bound = boundDocumentDigest(check.claims);
    if (bound === actual) {
      lines.push(`  Document     the PDF is byte for byte the one the credential signs (SHA-256 ${actual}).`);
    } else {
      valid = false;
      lines.push(
        `NOT VALID: the PDF's SHA-256 (${actual}) is not the one the credential signs (${bound ?? 'none'}): the PDF was altered, or it belongs to another certificate.`,
      );
    }
  }
  if (options.statusList && check.claims) {
    const status = await checkStatusList(check.claims, options.statusList, jwks, options.now ?? new Date());
    if (!status.ok) valid = false;
    lines.push(status.line);
  } else if (check.claims) {
    const page = statusPageOf(check.claims);
    lines.push(
      `Checked offline: a later revocation shows in the status list (--status-list) or online${page ? `, at ${page}` : ''}.`,
    );
  }
  return { valid, lines };
}

async function loadStatusList(source: string): Promise<string> {
  if (!isUrl(source)) return readInput(source, 'status list').toString('utf8').trim();
  const response = await fetchOrExplain(source, { headers: { accept: 'application/vc+jwt' } });
  if (!response.ok)
    throw new VerifyUsageError(`Fetching the status list from ${source} answered HTTP ${response.status}.`);
  return (await response.text()).trim();
}

/** The credential's revocation bit, from a status list whose own signature checks with the same keys. */
async function checkStatusList(
  credentialClaims: Record<string, unknown>,
  source: string,
  jwks: { keys: PublishedJwk[] },
  now: Date,
): Promise<{ ok: boolean; line: string }> {
  const list = await checkCredentialJwt(await loadStatusList(source), jwks, now);
  if (!list.ok) return { ok: false, line: `NOT VALID: the status list ${source}: ${list.reason}.` };
  const bit = revocationBitOf(credentialClaims, list.claims);
  if (!bit.known) return { ok: false, line: `STATUS UNKNOWN: ${bit.reason}.` };
  const signedAt = text(list.claims.validFrom) ?? '(not stated)';
  return bit.revoked
    ? {
        ok: false,
        line: `REVOKED: bit ${bit.index} of ${bit.listUrl} is set (list signed by SayPro, ${signedAt}).`,
      }
    : {
        ok: true,
        line: `  Status       not revoked: bit ${bit.index} of ${bit.listUrl} is 0 (list signed ${signedAt}).`,
      };
}

async function askTheApi(pdf: Buffer): Promise<VerifyOfflineResult> {
  const url = `${apiUrl()}/verify`;
  const response = await fetchOrExplain(url, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf' },
    body: new Uint8Array(pdf),
  });
  const body = await response.text();
  if (!response.ok)
    throw new VerifyUsageError(`${url} answered HTTP ${response.status}: ${body.slice(0, 300)}`);
  const report = JSON.parse(body) as VerificationReport;
  const lines = [`Checked online: no credential was given, so the PDF was sent to ${url}.`];
  lines.push(
    report.valid
      ? 'VALID: SayPro issued this PDF and the certificate is valid.'
      : `NOT VALID (status ${report.status}).`,
  );
  lines.push(...report.reasons.map((reason) => `  - ${reason}`));
  const view = report.certificate;
  if (view) {
    lines.push(
      `  Certificate  ${view.number} (${view.status})`,
      `  Issuer       ${view.issuer.name}`,
      `  Course       ${view.course.title}`,
      `  Holder       ${view.holder?.name ?? 'not shown (the holder has not agreed to show their name)'}`,
      `  Issued       ${view.issuedAt}`,
      ...(view.expiresAt ? [`  Valid until  ${view.expiresAt}`] : []),
      ...(view.revokedAt
        ? [`  Revoked      ${view.revokedAt}${view.revocationReason ? `: ${view.revocationReason}` : ''}`]
        : []),
      ...(view.supersededBy ? [`  Replaced by  ${view.supersededBy}`] : []),
      `  Signing key  ${view.signature.kid} (${view.signature.keyStatus})`,
    );
  }
  return { valid: report.valid, lines };
}

export async function verifyOffline(
  file: string,
  options: VerifyOfflineOptions = {},
): Promise<VerifyOfflineResult> {
  const bytes = readInput(file, 'file');
  const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  if (!isPdf) {
    if (options.credential)
      throw new VerifyUsageError(`--credential goes with a PDF, and ${file} is not a PDF.`);
    return verifyCredentialFile(bytes.toString('utf8'), undefined, options);
  }
  if (!options.credential) {
    if (options.holder)
      throw new VerifyUsageError('--holder-email needs the signed credential (a .jwt, or --credential).');
    if (options.statusList)
      throw new VerifyUsageError('--status-list needs the signed credential (a .jwt, or --credential).');
    return askTheApi(bytes);
  }
  return verifyCredentialFile(readInput(options.credential, 'credential').toString('utf8'), bytes, options);
}
