/**
 * The custom metrics the scheduled jobs publish, named once here so the handlers that publish them and
 * the CDK alarms that watch them (lib/constructs/operations.ts) cannot drift apart.
 */
export const METRIC_NAMESPACE = 'SayProCertificates';

export const SCHEDULED_JOB_METRICS = {
  operationsSweep: {
    service: 'operations-sweep',
    overdue: 'OverdueApprovals',
    needsAttention: 'ApprovalsNeedingAttention',
    restarted: 'ApprovalsRestarted',
    stuckClaims: 'StuckClaims',
  },
  expiryReminders: {
    service: 'expiry-reminders',
    sent: 'ExpiryRemindersSent',
    failed: 'ExpiryRemindersFailed',
    /** The survey reminders run in the same daily job (their failures count in `failed`). */
    surveySent: 'SurveyRemindersSent',
  },
  staffReports: {
    service: 'staff-reports',
    published: 'StaffReportsPublished',
    emailed: 'StaffReportsEmailed',
  },
  webhookDelivery: {
    service: 'webhook-delivery',
    delivered: 'WebhooksDelivered',
    gaveUp: 'WebhookDeliveriesGivenUp',
  },
} as const;
