import { RETENTION } from '../../functions/core/retention.js';
import { escapeHtml } from '../text.js';
import { renderPage } from './page-layout.js';

/**
 * The published data protection policy (GET /privacy), the page every email and page footer links to.
 * It states what the code does, no more: docs/privacy.md says the same at more length, and a unit test
 * keeps the two's sections in step. When behaviour changes (a retention period, a new right built),
 * change both.
 */

export interface PrivacyPageFacts {
  supportAddress: string;
  /** How long an emailed download link works (DOWNLOAD_LINK_TTL_DAYS). */
  downloadLinkTtlDays: number;
  /** How long a personal page link works (PARTICIPANT_LINK_TTL_DAYS). */
  participantLinkTtlDays: number;
}

/** Section ids and headings, in order: docs/privacy.md has the same headings. */
export const PRIVACY_SECTIONS = [
  ['who', 'Who is responsible'],
  ['data', 'What personal data we keep, and where'],
  ['purposes', 'Why, and on what lawful basis'],
  ['retention', 'How long we keep it'],
  ['retention-schedule', 'Retention'],
  ['rights', 'Your rights and how to use them'],
  ['erasure', 'Erasure'],
  ['processors', 'Who processes it for us'],
  ['security', 'How it is protected'],
  ['breaches', 'If something goes wrong'],
] as const;

type SectionId = (typeof PRIVACY_SECTIONS)[number][0];

