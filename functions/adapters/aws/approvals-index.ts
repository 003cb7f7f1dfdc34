/**
 * The approvals table's index by participant (partition) and course (sort): recorded progress finds the
 * approvals it may now qualify. Named here so the CDK app and the local stack create the same index.
 */
export const APPROVALS_BY_PARTICIPANT_COURSE_INDEX = 'byParticipantCourse';

/**
 * The registry partitions of the approvals' status pointers (`APPROVALS#<status>`, and
 * `APPROVALS-AWAITING-EMAIL`), as IAM `dynamodb:LeadingKeys` patterns: a function that moves an approval's
 * status may write these and no other registry item.
 */
export const APPROVAL_POINTER_PARTITION_PATTERNS = ['APPROVALS#*', 'APPROVALS-AWAITING-EMAIL'] as const;
