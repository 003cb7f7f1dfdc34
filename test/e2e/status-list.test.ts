import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCredentialJwt } from '../../functions/core/credential-verification.js';
import { decodeBitstring, getBit, STATUS_LIST_LENGTH } from '../../functions/core/status-list.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { apiClient, certsCli } from '../support/local-api.js';

/**
 * The revocation status list on the local stack, as a verifier meets it: the credential's
 * credentialStatus URL answers a signed list, its bit is 0, staff revoke, the bit is 1, and
 * `certs verify --status-list` says revoked offline. Also the credential's other links resolve.
 */

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let certs: ReturnType<typeof certsCli>;
let workDir: string;

const COURSE = {
  courseId: 'status-basics',
  title: 'Status Basics',
  description: 'What a status list is.',
  criteria: { requiredModules: [], quizzes: [], peerReviewRequired: false, issueDeadlineDays: 7 },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

// biome-ignore lint/suspicious/noExplicitAny: the tests read decoded JSON freely
const payloadOf = (token: string): Record<string, any> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

const issueTo = (person: string, consentToPublicName: boolean) =>
  api.issueTo(COURSE.courseId, person, consentToPublicName);

const credentialOf = async (number: string) =>
  (await fetch(`${stack.url}/certificates/${number}/credential`)).text();

/** The list as a verifier fetches it, its signature checked against the published keys. */
async function fetchList(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vc+jwt');
  expect(response.headers.get('cache-control')).toBe('public, max-age=60');
  const jwt = await response.text();
  const jwks = await (await fetch(`${stack.url}/.well-known/jwks.json`)).json();
  const check = await checkCredentialJwt(jwt, jwks, new Date());
  expect(check.ok).toBe(true);
  return { jwt, claims: payloadOf(jwt) };
}

let holder: string;
let privateHolder: string;

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  certs = certsCli(stack);
  workDir = mkdtempSync(join(tmpdir(), 'saypro-status-'));
  await api.putCourse(COURSE);
  [holder, privateHolder] = await Promise.all([
    issueTo('status-holder', true),
    issueTo('status-private', false),
  ]);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the revocation status list', () => {
  it('bit 0 before, revoked, bit 1 after; certs verify --status-list says revoked offline', async () => {
    const credential = await credentialOf(holder);
    const status = payloadOf(credential).credentialStatus;
    expect(status).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    expect(status.statusListCredential).toBe(`${stack.url}/status-lists/1`);
    const index = Number(status.statusListIndex);
    const other = Number(payloadOf(await credentialOf(privateHolder)).credentialStatus.statusListIndex);
    expect(index).not.toBe(other);

    const before = await fetchList(status.statusListCredential);
    expect(before.claims.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    const bitsBefore = decodeBitstring(before.claims.credentialSubject.encodedList);
    expect(bitsBefore.length * 8).toBe(STATUS_LIST_LENGTH);
    expect(getBit(bitsBefore, index)).toBe(false);

    const credentialFile = join(workDir, 'holder.jwt');
    writeFileSync(credentialFile, credential);
    const good = await certs('verify', credentialFile, '--status-list', status.statusListCredential);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(new RegExp(`not revoked: bit ${index} of`));

    const revoked = await api.request('POST', `/operator/certificates/${holder}/revocation`, {
      reason: 'Issued in error',
      revokedBy: 'registrar@saypro.online',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ status: 'revoked', statusListUpdated: true });

    const after = await fetchList(status.statusListCredential);
    const bitsAfter = decodeBitstring(after.claims.credentialSubject.encodedList);
    expect(getBit(bitsAfter, index)).toBe(true);
    expect(getBit(bitsAfter, other)).toBe(false);
    expect(after.claims.validFrom >= before.claims.validFrom).toBe(true);

    // Offline: the list saved to a file, the keys from a file, no API needed for the verdict.
    const listFile = join(workDir, 'list.jwt');
    const jwksFile = join(workDir, 'jwks.json');
    writeFileSync(listFile, after.jwt);
    writeFileSync(jwksFile, await (await fetch(`${stack.url}/.well-known/jwks.json`)).text());
    const offline = await certs('verify', credentialFile, '--jwks', jwksFile, '--status-list', listFile);
    expect(offline.code, offline.stdout + offline.stderr).toBe(1);
    expect(offline.stdout).toMatch(
      new RegExp(`REVOKED: bit ${index} of ${status.statusListCredential} is set`),
    );

    // The readable view counts set bits, and names no certificate.
    const view = await api.request('GET', '/status-lists/1', undefined, { accept: 'application/json' });
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ listId: '1', length: STATUS_LIST_LENGTH, setBits: 1 });
    expect(view.text).not.toContain(holder.replace(/-/g, ''));
  });

  it('a list that does not exist is a 404; a forged list fails the signature check', async () => {
    expect((await fetch(`${stack.url}/status-lists/999`)).status).toBe(404);
    expect((await fetch(`${stack.url}/status-lists/not-a-list`)).status).toBe(404);
    const { jwt } = await fetchList(`${stack.url}/status-lists/1`);
    const [header, payload] = jwt.split('.');
    const forgedFile = join(workDir, 'forged.jwt');
    writeFileSync(forgedFile, `${header}.${payload}.${'A'.repeat(86)}`);
    const credentialFile = join(workDir, 'private.jwt');
    writeFileSync(credentialFile, await credentialOf(privateHolder));
    const result = await certs('verify', credentialFile, '--status-list', forgedFile);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/NOT VALID: the status list .*signature does not match/);
  });
});

describe('the credential’s other links resolve', () => {
  it('achievement.id answers the course’s Achievement', async () => {
    const achievement = payloadOf(await credentialOf(holder)).credentialSubject.achievement;
    const response = await fetch(achievement.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ...achievement, type: ['Achievement'] });
    expect((await fetch(`${stack.url}/courses/no-such-course`)).status).toBe(404);
  });

  it('relatedResource.id gives the PDF with the signed digest when the holder consents; a reason when not', async () => {
    const credential = payloadOf(await credentialOf(privateHolder));
    const refused = await fetch(credential.relatedResource[0].id, { redirect: 'manual' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatch(/has not agreed to show their name/);

    // The revoked one is withdrawn (410); issue a fresh consenting holder to fetch a PDF.
    const fresh = await issueTo('status-public', true);
    const resource = payloadOf(await credentialOf(fresh)).relatedResource[0];
    const pdf = await fetch(resource.id);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { createHash } = await import('node:crypto');
    expect(`sha256-${createHash('sha256').update(bytes).digest('base64')}`).toBe(resource.digestSRI);
    expect((await fetch(`${stack.url}/certificates/${holder}/document`, { redirect: 'manual' })).status).toBe(
      410,
    );
  }, 60_000);
});
