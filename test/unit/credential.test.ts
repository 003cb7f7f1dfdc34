import { createHash, createHmac, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { decodeProtectedHeader } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildCredentialClaims,
  compactJws,
  digestSriOf,
  emailIdentityHash,
  jwsSigningInput,
} from '../../functions/core/credential.js';
import {
  boundDocumentDigest,
  CLOCK_SKEW_SECONDS,
  certificateNumberOf,
  checkCredentialJwt,
  credentialNamesHolder,
} from '../../functions/core/credential-verification.js';
import type { Certificate, Course } from '../../functions/core/model.js';
import { derToJoseSignature, sha256 } from '../../functions/core/signature.js';
import { type PublishedJwk, publishedKeys } from '../../functions/core/signing-keys.js';
import { issueCertificate } from '../../functions/core/use-cases/issue-certificate.js';
import { recordApproval } from '../../functions/core/use-cases/record-approval.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { inMemoryDeps } from '../support/in-memory-deps.js';

const schema = JSON.parse(
  readFileSync(
    new URL('../fixtures/obv3/ob_v3p0_achievementcredential_schema.json', import.meta.url),
    'utf8',
  ),
);
// Both are CommonJS: under NodeNext the default import is module.exports, whose `default` is the export.
const AjvClass = Ajv2019.default;
const applyFormats = addFormats.default;
// The published schema opens @context's 2-tuple with additionalItems on purpose; strictTuples would only warn.
const ajv = new AjvClass({ allErrors: true, strictTuples: false });
applyFormats(ajv);
const validateAchievementCredential = ajv.compile(schema);

const expectSchemaValid = (claims: unknown) => {
  const ok = validateAchievementCredential(claims);
  expect(
    validateAchievementCredential.errors ?? [],
    JSON.stringify(validateAchievementCredential.errors, null, 2),
  ).toEqual([]);
  expect(ok).toBe(true);
};

const base64url = (value: string | Uint8Array) => Buffer.from(value).toString('base64url');
const decodePart = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
// biome-ignore lint/suspicious/noExplicitAny: the tests walk and alter decoded JSON freely
const payloadOf = (token: string): Record<string, any> => decodePart(token.split('.')[1]);

const shortCourse: Course = {
  ...sampleCourse,
  courseId: 'first-aid-refresher',
  title: 'First Aid Refresher',
  criteria: { ...sampleCourse.criteria, validityDays: 365 },
};

let world: ReturnType<typeof inMemoryDeps>;

beforeEach(async () => {
  world = inMemoryDeps();
  await world.deps.courses.putCourse(sampleCourse);
  await world.deps.courses.putCourse(shortCourse);
  for (const { participant, progress } of sampleParticipants) {
    await world.deps.participants.putParticipant(participant);
    await world.deps.progress.putProgress(progress);
    await world.deps.progress.putProgress({ ...progress, courseId: shortCourse.courseId });
  }
});

/** Issues through the real use cases and returns the stored record, whose `credential` is the VC-JWT. */
async function issue(participantId: string, courseId = sampleCourse.courseId): Promise<Certificate> {
  const { approval } = await recordApproval(world.deps, {
    participantId,
    courseId,
    approvedBy: 'staff@saypro.test',
  });
  const { certificateNumber } = await issueCertificate(world.deps, approval.approvalId);
  return world.state.certificates.get(certificateNumber)!;
}

