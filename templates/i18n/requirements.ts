import type { MissingFact, RequirementFact } from '../../functions/core/notices.js';
import type { Translator } from './index.js';

/**
 * Numbers go in as written (a score of 55.5 stays 55.5 in every language, as the record has it).
 *
 * A course's requirements and what is missing, worded from the data the core sends with them (the
 * participant page, the enrolment and not-eligible emails), so the titles staff gave stay as they are
 * and the sentence around them is in the reader's language.
 */

export function requirementLabel(tr: Translator, fact: RequirementFact): string {
  switch (fact.kind) {
    case 'module':
      return tr.t('requirement.module', { title: fact.title });
    case 'quiz':
      return tr.t('requirement.quiz', { title: fact.title, passMark: String(fact.passMark) });
    case 'peer-review':
      return tr.t('requirement.peerReview');
    case 'discussion':
      return tr.t('requirement.discussion', { minimumPosts: String(fact.minimumPosts) });
  }
}

export function missingLine(tr: Translator, fact: MissingFact): string {
  switch (fact.kind) {
    case 'module':
      return tr.t('missing.module', { title: fact.title });
    case 'quiz-not-taken':
      return tr.t('missing.quizNotTaken', { title: fact.title, passMark: String(fact.passMark) });
    case 'quiz-below-pass-mark':
      return tr.t('missing.quizBelowPassMark', {
        title: fact.title,
        passMark: String(fact.passMark),
        score: String(fact.score),
      });
    case 'peer-review':
      return tr.t('missing.peerReview');
    case 'discussion':
      return tr.t('missing.discussion', {
        minimumPosts: String(fact.minimumPosts),
        posts: String(fact.posts),
      });
    case 'no-progress':
      return tr.t('missing.noProgress', { course: fact.courseTitle });
  }
}
