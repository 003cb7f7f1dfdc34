import { execFile } from 'node:child_process';
import { createHmac, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerifyUsageError, verifyOffline } from '../../bin/verify-offline.js';
import {
  formatCertificateNumber,
  generateCertificateNumber,
} from '../../functions/core/certificate-number.js';
import { compactJws } from '../../functions/core/credential.js';
import { derToJoseSignature, joseToDerSignature, sha256 } from '../../functions/core/signature.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient, mailbox } from '../support/local-api.js';

// Read by the public API handler when the stack builds it. This file's own traffic from 127.0.0.1 stays
// well below it; the rate-limit test spends a fresh client address's whole allowance.
const RATE_LIMIT_PER_MINUTE = 200;
process.env.VERIFY_RATE_LIMIT_PER_MINUTE = String(RATE_LIMIT_PER_MINUTE);

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let workDir: string;

const COURSE = {
  courseId: 'verification-basics',
  title: 'Verification Basics',
  description: 'How certificates are checked.',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};
const EXPIRING_COURSE = {
  ...COURSE,
  courseId: 'safety-refresher',
  title: 'Safety Refresher',
  criteria: { ...COURSE.criteria, validityDays: 1 },
};

const PEOPLE = {
  holder: { fullName: 'Nomsa Dlamini', courseId: COURSE.courseId },
  revoked: { fullName: 'Rethabile Mokoena', courseId: COURSE.courseId },
  misspelt: { fullName: 'Sihpo Ndlovu', courseId: COURSE.courseId },
  expiring: { fullName: 'Kagiso Sithole', courseId: EXPIRING_COURSE.courseId },
  script: { fullName: '<script>alert(1)</script>', courseId: COURSE.courseId },
  attribute: { fullName: '"><img src=x onerror=alert(1)>', courseId: COURSE.courseId },
} as const;
type Person = keyof typeof PEOPLE;
const emailOf = (person: string) => `${person}.verify@example.org`;

/** Certificate numbers (formatted) by person. */
const numbers: Record<string, string> = {};

async function enrolAndApprove(person: string, fullName: string, courseId: string): Promise<string> {
  const participant = {
    fullName,
    email: emailOf(person),
    consentToPublicName: true,
    consent: { nameOnCertificate: true, channel: 'paper-form', recordedBy: 'verification test' },
  };
  expect((await api.request('PUT', `/operator/participants/${person}`, participant)).status).toBe(200);
  const progress = {
    completedModuleIds: [],
    quizScores: {},
    peerReviewPassed: false,
    completedAt: '2026-11-20T10:00:00.000Z',
  };
  expect((await api.request('PUT', `/operator/progress/${person}/${courseId}`, progress)).status).toBe(200);
  return api.approve(person, courseId);
}

async function settledNumber(approvalId: string): Promise<string> {
  const settled = await api.settledApproval(approvalId, 60_000);
  expect(settled).toMatchObject({ status: 'issued', certificate: { delivery: 'sent' } });
  return formatCertificateNumber(settled.certificate.number.replace(/-/g, ''));
}

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  workDir = mkdtempSync(join(tmpdir(), 'saypro-verify-'));
  for (const course of [COURSE, EXPIRING_COURSE]) {
    expect((await api.request('PUT', `/operator/courses/${course.courseId}`, course)).status).toBe(200);
  }
  const approvals = await Promise.all(
    Object.entries(PEOPLE).map(
      async ([person, { fullName, courseId }]) =>
        [person, await enrolAndApprove(person, fullName, courseId)] as const,
    ),
  );
  for (const [person, approvalId] of approvals) numbers[person] = await settledNumber(approvalId);
});

