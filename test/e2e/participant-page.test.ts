import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/local-stack.js';
import { PAGE_CSP } from '../../templates/web/page-layout.js';
import { apiClient } from '../support/local-api.js';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

const COURSE = {
  courseId: 'journey-basics',
  title: 'Journey Basics',
  description: 'A course with every kind of requirement.',
  criteria: {
    requiredModules: [{ moduleId: 'm1', title: 'Finding Your Way' }],
    quizzes: [{ quizId: 'q1', title: 'Final Check', passMark: 70 }],
    peerReviewRequired: true,
    issueDeadlineDays: 10,
    validityDays: 365,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

beforeAll(async () => {
  stack = await startLocalStack();
  api = apiClient(stack);
  expect((await api.request('PUT', `/operator/courses/${COURSE.courseId}`, COURSE)).status).toBe(200);
});

afterAll(async () => {
  await stack?.stop();
});

describe('help pages', () => {
  it('explain each course’s own criteria, under the page CSP', async () => {
    const response = await fetch(`${stack.url}/help`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CSP);
    const body = await response.text();
    expect(body).toContain('Journey Basics');
    expect(body).toContain('Complete the module “Finding Your Way”.');
    expect(body).toContain('Score at least 70% in the quiz “Final Check”.');
    expect(body).toContain('valid for 365 days');
    expect(body).toContain('action="/me/link-requests"');
    expect(body).not.toContain('<script');
  });

  it('answer at least ten questions and link back from the verification page', async () => {
    const faq = await (await fetch(`${stack.url}/help/faq`)).text();
    expect(faq.match(/<h2>/g)?.length).toBeGreaterThanOrEqual(10);
    expect(faq).toContain('What does the QR code do?');
    const verify = await (await fetch(`${stack.url}/verify`)).text();
    expect(verify).toContain('href="/help/faq"');
  });
});
