import { createHash } from 'node:crypto';
import { formatCertificateNumber } from './certificate-number.js';
import type { Certificate } from './model.js';

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

/** Subresource-integrity form of a SHA-256 digest, as VC 2.0 `relatedResource.digestSRI` wants it. */
export const digestSriOf = (sha256Hex: string) =>
  `sha256-${Buffer.from(sha256Hex, 'hex').toString('base64')}`;

/** The email, salted and hashed: a holder can prove the credential is theirs without it being readable. */
function hashedEmail(email: string, salt: string) {
  return `sha256$${createHash('sha256')
    .update(email.trim().toLowerCase() + salt)
    .digest('hex')}`;
}

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

export interface CredentialHolder {
  email: string;
  /** Random per certificate, so equal emails do not give equal hashes across certificates. */
  salt: string;
}

/**
 * Builds the credential's claims. Holder data is what the participant agreed to show: the name only
 * with consent, otherwise just the salted hash of their email address.
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
      identityHash: hashedEmail(holder.email, holder.salt),
      salt: holder.salt,
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
      achievement: {
        id: `${links.verificationBaseUrl}/courses/${encodeURIComponent(certificate.courseId)}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: certificate.courseTitle,
        description: certificate.courseDescription || certificate.courseTitle,
        criteria: {
          narrative: `Completed every requirement of the SayPro course "${certificate.courseTitle}".`,
        },
      },
    },
    relatedResource: [
      {
        id: `${links.apiBaseUrl}/certificates/${formatCertificateNumber(certificate.number)}/download`,
        mediaType: 'application/pdf',
        digestSRI: digestSriOf(certificate.document.sha256Hex),
      },
    ],
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
