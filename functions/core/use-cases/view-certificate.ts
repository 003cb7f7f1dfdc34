import { timingSafeEqual } from 'node:crypto';
import { formatCertificateNumber, parseCertificateNumber } from '../certificate-number.js';
import { GoneError, NotFoundError, ValidationError } from '../errors.js';
import type { Certificate } from '../model.js';
import type { Deps } from '../ports.js';
import { verifyDigestSignatureWithJwk } from '../signature.js';
import { countForReports } from './staff-reports.js';

export type PublicStatus = 'valid' | 'revoked' | 'superseded' | 'expired';

/** What anyone may learn about a certificate: no email, no ids, the name only with consent. */
export interface PublicCertificateView {
  number: string;
  status: PublicStatus;
  issuer: { name: string };
  course: { title: string; description: string };
  holder?: { name: string };
  /** Set once the holder's details were erased at their request: the certificate itself still stands. */
  holderDetailsWithdrawn?: { at: string; note: string };
  completedAt: string;
  issuedAt: string;
  expiresAt?: string;
  revokedAt?: string;
  revocationReason?: string;
  supersededBy?: string;
  supersedes?: string;
  version: number;
  document: { sha256: string };
  signature: {
    kid: string;
    algorithm: string;
    valid: boolean;
    keyStatus: 'active' | 'retired' | 'compromised' | 'unknown';
  };
}

export function publicStatusOf(certificate: Certificate, now: Date): PublicStatus {
  if (certificate.status !== 'valid') return certificate.status;
  if (certificate.expiresAt && new Date(certificate.expiresAt) <= now) return 'expired';
  return 'valid';
}

/** Malformed numbers are refused here, before any database read. */
export function canonicalNumberOrThrow(input: string): string {
  const parsed = parseCertificateNumber(input);
  if (!parsed.ok)
    throw new ValidationError(`Invalid certificate number: ${parsed.reason}`, [
      { field: 'number', message: parsed.reason },
    ]);
  return parsed.canonical;
}

export async function findCertificate(
  deps: Pick<Deps, 'certificates'>,
  numberInput: string,
): Promise<Certificate> {
  const certificate = await deps.certificates.getCertificate(canonicalNumberOrThrow(numberInput));
  // One answer for every kind of absence, so probing learns nothing.
  if (!certificate) throw new NotFoundError('No certificate has this number.');
  return certificate;
}

/**
 * Outcomes of the (pure, CPU-heavy: ~3 ms in JavaScript) P-256 check, by key, digest and signature.
 * The same three inputs always give the same answer, so remembering it is safe; the key's status is
 * still read on every request, so a compromised key stops verifying at once.
 */
const verifiedSignatures = new Map<string, boolean>();
const VERIFIED_SIGNATURES_KEPT = 10_000;

function signatureHolds(jwk: { x: string; y: string }, sha256Hex: string, derBase64: string): boolean {
  const cacheKey = `${jwk.x}.${jwk.y}.${sha256Hex}.${derBase64}`;
  let holds = verifiedSignatures.get(cacheKey);
  if (holds === undefined) {
    holds = verifyDigestSignatureWithJwk({
      jwk,
      digest: Buffer.from(sha256Hex, 'hex'),
      signatureDer: Buffer.from(derBase64, 'base64'),
    });
    if (verifiedSignatures.size >= VERIFIED_SIGNATURES_KEPT) verifiedSignatures.clear();
    verifiedSignatures.set(cacheKey, holds);
  }
  return holds;
}

/** Whether the stored signature over the stored digest holds under a key we still trust. */
export async function checkStoredSignature(deps: Pick<Deps, 'signingKeys'>, certificate: Certificate) {
  const key = await deps.signingKeys.getKey(certificate.signature.kid);
  const keyStatus: PublicCertificateView['signature']['keyStatus'] = key?.status ?? 'unknown';
  const valid =
    !!key &&
    key.status !== 'compromised' &&
    signatureHolds(key.publicJwk, certificate.document.sha256Hex, certificate.signature.derBase64);
  return { valid, keyStatus };
}

export async function publicViewOf(
  deps: Pick<Deps, 'signingKeys' | 'clock'>,
  certificate: Certificate,
): Promise<PublicCertificateView> {
  const signature = await checkStoredSignature(deps, certificate);
  return {
    number: formatCertificateNumber(certificate.number),
    status: publicStatusOf(certificate, deps.clock.now()),
    issuer: { name: 'SayPro' },
    course: { title: certificate.courseTitle, description: certificate.courseDescription },
    ...(certificate.holderConsentsToPublicName && !certificate.holderErasedAt
      ? { holder: { name: certificate.holderName } }
      : {}),
    ...(certificate.holderErasedAt
      ? {
          holderDetailsWithdrawn: {
            at: certificate.holderErasedAt,
            note: 'Holder details withdrawn at the holder’s request.',
          },
        }
      : {}),
    completedAt: certificate.completedAt,
    issuedAt: certificate.issuedAt,
    ...(certificate.expiresAt ? { expiresAt: certificate.expiresAt } : {}),
    ...(certificate.revokedAt ? { revokedAt: certificate.revokedAt } : {}),
    ...(certificate.revocationReason ? { revocationReason: certificate.revocationReason } : {}),
    ...(certificate.supersededBy ? { supersededBy: formatCertificateNumber(certificate.supersededBy) } : {}),
    ...(certificate.supersedes ? { supersedes: formatCertificateNumber(certificate.supersedes) } : {}),
    version: certificate.version,
    document: { sha256: certificate.document.sha256Hex },
    signature: { kid: certificate.signature.kid, algorithm: 'ES256', ...signature },
  };
}