afterAll(async () => {
  await stack?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const canonical = (number: string) => number.replace(/-/g, '');
const recordOf = async (number: string) => (await stack.deps.certificates.getCertificate(canonical(number)))!;
const pdfOf = async (number: string) =>
  Buffer.from((await stack.deps.documents.get((await recordOf(number)).document.key))!);
const credentialOf = async (number: string) => {
  const response = await fetch(`${stack.url}/certificates/${number}/credential`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/jwt');
  return response.text();
};
const jwks = async () =>
  (await (await fetch(`${stack.url}/.well-known/jwks.json`)).json()) as {
    keys: { kid: string; x: string; y: string }[];
  };
const view = async (number: string) =>
  api.request('GET', `/certificates/${encodeURIComponent(number)}`, undefined, { 'x-api-key': '' });
const page = async (number: string) => {
  const response = await fetch(`${stack.url}/verify/${encodeURIComponent(number)}`);
  return {
    status: response.status,
    csp: response.headers.get('content-security-policy'),
    html: await response.text(),
  };
};

async function verify(body: Uint8Array | string, contentType: string, accept = 'application/json') {
  const response = await fetch(`${stack.url}/verify`, {
    method: 'POST',
    headers: { 'content-type': contentType, accept },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: accept.includes('json') ? JSON.parse(text) : undefined };
}
const verifyPdf = (pdf: Uint8Array) => verify(pdf, 'application/pdf');
const verifyJwt = (token: string) => verify(token, 'application/jwt');

const b64url = (value: string | Uint8Array) => Buffer.from(value).toString('base64url');
const decode = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));

/** Signs claims with the stack's own KMS key, as produceCertificate does: our signature over our claims. */
async function signWithStackKey(claims: object, kid: string): Promise<string> {
  const signingInput = `${b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(claims))}`;
  const { signatureDer } = await stack.deps.signer.signDigest(sha256(new TextEncoder().encode(signingInput)));
  return compactJws(signingInput, derToJoseSignature(signatureDer));
}

const flipOneByte = (bytes: Buffer) => {
  const copy = Buffer.from(bytes);
  const index = Math.floor(copy.length / 2);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
};

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

describe('an issued PDF and its credential', () => {
  it('the issued PDF verifies; with one byte flipped it is not a document SayPro issued', async () => {
    const pdf = await pdfOf(numbers.holder!);
    const genuine = await verifyPdf(pdf);
    expect(genuine.status).toBe(200);
    expect(genuine.json).toMatchObject({
      valid: true,
      status: 'valid',
      checks: { issuedDocument: true, signature: true, currentStatus: true },
      certificate: { number: numbers.holder, holder: { name: 'Nomsa Dlamini' } },
    });

    const flipped = await verifyPdf(flipOneByte(pdf));
    expect(flipped.status).toBe(200);
    expect(flipped.json).toMatchObject({
      valid: false,
      status: 'unknown',
      checks: { issuedDocument: false },
    });
    expect(flipped.json.certificate).toBeUndefined();
    expect(flipped.json.reasons.join(' ')).toContain('altered');
  });

  it('the credential verifies as a JWT, as a multipart upload, and as a page', async () => {
    const token = await credentialOf(numbers.holder!);
    const result = await verifyJwt(token);
    expect(result.json).toMatchObject({
      valid: true,
      status: 'valid',
      checks: { signature: true, currentStatus: true },
    });
    expect(result.json.certificate.number).toBe(numbers.holder);

    const form = new FormData();
    form.append('document', new Blob([token], { type: 'application/jwt' }), 'credential.jwt');
    const uploaded = await fetch(`${stack.url}/verify`, {
      method: 'POST',
      body: form,
      headers: { accept: 'application/json' },
    });
    expect(await uploaded.json()).toMatchObject({ valid: true, status: 'valid' });

    const html = await verify(token, 'application/jwt', 'text/html');
    expect(html.status).toBe(200);
    expect(html.text).toContain('Genuine and valid');
  });

  it('accepts the page’s multipart upload with a mixed-case boundary, as browsers send it', async () => {
    // Chromium, Safari and Edge use boundaries like ----WebKitFormBoundaryAbC…: matched case-sensitively (RFC 2046).
    const boundary = '----WebKitFormBoundaryQz7XbR2mKp9LwT4e';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="certificate.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const body = Buffer.concat([
      Buffer.from(head),
      await pdfOf(numbers.holder!),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const result = await verify(body, `multipart/form-data; boundary=${boundary}`);
    expect(result.status, result.text).toBe(200);
    expect(result.json).toMatchObject({ valid: true, checks: { issuedDocument: true } });
  });

  it('refuses the name changed in the payload under the old signature', async () => {
    const token = await credentialOf(numbers.holder!);
    const [header, payload, signature] = token.split('.');
    const claims = decode(payload);
    const name = claims.credentialSubject.identifier.find(
      (entry: { identityType: string }) => entry.identityType === 'name',
    );
    expect(name.identityHash).toBe('Nomsa Dlamini');
    name.identityHash = 'Somebody Else';
    const result = await verifyJwt(`${header}.${b64url(JSON.stringify(claims))}.${signature}`);
    expect(result.json).toMatchObject({ valid: false, checks: { signature: false } });
    expect(result.json.reasons.join(' ')).toContain('signature does not match');
  });

  it('refuses a signature from another P-256 key under our kid', async () => {
    const token = await credentialOf(numbers.holder!);
    const signingInput = token.split('.').slice(0, 2).join('.');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const raw = sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    const result = await verifyJwt(`${signingInput}.${b64url(raw)}`);
    expect(result.json).toMatchObject({ valid: false, checks: { signature: false } });
    expect(result.json.reasons.join(' ')).toContain('signature does not match');
  });

  it('refuses alg none, HS256 keyed with our public key (JWK and PEM), and an ES384 header, each with a reason', async () => {
    const token = await credentialOf(numbers.holder!);
    const payload = token.split('.')[1]!;
    const { keys } = await jwks();
    const ours = keys[0]!;
    const withHeader = (alg: string) =>
      `${b64url(JSON.stringify({ alg, typ: 'JWT', kid: ours.kid }))}.${payload}`;
    const pem = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: ours.x, y: ours.y }, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const hs256 = (secret: string) => {
      const input = withHeader('HS256');
      return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    };
    const { privateKey: p384 } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const es384Input = withHeader('ES384');
    const es384 = `${es384Input}.${b64url(sign('sha384', Buffer.from(es384Input), { key: p384, dsaEncoding: 'ieee-p1363' }))}`;

    const cases: [string, string, string][] = [
      ['alg none', `${withHeader('none')}.`, 'algorithm none is not accepted'],
      ['HS256 with the JWK', hs256(JSON.stringify(ours)), 'algorithm HS256 is not accepted'],
      ['HS256 with the PEM', hs256(pem), 'algorithm HS256 is not accepted'],
      ['ES384', es384, 'algorithm ES384 is not accepted'],
    ];
    for (const [label, forged, reason] of cases) {
      const result = await verifyJwt(forged);
      expect(result.json, label).toMatchObject({
        valid: false,
        status: 'unknown',
        checks: { signature: false },
      });
      expect(result.json.reasons.join(' '), label).toContain(reason);
    }
  });

  it('refuses the KMS DER signature placed in the JWS instead of raw r‖s', async () => {
    const token = await credentialOf(numbers.holder!);
    const [header, payload, signature] = token.split('.');
    const der = joseToDerSignature(Buffer.from(signature!, 'base64url'));
    const result = await verifyJwt(`${header}.${payload}.${b64url(der)}`);
    expect(result.json).toMatchObject({ valid: false, checks: { signature: false } });
    expect(result.json.reasons.length).toBeGreaterThan(0);
  });

  it('refuses what is neither a PDF nor a JWT, and an empty body', async () => {
    expect((await verify('{"hello":1}', 'application/json')).status).toBe(415);
    expect((await verify('', 'application/pdf')).status).toBe(400);
    const notJws = await verifyJwt('this is not a token');
    expect(notJws.json).toMatchObject({ valid: false, reasons: [expect.stringContaining('compact JWS')] });
  });
});

describe('revoked, superseded, expired and not-yet-valid certificates', () => {
  it('a revoked certificate is invalid, with the date and reason on the view and the page', async () => {
    const number = numbers.revoked!;
    const revocation = await api.request('POST', `/operator/certificates/${number}/revocation`, {
      reason: 'Issued in error for the wrong course',
      revokedBy: 'registrar@saypro.online',
    });
    expect(revocation.status).toBe(200);
    expect(revocation.json).toMatchObject({ number, status: 'revoked', revokedAt: expect.any(String) });
    const { revokedAt } = revocation.json;

    expect((await view(number)).json).toMatchObject({
      status: 'revoked',
      revokedAt,
      revocationReason: expect.stringContaining('Issued in error for the wrong course'),
      signature: { valid: true },
    });
    const result = await verifyPdf(await pdfOf(number));
    expect(result.json).toMatchObject({
      valid: false,
      status: 'revoked',
      checks: { issuedDocument: true, signature: true, currentStatus: false },
    });
    expect(result.json.reasons).toContain('the certificate has been revoked');
    expect((await verifyJwt(await credentialOf(number))).json).toMatchObject({
      valid: false,
      status: 'revoked',
    });

    const { html } = await page(number);
    expect(html).toContain('data-status="revoked"');
    expect(html).toContain('Revoked');
    expect(html).toContain(formatDate(revokedAt));
    expect(html).toContain('Issued in error for the wrong course');

    // The emailed link no longer hands out the withdrawn PDF: it says why, once and clearly.
    const download = await fetch(await emailedDownloadLink('revoked'), { redirect: 'manual' });
    expect(download.status).toBe(410);
    expect((await download.json()).error).toMatch(
      /revoked on \d{4}-\d{2}-\d{2}.*Issued in error for the wrong course/,
    );

    const again = await api.request('POST', `/operator/certificates/${number}/revocation`, {
      reason: 'twice',
      revokedBy: 'x',
    });
    expect(again.status).toBe(409);
  });

  it('a corrected certificate supersedes the old one; the new PDF verifies and the participant gets a second email', async () => {
    const oldNumber = numbers.misspelt!;
    const correction = await api.request('POST', `/operator/certificates/${oldNumber}/corrections`, {
      holderName: 'Sipho Ndlovu',
      reason: 'The name was misspelt',
      correctedBy: 'registrar@saypro.online',
    });
    expect(correction.status).toBe(201);
    expect(correction.json).toMatchObject({ supersedes: oldNumber, version: 2, emailed: true });
    const newNumber: string = correction.json.number;
    expect(newNumber).not.toBe(oldNumber);

    expect((await view(oldNumber)).json).toMatchObject({
      status: 'superseded',
      supersededBy: newNumber,
      holder: { name: 'Sihpo Ndlovu' },
    });
    expect((await view(newNumber)).json).toMatchObject({
      status: 'valid',
      supersedes: oldNumber,
      version: 2,
      holder: { name: 'Sipho Ndlovu' },
      signature: { valid: true },
    });

    expect((await verifyPdf(await pdfOf(newNumber))).json).toMatchObject({
      valid: true,
      status: 'valid',
      certificate: { number: newNumber },
    });
    expect((await verifyPdf(await pdfOf(oldNumber))).json).toMatchObject({
      valid: false,
      status: 'superseded',
      certificate: { supersededBy: newNumber },
    });
    expect((await verifyJwt(await credentialOf(newNumber))).json).toMatchObject({ valid: true });

    const { html } = await page(oldNumber);
    expect(html).toContain('Replaced by a corrected certificate');
    expect(html).toContain(`href="/verify/${newNumber}"`);
    expect((await page(newNumber)).html).toContain(
      `This certificate corrects <a href="/verify/${oldNumber}">`,
    );

    const mails = (await mailbox(stack)).filter((mail) => mail.destination.to.includes(emailOf('misspelt')));
    expect(mails).toHaveLength(2);
    expect(mails[1]!.body.text).toContain(newNumber);
    // The first email's link now points the holder to the corrected certificate instead of the old PDF.
    const oldLink = /https?:\/\/[^\s"<>]+\/download\?token=[^\s"<>]+/.exec(mails[0]!.body.text ?? '')![0];
    const oldDownload = await fetch(oldLink, { redirect: 'manual' });
    expect(oldDownload.status).toBe(410);
    expect((await oldDownload.json()).error).toContain(newNumber);
    expect((await fetch(await emailedDownloadLink('misspelt'), { redirect: 'manual' })).status).toBe(302);
  });

  it('an expired certificate shows as expired on the view, the page and for its PDF and credential', async () => {
    const number = numbers.expiring!;
    const record = await recordOf(number);
    expect(record.expiresAt).toBeDefined();
    expect(Date.parse(record.expiresAt!) - Date.parse(record.issuedAt)).toBe(24 * 3600 * 1000);
    const credential = await credentialOf(number);
    expect(decode(credential.split('.')[1]).validUntil).toBe(record.expiresAt);

    // The stack's clock is real time: move the record's expiry into the past instead of waiting a day.
    const expiredAt = new Date(Date.now() - 3600_000).toISOString();
    await stack.deps.certificates.updateCertificate(canonical(number), { expiresAt: expiredAt });

    expect((await view(number)).json).toMatchObject({
      status: 'expired',
      expiresAt: expiredAt,
      signature: { valid: true },
    });
    expect((await page(number)).html).toContain('Genuine, but expired');
    expect((await verifyPdf(await pdfOf(number))).json).toMatchObject({
      valid: false,
      status: 'expired',
      checks: { issuedDocument: true, signature: true, currentStatus: false },
    });
    expect((await verifyJwt(credential)).json).toMatchObject({ valid: false, status: 'expired' });
  });

  it('a genuine credential whose own exp has passed is reported as expired, not as unknown', async () => {
    const number = numbers.expiring!;
    const token = await credentialOf(number);
    const kid = decode(token.split('.')[0]).kid;
    const claims = decode(token.split('.')[1]);
    // What the stored credential looks like once its day is over: issued two days ago, expired an hour ago.
    const issued = Math.floor(Date.now() / 1000) - 2 * 86_400;
    const expired = Math.floor(Date.now() / 1000) - 3600;
    const aged = {
      ...claims,
      validFrom: new Date(issued * 1000).toISOString(),
      awardedDate: new Date(issued * 1000).toISOString(),
      validUntil: new Date(expired * 1000).toISOString(),
      nbf: issued,
      exp: expired,
    };
    const result = await verifyJwt(await signWithStackKey(aged, kid));
    expect(result.json.valid).toBe(false);
    expect(result.json.reasons.join(' ')).toContain('expired');
    expect(result.json.status).toBe('expired');
  });

  it('a credential whose nbf is 10 minutes ahead is not yet valid; 2 minutes ahead is inside the clock skew', async () => {
    const token = await credentialOf(numbers.holder!);
    const { keys } = await jwks();
    const kid = keys[0]!.kid;
    expect(decode(token.split('.')[0]).kid).toBe(kid);
    const claims = decode(token.split('.')[1]);
    const ahead = (seconds: number) => {
      const nbf = Math.floor(Date.now() / 1000) + seconds;
      return { ...claims, nbf, validFrom: new Date(nbf * 1000).toISOString() };
    };

    const tenMinutes = await verifyJwt(await signWithStackKey(ahead(600), kid));
    expect(tenMinutes.json).toMatchObject({ valid: false, status: 'not_yet_valid' });
    expect(tenMinutes.json.reasons.join(' ')).toContain('not valid before');

    const twoMinutes = await verifyJwt(await signWithStackKey(ahead(120), kid));
    expect(twoMinutes.json).toMatchObject({
      valid: true,
      status: 'valid',
      certificate: { number: numbers.holder },
    });
  });
});

describe('names that look like markup', () => {
  it('are escaped on the verification page and in the report page, never written raw', async () => {
    const cases: [Person, string, string[]][] = [
      ['script', '&lt;script&gt;alert(1)&lt;/script&gt;', ['<script', 'alert(1)</script>']],
      ['attribute', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;', ['<img', '"><img', 'onerror=alert(1)>']],
    ];
    for (const [person, escaped, raw] of cases) {
      const number = numbers[person]!;
      expect((await view(number)).json.holder).toEqual({ name: PEOPLE[person].fullName });
      const shown = await page(number);
      expect(shown.status).toBe(200);
      expect(shown.csp).toContain("default-src 'none'");
      expect(shown.html).toContain(escaped);
      for (const fragment of raw) expect(shown.html, person).not.toContain(fragment);

      const report = await verify(await pdfOf(number), 'application/pdf', 'text/html');
      expect(report.text).toContain('Genuine and valid');
      expect(report.text).toContain(escaped);
      for (const fragment of raw) expect(report.text, person).not.toContain(fragment);
    }
  });
});

describe('certificate numbers as people type them', () => {
  it('finds the same certificate in lower case, with spaces, O for 0 and I or L for 1', async () => {
    // Numbers are random, and one without a 0 or a 1 leaves O-for-0 and I/L-for-1 nothing to act on. So the
    // next number drawn is one that has both: the issuing path still generates, signs and stores it as usual.
    let chosen: Uint8Array;
    do chosen = new Uint8Array(randomBytes(15));
    while (!/(?=.*0)(?=.*1)/.test(generateCertificateNumber(() => chosen)));
    const random = stack.deps.random;
    const drawBytes = random.bytes;
    random.bytes = (length) => {
      if (length !== 15) return drawBytes(length);
      random.bytes = drawBytes;
      return chosen;
    };
    let typedNumber: string;
    try {
      typedNumber = await settledNumber(
        await enrolAndApprove('typed-number', 'Zanele Mthembu', COURSE.courseId),
      );
    } finally {
      random.bytes = drawBytes;
    }
    expect(typedNumber).toBe(formatCertificateNumber(generateCertificateNumber(() => chosen)));
    const number = typedNumber;
    const variants = [
      number.toLowerCase(),
      number.replace(/-/g, ' '),
      ` ${canonical(number).toLowerCase()} `,
      number.replace(/0/g, 'O'),
      number.replace(/0/g, 'o').toLowerCase(),
      number.replace(/1/g, 'I'),
      number.replace(/1/g, 'L'),
      number.replace(/1/g, 'l').toLowerCase(),
      number.replace(/0/g, 'o').replace(/1/g, 'i').replace(/-/g, ' ').toLowerCase(),
    ];
    for (const typed of variants) {
      const found = await view(typed);
      expect(found.status, typed).toBe(200);
      expect(found.json.number, typed).toBe(number);
    }
    const shown = await page(variants.at(-1)!);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain(`value="${number}"`);
    expect(shown.html).toContain('Genuine and valid');
  });

  it('answers a malformed number with 400 and an unknown well-formed one with 404', async () => {
    const number = canonical(numbers.holder!);
    const typo = `${number.slice(0, 5)}${number[5] === 'A' ? 'B' : 'A'}${number.slice(6)}`;
    for (const malformed of ['12345', typo, `${number.slice(0, 23)}U`, `${number}X`]) {
      const response = await view(malformed);
      expect(response.status, malformed).toBe(400);
      expect(response.json.error, malformed).toMatch(/Invalid certificate number/);
      expect((await page(malformed)).status, malformed).toBe(400);
    }
    const unknown = generateCertificateNumber((length) => new Uint8Array(randomBytes(length)));
    expect((await view(unknown)).status).toBe(404);
    expect((await page(unknown)).status).toBe(404);
    expect((await fetch(`${stack.url}/certificates/${unknown}/credential`)).status).toBe(404);
  });
});

describe('npx certs verify', () => {
  const cli = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['bin/certs.mjs', 'verify', ...args],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, CERTS_API_URL: stack.url, NO_COLOR: '1', ...env },
          timeout: 60_000,
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(workDir, name);
    writeFileSync(path, content);
    return path;
  };
  // Nothing listens there: a check that claims to be offline must not need the API.
  const offline = { CERTS_API_URL: 'http://127.0.0.1:9' };

  let files: { jwks: string; credential: string; tampered: string; pdf: string; flipped: string };
  let kid: string;

  beforeAll(async () => {
    const token = await credentialOf(numbers.holder!);
    const [header, payload, signature] = token.split('.');
    const claims = decode(payload);
    claims.credentialSubject.achievement.name = 'Advanced Brain Surgery';
    const keySet = await jwks();
    kid = keySet.keys[0]!.kid;
    const pdf = await pdfOf(numbers.holder!);
    files = {
      jwks: file('jwks.json', JSON.stringify(keySet)),
      credential: file('credential.jwt', `${token}\n`),
      tampered: file('tampered.jwt', `${header}.${b64url(JSON.stringify(claims))}.${signature}`),
      pdf: file('certificate.pdf', pdf),
      flipped: file('flipped.pdf', flipOneByte(pdf)),
    };
  });

  it('exits 0 for a genuine credential or PDF, 1 for a forged or altered one, 2 on usage errors', async () => {
    const number = numbers.holder!;
    const [valid, forged, pdfWithCredential, flippedWithCredential] = await Promise.all([
      cli([files.credential, '--jwks', files.jwks], offline),
      cli([files.tampered, '--jwks', files.jwks], offline),
      cli([files.pdf, '--credential', files.credential, '--jwks', files.jwks], offline),
      cli([files.flipped, '--credential', files.credential, '--jwks', files.jwks], offline),
    ]);
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
    expect(valid.stdout).toMatch(/^VALID: the credential is signed by SayPro/);
    for (const expected of [
      'SayPro',
      number,
      'Verification Basics',
      'Nomsa Dlamini',
      kid,
      'no expiry',
      `/verify/${number}`,
    ]) {
      expect(valid.stdout).toContain(expected);
    }
    expect(forged.code, forged.stdout + forged.stderr).toBe(1);
    expect(forged.stdout).toMatch(/^NOT VALID: the signature does not match/);
    expect(forged.stdout).not.toContain('Advanced Brain Surgery');
    expect(pdfWithCredential.code, pdfWithCredential.stdout + pdfWithCredential.stderr).toBe(0);
    expect(pdfWithCredential.stdout).toContain('the PDF is byte for byte the one the credential signs');
    expect(flippedWithCredential.code, flippedWithCredential.stdout + flippedWithCredential.stderr).toBe(1);
    expect(flippedWithCredential.stdout).toContain("NOT VALID: the PDF's SHA-256");

    const [online, noFile, missingFile] = await Promise.all([
      cli([files.pdf]),
      cli([]),
      cli([join(workDir, 'missing.jwt'), '--jwks', files.jwks]),
    ]);
    expect(online.code, online.stdout + online.stderr).toBe(0);
    expect(online.stdout).toContain(
      `Checked online: no credential was given, so the PDF was sent to ${stack.url}/verify`,
    );
    expect(online.stdout).toContain(number);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('Missing the file to verify');
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain('no such file');
  });

  it('fetches the key set from the API by default or from a URL, and asks the API about a lone PDF', async () => {
    const saved = process.env.CERTS_API_URL;
    process.env.CERTS_API_URL = stack.url;
    try {
      const byDefault = await verifyOffline(files.credential);
      expect(byDefault.valid).toBe(true);
      expect(byDefault.lines[0]).toContain(`from ${stack.url}/.well-known/jwks.json`);
      const flippedOnline = await verifyOffline(files.flipped);
      expect(flippedOnline.valid).toBe(false);
      expect(flippedOnline.lines.join('\n')).toContain('Checked online');
    } finally {
      if (saved === undefined) delete process.env.CERTS_API_URL;
      else process.env.CERTS_API_URL = saved;
    }
    expect(
      (await verifyOffline(files.credential, { jwks: `${stack.url}/.well-known/jwks.json` })).valid,
    ).toBe(true);
  });

  it('names what is wrong with the call: a file that is not a key set, a credential beside a JWT', async () => {
    const notJwks = file('not-jwks.json', '{"hello":"world"}');
    await expect(verifyOffline(files.credential, { jwks: notJwks })).rejects.toThrow(VerifyUsageError);
    await expect(verifyOffline(files.credential, { jwks: notJwks })).rejects.toThrow('has no "keys" array');
    await expect(
      verifyOffline(files.credential, { jwks: files.jwks, credential: files.credential }),
    ).rejects.toThrow('--credential goes with a PDF');
    await expect(verifyOffline(files.credential, { jwks: 'http://127.0.0.1:9/jwks.json' })).rejects.toThrow(
      'Cannot reach',
    );
  });

  it('tells a verifier whether the credential names a holder who reveals address and secret', async () => {
    const secret = (await recordOf(numbers.holder!)).holderProofSecret!;
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    const [proved, noSecret, wrongAddress] = await Promise.all([
      cli(
        [
          files.credential,
          '--jwks',
          files.jwks,
          '--holder-email',
          emailOf('holder'),
          '--holder-secret',
          secret,
        ],
        offline,
      ),
      cli([files.credential, '--jwks', files.jwks, '--holder-email', emailOf('holder')], offline),
      cli(
        [
          files.credential,
          '--jwks',
          files.jwks,
          '--holder-email',
          emailOf('other'),
          '--holder-secret',
          secret,
        ],
        offline,
      ),
    ]);
    expect(proved.code, proved.stdout + proved.stderr).toBe(0);
    expect(proved.stdout).toContain('the credential names this address, proved with the holder’s secret');
    expect(noSecret.code).toBe(1);
    expect(noSecret.stdout).toContain(
      "NOT THE HOLDER: the credential's address is hashed with the holder's secret",
    );
    expect(wrongAddress.code).toBe(1);
    expect(wrongAddress.stdout).toContain('NOT THE HOLDER: the address and secret do not match');
    await expect(
      verifyOffline(files.pdf, { jwks: files.jwks, holder: { email: emailOf('holder') } }),
    ).rejects.toThrow('--holder-email needs the signed credential');
  });

  it('judges the validity window at the time it is given (verifyOffline now)', async () => {
    const credential = file('credential-now.jwt', await credentialOf(numbers.expiring!));
    const issuedAt = Date.parse((await recordOf(numbers.expiring!)).issuedAt);
    const during = await verifyOffline(credential, { jwks: files.jwks, now: new Date(issuedAt + 3600_000) });
    expect(during.valid).toBe(true);
    expect(during.lines.join('\n')).toContain('Safety Refresher');
    expect(during.lines.join('\n')).toContain('Valid until');
    const before = await verifyOffline(credential, { jwks: files.jwks, now: new Date(issuedAt - 3600_000) });
    expect(before.valid).toBe(false);
    expect(before.lines[0]).toMatch(/^NOT VALID: not valid before /);
    const after = await verifyOffline(credential, {
      jwks: files.jwks,
      now: new Date(issuedAt + 3 * 86_400_000),
    });
    expect(after.valid).toBe(false);
    expect(after.lines[0]).toMatch(/^NOT VALID: expired on /);
  });
});

