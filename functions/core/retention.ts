/**
 * The retention schedule: what is kept, for how long, and why. One source of truth for the durations:
 * the DynamoDB adapters set the registry's TTL attribute from it, the CDK app builds the documents
 * bucket's lifecycle rules from it, the local retention sweep enforces the same TTLs on DynamoDB Local,
 * and docs/privacy.md ("Retention") states it.
 */

export interface RetentionRule {
  /** Days after the item's own date (named in `from`) until it is deleted; undefined: kept. */
  days?: number;
  from: string;
  enforcedBy: string;
  why: string;
}

export const RETENTION = {
  claims: {
    days: 400,
    from: 'the claim was first taken',
    enforcedBy: 'DynamoDB TTL (ttlEpochSeconds)',
    why: 'Stops an email or reminder being sent twice while any retry or replay could still come (stream records live 24 hours, retries and reminders months); a little over a year covers a yearly re-run.',
  },
  participantLinkTokens: {
    days: 30,
    from: "the link's expiry",
    enforcedBy: 'DynamoDB TTL (ttlEpochSeconds)',
    why: 'A late click on an expired link still answers "expired" for a month, then the hash is of no use.',
  },
  sentNotices: {
    days: 730,
    from: 'the email was sent',
    enforcedBy: 'DynamoDB TTL (ttlEpochSeconds)',
    why: 'Answers "what did you send me?" (access requests, complaints) for two years.',
  },
  accessTrail: {
    days: 2190,
    from: 'the export, erasure or correction',
    enforcedBy: 'DynamoDB TTL (ttlEpochSeconds)',
    why: 'Accountability (GDPR Art. 5(2)): who read, erased or corrected whose data, for six years.',
  },
  erasureTombstones: {
    from: 'the erasure',
    enforcedBy: 'never deleted',
    why: 'Holds no name or email; without it a replayed approval would bring the person back.',
  },
  noncurrentDocumentVersions: {
    days: 30,
    from: 'the version was replaced or deleted',
    enforcedBy: 'S3 lifecycle rule expire-noncurrent-versions',
    why: 'Undoes an accidental overwrite for a month; also the longest a deleted PDF survives in S3.',
  },
  orphanedDeleteMarkers: {
    days: 0,
    from: 'the last version expired',
    enforcedBy: 'S3 lifecycle rule remove-expired-delete-markers',
    why: 'A delete marker with nothing behind it only costs listing time.',
  },
  backups: {
    days: 35,
    from: 'the change',
    enforcedBy: 'DynamoDB point-in-time recovery (the AWS maximum and default window)',
    why: 'Recovery from a bad write; an erased record is gone from the backups 35 days after the erasure.',
  },
} as const satisfies Record<string, RetentionRule>;

/**
 * After an erasure, how long copies may survive: deleted PDF versions are already gone (every version is
 * deleted), but the tables' point-in-time recovery keeps the old items this many days.
 */
export const ERASURE_RESIDUAL_DAYS = Math.max(
  RETENTION.backups.days,
  RETENTION.noncurrentDocumentVersions.days,
);

/** When an item may be deleted: `days` after an ISO instant, in epoch seconds (DynamoDB TTL's unit). */
export const expiryEpochSeconds = (iso: string, days: number) =>
  Math.floor(new Date(iso).getTime() / 1000) + days * 86_400;
