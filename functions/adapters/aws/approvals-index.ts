/**
 * The approvals table's index by participant (partition) and course (sort): recorded progress finds the
 * approvals it may now qualify. Named here so the CDK app and the local stack create the same index.
 */
export const APPROVALS_BY_PARTICIPANT_COURSE_INDEX = 'byParticipantCourse';
