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

/**
 * The approvals table's index by course (partition) and approval time (sort, `approvedAt`): a course's
 * approvals, newest first, a page at a time. Keyed only on what never changes for an approval, and
 * KEYS_ONLY, so a status change writes nothing to it (DynamoDB Local answers concurrent conditional
 * updates of items whose index key changes with InternalFailure: see docs/scale.md). The approvals are
 * then read from the table itself, strongly consistent.
 */
export const APPROVALS_BY_COURSE_INDEX = 'byCourseApprovedAt';
