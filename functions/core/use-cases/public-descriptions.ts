import { formatCertificateNumber } from '../certificate-number.js';
import { achievementOf, CREDENTIAL_CONTEXT, issuerProfile } from '../credential.js';
import { GoneError, NotFoundError } from '../errors.js';
import type { Deps } from '../ports.js';
import { decodeBitstring, getBit, STATUS_LIST_LENGTH } from '../status-list.js';
import { getStatusListCredential } from './status-lists.js';
import { findCertificate } from './view-certificate.js';

/**
 * What the URLs inside a credential answer: the achievement a course's certificates attest, and a
 * readable view of a status list. Nothing personal is in either.
 */

/** GET /courses/{courseId}: the OB 3.0 Achievement, as the credentials' `achievement.id` names it. */
export async function describeAchievement(deps: Pick<Deps, 'courses' | 'links'>, courseId: string) {
  const course = await deps.courses.getCourse(courseId);
  if (!course) throw new NotFoundError(`No course has the id ${courseId}.`);
  return {
    '@context': [...CREDENTIAL_CONTEXT],
    ...achievementOf(deps.links.verificationBaseUrl, course),
    creator: issuerProfile(deps.links.verificationBaseUrl, deps.links.supportAddress),
  };
}

/**
 * GET /status-lists/{listId} as JSON: the signed VC-JWT, its decoded claims, and how many bits are set
 * (never which certificates they belong to: the index-to-certificate claims stay private).
 */
export async function describeStatusList(deps: Pick<Deps, 'statusLists'>, listId: string) {
  const { jwt, signedAt } = await getStatusListCredential(deps, listId);
  const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    credentialSubject: { encodedList: string };
  };
  const bits = decodeBitstring(claims.credentialSubject.encodedList);
  let set = 0;
  for (let index = 0; index < bits.length * 8; index += 1) if (getBit(bits, index)) set += 1;
  return {
    listId,
    signedAt,
    length: Math.max(STATUS_LIST_LENGTH, bits.length * 8),
    setBits: set,
    credential: claims,
    jwt,
  };
}

export type PublicDocument =
  | { shown: true; url: string; fileName: string }
  | { shown: false; reason: string };

/**
 * GET /certificates/{number}/document, the credential's relatedResource: the PDF whose digest the
 * credential signs, for anyone who has the number, but only when the holder agreed to show their name
 * (the PDF prints it; without that consent the verification page does not show it either). A withdrawn
 * certificate is not handed out (410), as with the emailed link.
 */
export async function openPublicDocument(
  deps: Pick<Deps, 'certificates' | 'documents'>,
  numberInput: string,
): Promise<PublicDocument> {
  const certificate = await findCertificate(deps, numberInput);
  const number = formatCertificateNumber(certificate.number);
  if (certificate.status === 'revoked')
    throw new GoneError(`Certificate ${number} was revoked; its PDF is no longer handed out.`);
  if (certificate.status === 'superseded')
    throw new GoneError(
      `Certificate ${number} was replaced by a corrected one${
        certificate.supersededBy ? `, number ${formatCertificateNumber(certificate.supersededBy)}` : ''
      }.`,
    );
  if (!certificate.holderConsentsToPublicName)
    return {
      shown: false,
      reason:
        'The holder has not agreed to show their name publicly, and the PDF prints it: ask the holder for the PDF, then check it at /verify (its SHA-256 must match the credential).',
    };
  const fileName = `SayPro-Certificate-${number}.pdf`;
  return {
    shown: true,
    url: await deps.documents.temporaryDownloadUrl(certificate.document.key, fileName, 300),
    fileName,
  };
}
