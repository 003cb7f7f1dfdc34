import type { Course } from '../../functions/core/model.js';
import { type Translator, translator } from '../i18n/index.js';
import { escapeHtml } from '../text.js';
import { renderPage } from './page-layout.js';

/**
 * The public help pages every email links to: how a certificate is earned (from each course's own
 * criteria, so the page never promises what a course does not ask), when it arrives, and how to
 * download, verify and share it; and the questions participants actually ask.
 */

const requirementsOf = (course: Course): string[] => [
  ...course.criteria.requiredModules.map((module) => `Complete the module “${module.title}”.`),
  ...course.criteria.quizzes.map((quiz) => `Score at least ${quiz.passMark}% in the quiz “${quiz.title}”.`),
  ...(course.criteria.peerReviewRequired ? ['Have your work peer reviewed.'] : []),
  ...(course.criteria.discussion
    ? [`Take part in the course discussions (at least ${course.criteria.discussion.minimumPosts} posts).`]
    : []),
];

function courseSection(course: Course): string {
  const requirements = requirementsOf(course);
  const list = requirements.length
    ? `<ul>${requirements.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
    : '<p>No requirements beyond staff approval.</p>';
  const validity = course.criteria.validityDays
    ? `Certificates of this course are valid for ${course.criteria.validityDays} days after issue.`
    : 'Certificates of this course do not expire.';
  const renewal =
    course.criteria.validityDays && course.renewalUrl
      ? ` <a href="${escapeHtml(course.renewalUrl)}">How to renew it</a>.`
      : '';
  return `<section class="card" data-course="${escapeHtml(course.courseId)}"><h2>${escapeHtml(course.title)}</h2>${list}
<p>${escapeHtml(validity)}${renewal} Staff issue it within ${course.criteria.issueDeadlineDays} days of approval at the latest.</p></section>`;
}

export function renderHelpPage(courses: Course[]): string {
  const sorted = [...courses].sort((a, b) => a.title.localeCompare(b.title));
  return renderPage(
    'How SayPro certificates work',
    'Help',
    `<section class="card"><h1>How SayPro certificates work</h1>
<h2>How you earn one</h2><p>Each course lists what it asks of you below. When SayPro staff approve your completion and every requirement is met, your certificate is issued automatically. If something is still missing, you get one email saying exactly what; as soon as the missing work is recorded, the certificate is issued by itself — you do not need to ask again.</p>
<h2>When it arrives</h2><p>A few seconds after approval, once all requirements are met, you receive an email with your certificate. Your personal page (the link in every email) shows each requirement with a tick and the date to expect the certificate.</p>
<h2>Download it</h2><p>Open your personal page and press “Download PDF”: each press makes a fresh link, so an old email never leaves you stranded. Save the signed credential (.jwt) too: it works in digital wallets and proves the certificate without SayPro’s website.</p>
<h2>Verify and share it</h2><p>Every certificate has a number and a QR code that opens its public verification page. Share that page, or use “Add to LinkedIn profile” on your personal page. Anyone can check a certificate at <a href="/verify">/verify</a> by its number or by uploading the PDF.</p>
<h2 id="renewal">When it expires</h2><p>Some courses issue certificates valid for a set time (see the course below); the expiry date is printed on the certificate and shown on your page. We email you 60 days before and on the day. To renew, meet the course requirements again (the course may link its own renewal steps below); the new certificate is then issued and emailed automatically, with a new expiry date.</p>
<h2>Lost your link?</h2><p>Ask for a new one with your email address:</p>${linkRequestForm()}
<h2 id="personal-data">Your personal data</h2><p>What SayPro keeps about you, why, for how long, and how to ask for a copy, a correction or its removal: <a href="/privacy">the data protection policy</a>.</p></section>
<h2>Courses and what they ask</h2>${sorted.map(courseSection).join('') || '<p>No courses are published yet.</p>'}`,
  );
}

/** The lost-link form, shown here and on the participant's page. */
export function linkRequestForm(tr: Translator = translator()): string {
  return `<form method="post" action="/me/link-requests"><label for="email" class="visually-hidden">${escapeHtml(tr.t('me.linkForm.label'))}</label>
<input id="email" name="email" type="email" autocomplete="email" required dir="ltr" placeholder="${escapeHtml(tr.t('me.linkForm.placeholder'))}"><button type="submit">${escapeHtml(tr.t('me.linkForm.button'))}</button></form>`;
}

export const FAQ: { question: string; answer: string }[] = [
  {
    question: 'I lost the email with my certificate. What now?',
    answer:
      'Open your personal page from any SayPro email and download it again, or ask for a new link on the help page with your email address. The link arrives within minutes if the address is known.',
  },
  {
    question: 'The download link in my email has expired.',
    answer:
      'Download links in emails last a few days on purpose. Your personal page makes a fresh one each time you press “Download PDF”.',
  },
  {
    question: 'My name is wrong on the certificate.',
    answer:
      'Write to the support address in your email. Staff issue a corrected certificate with a new number; the old one then shows as replaced, and its verification page points to the new one.',
  },
  {
    question: 'What does the QR code do?',
    answer:
      'It opens the certificate’s public verification page, which says whether the certificate is genuine, valid, revoked, replaced or expired.',
  },
  {
    question: 'Who can see my name?',
    answer:
      'Only what you agreed to: without your consent the verification page shows the course and dates but not your name. Your personal page is visible only to whoever holds your link.',
  },
  {
    question: 'How does an employer check my certificate?',
    answer:
      'By scanning the QR code, typing the number at /verify, or uploading the PDF there. The answer comes from SayPro’s records and the certificate’s digital signature.',
  },
  {
    question: 'Can a certificate be checked without SayPro’s website?',
    answer:
      'Yes. The signed credential (.jwt) and the PDF’s signature can be verified offline with SayPro’s published public key (/.well-known/jwks.json).',
  },
  {
    question: 'My certificate shows as revoked. Why?',
    answer:
      'Staff revoke a certificate only for a stated reason, which the verification page shows. If you think it is a mistake, write to the support address.',
  },
  {
    question: 'Does my certificate expire? How do I renew it?',
    answer:
      'Some courses issue certificates valid for a set time (see the course above); the expiry date is printed on the certificate. Renewing means completing the course again, which leads to a new certificate.',
  },
  {
    question: 'I finished the missing work. Do I need to ask again?',
    answer:
      'No. As soon as staff record your progress, the certificate is issued automatically if everything is met.',
  },
  {
    question: 'Someone else has my personal link.',
    answer:
      'Ask the support address to revoke your links; request a new one afterwards. The link only shows your progress and certificates, never lets anyone change them.',
  },
  {
    question: 'What data do you keep and whom do I contact about it?',
    answer:
      'Your name, email, course progress and certificates, to issue and verify them. Personal links are stored only as a one-way hash. The data protection policy (/privacy) lists everything, how long it is kept and your rights; write to the support address for access, correction or deletion requests.',
  },
];

export function renderFaqPage(supportAddress: string): string {
  const items = FAQ.map(
    ({ question, answer }) => `<h2>${escapeHtml(question)}</h2><p>${escapeHtml(answer)}</p>`,
  ).join('');
  return renderPage(
    'Questions and answers · SayPro certificates',
    'Questions and answers',
    `<section class="card"><h1>Questions and answers</h1>${items}
<p>Anything else: write to <a href="mailto:${escapeHtml(supportAddress)}">${escapeHtml(supportAddress)}</a>. How we handle your personal data: <a href="/privacy">the data protection policy</a>.</p></section>`,
  );
}
