import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { sampleCourse, sampleParticipants } from '../../functions/local/sample-programme.js';
import { launchChromium } from '../support/chromium.js';
import { apiClient } from '../support/local-api.js';

/**
 * The verification page in a real browser (Debian's Chromium, driven by playwright-core): what a person
 * who scans the QR code sees, that the strict CSP lets the page's own style through and nothing else,
 * and that the upload form works without any script.
 */

const SCREENSHOT = fileURLToPath(new URL('../../docs/images/verification-page.png', import.meta.url));

const { browser, launchProblem } = await launchChromium('the verification page');

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!browser)(
  `the verification page in Chromium${launchProblem ? ` (skipped: ${launchProblem})` : ''}`,
  () => {
    let stack: LocalStack;
    let context: BrowserContext;
    let workDir: string;
    let validNumber: string;
    let revokedNumber: string;
    let validPdf: string;

    beforeAll(async () => {
      stack = await startLocalStack();
      const api = apiClient(stack);
      workDir = mkdtempSync(join(tmpdir(), 'saypro-page-'));
      expect(
        (await api.request('PUT', `/operator/courses/${sampleCourse.courseId}`, sampleCourse)).status,
      ).toBe(200);
      const [consenting, private_] = sampleParticipants;
      const approvals: string[] = [];
      for (const { participant, progress } of [consenting!, private_!]) {
        await api.putParticipant(participant, progress);
        const approval = await api.request('POST', '/approvals', {
          participantId: participant.participantId,
          courseId: sampleCourse.courseId,
          approvedBy: 'staff@saypro.online',
        });
        expect(approval.status).toBe(202);
        approvals.push(approval.json.approvalId);
      }
      const [valid, revoked] = await Promise.all(approvals.map((id) => api.settledApproval(id, 60_000)));
      validNumber = valid.certificate.number;
      revokedNumber = revoked.certificate.number;
      const revocation = await api.request('POST', `/operator/certificates/${revokedNumber}/revocation`, {
        reason: 'Issued before the final assessment was moderated',
        revokedBy: 'registrar@saypro.online',
      });
      expect(revocation.status).toBe(200);

      const record = (await stack.deps.certificates.getCertificate(validNumber.replace(/-/g, '')))!;
      validPdf = join(workDir, `SayPro-Certificate-${validNumber}.pdf`);
      writeFileSync(validPdf, (await stack.deps.documents.get(record.document.key))!);

      context = await browser!.newContext({
        viewport: { width: 800, height: 900 },
        deviceScaleFactor: 1,
        locale: 'en-GB',
      });
    });

    afterAll(async () => {
      await context?.close();
      await stack?.stop();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    /**
     * A page that records what would go wrong: console errors, uncaught errors and CSP violations. The
     * listener is injected by the browser's devtools protocol, which the page's CSP does not govern.
     */
    async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        // The missing favicon has its own test above; here it would hide what else might be wrong.
        if (message.location().url.endsWith('/favicon.ico')) return;
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const record = window as unknown as { cspViolations?: string[] };
          record.cspViolations = [
            ...(record.cspViolations ?? []),
            `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
          ];
        });
      });
      return { page, problems };
    }

    async function expectCleanPage(page: Page, problems: string[]) {
      const violations = await page.evaluate(
        () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
      );
      expect(violations, 'CSP violations').toEqual([]);
      expect(problems, 'console errors').toEqual([]);
      // The page's one stylesheet is allowed by its hash: if the hash were wrong, nothing would be styled.
      const headerColour = await page
        .locator('header')
        .evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(headerColour).toBe('rgb(11, 79, 138)');
    }

    // First of all: Chromium asks for an origin's favicon once per browser and then remembers the answer. It
    // fetches it after the load event and reports a failure only on the console (playwright shows no request).
    it('makes the browser ask for nothing that is missing, such as /favicon.ico', async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
      });
      await page.goto(`${stack.url}/verify/${validNumber}`);
      await page.waitForLoadState('networkidle');
      await page.waitForEvent('console', { timeout: 2_000 }).catch(() => undefined);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('shows a valid certificate as genuine and valid, with the holder and course', async () => {
      const { page, problems } = await watchedPage();
      const response = await page.goto(`${stack.url}/verify/${validNumber.toLowerCase()}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
      const verdict = page.locator('.verdict');
      await expect.poll(() => verdict.textContent()).toBe('Genuine and valid');
      expect(await verdict.getAttribute('data-status')).toBe('valid');
      const details = await page.locator('dl').textContent();
      expect(details).toContain(validNumber);
      expect(details).toContain('Thandiwe Nkosi');
      expect(details).toContain(sampleCourse.title);
      expect(details).toContain('Verified with SayPro’s signing key');
      expect(await page.locator('#number').inputValue()).toBe(validNumber);
      mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
      // The picture in docs/ changes with every run (numbers, dates): refresh it only when asked.
      if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: SCREENSHOT, fullPage: true });
      await expectCleanPage(page, problems);
      await page.close();
    });

    it('shows a revoked certificate as revoked, with the date and the reason', async () => {
      const { page, problems } = await watchedPage();
      const response = await page.goto(`${stack.url}/verify/${revokedNumber}`);
      expect(response?.status()).toBe(200);
      const verdict = page.locator('.verdict');
      expect(await verdict.textContent()).toBe('Revoked');
      expect(await verdict.getAttribute('data-status')).toBe('revoked');
      const details = await page.locator('dl').textContent();
      expect(details).toContain('Revoked on');
      const today = new Date().toLocaleDateString('en-GB', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      });
      expect(details).toContain(today);
      expect(details).toContain('Issued before the final assessment was moderated');
      // This holder did not agree to show their name.
      expect(details).toContain('Not shown');
      expect(details).not.toContain('Piëter');
      await expectCleanPage(page, problems);
      await page.close();
    });

    it('checks an uploaded PDF through the page’s form, without any script', async () => {
      const { page, problems } = await watchedPage();
      await page.goto(`${stack.url}/verify`);
      await page.locator('#document').setInputFiles(validPdf);
      await Promise.all([
        page.waitForURL(`${stack.url}/verify`),
        page.getByRole('button', { name: 'Check file' }).click(),
      ]);
      await page.waitForLoadState('load');
      const verdict = page.locator('.verdict');
      expect(await verdict.textContent()).toBe('Genuine and valid');
      const reasons = await page.locator('ul.reasons').textContent();
      expect(reasons).toContain('the PDF is byte for byte the one SayPro issued');
      expect(await page.locator('dl').textContent()).toContain(validNumber);
      await expectCleanPage(page, problems);
      await page.close();
    });

    it('takes a typed number through the search form to the certificate’s page', async () => {
      const { page, problems } = await watchedPage();
      await page.goto(`${stack.url}/verify`);
      await page.locator('#number').fill(revokedNumber.replace(/-/g, ' ').toLowerCase());
      await Promise.all([
        page.waitForURL(/\/verify\/[^/?]+$/),
        page.getByRole('button', { name: 'Check', exact: true }).click(),
      ]);
      expect(await page.locator('.verdict').textContent()).toBe('Revoked');
      await expectCleanPage(page, problems);
      await page.close();
    });
  },
);