/** The verifier's view: status, course, dates, the chain of corrections, and whether the signature holds. */
export async function viewCertificate(
  deps: Pick<Deps, 'certificates' | 'signingKeys' | 'clock'>,
  numberInput: string,
): Promise<PublicCertificateView> {
  return publicViewOf(deps, await findCertificate(deps, numberInput));
}

/** Whether a VC-JWT names its holder (a `name` identity object, present only with consent at issue). */
function credentialNamesHolder(credential: string): boolean {
  try {
    const payload = JSON.parse(Buffer.from(credential.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const identifiers: { identityType?: string }[] = payload?.credentialSubject?.identifier ?? [];
    return identifiers.some((identifier) => identifier.identityType === 'name');
  } catch {
    return true;
  }
}

/**
 * The certificate's signed Open Badges credential (VC-JWT), for wallets and offline checks. A credential
 * that names its holder is not served publicly once the holder has withdrawn consent: its signature covers
 * the name, so it cannot be served without it. The holder keeps their copy (their page) for offline checks.
 */
export async function getCredential(deps: Pick<Deps, 'certificates'>, numberInput: string): Promise<string> {
  const certificate = await findCertificate(deps, numberInput);
  if (certificate.holderErasedAt && !certificate.credential) {
    throw new GoneError(
      'The holder’s details were withdrawn at their request, and this credential named them, so it is no longer published; ask the holder for their copy, which still verifies. The certificate itself can still be checked by its number.',
    );
  }
  if (!certificate.holderConsentsToPublicName && credentialNamesHolder(certificate.credential)) {
    throw new GoneError(
      'The holder has withdrawn consent to show their name, so this credential is no longer published; ask the holder for their copy. The certificate itself can still be checked by its number.',
    );
  }
  return certificate.credential;
}

export class DownloadLinkExpiredError extends GoneError {
  override name = 'DownloadLinkExpiredError';
}

/**
 * Turns an emailed download link into a short-lived URL of the PDF itself. The token is compared in
 * constant time; a wrong token answers like an unknown number.
 */
export async function openDownload(
  deps: Pick<Deps, 'certificates' | 'documents' | 'clock' | 'reports'>,
  numberInput: string,
  token: string | undefined,
): Promise<{ url: string; fileName: string }> {
  const certificate = await findCertificate(deps, numberInput);
  const expected = Buffer.from(certificate.downloadToken);
  const given = Buffer.from(token ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new NotFoundError('No certificate has this number.');
  }
  if (certificate.holderErasedAt) {
    throw new GoneError(
      'The holder’s details were withdrawn at their request and the PDF was deleted; the certificate can still be checked by its number.',
    );
  }
  // A withdrawn certificate is not handed out again, even through a link that still works.
  if (certificate.status === 'revoked') {
    throw new GoneError(
      `This certificate was revoked on ${certificate.revokedAt?.slice(0, 10) ?? 'an earlier date'} and is no longer valid` +
        (certificate.revocationReason ? `: ${certificate.revocationReason}` : '.'),
    );
  }
  if (certificate.status === 'superseded') {
    throw new GoneError(
      certificate.supersededBy
        ? `This certificate was replaced by a corrected one, number ${formatCertificateNumber(certificate.supersededBy)}; download that one instead.`
        : 'This certificate was replaced by a corrected one; download that one instead.',
    );
  }
  if (new Date(certificate.downloadTokenExpiresAt) <= deps.clock.now()) {
    throw new DownloadLinkExpiredError('This download link has expired: ask SayPro to send a new one.');
  }
  const fileName = `SayPro-Certificate-${formatCertificateNumber(certificate.number)}.pdf`;
  const url = await deps.documents.temporaryDownloadUrl(certificate.document.key, fileName, 300);
  await countForReports(deps, {
    type: 'engagement',
    what: 'download',
    courseId: certificate.courseId,
    at: deps.clock.now().toISOString(),
  });
  return { url, fileName };
}

/** The verification page's view of a certificate, counted as a page view (by course only, never by who). */
export async function viewCertificatePage(
  deps: Pick<Deps, 'certificates' | 'signingKeys' | 'clock' | 'reports'>,
  numberInput: string,
): Promise<PublicCertificateView> {
  const certificate = await findCertificate(deps, numberInput);
  const view = await publicViewOf(deps, certificate);
  await countForReports(deps, {
    type: 'engagement',
    what: 'view',
    courseId: certificate.courseId,
    at: deps.clock.now().toISOString(),
  });
  return view;
}

/**
 * What LinkedIn's add-to-profile link needs, for a share through our own redirect, so that shares can be
 * counted (by course only) before the holder is sent on to LinkedIn. A certificate that is no longer
 * valid is not shared.
 */
export async function shareCertificateOnLinkedIn(
  deps: Pick<Deps, 'certificates' | 'clock' | 'reports' | 'links'>,
  numberInput: string,
) {
  const certificate = await findCertificate(deps, numberInput);
  if (publicStatusOf(certificate, deps.clock.now()) !== 'valid')
    throw new GoneError('This certificate is no longer valid, so it cannot be added to a profile.');
  await countForReports(deps, {
    type: 'engagement',
    what: 'linkedin-share',
    courseId: certificate.courseId,
    at: deps.clock.now().toISOString(),
  });
  return {
    courseTitle: certificate.courseTitle,
    number: formatCertificateNumber(certificate.number),
    issuedAt: certificate.issuedAt,
    ...(certificate.expiresAt ? { expiresAt: certificate.expiresAt } : {}),
    certUrl: `${deps.links.verificationBaseUrl}/verify/${formatCertificateNumber(certificate.number)}`,
  };
}
