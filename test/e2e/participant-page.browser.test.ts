import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { launchChromium } from '../support/chromium.js';
import { apiClient, mailbox, type StoredMail } from '../support/local-api.js';

/**
 * The participant's own page in a real browser (Debian's Chromium, driven by playwright-core), walked as a
 * participant would: open the link from the certificate email, read the ticks, press Download PDF (a plain
 * POST form), follow the verification and LinkedIn links, use it on a phone, and ask for a lost link.
 */

const SCREENSHOT = fileURLToPath(new URL('../../docs/images/participant-page.png', import.meta.url));

const { browser, launchProblem } = await launchChromium('the participant page');

afterAll(async () => {
  await browser?.close();
});

const DONE = {
  courseId: 'page-done',
  title: 'Community Health Outreach and Household Visiting Practice',
  description: 'A course the participant has finished.',
  criteria: {
    requiredModules: [{ moduleId: 'd1', title: 'Visiting Households Safely' }],
    quizzes: [{ quizId: 'dq', title: 'Outreach Check', passMark: 70 }],
    peerReviewRequired: true,
    validityDays: 365,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

const UNDERWAY = {
  courseId: 'page-underway',
  title: 'Data Collection Basics',
  description: 'A course the participant is still working on.',
  criteria: {
    requiredModules: [
      { moduleId: 'u1', title: 'Designing a Questionnaire' },
      { moduleId: 'u2', title: 'Cleaning the Data' },
    ],
    quizzes: [{ quizId: 'uq', title: 'Field Data Quiz', passMark: 75 }],
    peerReviewRequired: false,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

const NAME = 'Nomvula Dlamini-Mthembu';
const EMAIL = 'nomvula@example.org';
const PAGE_LINK = /https?:\/\/[^\s"<>]+\/me\/[A-Za-z0-9_-]{43}/;

describe.skipIf(!browser)(
  `the participant page in Chromium${launchProblem ? ` (skipped: ${launchProblem})` : ''}`,
  () => {
    let stack: LocalStack;
    let context: BrowserContext;
    let pageLink: string;
    let number: string;
    let issuedAt: Date;

    const mailTo = async (address: string): Promise<StoredMail[]> =>
      (await mailbox(stack)).filter((mail) => mail.destination.to.includes(address));

    beforeAll(async () => {
      stack = await startLocalStack();
      const api = apiClient(stack);
      await api.putCourse(DONE);
      await api.putCourse(UNDERWAY);
      const participant = {
        participantId: 'nomvula',
        fullName: NAME,
        email: EMAIL,
        consentToPublicName: true,
      };
      await api.putParticipant(participant, {
        participantId: 'nomvula',
        courseId: DONE.courseId,
        completedModuleIds: ['d1'],
        quizScores: { dq: 91 },
        peerReviewPassed: true,
        completedAt: '2026-11-20T10:00:00.000Z',
      } as { participantId: string; courseId: string });
      await api.putParticipant(participant, {
        participantId: 'nomvula',
        courseId: UNDERWAY.courseId,
        completedModuleIds: ['u1'],
        quizScores: { uq: 60 },
      } as { participantId: string; courseId: string });
      const approval = await api.request('POST', '/approvals', {
        participantId: 'nomvula',
        courseId: DONE.courseId,
        approvedBy: 'staff@saypro.online',
      });
      expect(approval.status).toBe(202);
      const settled = await api.settledApproval(approval.json.approvalId, 60_000);
      expect(settled.status).toBe('issued');
      number = settled.certificate.number;
      issuedAt = new Date((await stack.deps.certificates.getCertificate(number.replace(/-/g, '')))!.issuedAt);

      // The participant's link comes from where they find it: the email announcing the certificate.
      const issuedMail = (await mailTo(EMAIL)).find((mail) => PAGE_LINK.test(mail.body.text ?? ''));
      expect(issuedMail, 'an email carrying the personal page link').toBeDefined();
      pageLink = issuedMail!.body.text!.match(PAGE_LINK)![0];
      expect(new URL(pageLink).origin).toBe(stack.url);

      context = await browser!.newContext({
        viewport: { width: 800, height: 900 },
        deviceScaleFactor: 1,
        locale: 'en-GB',
        acceptDownloads: true,
      });
      // There is no network here: anything bound for LinkedIn is answered by a stand-in and recorded.
      await context.route('https://www.linkedin.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>LinkedIn stand-in</title>' }),
      );
    });

    afterAll(async () => {
      await context?.close();
      await stack?.stop();
    });

    /**
     * A page that records console errors, uncaught errors, CSP violations and every request it makes.
     * The listener is injected by the browser's devtools protocol, which the page's CSP does not govern.
     */
    async function watchedPage(on: BrowserContext = context) {
      const page = await on.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => requests.push(request.url()));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const record = window as unknown as { cspViolations?: string[] };
          record.cspViolations = [
            ...(record.cspViolations ?? []),
            `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
          ];
        });
      });
      return { page, problems, requests };
    }

    const cspViolations = (page: Page) =>
      page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

    async function expectCleanPage(page: Page, problems: string[]) {
      expect(await cspViolations(page), 'CSP violations').toEqual([]);
      expect(problems, 'console errors').toEqual([]);
      // The page's one stylesheet is allowed by its hash: if the hash were wrong, nothing would be styled.
      const headerColour = await page
        .locator('header')
        .evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(headerColour).toBe('rgb(11, 79, 138)');
    }

    const certificateCard = (page: Page) => page.locator(`article.certificate[data-number="${number}"]`);

    it('opens from the emailed link with each requirement ticked or missing, and the certificate', async () => {
      const { page, problems } = await watchedPage();
      const response = await page.goto(pageLink);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['cache-control']).toBe('no-store');
      expect(response?.headers()['referrer-policy']).toBe('no-referrer');
      expect(await page.locator('h1').textContent()).toBe(`Hello, ${NAME}`);

      const done = page.locator(`section[data-course="${DONE.courseId}"]`);
      expect(await done.locator('h2').textContent()).toBe(DONE.title);
      expect(await done.locator('li').allTextContents()).toEqual([
        '✓ Module “Visiting Households Safely”',
        expect.stringMatching(/^✓ Quiz “Outreach Check”/),
        expect.stringMatching(/^✓ Peer review/),
      ]);
      expect(await done.locator('li.met').count()).toBe(3);

      const underway = page.locator(`section[data-course="${UNDERWAY.courseId}"]`);
      const items = await underway.locator('li').allTextContents();
      expect(items).toHaveLength(3);
      expect(items[0]).toBe('✓ Module “Designing a Questionnaire”');
      expect(items[1]).toMatch(/^✗ Module “Cleaning the Data”: /);
      expect(items[2]).toMatch(/^✗ Quiz “Field Data Quiz” \(pass mark 75%\): Score at least 75%/);
      // Ticked and missing look different, not only by their sign.
      const colours = await Promise.all(
        ['li.met', 'li.unmet'].map((selector) =>
          underway
            .locator(selector)
            .first()
            .evaluate((element) => getComputedStyle(element).color),
        ),
      );
      expect(colours).toEqual(['rgb(23, 102, 58)', 'rgb(161, 29, 43)']);

      const card = certificateCard(page);
      expect(await card.getAttribute('data-status')).toBe('valid');
      expect(await card.locator('h3').textContent()).toBe(DONE.title);
      const details = await card.locator('dl').textContent();
      expect(details).toContain(number);
      expect(details).toContain('Valid');
      expect(await page.locator('article.certificate').count()).toBe(1);
      for (const name of ['Download PDF', 'Save signed credential', 'Add to LinkedIn profile'])
        expect(await card.getByRole(name === 'Download PDF' ? 'button' : 'link', { name }).isVisible()).toBe(
          true,
        );

      mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
      // The picture in docs/ changes with every run (numbers, dates): refresh it only when asked.
      if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: SCREENSHOT, fullPage: true });
      await expectCleanPage(page, problems);
      await page.close();
    });

    it('gives the PDF when Download PDF is pressed: a plain form POST, then the redirect it answers', async () => {
      const { page, problems } = await watchedPage();
      await page.goto(pageLink);
      const button = certificateCard(page).getByRole('button', { name: 'Download PDF' });
      const [download, pdfResponse] = await Promise.all([
        page.waitForEvent('download'),
        page.waitForResponse((response) => response.request().redirectedFrom() !== null),
        button.click(),
      ]);
      const redirect = pdfResponse.request().redirectedFrom()!;
      expect(redirect.method()).toBe('POST');
      expect(new URL(redirect.url()).pathname).toBe(
        `${new URL(pageLink).pathname}/certificates/${number}/download`,
      );
      expect(pdfResponse.status()).toBe(200);
      expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
      expect(download.suggestedFilename()).toBe(`SayPro-Certificate-${number}.pdf`);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Pressing again mints another short-lived link: the page itself stays where it was.
      expect(page.url()).toBe(pageLink);
      await expectCleanPage(page, problems);
      await page.close();
    });

    it('follows the verification link to a genuine certificate, and the LinkedIn link with the right fields', async () => {
      const { page } = await watchedPage();
      await page.goto(pageLink);
      await Promise.all([
        page.waitForURL(`${stack.url}/verify/${number}`),
        certificateCard(page).getByRole('link', { name: 'Its public verification page' }).click(),
      ]);
      expect(await page.locator('.verdict').textContent()).toBe('Genuine and valid');
      expect(await page.locator('dl').textContent()).toContain(NAME);

      await page.goto(pageLink);
      const linkedIn = certificateCard(page).getByRole('link', { name: 'Add to LinkedIn profile' });
      const [request] = await Promise.all([
        page.waitForRequest((candidate) => candidate.url().startsWith('https://www.linkedin.com/')),
        linkedIn.click(),
      ]);
      const url = new URL(request.url());
      expect(`${url.origin}${url.pathname}`).toBe('https://www.linkedin.com/profile/add');
      expect(url.searchParams.get('startTask')).toBe('CERTIFICATION_NAME');
      expect(url.searchParams.get('name')).toBe(DONE.title);
      expect(url.searchParams.get('organizationName')).toBe('SayPro');
      expect(url.searchParams.get('issueYear')).toBe(String(issuedAt.getUTCFullYear()));
      expect(url.searchParams.get('issueMonth')).toBe(String(issuedAt.getUTCMonth() + 1));
      expect(url.searchParams.get('certUrl')).toBe(
        `${stack.deps.links.verificationBaseUrl}/verify/${number}`,
      );
      expect(url.searchParams.get('certId')).toBe(number);
      // The personal token never travels to LinkedIn, neither in the URL nor as a referrer.
      const token = new URL(pageLink).pathname.split('/').pop()!;
      expect(request.url()).not.toContain(token);
      expect(await request.headerValue('referer')).toBeNull();
      await page.close();
    });

    it('runs no inline script and loads nothing from elsewhere', async () => {
      const { page, problems, requests } = await watchedPage();
      const response = await page.goto(pageLink);
      await page.waitForLoadState('networkidle');
      const csp = response?.headers()['content-security-policy'];
      expect(csp).toContain("default-src 'none'");
      // Forms may lead only here and to the document store, where Download PDF's 303 goes.
      expect(csp).toContain(`form-action 'self' ${new URL(stack.endpoints.s3).origin};`);
      expect(await page.locator('script').count()).toBe(0);
      expect(requests.filter((url) => new URL(url).origin !== stack.url && !url.startsWith('data:'))).toEqual(
        [],
      );
      await expectCleanPage(page, problems);

      // An injected inline script (as an HTML injection would be) is refused by the policy.
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injectedRan = true';
        document.head.append(script);
      });
      expect(await page.evaluate(() => (window as unknown as { injectedRan?: boolean }).injectedRan)).toBe(
        undefined,
      );
      expect(await cspViolations(page)).toEqual([
        expect.stringMatching(/^script-src(-elem)? blocked inline$/),
      ]);
      await page.close();
    });

    it('fits a 375px-wide phone screen without sideways scrolling', async () => {
      const phone = await browser!.newContext({
        viewport: { width: 375, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'en-GB',
      });
      const { page, problems } = await watchedPage(phone);
      await page.goto(pageLink);
      const widths = await page.evaluate(() => ({
        scroll: document.scrollingElement!.scrollWidth,
        client: document.scrollingElement!.clientWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(375);
      expect(widths.client).toBe(375);
      // Every action stays within the screen.
      for (const box of await page
        .locator('.actions > *')
        .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right)))
        expect(box).toBeLessThanOrEqual(375);
      await expectCleanPage(page, problems);
      await phone.close();
    });

    it('answers an unknown or tampered token with the same 404 page, which reveals nothing', async () => {
      const { page, problems } = await watchedPage();
      const token = new URL(pageLink).pathname.split('/').pop()!;
      const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      const seen: { status?: number; text: string }[] = [];
      for (const probe of [`/me/${tampered}`, `/me/${'A'.repeat(43)}`, '/me/nonsense']) {
        const response = await page.goto(`${stack.url}${probe}`);
        seen.push({ status: response?.status(), text: (await page.locator('main').textContent()) ?? '' });
      }
      for (const answer of seen) {
        expect(answer.status).toBe(404);
        expect(answer.text).toBe(seen[0]!.text);
        expect(answer.text).not.toContain('Nomvula');
        expect(answer.text).not.toContain(number);
      }
      expect(await page.locator('h1').textContent()).toBe('This link does not open a page');
      // Its way out: the lost-link form, labelled.
      expect(await page.getByLabel('Your email address').isVisible()).toBe(true);
      // Chromium reports each 404 document itself on the console; anything else would be a problem.
      const others = problems.filter((problem) => !problem.includes('status of 404 (Not Found)'));
      expect(problems.length - others.length).toBe(3);
      await expectCleanPage(page, others);
      await page.close();
    });

    it('answers the lost-link form the same for a known and an unknown address, and mails the known one a fresh link', async () => {
      const { page, problems } = await watchedPage();
      const before = (await mailTo(EMAIL)).length;
      const answers: { status?: number; text: string }[] = [];
      for (const address of ['Nomvula@Example.org', 'nobody@example.org']) {
        await page.goto(`${stack.url}/help`);
        await page.getByLabel('Your email address').fill(address);
        const [response] = await Promise.all([
          page.waitForResponse(
            (candidate) =>
              candidate.url() === `${stack.url}/me/link-requests` && candidate.request().method() === 'POST',
          ),
          page.getByRole('button', { name: 'Email me my link' }).click(),
        ]);
        await page.waitForLoadState('load');
        answers.push({ status: response.status(), text: (await page.locator('main').textContent()) ?? '' });
      }
      expect(answers[0]!.status).toBe(202);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[0]!.text).toContain('If this address is known, a link to your page is on its way.');
      await expectCleanPage(page, problems);

      let fresh: StoredMail[] = [];
      for (let tries = 0; tries < 50 && fresh.length === 0; tries++) {
        fresh = (await mailTo(EMAIL)).slice(before);
        if (fresh.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(fresh).toHaveLength(1);
      const newLink = fresh[0]!.body.text!.match(PAGE_LINK)![0];
      expect(newLink).not.toBe(pageLink);
      expect(await mailTo('nobody@example.org')).toEqual([]);

      const response = await page.goto(newLink);
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe(`Hello, ${NAME}`);
      expect(await certificateCard(page).count()).toBe(1);
      await page.close();
    });
  },
);
