import { parseCertificateNumber } from '../certificate-number.js';
import { boundDocumentDigest, certificateNumberOf, checkCredentialJwt } from '../credential-verification.js';
import type { Deps } from '../ports.js';
import { sha256, toHex } from '../signature.js';
import { publishedKeys } from '../signing-keys.js';
import { type PublicCertificateView, publicViewOf } from './view-certificate.js';

/** A verifier's answer: one boolean to act on, the status, and each check with its reason. */
export interface VerificationReport {
  valid: boolean;
  status: PublicCertificateView['status'] | 'not_yet_valid' | 'unknown';
  checks: {
    /** For an uploaded PDF: is it byte for byte a document we issued? */
    issuedDocument?: boolean;
    /** Does the signature hold under a key we published and still trust? */
    signature: boolean;
    /** Is the certificate currently valid (not revoked, superseded or expired)? */
    currentStatus: boolean;
  };
  reasons: string[];
  certificate?: PublicCertificateView;
}

const STATUS_REASONS: Record<PublicCertificateView['status'], string> = {
  valid: 'the certificate is valid',
  revoked: 'the certificate has been revoked',
  superseded: 'the certificate was replaced by a corrected version',
  expired: 'the certificate has expired',
};

function report(
  view: PublicCertificateView,
  checks: Omit<VerificationReport['checks'], 'currentStatus'>,
  reasons: string[],
): VerificationReport {
  const statusOk = view.status === 'valid';
  const allReasons = [...reasons, ...(statusOk ? [] : [STATUS_REASONS[view.status]])];
  return {
    valid: checks.signature && statusOk && checks.issuedDocument !== false,
    status: view.status,
    checks: { ...checks, currentStatus: statusOk },
    reasons: allReasons,
    certificate: view,
  };
}

const unknown = (
  reasons: string[],
  checks: Partial<VerificationReport['checks']> = {},
): VerificationReport => ({
  valid: false,
  status: 'unknown',
  checks: { signature: false, currentStatus: false, ...checks },
  reasons,
});

/**
 * Checks an uploaded PDF: is it exactly a document we issued (by its SHA-256), does our signature over
 * that digest still hold, and what is the certificate's status now. One flipped byte finds nothing.
 */
export async function verifyDocument(
  deps: Pick<Deps, 'certificates' | 'signingKeys' | 'clock'>,
  pdf: Uint8Array,
): Promise<VerificationReport> {
  if (pdf.byteLength < 5 || Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    return unknown(['the upload is not a PDF file'], { issuedDocument: false });
  }
  const number = await deps.certificates.findByDigest(toHex(sha256(pdf)));
  const certificate = number ? await deps.certificates.getCertificate(number) : undefined;
  if (!certificate) {
    return unknown(['this PDF is not a certificate SayPro issued, or it was altered after issue'], {
      issuedDocument: false,
    });
  }
  const view = await publicViewOf(deps, certificate);
  const reasons = view.signature.valid
    ? ['the PDF is byte for byte the one SayPro issued', 'SayPro’s signature over it holds']
    : [`SayPro’s signature over it does not hold (signing key ${view.signature.keyStatus})`];
  return report(view, { issuedDocument: true, signature: view.signature.valid }, reasons);
}

/**
 * Checks a VC-JWT: signed by one of our published keys with ES256, within its validity window, and
 * the certificate it names is still valid here.
 */
export async function verifyCredential(
  deps: Pick<Deps, 'certificates' | 'signingKeys' | 'clock'>,
  token: string,
): Promise<VerificationReport> {
  const check = await checkCredentialJwt(token, await publishedKeys(deps), deps.clock.now());
  if (!check.ok) {
    // A compromised key is left out of the JWKS; say so rather than "not one of our keys".
    const key =
      check.failure === 'unknown-key' && check.kid ? await deps.signingKeys.getKey(check.kid) : undefined;
    const reason =
      key?.status === 'compromised'
        ? `it was signed with a key SayPro marked compromised on ${key.compromisedAt}`
        : check.reason;
    const status =
      check.failure === 'not-yet-valid'
        ? 'not_yet_valid'
        : check.failure === 'expired'
          ? 'expired'
          : 'unknown';
    return { ...unknown([reason], { signature: !!check.claims }), status };
  }
  const parsed = parseCertificateNumber(certificateNumberOf(check.claims) ?? '');
  const certificate = parsed.ok ? await deps.certificates.getCertificate(parsed.canonical) : undefined;
  if (!certificate) return unknown(['the credential names no certificate SayPro holds'], { signature: true });
  const view = await publicViewOf(deps, certificate);
  // The signed digest must be the one on record: a credential for another document is not this one.
  const digestMatches = boundDocumentDigest(check.claims) === certificate.document.sha256Hex;
  const reasons = digestMatches
    ? ['the credential’s signature holds under SayPro’s published key']
    : ['the credential does not match the certificate on record'];
  return report(view, { signature: digestMatches }, reasons);
}
