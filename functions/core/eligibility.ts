import type { Course, Progress, UnmetRequirement } from './model.js';

export interface EligibilityAssessment {
  eligible: boolean;
  /** Every requirement still unmet, in the order the course lists them; empty when eligible. */
  unmet: UnmetRequirement[];
}

/**
 * Decides whether a participant's progress earns the course's certificate. Pure: the same course and
 * progress always give the same answer, and every unmet requirement is reported, so a participant
 * learns everything that is missing at once rather than one thing per attempt.
 */
export function assessEligibility(course: Course, progress: Progress | undefined): EligibilityAssessment {
  if (!progress) {
    return {
      eligible: false,
      unmet: [
        { code: 'NO_PROGRESS_RECORDED', message: `No progress is recorded for "${course.title}" yet.` },
      ],
    };
  }

  const unmet: UnmetRequirement[] = [];
  const completed = new Set(progress.completedModuleIds);
  for (const module of course.criteria.requiredModules) {
    if (!completed.has(module.moduleId)) {
      unmet.push({
        code: 'MODULE_NOT_COMPLETED',
        moduleId: module.moduleId,
        message: `Complete the module "${module.title}".`,
      });
    }
  }

  for (const quiz of course.criteria.quizzes) {
    const score = progress.quizScores[quiz.quizId];
    if (score === undefined) {
      unmet.push({
        code: 'QUIZ_NOT_TAKEN',
        quizId: quiz.quizId,
        passMark: quiz.passMark,
        message: `Take the quiz "${quiz.title}" (pass mark ${quiz.passMark}%).`,
      });
    } else if (score < quiz.passMark) {
      unmet.push({
        code: 'QUIZ_BELOW_PASS_MARK',
        quizId: quiz.quizId,
        score,
        passMark: quiz.passMark,
        message: `Score at least ${quiz.passMark}% in "${quiz.title}" (best so far: ${score}%).`,
      });
    }
  }

  if (course.criteria.peerReviewRequired && !progress.peerReviewPassed) {
    unmet.push({ code: 'PEER_REVIEW_MISSING', message: 'Have your work peer reviewed.' });
  }

  const discussion = course.criteria.discussion;
  const posts = progress.discussionPosts ?? 0;
  if (discussion && posts < discussion.minimumPosts) {
    unmet.push({
      code: 'DISCUSSION_MISSING',
      minimumPosts: discussion.minimumPosts,
      posts,
      message: `Take part in the course discussions (at least ${discussion.minimumPosts} posts; so far: ${posts}).`,
    });
  }

  return { eligible: unmet.length === 0, unmet };
}