/** Signs arbitrary claims the way produceCertificate does, with the fake KMS key of the in-memory deps. */
async function signClaims(claims: object, header?: object): Promise<string> {
  const { keys } = await publishedKeys(world.deps);
  const kid = keys[0]!.kid;
  const signingInput = header
    ? `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
    : jwsSigningInput(claims, kid);
  const { signatureDer } = await world.deps.signer.signDigest(sha256(new TextEncoder().encode(signingInput)));
  return compactJws(signingInput, derToJoseSignature(signatureDer));
}

describe('the issued credential against 1EdTech’s Open Badges 3.0 JSON Schema', () => {
  it('the schema validator itself rejects what is not an AchievementCredential', () => {
    expect(
      validateAchievementCredential({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
      }),
    ).toBe(false);
    expect(validateAchievementCredential.errors?.map((error: { keyword: string }) => error.keyword)).toEqual(
      expect.arrayContaining(['required', 'minItems']),
    );
  });

  it('is valid for a holder who consents to the public name, without an expiry', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const claims = payloadOf(certificate.credential);
    expectSchemaValid(claims);
    expect(claims.validUntil).toBeUndefined();
    expect(claims.exp).toBeUndefined();
    expect(claims.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(claims.credentialSubject.identifier).toContainEqual({
      type: 'IdentityObject',
      identityType: 'name',
      hashed: false,
      identityHash: 'Thandiwe Nkosi',
    });
  });

  it('is valid for a holder who does not consent, without an expiry', async () => {
    const certificate = await issue('pieter-van-der-merwe');
    const claims = payloadOf(certificate.credential);
    expectSchemaValid(claims);
    expect(claims.credentialSubject.identifier).toHaveLength(1);
    expect(claims.credentialSubject.identifier[0].identityType).toBe('emailAddress');
  });

  it('is valid with validUntil (a course whose certificates expire), with and without consent', async () => {
    for (const participantId of ['thandiwe-nkosi', 'pieter-van-der-merwe']) {
      const certificate = await issue(participantId, shortCourse.courseId);
      const claims = payloadOf(certificate.credential);
      expectSchemaValid(claims);
      expect(certificate.expiresAt).toBe('2027-11-29T12:00:00.000Z');
      expect(claims.validUntil).toBe(certificate.expiresAt);
      expect(claims.exp).toBe(Date.parse(certificate.expiresAt!) / 1000);
      expect(claims.nbf).toBe(Date.parse(certificate.issuedAt) / 1000);
    }
  });

  it('is valid for a corrected certificate, which carries evidence of what it corrects', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const claims = buildCredentialClaims(
      { ...certificate, supersedes: certificate.number, version: 2 },
      { email: 'thandiwe.nkosi@example.org', proofSecret: 'abc' },
      world.deps.links,
    );
    expectSchemaValid(claims);
    expect(claims.evidence?.[0]?.narrative).toContain('Corrects certificate');
  });

  it('binds the PDF’s SHA-256 as digestSRI and names its certificate and JWT claims consistently', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const claims = payloadOf(certificate.credential);
    const pdf = world.state.documents.get(certificate.document.key)!;
    expect(claims.relatedResource[0]).toMatchObject({
      mediaType: 'application/pdf',
      digestSRI: `sha256-${createHash('sha256').update(pdf).digest('base64')}`,
    });
    expect(boundDocumentDigest(claims)).toBe(certificate.document.sha256Hex);
    expect(certificateNumberOf(claims)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    expect(claims.jti).toBe(claims.id);
    expect(claims.iss).toBe(claims.issuer.id);
    expect(decodeProtectedHeader(certificate.credential)).toEqual({
      alg: 'ES256',
      typ: 'JWT',
      kid: certificate.signature.kid,
    });
  });
});

describe('the holder’s email in the public credential', () => {
  const email = 'pieter.vdmerwe@example.org';

  it('lets no guesser who has the public credential and the right address confirm it', async () => {
    const certificate = await issue('pieter-van-der-merwe');
    const claims = payloadOf(certificate.credential);
    expectSchemaValid(claims);
    const [identity] = claims.credentialSubject.identifier;
    expect(Object.keys(identity).sort()).toEqual(['hashed', 'identityHash', 'identityType', 'type']);
    // What an OB 3.0 verifier would compute from the credential alone: no salt given means "not salted".
    const guesses = [email, `  ${email.toUpperCase()} `].flatMap((guess) => [
      `sha256$${createHash('sha256').update(guess.trim().toLowerCase()).digest('hex')}`,
      `sha256$${createHash('sha256').update(guess).digest('hex')}`,
    ]);
    for (const guess of guesses) expect(identity.identityHash).not.toBe(guess);
    // Nothing else in the token salts it either: not the number, the id or any other public value.
    for (const publicValue of [claims.id, claims.jti, certificate.number, certificate.signature.kid]) {
      expect(identity.identityHash).not.toBe(emailIdentityHash(email, String(publicValue)));
    }
    expect(credentialNamesHolder(claims, email)).toEqual({
      names: false,
      reason: expect.stringContaining('ask the holder'),
    });
    expect(credentialNamesHolder(claims, email, 'a guessed secret')).toMatchObject({ names: false });
  });

  it('lets the holder, with the secret from their page, show that it names them', async () => {
    const certificate = await issue('pieter-van-der-merwe');
    const claims = payloadOf(certificate.credential);
    const secret = certificate.holderProofSecret!;
    expect(credentialNamesHolder(claims, email, secret)).toEqual({ names: true, publishedSalt: false });
    // Written the way people type it, it still matches; another address with the same secret does not.
    expect(credentialNamesHolder(claims, ' Pieter.VdMerwe@Example.ORG ', secret)).toMatchObject({
      names: true,
    });
    expect(credentialNamesHolder(claims, 'thandiwe.nkosi@example.org', secret)).toEqual({
      names: false,
      reason: expect.stringContaining('do not match'),
    });
    // Any OB 3.0 tool checks it the standard way once given the secret as the salt.
    expect(claims.credentialSubject.identifier[0].identityHash).toBe(
      `sha256$${createHash('sha256').update(`${email}${secret}`).digest('hex')}`,
    );
  });

  it('still verifies a credential issued with its salt published, and says anyone could check that one', async () => {
    const certificate = await issue('pieter-van-der-merwe');
    const legacy = payloadOf(certificate.credential);
    legacy.credentialSubject.identifier = [
      {
        type: 'IdentityObject',
        identityType: 'emailAddress',
        hashed: true,
        identityHash: emailIdentityHash(email, 'c0ffee'),
        salt: 'c0ffee',
      },
    ];
    expectSchemaValid(legacy);
    const token = await signClaims(legacy);
    const jwks = await publishedKeys(world.deps);
    const check = await checkCredentialJwt(token, jwks, new Date(certificate.issuedAt));
    expect(check).toMatchObject({ ok: true });
    expect(credentialNamesHolder(check.claims!, email)).toEqual({ names: true, publishedSalt: true });
  });
});

describe('buildCredentialClaims', () => {
  const links = {
    verificationBaseUrl: 'https://verify.test',
    apiBaseUrl: 'https://api.test',
    supportAddress: 'help@saypro.test',
  };

  it('shows the holder’s name only with consent', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const withConsent = buildCredentialClaims(
      certificate,
      { email: 'a@example.org', proofSecret: 's1' },
      links,
    );
    const withoutConsent = buildCredentialClaims(
      { ...certificate, holderConsentsToPublicName: false },
      { email: 'a@example.org', proofSecret: 's1' },
      links,
    );
    expect(JSON.stringify(withConsent)).toContain('Thandiwe Nkosi');
    expect(JSON.stringify(withoutConsent)).not.toContain('Thandiwe');
    expect(JSON.stringify(withoutConsent)).not.toContain('Nkosi');
  });

  it('carries the email only as SHA-256 of the trimmed, lower-cased address and the unpublished secret', async () => {
    const certificate = await issue('thandiwe-nkosi');
    const email = '  Thandiwe.Nkosi@Example.org ';
    const claims = buildCredentialClaims(certificate, { email, proofSecret: 'pepper42' }, links);
    const serialized = JSON.stringify(claims).toLowerCase();
    expect(serialized).not.toContain('thandiwe.nkosi');
    expect(serialized).not.toContain('example.org');
    expect(serialized).not.toContain('pepper42');
    const expected = createHash('sha256').update('thandiwe.nkosi@example.orgpepper42').digest('hex');
    // OB 3.0's own IdentityHash form, with `salt` left out: the salt is the holder's secret.
    expect(claims.credentialSubject.identifier[0]).toEqual({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      identityHash: `sha256$${expected}`,
    });
    const otherSecret = buildCredentialClaims(certificate, { email, proofSecret: 'other' }, links);
    expect(otherSecret.credentialSubject.identifier[0]!.identityHash).not.toBe(
      claims.credentialSubject.identifier[0]!.identityHash,
    );
  });

  it('gives each issued certificate its own 128-bit secret, kept on the record and out of the credential', async () => {
    const first = await issue('thandiwe-nkosi');
    const second = await issue('thandiwe-nkosi', shortCourse.courseId);
    expect(first.holderProofSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(first.holderProofSecret).not.toBe(second.holderProofSecret);
    const [firstClaims, secondClaims] = [payloadOf(first.credential), payloadOf(second.credential)];
    expect(firstClaims.credentialSubject.identifier[0].identityHash).not.toBe(
      secondClaims.credentialSubject.identifier[0].identityHash,
    );
    for (const [certificate, claims] of [
      [first, firstClaims],
      [second, secondClaims],
    ] as const) {
      expect(JSON.stringify(claims)).not.toContain('@example.org');
      expect(JSON.stringify(claims)).not.toContain(certificate.holderProofSecret);
      expect(claims.credentialSubject.identifier[0].salt).toBeUndefined();
    }
  });

  it('states validity, dates and the digest from the certificate', async () => {
    const certificate = await issue('pieter-van-der-merwe', shortCourse.courseId);
    const claims = buildCredentialClaims(certificate, { email: 'x@example.org', proofSecret: 's' }, links);
    expect(claims).toMatchObject({
      validFrom: certificate.issuedAt,
      validUntil: certificate.expiresAt,
      awardedDate: certificate.issuedAt,
      credentialSubject: {
        activityEndDate: certificate.completedAt,
        achievement: { name: 'First Aid Refresher', achievementType: 'Certificate' },
      },
      relatedResource: [{ digestSRI: digestSriOf(certificate.document.sha256Hex) }],
      issuer: { id: 'https://verify.test/issuer', name: 'SayPro', type: ['Profile'] },
    });
  });
});

describe('checkCredentialJwt', () => {
  const now = new Date('2026-11-29T12:00:00.000Z');
  const nowSeconds = now.getTime() / 1000;

  async function issued() {
    const certificate = await issue('thandiwe-nkosi');
    const jwks = await publishedKeys(world.deps);
    return { certificate, token: certificate.credential, jwks, claims: payloadOf(certificate.credential) };
  }

  it('accepts the issued credential, naming the key and returning the claims', async () => {
    const { token, jwks, certificate } = await issued();
    const check = await checkCredentialJwt(`${token}\n`, jwks, now);
    expect(check).toMatchObject({ ok: true, kid: certificate.signature.kid });
    expect(check.ok && check.claims.id).toBe(payloadOf(token).id);
  });

  it('refuses a payload changed under the old signature', async () => {
    const { token, jwks, claims } = await issued();
    claims.credentialSubject.identifier[1].identityHash = 'Someone Else';
    const [header, , signature] = token.split('.');
    const check = await checkCredentialJwt(
      `${header}.${base64url(JSON.stringify(claims))}.${signature}`,
      jwks,
      now,
    );
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('signature does not match') });
  });

  it('refuses a signature by another P-256 key under our kid', async () => {
    const { token, jwks } = await issued();
    const signingInput = token.split('.').slice(0, 2).join('.');
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const raw = sign('sha256', Buffer.from(signingInput), {
      key: other.privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    const forged = compactJws(signingInput, raw);
    // Well formed: the same token verifies under the other key's own JWK.
    const { kty, crv, x, y } = other.publicKey.export({ format: 'jwk' });
    const otherJwk: PublishedJwk = {
      kty: kty!,
      crv: crv!,
      x: x!,
      y: y!,
      kid: jwks.keys[0]!.kid,
      alg: 'ES256' as const,
      use: 'sig' as const,
    };
    expect(await checkCredentialJwt(forged, { keys: [otherJwk] }, now)).toMatchObject({ ok: true });
    const check = await checkCredentialJwt(forged, jwks, now);
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('signature does not match') });
  });

  it('refuses alg none, HS256 keyed with our public key, and ES384, before using any key', async () => {
    const { token, jwks } = await issued();
    const kid = jwks.keys[0]!.kid;
    const payload = token.split('.')[1]!;
    const withHeader = (header: object) => `${base64url(JSON.stringify(header))}.${payload}`;

    const none = `${withHeader({ alg: 'none', typ: 'JWT', kid })}.`;
    expect(await checkCredentialJwt(none, jwks, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('algorithm none'),
    });

    const jwk = jwks.keys[0]!;
    const pem = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    for (const secret of [JSON.stringify(jwk), pem]) {
      const input = withHeader({ alg: 'HS256', typ: 'JWT', kid });
      const hs256 = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      expect(await checkCredentialJwt(hs256, jwks, now)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('HS256'),
      });
    }

    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const es384Input = withHeader({ alg: 'ES384', typ: 'JWT', kid });
    const es384 = `${es384Input}.${base64url(sign('sha384', Buffer.from(es384Input), { key: p384.privateKey, dsaEncoding: 'ieee-p1363' }))}`;
    expect(await checkCredentialJwt(es384, jwks, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ES384'),
    });
  });

  it('refuses the KMS DER signature where JWS wants raw r‖s', async () => {
    const { token, jwks } = await issued();
    const signingInput = token.split('.').slice(0, 2).join('.');
    const { signatureDer } = await world.deps.signer.signDigest(
      sha256(new TextEncoder().encode(signingInput)),
    );
    expect(await checkCredentialJwt(`${signingInput}.${base64url(signatureDer)}`, jwks, now)).toMatchObject({
      ok: false,
    });
    // The same signature converted to r‖s is accepted: only the encoding was wrong.
    expect(
      await checkCredentialJwt(compactJws(signingInput, derToJoseSignature(signatureDer)), jwks, now),
    ).toMatchObject({ ok: true });
  });

  it('refuses a kid we never published, a missing kid, and what is not a compact JWS', async () => {
    const { token, jwks, claims } = await issued();
    const unknownKid = await signClaims(claims, { alg: 'ES256', typ: 'JWT', kid: 'not-ours' });
    expect(await checkCredentialJwt(unknownKid, jwks, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not one of SayPro'),
    });
    const noKid = await signClaims(claims, { alg: 'ES256', typ: 'JWT' });
    expect(await checkCredentialJwt(noKid, jwks, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('names no key'),
    });
    expect(await checkCredentialJwt('hello', jwks, now)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('compact JWS'),
    });
    expect(await checkCredentialJwt(`e30.${token.split('.')[1]}.`, jwks, now)).toMatchObject({ ok: false });
    expect(await checkCredentialJwt(token, { keys: [] }, now)).toMatchObject({ ok: false });
  });

  it('applies nbf and exp with CLOCK_SKEW_SECONDS of leeway', async () => {
    const { jwks, claims } = await issued();
    const at = async (changes: object) =>
      checkCredentialJwt(await signClaims({ ...claims, ...changes }), jwks, now);
    expect(CLOCK_SKEW_SECONDS).toBe(300);
    expect(await at({ nbf: nowSeconds + 120 })).toMatchObject({ ok: true });
    expect(await at({ nbf: nowSeconds + CLOCK_SKEW_SECONDS })).toMatchObject({ ok: true });
    expect(await at({ nbf: nowSeconds + 600 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not valid before 2026-11-29T12:10:00/),
    });
    expect(await at({ exp: nowSeconds - 120 })).toMatchObject({ ok: true });
    expect(await at({ exp: nowSeconds - CLOCK_SKEW_SECONDS })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('expired on'),
    });
    expect(await at({ exp: nowSeconds + 3600 })).toMatchObject({ ok: true });
  });

  it('works after a key rotation with both keys, and without the old key once it is dropped from the set', async () => {
    const { token, jwks } = await issued();
    const { rotateSigningKey } = await import('../../functions/core/signing-keys.js');
    await rotateSigningKey(world.deps);
    const newer = await issue('pieter-van-der-merwe');
    const both = await publishedKeys(world.deps);
    expect(both.keys).toHaveLength(2);
    expect(await checkCredentialJwt(token, both, now)).toMatchObject({ ok: true, kid: jwks.keys[0]!.kid });
    expect(await checkCredentialJwt(newer.credential, both, now)).toMatchObject({
      ok: true,
      kid: newer.signature.kid,
    });
    const onlyNew = { keys: both.keys.filter((key) => key.kid === newer.signature.kid) };
    expect(await checkCredentialJwt(token, onlyNew, now)).toMatchObject({ ok: false });
  });
});
