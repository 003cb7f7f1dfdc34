import { formatCertificateNumber } from '../certificate-number.js';
import { buildCredentialClaims, compactJws, jwsSigningInput } from '../credential.js';
import { TransientError } from '../errors.js';
import type { Certificate, CertificateDesign } from '../model.js';
import type { IssuingDeps } from '../ports.js';
import { derToJoseSignature, sha256, toHex } from '../signature.js';
import { currentSigningKey } from '../signing-keys.js';
import { allocateStatusListPosition } from './status-lists.js';

/** Everything a certificate states, before it has a document, a signature and a credential. */
export type CertificateDraft = Omit<
  Certificate,
  | 'document'
  | 'signature'
  | 'credential'
  | 'holderProofSecret'
  | 'status'
  | 'downloadToken'
  | 'downloadTokenExpiresAt'
  | 'delivery'
> & { templateId?: string; design?: CertificateDesign; locale?: string; holderEmail: string };

export const documentKeyOf = (number: string, version: number) => `certificates/${number}/v${version}.pdf`;
export const verificationUrlOf = (deps: Pick<IssuingDeps, 'links'>, number: string) =>
  `${deps.links.verificationBaseUrl}/verify/${formatCertificateNumber(number)}`;

export function addDays(iso: string, days: number): string {
  const date = new Date(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString();
}

/**
 * Turns a draft into a signed certificate, shared by first issue and correction:
 * 1. render the PDF and take its SHA-256;
 * 2. sign that digest with the current key (registered in the JWKS on first use);
 * 3. store the PDF;
 * 4. draw the holder's proof secret, the unpublished salt of the email hash in the credential;
 * 5. claim a random free bit in the revocation status list (status-lists.ts);
 * 6. build the Open Badges credential binding the digest and naming that bit, and sign it as a VC-JWT
 *    with the same key.
 * Nothing is recorded as issued here: the caller's conditional write decides that.
 */
export async function produceCertificate(deps: IssuingDeps, draft: CertificateDraft): Promise<Certificate> {
  const { holderEmail, templateId, design, locale, ...facts } = draft;
  const pdf = await deps.renderer.render({
    number: formatCertificateNumber(facts.number),
    holderName: facts.holderName,
    courseTitle: facts.courseTitle,
    courseDescription: facts.courseDescription,
    completedAt: facts.completedAt,
    issuedAt: facts.issuedAt,
    ...(facts.expiresAt ? { expiresAt: facts.expiresAt } : {}),
    signatory: facts.signatory,
    verificationUrl: verificationUrlOf(deps, facts.number),
    ...(templateId ? { templateId } : {}),
    ...(design ? { design } : {}),
    ...(locale ? { locale } : {}),
  });
  const digest = sha256(pdf);
  const key = await currentSigningKey(deps);
  const { signatureDer } = await signWithKey(deps, digest, key.keyId);

  const documentKey = documentKeyOf(facts.number, facts.version);
  await deps.documents.put(documentKey, pdf, 'application/pdf', { 'certificate-number': facts.number });

  const holderProofSecret = Buffer.from(deps.random.bytes(16)).toString('hex');
  const statusList = await allocateStatusListPosition(deps, facts.number);
  const unsigned: Certificate = {
    ...facts,
    status: 'valid',
    document: { key: documentKey, sha256Hex: toHex(digest), bytes: pdf.byteLength },
    signature: {
      keyId: key.keyId,
      kid: key.kid,
      algorithm: 'ECDSA_SHA_256',
      derBase64: Buffer.from(signatureDer).toString('base64'),
    },
    credential: '',
    holderProofSecret,
    downloadToken: Buffer.from(deps.random.bytes(24)).toString('base64url'),
    downloadTokenExpiresAt: addDays(facts.issuedAt, deps.downloadLinkTtlDays),
    statusList,
  };
  const claims = buildCredentialClaims(
    unsigned,
    { email: holderEmail, proofSecret: holderProofSecret },
    deps.links,
  );
  const signingInput = jwsSigningInput(claims, key.kid);
  const jwsSignature = await signWithKey(deps, sha256(new TextEncoder().encode(signingInput)), key.keyId);
  return { ...unsigned, credential: compactJws(signingInput, derToJoseSignature(jwsSignature.signatureDer)) };
}

/**
 * Signs through the signing alias (which KMS authorises) and checks that the key behind it is the one
 * named in the credential. Right after a rotation the alias may still resolve to the old key for a
 * few minutes: that is a passing state, so the workflow's retry handles it.
 */
async function signWithKey(deps: Pick<IssuingDeps, 'signer'>, digest: Uint8Array, expectedKeyId: string) {
  const signed = await deps.signer.signDigest(digest);
  if (signed.keyId !== expectedKeyId) {
    throw new TransientError(
      `The signing key changed during issuance (${expectedKeyId} → ${signed.keyId}); retrying`,
    );
  }
  return signed;
}