describe('signing key rotation and compromise', () => {
  it('after a rotation both keys are published and old and new certificates verify; a compromised key verifies nothing', async () => {
    const oldNumber = numbers.holder!;
    const oldKid = (await recordOf(oldNumber)).signature.kid;
    const rotation = await api.request('POST', '/operator/signing-keys/rotation');
    expect(rotation.status).toBe(201);
    const newKid: string = rotation.json.kid;
    expect(newKid).not.toBe(oldKid);

    const newNumber = await settledNumber(
      await enrolAndApprove('after-rotation', 'Lerato Khumalo', COURSE.courseId),
    );
    expect((await recordOf(newNumber)).signature.kid).toBe(newKid);
    expect((await jwks()).keys.map((key) => key.kid).sort()).toEqual([oldKid, newKid].sort());
    const oldToken = await credentialOf(oldNumber);
    const newToken = await credentialOf(newNumber);
    expect(decode(newToken.split('.')[0]).kid).toBe(newKid);
    for (const token of [oldToken, newToken])
      expect((await verifyJwt(token)).json).toMatchObject({ valid: true });
    expect((await view(oldNumber)).json.signature).toMatchObject({
      kid: oldKid,
      valid: true,
      keyStatus: 'retired',
    });
    expect((await verifyPdf(await pdfOf(oldNumber))).json).toMatchObject({ valid: true });

    const keysSeen = await api.request('GET', '/operator/signing-keys');
    expect(keysSeen.json.keys).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kid: oldKid, status: 'retired' }),
        expect.objectContaining({ kid: newKid, status: 'active' }),
      ]),
    );

    const compromise = await api.request('POST', `/operator/signing-keys/${oldKid}/compromise`);
    expect(compromise.status).toBe(200);
    expect(compromise.json).toMatchObject({ kid: oldKid, status: 'compromised' });

    expect((await jwks()).keys.map((key) => key.kid)).toEqual([newKid]);
    const oldJwt = await verifyJwt(oldToken);
    expect(oldJwt.json).toMatchObject({ valid: false });
    expect(oldJwt.json.reasons.join(' ')).toContain('compromised');
    expect((await view(oldNumber)).json.signature).toMatchObject({ valid: false, keyStatus: 'compromised' });
    expect((await verifyPdf(await pdfOf(oldNumber))).json).toMatchObject({
      valid: false,
      checks: { signature: false },
    });
    expect((await page(oldNumber)).html).toContain('Not genuine: the signature does not verify');

    expect((await verifyJwt(newToken)).json).toMatchObject({ valid: true });
    expect((await verifyPdf(await pdfOf(newNumber))).json).toMatchObject({ valid: true });
    expect((await view(newNumber)).json.signature).toMatchObject({
      kid: newKid,
      valid: true,
      keyStatus: 'active',
    });

    // Offline, with the key set as published now, the old credential no longer verifies either.
    const jwksFile = join(workDir, 'jwks-after-compromise.json');
    writeFileSync(jwksFile, JSON.stringify(await jwks()));
    const oldFile = join(workDir, 'old.jwt');
    writeFileSync(oldFile, oldToken);
    expect((await verifyOffline(oldFile, { jwks: jwksFile })).valid).toBe(false);
  });
});

