import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantNotice } from '../../functions/core/notices.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { renderNotice } from '../../templates/email/index.js';
import { launchChromium } from '../support/chromium.js';
import { apiClient, mailbox, type StoredMail } from '../support/local-api.js';

/**
 * The automated accessibility check (axe-core, run inside Debian's Chromium through playwright-core) over
 * everything a participant or a verifier reads: the verification page in each state (valid, revoked,
 * superseded, not found), the participant page, help and FAQ, the feedback survey (empty and with its error
 * summary), the privacy page, and the HTML of every participant email (each kind from the templates, and
 * what the local mailbox captured). WCAG 2.0 and 2.1, levels A and AA: no violation is allowed.
 */

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const { browser, launchProblem } = await launchChromium('the accessibility check');

afterAll(async () => {
  await browser?.close();
});

const COURSE = {
  courseId: 'a11y-outreach',
  title: 'Community Health Outreach',
  description: 'Visiting households safely and recording what was found.',
  criteria: {
    requiredModules: [{ moduleId: 'm1', title: 'Visiting Households Safely' }],
    quizzes: [{ quizId: 'q1', title: 'Outreach Check', passMark: 70 }],
    peerReviewRequired: false,
    validityDays: 365,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
  surveyQuestions: [{ questionId: 'pace', text: 'Was the pace right for you?', type: 'scale' }],
};

const PEOPLE = [
  { participantId: 'a11y-valid', fullName: 'Nomvula Dlamini', email: 'nomvula@example.org' },
  { participantId: 'a11y-revoked', fullName: 'Pieter du Plessis', email: 'pieter@example.org' },
  { participantId: 'a11y-corrected', fullName: 'Aisha Abdulahi', email: 'aisha@example.org' },
];
const PAGE_LINK = /https?:\/\/[^\s"<>]+\/me\/[A-Za-z0-9_-]{43}/;

/** One line per violation: rule, impact, what it is about, and the first offending elements. */
function describeViolations(results: axe.AxeResults): string[] {
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} -> ${violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`)
        .join(' | ')}`,
  );
}

/** Runs axe in the page as it is now, against WCAG 2.0/2.1 A and AA. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const results = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
      }),
    // A11Y_BEST_PRACTICE=1 adds axe's best-practice rules (landmarks, headings), to look at, not required.
    process.env.A11Y_BEST_PRACTICE ? [...WCAG_A_AA, 'best-practice'] : WCAG_A_AA,
  )) as axe.AxeResults;
  // A check that found nothing to check would pass anything: the rules that matter most here applied.
  const applied = new Set([...results.passes, ...results.violations].map((rule) => rule.id));
  for (const rule of ['color-contrast', 'html-has-lang', 'document-title'])
    expect(applied, `axe rule ${rule} applied`).toContain(rule);
  if (process.env.A11Y_DEBUG)
    console.log(
      page.url(),
      [...applied].join(' '),
      'incomplete:',
      results.incomplete.map((rule) => rule.id).join(' '),
    );
  return describeViolations(results);
}

describe.skipIf(!browser)(
  `accessibility (axe-core, WCAG 2.1 A/AA) in Chromium${launchProblem ? ` (skipped: ${launchProblem})` : ''}`,
  () => {
    let stack: LocalStack;
    let context: BrowserContext;
    let validNumber: string;
    let revokedNumber: string;
    let supersededNumber: string;
    let pageLink: string;
    /** Each participant's page link, from the email announcing their certificate. */
    let pageLinks: string[];
    let mails: StoredMail[];

    beforeAll(async () => {
      stack = await startLocalStack({ reminderSweepMs: 0 });
      const api = apiClient(stack);
      await api.putCourse(COURSE);
      const approvals: string[] = [];
      for (const person of PEOPLE) {
        await api.putParticipant(
          { ...person, consentToPublicName: true } as { participantId: string },
          {
            participantId: person.participantId,
            courseId: COURSE.courseId,
            completedModuleIds: ['m1'],
            quizScores: { q1: 88 },
          } as { participantId: string; courseId: string },
        );
        const approval = await api.request('POST', '/approvals', {
          participantId: person.participantId,
          courseId: COURSE.courseId,
          approvedBy: 'staff@saypro.online',
        });
        expect(approval.status).toBe(202);
        approvals.push(approval.json.approvalId);
      }
      const settled = await Promise.all(approvals.map((id) => api.settledApproval(id, 60_000)));
      const numbers = settled.map((approval) => approval.certificate.number as string);
      [validNumber, revokedNumber, supersededNumber] = numbers as [string, string, string];
      const revoked = await api.request('POST', `/operator/certificates/${revokedNumber}/revocation`, {
        reason: 'Issued before the final assessment was moderated',
        revokedBy: 'registrar@saypro.online',
      });
      expect(revoked.status).toBe(200);
      const corrected = await api.request('POST', `/operator/certificates/${supersededNumber}/corrections`, {
        holderName: 'Aisha Abdullahi',
        reason: 'Surname misspelt',
        correctedBy: 'registrar@saypro.online',
      });
      expect(corrected.status).toBe(201);
      // The lost-link form mails a page link too: one more kind of email in the mailbox.
      await fetch(`${stack.url}/me/link-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `email=${encodeURIComponent(PEOPLE[0]!.email)}`,
      });

      for (let tries = 0; tries < 100; tries += 1) {
        mails = await mailbox(stack);
        if (mails.filter((mail) => mail.destination.to.includes(PEOPLE[0]!.email)).length >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      pageLinks = PEOPLE.map((person) => {
        const issuedMail = mails.find(
          (mail) => mail.destination.to.includes(person.email) && PAGE_LINK.test(mail.body.text ?? ''),
        );
        return issuedMail!.body.text!.match(PAGE_LINK)![0];
      });
      pageLink = pageLinks[0]!;

      // The pages' CSP (default-src 'none', script-src by hash only) refuses axe's injected script, as it
      // should refuse any script. The check needs axe inside the page, so this test context alone bypasses
      // the CSP; the other browser tests keep it on and check it.
      context = await browser!.newContext({
        viewport: { width: 1000, height: 900 },
        locale: 'en-GB',
        bypassCSP: true,
      });
    });

    afterAll(async () => {
      await context?.close();
      await stack?.stop();
    });

    /** One tab for every check (a new tab per check costs seconds on a busy machine); each load is fresh. */
    let tab: Page | undefined;
    const sharedTab = async () => {
      tab ??= await context.newPage();
      return tab;
    };

    async function checkUrl(path: string, expectedStatus = 200): Promise<string[]> {
      const page = await sharedTab();
      const response = await page.goto(path.startsWith('http') ? path : `${stack.url}${path}`);
      expect(response?.status()).toBe(expectedStatus);
      return axeViolations(page);
    }

    it('finds no violation on the verification page: valid, revoked, superseded and not found', async () => {
      const seen: Record<string, string[]> = {
        valid: await checkUrl(`/verify/${validNumber}`),
        revoked: await checkUrl(`/verify/${revokedNumber}`),
        superseded: await checkUrl(`/verify/${supersededNumber}`),
        'not found': await checkUrl('/verify/0000-0000-0000-0000-0000-0000', 404),
        'no number': await checkUrl('/verify'),
      };
      expect(seen).toEqual({ valid: [], revoked: [], superseded: [], 'not found': [], 'no number': [] });
    });

    it('finds no violation on the participant page, help, FAQ and the privacy page', async () => {
      const seen: Record<string, string[]> = {
        '/me': await checkUrl(pageLink),
        '/me (revoked certificate)': await checkUrl(pageLinks[1]!),
        '/me (corrected certificate)': await checkUrl(pageLinks[2]!),
        '/me (unknown link)': await checkUrl(`/me/${'A'.repeat(43)}`, 404),
        '/help': await checkUrl('/help'),
        '/help/faq': await checkUrl('/help/faq'),
        '/privacy': await checkUrl('/privacy'),
      };
      expect(seen).toEqual({
        '/me': [],
        '/me (revoked certificate)': [],
        '/me (corrected certificate)': [],
        '/me (unknown link)': [],
        '/help': [],
        '/help/faq': [],
        '/privacy': [],
      });
    });

    it('finds no violation on the feedback survey, fresh and with its error summary', async () => {
      const page = await context.newPage();
      await page.goto(pageLink);
      await Promise.all([
        page.waitForURL(/\/feedback\/[A-Za-z0-9_-]{43}$/),
        page.getByRole('button', { name: 'Give feedback' }).click(),
      ]);
      const fresh = await axeViolations(page);
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /send/i }).click()]);
      expect(await page.locator('[role="alert"], .error-summary').count()).toBeGreaterThan(0);
      const refused = await axeViolations(page);
      await page.close();
      expect({ fresh, refused }).toEqual({ fresh: [], refused: [] });
    });

    it('finds no violation in any participant email, from the templates and from the mailbox', async () => {
      const seen: Record<string, string[]> = {};
      for (const notice of Object.values(sampleNotices())) {
        const { html } = renderNotice(notice);
        seen[`template ${notice.kind}`] = await checkHtml(html);
      }
      const captured = mails.filter((mail) =>
        PEOPLE.some((person) => mail.destination.to.includes(person.email)),
      );
      // One of each kind the stack sent (issued, revoked, corrected, page link at least): the same template
      // for another person or number would add time, not coverage.
      const kinds = new Map(
        captured.map((mail) => [mail.subject.replace(/[A-Z0-9]{4}(-[A-Z0-9]{4}){5}/, 'N'), mail]),
      );
      expect(kinds.size).toBeGreaterThanOrEqual(4);
      for (const [subject, mail] of kinds) seen[`mailbox ${subject}`] = await checkHtml(mail.body.html ?? '');
      expect(Object.entries(seen).filter(([, violations]) => violations.length > 0)).toEqual([]);
      expect(Object.keys(seen).length).toBeGreaterThanOrEqual(9 + 4);
    });

    async function checkHtml(html: string): Promise<string[]> {
      expect(html).toContain('<html');
      const page = await sharedTab();
      // A fresh document each time, so no earlier email's axe or markup is left in the page.
      await page.goto('about:blank');
      await page.setContent(html);
      return axeViolations(page);
    }

    it('catches what it should: an email with grey-on-white text, an unlabelled field and no language', async () => {
      const violations = await checkHtml(
        '<!DOCTYPE html><html><head><title>Bad</title></head><body><main><p style="color:#AAAAAA;background:#FFFFFF">Faint</p><input type="text"></main></body></html>',
      );
      expect(violations.map((line) => line.split(' ')[0])).toEqual(
        expect.arrayContaining(['color-contrast', 'html-has-lang', 'label']),
      );
    });
  },
);

/** One notice of each kind, typed by kind: a new kind fails to compile here until it has a sample. */
function sampleNotices(): {
  [Kind in ParticipantNotice['kind']]: Extract<ParticipantNotice, { kind: Kind }>;
} {
  const context = {
    participantId: 'zoe',
    to: 'zoe@example.org',
    participantPageUrl: 'https://verify.saypro.online/me/tok',
    helpUrl: 'https://verify.saypro.online/help',
    faqUrl: 'https://verify.saypro.online/help/faq',
    privacyUrl: 'https://verify.saypro.online/privacy',
    supportAddress: 'certificates@saypro.online',
    tags: {},
    recipientName: 'Zoë Ñúñez-Ångström',
  };
  const certificateNumber = '7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE';
  const verificationUrl = 'https://verify.saypro.online/verify/7KQ2M9XD4T1HZC8BR2PN6WQE';
  const issued = {
    ...context,
    kind: 'certificate-issued' as const,
    courseTitle: 'Project Management Fundamentals',
    certificateNumber,
    downloadUrl: 'https://api.saypro.online/certificates/7KQ2M9XD4T1HZC8BR2PN6WQE/download?token=abc',
    verificationUrl,
    downloadLinkExpiresAt: '2025-03-26T09:30:00Z',
    issuedAt: '2025-03-12T09:30:00Z',
    expiresAt: '2027-03-12T00:00:00Z',
    linkedInShareUrl: 'https://api.saypro.online/certificates/7KQ2-M9XD-4T1H-ZC8B-R2PN-6WQE/linkedin',
  };
  return {
    enrolled: {
      ...context,
      kind: 'enrolled',
      courseTitle: 'First Aid',
      courseDescription: 'Basics of first aid at work.',
      requirements: ['Module “CPR”', 'Quiz “First Aid Check” (pass mark 70%)'],
      issueDeadlineDays: 14,
    },
    'not-eligible': { ...context, kind: 'not-eligible', courseTitle: 'First Aid', missing: ['Quiz “CPR”'] },
    'consent-request': {
      ...context,
      kind: 'consent-request',
      courseTitle: 'First Aid',
      consentTitle: 'My name on my certificate',
      consentText: 'SayPro may print my name on my certificate.',
    },
    'certificate-issued': issued,
    'certificate-corrected': {
      ...issued,
      kind: 'certificate-corrected',
      replacesNumber: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
      reason: 'Name misspelt',
    },
    'certificate-revoked': {
      ...context,
      kind: 'certificate-revoked',
      courseTitle: 'First Aid',
      certificateNumber,
      reason: 'Issued in error',
      revokedAt: '2026-12-01T10:00:00Z',
      verificationUrl,
    },
    'expiry-reminder': {
      ...context,
      kind: 'expiry-reminder',
      stage: 'soon',
      courseTitle: 'First Aid',
      certificateNumber,
      expiresAt: '2027-01-31T00:00:00Z',
      renewalUrl: 'https://verify.saypro.online/help#renewal',
    },
    'page-link': { ...context, kind: 'page-link' },
    'survey-reminder': {
      ...context,
      kind: 'survey-reminder',
      courseTitle: 'First Aid',
      certificateNumber,
      surveyUrl: 'https://verify.saypro.online/feedback/abc',
    },
  };
}
