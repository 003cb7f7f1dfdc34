import { describe, expect, it } from 'vitest';
import { assessEligibility } from '../../functions/core/eligibility.js';
import type { Course, Progress } from '../../functions/core/model.js';

const course: Course = {
  courseId: 'c1',
  title: 'Project Management',
  description: 'Plan and deliver projects.',
  criteria: {
    requiredModules: [
      { moduleId: 'm1', title: 'Scope' },
      { moduleId: 'm2', title: 'Schedule' },
    ],
    quizzes: [
      { quizId: 'q1', title: 'Midterm', passMark: 60 },
      { quizId: 'q2', title: 'Final', passMark: 75 },
    ],
    peerReviewRequired: true,
    issueDeadlineDays: 7,
  },
  signatory: { name: 'A. Signer', title: 'Director' },
};

const complete: Progress = {
  participantId: 'p1',
  courseId: 'c1',
  completedModuleIds: ['m1', 'm2'],
  quizScores: { q1: 60, q2: 90 },
  peerReviewPassed: true,
};

describe('eligibility', () => {
  it('is granted when every module, quiz and the peer review are done (a pass mark is inclusive)', () => {
    expect(assessEligibility(course, complete)).toEqual({ eligible: true, unmet: [] });
  });

  it('lists every unmet requirement at once, with a reason a participant can act on', () => {
    const { eligible, unmet } = assessEligibility(course, {
      ...complete,
      completedModuleIds: ['m1'],
      quizScores: { q1: 59.5 },
      peerReviewPassed: false,
    });
    expect(eligible).toBe(false);
    expect(unmet).toEqual([
      { code: 'MODULE_NOT_COMPLETED', moduleId: 'm2', message: 'Complete the module "Schedule".' },
      {
        code: 'QUIZ_BELOW_PASS_MARK',
        quizId: 'q1',
        score: 59.5,
        passMark: 60,
        message: expect.stringContaining('60%'),
      },
      { code: 'QUIZ_NOT_TAKEN', quizId: 'q2', passMark: 75, message: expect.stringContaining('"Final"') },
      { code: 'PEER_REVIEW_MISSING', message: expect.any(String) },
    ]);
  });

  it('does not ask for a peer review when the course does not require one', () => {
    const noReview = { ...course, criteria: { ...course.criteria, peerReviewRequired: false } };
    expect(assessEligibility(noReview, { ...complete, peerReviewPassed: false }).eligible).toBe(true);
  });

  it('says so when nothing is recorded yet', () => {
    expect(assessEligibility(course, undefined)).toMatchObject({
      eligible: false,
      unmet: [{ code: 'NO_PROGRESS_RECORDED' }],
    });
  });

  it('ignores modules done beyond the requirements', () => {
    expect(
      assessEligibility(course, { ...complete, completedModuleIds: ['m1', 'm2', 'extra'] }).eligible,
    ).toBe(true);
  });
});
