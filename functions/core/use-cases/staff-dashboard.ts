import { formatCertificateNumber } from '../certificate-number.js';
import type { Deps } from '../ports.js';
import { listApprovalsNeedingWork, listStuckWork } from './operator-queries.js';

/**
 * What the staff home page shows: the courses, every approval that needs someone (failed, overdue, or
 * flagged by attentionOf), with its certificate when it has one, and once-only work that is stuck.
 *
 * 1. Read the courses, the approvals that may need someone (listApprovalsNeedingWork: newest first,
 *    overdue and attention set; key queries, not every approval) and the stuck claims.
 * 2. Keep the approvals that failed, are overdue or carry an attention note.
 * 3. For those with a certificate, read its state, so the page offers only actions that can work.
 */
export async function staffOverview(
  deps: Pick<Deps, 'courses' | 'approvals' | 'certificates' | 'claims' | 'clock'>,
) {
  const [courses, approvals, stuckWork] = await Promise.all([
    deps.courses.listCourses(),
    listApprovalsNeedingWork(deps),
    listStuckWork(deps),
  ]);
  const needingAttention = approvals.filter(
    (approval) => approval.status === 'failed' || approval.overdue || approval.attention,
  );
  const withCertificates = await Promise.all(
    needingAttention.map(async (approval) => {
      const certificate = approval.certificateNumber
        ? await deps.certificates.getCertificate(approval.certificateNumber)
        : undefined;
      return {
        ...approval,
        ...(certificate
          ? {
              certificate: {
                number: formatCertificateNumber(certificate.number),
                status: certificate.status,
              },
            }
          : {}),
      };
    }),
  );
  return {
    courses: courses.map(({ courseId, title }) => ({ courseId, title })),
    approvals: withCertificates,
    stuckWork,
  };
}