const list = (items: string[]) => `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;

function sections(facts: PrivacyPageFacts): Record<SectionId, string> {
  const contact = `<a href="mailto:${escapeHtml(facts.supportAddress)}">${escapeHtml(facts.supportAddress)}</a>`;
  return {
    who: `<p>SayPro is the controller (POPIA: the responsible party) of the personal data of its course participants: it decides why and how the data is used. Amazon Web Services (AWS) runs the systems SayPro uses and acts only on SayPro’s instructions, as processor (POPIA: operator). Contact for anything in this policy: ${contact}.</p>`,
    data: list([
      '<strong>Your profile</strong>: full name, email address, and whether you agreed to show your name publicly. In a DynamoDB table; your address is also kept as a one-way hash so a lost link can be asked for by address.',
      '<strong>Your course work</strong>: enrolments, completed modules, quiz scores, peer review, number of discussion posts, completion date. In a DynamoDB table.',
      '<strong>Staff approvals</strong> of your work: who approved, when, and the outcome (issued, not yet eligible and what is missing). In a DynamoDB table.',
      '<strong>Your certificates</strong>: the details printed on them (name, course, dates, number), their signatures, the signed digital credential, revocations and corrections with their reasons. The record is in a DynamoDB table; the PDF in an S3 bucket.',
      '<strong>Links</strong>: download links carry a random token kept on the certificate record; personal page links are kept only as a SHA-256 hash of their token.',
      '<strong>Email delivery</strong>: whether each email was sent, failed, bounced or drew a complaint, with the message id. On the certificate and approval records; Amazon SES keeps addresses that bounced or complained on its suppression list.',
      '<strong>Claims</strong>: a ledger of what was already done once (an email sent, a reminder given), keyed by certificate, approval, participant or a hash of the address, so nothing is sent twice.',
      '<strong>Your feedback</strong>, if you answer the survey about a certificate: your ratings, what you ticked as wrong on it and what you wrote. Kept with your other data in a DynamoDB table, one answer per certificate (answering again replaces it), included in a copy of your data and erased with it. Survey links are kept only as a SHA-256 hash of their token.',
      '<strong>After an erasure</strong>: a note that your data was erased (when, why as a code, by whom; no name or address) and the record of who exported, erased or corrected your data.',
      '<strong>Technical logs</strong>: the API’s access logs record the caller’s IP address and the route; function logs record what the system did. Request bodies are not logged by the API.',
    ]),
    purposes: list([
      '<strong>Issuing, delivering and correcting certificates</strong> and showing you your progress: performing our agreement with you to train and certify you, or SayPro’s legitimate interest in certifying its participants (GDPR Art. 6(1)(b) and (f); POPIA s.11(1)(b) and (f)).',
      '<strong>Letting anyone verify a certificate</strong> by its number, QR code or file: legitimate interest in certificates that cannot be forged (Art. 6(1)(f); s.11(1)(f)). Verifiers see the course and dates, not your email address.',
      '<strong>Printing your name on your certificate</strong> and in its signed credential: only with your consent (Art. 6(1)(a); s.11(1)(a)). Until you agree, an approved certificate waits (it is not issued without your name, nor with it); we email you once to ask, and it is issued within minutes of your agreeing.',
      '<strong>Showing your name to verifiers</strong>, on the verification page and in the signed credential: only with your consent (Art. 6(1)(a); s.11(1)(a)).',
      '<strong>Feedback surveys and expiry reminders</strong> (60 days before and on the day a certificate expires): only with your consent (Art. 6(1)(a); s.11(1)(a)).',
      '<strong>Emails</strong>: the certificate, corrections, revocations, the request for consent and your personal link are part of issuing it (Art. 6(1)(b); s.11(1)(b)).',
      '<strong>Your consent</strong>: you answer each of the three questions separately on your own page (the link in every email), or on a paper form that staff enter for you. Each answer is kept with the wording you were shown, its policy version, the date and how it was given. Withdrawing is the same single step as agreeing, on the same page, and takes effect at once; it does not undo what was done before.',
      '<strong>Security and abuse prevention</strong> (rate limits, access logs): legitimate interest (Art. 6(1)(f); s.11(1)(f)).',
    ]),
    retention: list([
      `Download links in emails work for ${facts.downloadLinkTtlDays} days; the token then stops working (it stays on the certificate record).`,
      `Personal page links work for ${facts.participantLinkTtlDays} days, or until staff revoke them. Their hashed records are then deleted automatically by DynamoDB’s time to live (attribute <code>ttlEpochSeconds</code>), set to 30 days after the link’s expiry date; DynamoDB removes such items within a few days of that time.`,
      'Profiles, course work, approvals, certificate records and delivery state are kept while the programme runs, or until you ask us to erase them (see Erasure). Certificates stay verifiable after they expire, which is what they are for.',
      'Certificate PDFs are deleted by an S3 lifecycle rule a set number of days after they were stored (<code>documentRetentionDays</code> at deployment, between 30 and 36,500 days); replaced versions of a PDF 30 days after they were replaced.',
      'Backups: DynamoDB point-in-time recovery keeps 35 days of history, so changed or deleted records remain in the backup for up to 35 days.',
      'The document store’s access logs are kept 365 days; the API’s access logs one year; function logs three months.',
    ]),
    rights: `${list([
      '<strong>Access</strong>: your personal page (the link in every email) shows your progress and certificates at any time, and lets you download them and the signed credential. A full copy of everything we hold about you (profile, progress, approvals, certificates, the emails we sent you, and who has looked at your data): write to us, and staff export it for you within days; each export is recorded.',
      '<strong>Correction</strong>: a wrong name or detail on a certificate is fixed by staff issuing a corrected certificate (<code>certs correct</code>); the old one then shows as replaced. Staff update your profile (name, email) on request.',
      '<strong>Withdrawing consent to show your name</strong>: on request, staff record it and your name leaves the public view of every certificate at once; the public credential endpoint then stops serving a credential that names you. Not yet self-service.',
      '<strong>A compromised link</strong>: staff revoke all your personal links on request; ask for a new one on the help page.',
      '<strong>Erasure</strong>: write to us and staff erase your personal data from the system; see Erasure below for what goes and what stays.',
      '<strong>Objection</strong> (for example to expiry reminders): not built into the system yet. Write to us; staff handle the request by hand and tell you what was done.',
      '<strong>Complaint</strong>: you may complain to a supervisory authority: in South Africa the Information Regulator, in the EU the authority of your country.',
    ])}<p>Write to ${contact} for any of these. The law gives us one month to answer.</p>`,
    'retention-schedule': list([
      `Records of what was already done once (emails, reminders): ${RETENTION.claims.days} days after they were last used, so nothing is sent to you twice.`,
      `Personal page link records: ${RETENTION.participantLinkTokens.days} days after the link expires.`,
      `The log of emails we sent you (kind, time, message id; never the text): ${RETENTION.sentNotices.days} days.`,
      `The record of who exported, erased or corrected your data: ${RETENTION.accessTrail.days} days (six years), for accountability.`,
      `Replaced versions of a certificate PDF: ${RETENTION.noncurrentDocumentVersions.days} days after they were replaced.`,
      `Backups of the tables: ${RETENTION.backups.days} days.`,
      'These are deleted automatically: by DynamoDB’s time to live and by S3 lifecycle rules, usually within a few days of the date.',
    ]),
    erasure: list([
      'When you ask us to erase your data, staff remove your name, email address, consent choices, course work, enrolments, personal links, the log of emails sent to you, and every copy and version of your certificate PDFs.',
      'What stays: each certificate’s number, course, dates, status and the fingerprint and signature of its PDF, so anyone you showed it to can still check that it is genuine. Verifiers are told “Holder details withdrawn at the holder’s request”; the PDF and signed credential you saved still verify.',
      'We keep a note that your data was erased (when, why as a code, by whom, how many records; no name or address) and the record of the erasure, so that an old approval sent again cannot bring your data back: the system then refuses to record, email or issue anything for you.',
      `Deleted records remain in our table backups for up to ${RETENTION.backups.days} days, then they are gone. Emails already delivered stay in your mailbox.`,
    ]),
    processors: `<p>AWS processes the data in the one AWS region the system is deployed to; the deployment does not copy it to other regions. The AWS services used: Amazon DynamoDB (records), Amazon S3 (PDFs and access logs), Amazon SES (email), AWS Lambda and AWS Step Functions (processing), Amazon API Gateway (the website and API), AWS KMS (keys), Amazon SNS and Amazon SQS (internal messages), Amazon CloudWatch and AWS X-Ray (logs, alarms and traces). Emails pass through your email provider once sent.</p>`,
    security: list([
      'Encryption at rest: the tables, the document bucket, queues and topics are encrypted with a customer-managed AWS KMS key with yearly rotation; the access-log bucket with S3-managed keys.',
      'Encryption in transit: the buckets and topics refuse anything but TLS (1.2 or later for the buckets), and email is sent only over TLS.',
      'Links: personal page tokens are 256-bit random values stored only as their SHA-256; download tokens are random, expire and are compared in constant time; PDFs are served only through five-minute links.',
      'Signing: certificates and credentials are signed by an ECC P-256 key that never leaves KMS; a leaked key can be withdrawn, and keys are rotated by staff.',
      'The signed credential names you only as we are allowed to: your name only with consent, your email address only as a hash salted with a secret that only you receive (on your page), so nobody can test a guessed address against it.',
      'Staff act through an API protected by a key; the public pages run no script and set a strict Content-Security-Policy.',
    ]),
    breaches: `<p>Whoever notices a possible breach tells SayPro’s certificates team at once (${contact}). The team then:</p><ol><li>contains it: revokes links, withdraws a signing key marked compromised, rotates keys or credentials;</li><li>assesses what data and which people are affected, from the records and logs;</li><li>notifies the supervisory authority: under GDPR within 72 hours of becoming aware of it, under POPIA (s.22) the Information Regulator as soon as reasonably possible;</li><li>tells the people affected as soon as reasonably possible, with what happened and what they can do;</li><li>records the breach and what was changed so it does not happen again.</li></ol>`,
  };
}

export function renderPrivacyPage(facts: PrivacyPageFacts): string {
  const body = sections(facts);
  return renderPage(
    'Data protection policy · SayPro certificates',
    'Data protection',
    `<section class="card"><h1>How SayPro protects your personal data</h1>
<p>This policy covers the personal data SayPro’s certificate system holds about course participants: what it is, why we hold it, how long, who processes it and what you can ask of us. It follows the EU General Data Protection Regulation (GDPR) and South Africa’s Protection of Personal Information Act (POPIA).</p>
${PRIVACY_SECTIONS.map(([id, heading]) => `<h2 id="${id}">${escapeHtml(heading)}</h2>${body[id]}`).join('\n')}</section>`,
  );
}
