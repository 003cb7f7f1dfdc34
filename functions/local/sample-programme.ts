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

/** Loads the sample programme and approves every participant, unless the data folder already has courses. */
export async function loadSampleProgramme(deps: Deps): Promise<{ loaded: boolean }> {
  if ((await deps.courses.listCourses()).length > 0) return { loaded: false };
  await deps.courses.putCourse(sampleCourse);
  for (const { participant, progress } of sampleParticipants) {
    await deps.participants.putParticipant(participant);
    for (const decision of Object.values(participant.consents ?? {}))
      await deps.personalDataLog.recordConsent({ participantId: participant.participantId, ...decision });
    // Enrolment first, as staff would: each participant gets the email saying what earns the certificate.
    await enrolParticipant(
      deps,
      { participantId: participant.participantId, courseId: sampleCourse.courseId },
      {},
    );
    await deps.progress.putProgress(progress);
  }
  for (const { participant } of sampleParticipants) {
    await recordApproval(deps, {
      participantId: participant.participantId,
      courseId: sampleCourse.courseId,
      approvedBy: 'sample.staff@saypro.online',
    });
  }
  return { loaded: true };
}
