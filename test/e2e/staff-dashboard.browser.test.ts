import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFailure } from '../../functions/core/use-cases/record-failure.js';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { launchChromium } from '../support/chromium.js';
import { apiClient, mailbox } from '../support/local-api.js';

/**
 * The staff dashboard in a real browser (Debian's Chromium via playwright-core) on the local stack: sign
 * in with the local operator key, find a failed and overdue approval, press Retry and see it issue, press
 * Resend on the course page and see the email go out. Without the cookie, the pages send you to sign-in;
 * a POST without the session's form token is refused.
 */

const { browser, launchProblem } = await launchChromium('the staff dashboard');

afterAll(async () => {
  await browser?.close();
});

const COURSE = {
  courseId: 'dash-course',
  title: 'Facilitation Skills for Community Workshops',
  description: 'A course staff follow on the dashboard.',
  criteria: {
    requiredModules: [{ moduleId: 'f1', title: 'Opening a Workshop' }],
    quizzes: [{ quizId: 'fq', title: 'Facilitation Check', passMark: 60 }],
    peerReviewRequired: false,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

const done = (participantId: string) => ({
  participantId,
  courseId: COURSE.courseId,
  completedModuleIds: ['f1'],
  quizScores: { fq: 80 },
  completedAt: '2026-10-01T10:00:00.000Z',
});

describe.skipIf(!browser)(
  `the staff dashboard in Chromium${launchProblem ? ` (skipped: ${launchProblem})` : ''}`,
  () => {
    let stack: LocalStack;
    let context: BrowserContext;
    let failedApprovalId: string;

    beforeAll(async () => {
      stack = await startLocalStack();
      const api = apiClient(stack);
      await api.putCourse(COURSE);
      for (const [participantId, fullName] of [
        ['thandi', 'Thandi Nkosi'],
        ['sipho', 'Sipho Mahlangu'],
      ] as const) {
        await api.putParticipant(
          { participantId, fullName, email: `${participantId}@example.org` } as never,
          done(participantId),
        );
        await api.request('PUT', `/operator/courses/${COURSE.courseId}/enrolments/${participantId}`, {});
      }
      const issued = await api.request('POST', '/approvals', {
        participantId: 'thandi',
        courseId: COURSE.courseId,
        approvedBy: 'staff@saypro.online',
      });
      expect((await api.settledApproval(issued.json.approvalId, 60_000)).status).toBe('issued');
      // Approved two months ago and issued since: the workflow's catch then records a failure on it, as
      // it does when a run fails (the approval is failed and, past its issue-by date, overdue).
      const late = await api.request('POST', '/approvals', {
        participantId: 'sipho',
        courseId: COURSE.courseId,
        approvedBy: 'staff@saypro.online',
        approvedAt: new Date(Date.now() - 60 * 86_400_000).toISOString(),
      });
      failedApprovalId = late.json.approvalId;
      await api.settledApproval(failedApprovalId, 60_000);
      await recordFailure(stack.deps, {
        approvalId: failedApprovalId,
        error: { Error: 'TransientError', Cause: 'the document store did not answer' },
      });
      context = await browser!.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      await stack?.stop();
    });

    it('sends a visitor without a session to sign-in, and refuses a wrong key', async () => {
      const answer = await fetch(`${stack.url}/staff`, { redirect: 'manual' });
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe('/staff/sign-in');
      const page = await context.newPage();
      await page.goto(`${stack.url}/staff`);
      expect(new URL(page.url()).pathname).toBe('/staff/sign-in');
      await page.fill('#operatorKey', 'not-the-key');
      await page.click('button[type=submit]');
      expect(await page.textContent('[role=alert]')).toContain('not the operator key');
      await page.close();
    });

    it('signs in with the local key, retries the failed overdue approval and resends a certificate', async () => {
      const page = await context.newPage();
      const violations: string[] = [];
      // CSP violations and script errors; failed loads are checked by their URL below.
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          violations.push(message.text());
      });
      const failedLoads: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400)
          failedLoads.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
      await page.goto(`${stack.url}/staff/sign-in`);
      await page.fill('#operatorKey', stack.apiKey);
      await page.click('button[type=submit]');
      expect(new URL(page.url()).pathname).toBe('/staff');
      const cookie = (await context.cookies()).find((entry) => entry.name === 'staff_session');
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });

      const row = page.locator(`#approval-${failedApprovalId}`);
      expect(await row.textContent()).toContain('failed');
      expect(await row.textContent()).toContain('overdue');
      expect(await row.textContent()).toContain('the document store did not answer');
      await row.locator('button', { hasText: 'Retry' }).click();
      expect(new URL(page.url()).pathname).toBe('/staff');
      expect(await page.textContent('.flash')).toContain(
        `Approval ${failedApprovalId}: issuance started again`,
      );
      expect((await apiClient(stack).settledApproval(failedApprovalId, 60_000)).status).toBe('issued');
      await page.reload();
      expect(await page.locator(`#approval-${failedApprovalId}`).count()).toBe(0);
      // The message was for one page only.
      expect(await page.locator('.flash').count()).toBe(0);

      await page.click(`a[href="/staff/courses/${COURSE.courseId}"]`);
      expect(await page.textContent('h1')).toBe(COURSE.title);
      expect(await page.locator('tbody tr').count()).toBe(2);
      await page.click('a:text("not approved yet")');
      expect(await page.textContent('main')).toContain('No participant matches.');
      await page.click('a:text("issued")');
      const before = (await mailbox(stack)).filter((mail) =>
        mail.destination.to.includes('thandi@example.org'),
      );
      await page.locator('tr', { hasText: 'thandi' }).locator('button', { hasText: 'Resend email' }).click();
      expect(new URL(page.url()).search).toBe('?status=issued');
      expect(await page.textContent('.flash')).toContain('a fresh download email is on its way');
      const after = (await mailbox(stack)).filter((mail) =>
        mail.destination.to.includes('thandi@example.org'),
      );
      expect(after.length).toBe(before.length + 1);

      await page.locator('tr', { hasText: 'sipho' }).locator('button', { hasText: 'Revoke' }).click();
      // The browser itself refuses an empty reason (required); the server's check is in the unit tests.
      expect(await page.locator('.flash').textContent()).not.toContain('revoked');
      await page.click('nav a:text("Reports")');
      await page.click('li:has-text("This month") a:text("report")');
      expect(new URL(page.url()).pathname).toMatch(/^\/staff\/reports\/\d{4}-\d{2}$/);
      expect(await page.textContent('body')).toContain(COURSE.title);
      const badPeriod = await page.goto(`${stack.url}/staff/reports/last-week`);
      expect(badPeriod?.status()).toBe(400);
      expect(await page.textContent('h1')).toBe('Cannot show this');
      expect(violations).toEqual([]);
      // The report page names no icon, so Chromium asks for /favicon.ico; the 400 is the bad period above.
      expect(failedLoads.filter((load) => !load.endsWith('/favicon.ico'))).toEqual([
        '400 /staff/reports/last-week',
      ]);
      await page.close();
    }, 90_000);

    it('refuses a POST without the form token (403) even with the session cookie', async () => {
      const cookie = (await context.cookies()).find((entry) => entry.name === 'staff_session')!;
      const answer = await fetch(`${stack.url}/staff/approvals/${failedApprovalId}/retry`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: `staff_session=${cookie.value}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'back=%2Fstaff',
      });
      expect(answer.status).toBe(403);
      expect(await answer.text()).toContain('did not come from the staff pages');
      const wrong = await fetch(`${stack.url}/staff/approvals/${failedApprovalId}/retry`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: `staff_session=${cookie.value}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'formToken=guessed&back=%2Fstaff',
      });
      expect(wrong.status).toBe(403);
    });
  },
);
