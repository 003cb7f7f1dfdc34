import { consentStateOf } from '../core/consent.js';
import type { Course, Participant, Progress } from '../core/model.js';
import type { Deps } from '../core/ports.js';
import { enrolParticipant } from '../core/use-cases/programme-setup.js';
import { recordApproval } from '../core/use-cases/record-approval.js';

/**
 * A small programme for the first minute on an empty data folder: one course, three participants,
 * one of whom has not yet met the quiz's pass mark, so both outcomes can be seen.
 */
export const sampleCourse: Course = {
  courseId: 'digital-skills-101',
  title: 'Digital Skills for the Workplace',
  description:
    'Core digital literacy: productivity tools, safe online practice, collaboration and communication for the modern workplace.',
  criteria: {
    requiredModules: [
      { moduleId: 'm1-foundations', title: 'Foundations of Digital Work' },
      { moduleId: 'm2-online-safety', title: 'Online Safety and Privacy' },
      { moduleId: 'm3-collaboration', title: 'Collaboration Tools' },
    ],
    quizzes: [{ quizId: 'final-quiz', title: 'Final Assessment', passMark: 70 }],
    peerReviewRequired: true,
    issueDeadlineDays: 7,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

/**
 * Every sample participant agreed on the enrolment form to their name on the certificate and to
 * surveys and reminders; some also to their name being shown to verifiers.
 */
const givenOnEnrolmentForm = (nameToVerifiers: boolean) =>
  consentStateOf(
    { 'name-on-certificate': true, 'name-to-verifiers': nameToVerifiers, 'surveys-and-reminders': true },
    { at: '2026-11-01T09:00:00.000Z', channel: 'paper-form', recordedBy: 'sample.staff@saypro.online' },
  );

const allModules = sampleCourse.criteria.requiredModules.map((module) => module.moduleId);

export const sampleParticipants: { participant: Participant; progress: Progress }[] = [
  {
    participant: {
      participantId: 'thandiwe-nkosi',
      fullName: 'Thandiwe Nkosi',
      email: 'thandiwe.nkosi@example.org',
      consentToPublicName: true,
      consents: givenOnEnrolmentForm(true),
    },
    progress: {
      participantId: 'thandiwe-nkosi',
      courseId: sampleCourse.courseId,
      completedModuleIds: allModules,
      quizScores: { 'final-quiz': 88 },
      peerReviewPassed: true,
      completedAt: '2026-11-20T10:00:00.000Z',
    },
  },
  {
    participant: {
      participantId: 'pieter-van-der-merwe',
      fullName: 'Piëter van der Merwe',
      email: 'pieter.vdmerwe@example.org',
      consentToPublicName: false,
      consents: givenOnEnrolmentForm(false),
    },
    progress: {
      participantId: 'pieter-van-der-merwe',
      courseId: sampleCourse.courseId,
      completedModuleIds: allModules,
      quizScores: { 'final-quiz': 74 },
      peerReviewPassed: true,
      completedAt: '2026-11-22T14:30:00.000Z',
    },
  },
  {
    participant: {
      participantId: 'amina-yusuf',
      fullName: 'Amina Yusuf',
      email: 'amina.yusuf@example.org',
      consentToPublicName: true,
      consents: givenOnEnrolmentForm(true),
    },
    progress: {
      participantId: 'amina-yusuf',
      courseId: sampleCourse.courseId,
      completedModuleIds: ['m1-foundations', 'm2-online-safety'],
      quizScores: { 'final-quiz': 61 },
      peerReviewPassed: false,
    },
  },
];

/**
 * A second course, so that the staff report (`certs report`) has courses to compare: two participants
 * who earn it, one still short of the discussion posts it asks for.
 */
export const sampleSecondCourse: Course = {
  courseId: 'workplace-communication-201',
  title: 'Workplace Communication Essentials',
  description: 'Clear writing, effective meetings and constructive feedback in a team.',
  criteria: {
    requiredModules: [
      { moduleId: 'c1-writing', title: 'Clear Business Writing' },
      { moduleId: 'c2-meetings', title: 'Running Effective Meetings' },
    ],
    quizzes: [],
    peerReviewRequired: false,
    discussion: { minimumPosts: 3 },
    issueDeadlineDays: 5,
  },
  signatory: { name: 'Lindiwe Mokoena', title: 'Director of Training, SayPro' },
};

const secondCourseProgress = (participantId: string, posts: number, completedAt?: string): Progress => ({
  participantId,
  courseId: sampleSecondCourse.courseId,
  completedModuleIds: ['c1-writing', 'c2-meetings'],
  quizScores: {},
  peerReviewPassed: false,
  discussionPosts: posts,
  ...(completedAt ? { completedAt } : {}),
});

export const sampleSecondCourseParticipants: { participant: Participant; progress: Progress }[] = [
  {
    participant: {
      participantId: 'sipho-dlamini',
      fullName: 'Sipho Dlamini',
      email: 'sipho.dlamini@example.org',
      consentToPublicName: true,
      consents: givenOnEnrolmentForm(true),
    },
    progress: secondCourseProgress('sipho-dlamini', 5, '2026-11-25T09:00:00.000Z'),
  },
  {
    participant: {
      participantId: 'thandiwe-nkosi',
      fullName: 'Thandiwe Nkosi',
      email: 'thandiwe.nkosi@example.org',
      consentToPublicName: true,
      consents: givenOnEnrolmentForm(true),
    },
    progress: secondCourseProgress('thandiwe-nkosi', 4, '2026-11-26T09:00:00.000Z'),
  },
  {
    participant: {
      participantId: 'kagiso-molefe',
      fullName: 'Kagiso Molefe',
      email: 'kagiso.molefe@example.org',
      consentToPublicName: false,
      consents: givenOnEnrolmentForm(false),
    },
    progress: secondCourseProgress('kagiso-molefe', 1),
  },
];

/**
 * Loads the sample programme and approves every participant, unless the data folder already has courses:
 * two courses, four certificates to issue (three people) and two approvals that are not eligible (so a report on
 * `npm start` has something to show).
 */
export async function loadSampleProgramme(deps: Deps): Promise<{ loaded: boolean }> {
  if ((await deps.courses.listCourses()).length > 0) return { loaded: false };
  const programme = [
    { course: sampleCourse, enrolled: sampleParticipants },
    { course: sampleSecondCourse, enrolled: sampleSecondCourseParticipants },
  ];
  for (const { course, enrolled } of programme) {
    await deps.courses.putCourse(course);
    for (const { participant, progress } of enrolled) {
      await deps.participants.putParticipant(participant);
      // Enrolment first, as staff would: each participant gets the email saying what earns the certificate.
      await enrolParticipant(
        deps,
        { participantId: participant.participantId, courseId: course.courseId },
        {},
      );
      await deps.progress.putProgress(progress);
    }
  }
  for (const { course, enrolled } of programme) {
    for (const { participant } of enrolled) {
      await recordApproval(deps, {
        participantId: participant.participantId,
        courseId: course.courseId,
        approvedBy: 'sample.staff@saypro.online',
      });
    }
  }
  return { loaded: true };
}

/**
 * Two courses in other languages (docs/locales.md): a French one and an Arabic one, each with a participant
 * who reads their emails and page in that language, so `npm start` shows a French and an Arabic
 * (right-to-left) certificate, email and page next to the English ones.
 */
export const sampleLocaleCourses: { course: Course; participant: Participant; progress: Progress }[] = [
  {
    course: {
      courseId: 'gestion-projet-fr-110',
      title: 'Fondamentaux de la gestion de projet',
      description: 'Planifier, ordonnancer et livrer des projets dans les délais et le budget.',
      criteria: {
        requiredModules: [
          { moduleId: 'p1-planification', title: 'Planification' },
          { moduleId: 'p2-suivi', title: 'Suivi et reporting' },
        ],
        quizzes: [{ quizId: 'quiz-final', title: 'Évaluation finale', passMark: 60 }],
        peerReviewRequired: false,
        issueDeadlineDays: 7,
        validityDays: 730,
      },
      signatory: { name: 'Lindiwe Mokoena', title: 'Directrice de la formation, SayPro' },
      locale: 'fr',
    },
    participant: {
      participantId: 'aicha-ndiaye',
      fullName: 'Aïcha Ndiaye',
      email: 'aicha.ndiaye@example.org',
      consentToPublicName: true,
      consents: givenOnEnrolmentForm(true),
      locale: 'fr',
    },
    progress: {
      participantId: 'aicha-ndiaye',
      courseId: 'gestion-projet-fr-110',
      completedModuleIds: ['p1-planification', 'p2-suivi'],
      quizScores: { 'quiz-final': 81 },
      peerReviewPassed: false,
      completedAt: '2026-11-27T10:00:00.000Z',
    },
  },
  {
    course: {
      courseId: 'project-management-ar-110',
      title: 'أساسيات إدارة المشاريع',
      description: 'تخطيط المشاريع وجدولتها وتسليمها في الوقت المحدد وضمن الميزانية.',
      criteria: {
        requiredModules: [
          { moduleId: 'a1-planning', title: 'التخطيط' },
          { moduleId: 'a2-delivery', title: 'التنفيذ والمتابعة' },
        ],
        quizzes: [],
        peerReviewRequired: false,
        issueDeadlineDays: 7,
      },
      signatory: { name: 'Lindiwe Mokoena', title: 'مديرة التدريب، SayPro' },
      locale: 'ar',
    },
    participant: {
      participantId: 'mohammed-abdullah',
      fullName: 'محمد عبد الله',
      email: 'mohammed.abdullah@example.org',
      consentToPublicName: true,
      consents: givenOnEnrolmentForm(true),
      locale: 'ar',
    },
    progress: {
      participantId: 'mohammed-abdullah',
      courseId: 'project-management-ar-110',
      completedModuleIds: ['a1-planning', 'a2-delivery'],
      quizScores: {},
      peerReviewPassed: false,
      completedAt: '2026-11-28T10:00:00.000Z',
    },
  },
];

/** Loads the French and Arabic sample courses (after loadSampleProgramme, on an empty data folder). */
export async function loadLocaleSamples(deps: Deps): Promise<{ courses: number }> {
  for (const { course, participant, progress } of sampleLocaleCourses) {
    await deps.courses.putCourse(course);
    await deps.participants.putParticipant(participant);
    await enrolParticipant(deps, { participantId: participant.participantId, courseId: course.courseId }, {});
    await deps.progress.putProgress(progress);
  }
  for (const { course, participant } of sampleLocaleCourses) {
    await recordApproval(deps, {
      participantId: participant.participantId,
      courseId: course.courseId,
      approvedBy: 'sample.staff@saypro.online',
    });
  }
  return { courses: sampleLocaleCourses.length };
}