/** The download link in the newest email a person received that has one (a revocation email has none). */
async function emailedDownloadLink(person: string) {
  const pattern = /https?:\/\/[^\s"<>]+\/download\?token=[^\s"<>]+/;
  const mails = (await mailbox(stack)).filter(
    (mail) => mail.destination.to.includes(emailOf(person)) && pattern.test(mail.body.text ?? ''),
  );
  const link = pattern.exec(mails.at(-1)?.body.text ?? '')?.[0];
  expect(link).toBeDefined();
  return link!;
}

describe('rate limit on the public API', () => {
  /** A GET from a chosen loopback address: the API limits per source address. */
  const getFrom = (localAddress: string, path: string) =>
    new Promise<{ status: number; retryAfter: string | undefined; body: string }>((resolve, reject) => {
      const url = new URL(path, stack.url);
      const request = httpRequest(
        { host: '127.0.0.1', port: url.port, path: url.pathname, localAddress, agent: false },
        (response) => {
          let body = '';
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              retryAfter: response.headers['retry-after'] as string | undefined,
              body,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });

  it(`answers 429 with Retry-After after ${RATE_LIMIT_PER_MINUTE} requests a minute from one address, malformed ones included, never on /health`, async () => {
    const client = '127.0.0.2';
    // Malformed percent-encoding is the client's mistake (400 naming the part), and it counts.
    const malformed = await getFrom(client, '/certificates/%E0%A4%A');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ issues: [{ field: 'number' }] });
    // 1 + 22 × 9 + 1 = 200 requests: the whole allowance.
    for (let batchNumber = 0; batchNumber < 22; batchNumber += 1) {
      const batch = await Promise.all(
        Array.from({ length: 9 }, (_, index) =>
          getFrom(client, index % 3 ? `/certificates/${numbers.holder}` : '/verify/%ZZ'),
        ),
      );
      expect(batch.map((response) => response.status)).toEqual([400, 200, 200, 400, 200, 200, 400, 200, 200]);
    }
    expect((await getFrom(client, `/certificates/${numbers.holder}`)).status).toBe(200);
    const limited = await getFrom(client, `/certificates/${numbers.holder}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);
    expect(JSON.parse(limited.body).error).toContain('Too many verification requests');
    expect((await getFrom(client, '/certificates/%E0%A4%A')).status).toBe(429);
    // A monitor is never turned away.
    expect((await getFrom(client, '/health')).status).toBe(200);

    // Another client is not affected, and operator routes are not limited.
    expect((await getFrom('127.0.0.3', `/certificates/${numbers.holder}`)).status).toBe(200);
    expect((await api.request('GET', '/operator/signing-keys')).status).toBe(200);
  });
});
