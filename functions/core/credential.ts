import { createHash } from 'node:crypto';
import { formatCertificateNumber } from './certificate-number.js';
import type { Certificate } from './model.js';
import { statusListEntryOf } from './status-list.js';

/**
 * Each certificate is also an Open Badges 3.0 AchievementCredential (a W3C Verifiable Credential 2.0),
 * secured as a VC-JWT: a compact JWS (ES256) whose payload is the credential itself, with the JWT
 * registered claims OB 3.0 asks for (iss, jti, nbf, exp). Anyone holding our published JWKS can check
 * it offline with any JOSE library.
 */

export const CREDENTIAL_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

export interface IssuerProfile {
  id: string;
  type: ['Profile'];
  name: string;
  url: string;
  email: string;
  description: string;
}

export function issuerProfile(verificationBaseUrl: string, supportAddress: string): IssuerProfile {
  return {
    id: `${verificationBaseUrl}/issuer`,
    type: ['Profile'],
    name: 'SayPro',
    url: 'https://www.saypro.online',
    email: supportAddress,
    description: 'SayPro issues certificates to participants who complete its training programmes.',
  };
}

export const credentialIdOf = (verificationBaseUrl: string, number: string) =>
  `${verificationBaseUrl}/certificates/${formatCertificateNumber(number)}`;

/** The PDF as the credential's relatedResource names it: GET /certificates/{number}/document. */
export const publicDocumentUrlOf = (apiBaseUrl: string, number: string) =>
  `${apiBaseUrl}/certificates/${formatCertificateNumber(number)}/document`;

/** Subresource-integrity form of a SHA-256 digest, as VC 2.0 `relatedResource.digestSRI` wants it. */
export const digestSriOf = (sha256Hex: string) =>
  `sha256-${Buffer.from(sha256Hex, 'hex').toString('base64')}`;

/** How OB 3.0 asks an email to be normalised before hashing: trimmed and lower-cased. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * OB 3.0's IdentityHash of an email: `sha256$` + SHA-256(normalised email ‖ salt), the one form any
 * OB 3.0 tool knows how to check. Here the salt is a per-certificate secret, never published: see
 * buildCredentialClaims.
 */
export function emailIdentityHash(email: string, salt: string) {
  return `sha256$${createHash('sha256')
    .update(normaliseEmail(email) + salt)
    .digest('hex')}`;
}

/**
 * The OB 3.0 Achievement a course's certificates attest. Its id is a URL that answers with this same
 * description (GET /courses/{courseId}).
 */
export function achievementOf(
  verificationBaseUrl: string,
  course: { courseId: string; title: string; description: string },
) {
  return {
    id: `${verificationBaseUrl}/courses/${encodeURIComponent(course.courseId)}`,
    type: ['Achievement'],
    achievementType: 'Certificate',
    name: course.title,
    description: course.description || course.title,
    criteria: {
      narrative: `Completed every requirement of the SayPro course "${course.title}".`,
    },
  };
}

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

export interface CredentialHolder {
  email: string;
  /**
   * The holder's proof secret: random per certificate (128 bits), the salt of the email's hash, and kept
   * out of the credential. Only the holder gets it (on their page), so only they can show a verifier that
   * the credential names their address.
   */
  proofSecret: string;
}

/**
 * Builds the credential's claims. Holder data is what the participant agreed to show: the name only
 * with consent; the email only as a hash salted with a secret the credential does not carry. Publishing
 * the salt (as credentials issued before did) let anyone who guessed an address confirm it in seconds;
 * without it, the hash confirms nothing to a guesser, and the holder proves it by revealing address and
 * secret. The `salt` property is omitted on purpose: OB 3.0 allows it to be absent.
 */
export function buildCredentialClaims(
  certificate: Certificate,
  holder: CredentialHolder,
  links: { verificationBaseUrl: string; apiBaseUrl: string; supportAddress: string },
) {
  const issuer = issuerProfile(links.verificationBaseUrl, links.supportAddress);
  const id = credentialIdOf(links.verificationBaseUrl, certificate.number);
  const identifiers = [
    {
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      identityHash: emailIdentityHash(holder.email, holder.proofSecret),
    },
    ...(certificate.holderConsentsToPublicName
      ? [
          {
            type: 'IdentityObject',
            identityType: 'name',
            hashed: false,
            identityHash: certificate.holderName,
          },
        ]
      : []),
  ];
  return {
    '@context': [...CREDENTIAL_CONTEXT],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${certificate.courseTitle} — certificate of completion`,
    issuer,
    validFrom: certificate.issuedAt,
    ...(certificate.expiresAt ? { validUntil: certificate.expiresAt } : {}),
    awardedDate: certificate.issuedAt,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: identifiers,
      activityEndDate: certificate.completedAt,
      achievement: achievementOf(links.verificationBaseUrl, {
        courseId: certificate.courseId,
        title: certificate.courseTitle,
        description: certificate.courseDescription,
      }),
    },
    relatedResource: [
      {
        // Answers without a personal token, with the PDF itself when the holder agreed to show their
        // name (the PDF prints it); see openPublicDocument.
        id: publicDocumentUrlOf(links.apiBaseUrl, certificate.number),
        mediaType: 'application/pdf',
        digestSRI: digestSriOf(certificate.document.sha256Hex),
      },
    ],
    // Its bit in a W3C Bitstring Status List: revocation checkable from the list alone, offline too.
    ...(certificate.statusList ? { credentialStatus: statusListEntryOf(links, certificate.statusList) } : {}),
    ...(certificate.supersedes
      ? {
          evidence: [
            {
              type: ['Evidence'],
              narrative: `Corrects certificate ${formatCertificateNumber(certificate.supersedes)}.`,
            },
          ],
        }
      : {}),
    // JWT registered claims, as OB 3.0's VC-JWT format maps them.
    iss: issuer.id,
    jti: id,
    nbf: seconds(certificate.issuedAt),
    ...(certificate.expiresAt ? { exp: seconds(certificate.expiresAt) } : {}),
  };
}

export type CredentialClaims = ReturnType<typeof buildCredentialClaims>;

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** The JWS signing input (`header.payload`); its SHA-256 is what the KMS key signs. */
export function jwsSigningInput(claims: object, kid: string): string {
  const header = { alg: 'ES256', typ: 'JWT', kid };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
}

export function compactJws(signingInput: string, rawSignature: Uint8Array): string {
  return `${signingInput}.${base64url(rawSignature)}`;
}
