/**
 * Domain errors shared by use cases, adapters and handlers. Each sets `name` explicitly: bundlers
 * rename classes, and Step Functions' Retry/Catch match on the error name a Lambda reports.
 */

/** Something outside us is busy or briefly unavailable: the same call may succeed later. */
export class TransientError extends Error {
  override name = 'TransientError' as const;
}

export class NotFoundError extends Error {
  override name = 'NotFoundError' as const;
}

export interface ValidationIssue {
  field: string;
  message: string;
}

export class ValidationError extends Error {
  override name = 'ValidationError' as const;
  readonly issues: ValidationIssue[];

  constructor(message: string, issues: ValidationIssue[] = [], options?: ErrorOptions) {
    super(message, options);
    this.issues = issues;
  }
}

/** The request contradicts the current state (e.g. it was already done differently). */
export class ConflictError extends Error {
  override name = 'ConflictError' as const;
}

/** What was asked for existed but is withdrawn for good (a revoked certificate, an expired link): HTTP 410. */
export class GoneError extends Error {
  override name: string = 'GoneError';
}

/** The participant's data was erased at their request: nothing may recreate it (HTTP 410). */
export class ParticipantErasedError extends GoneError {
  override name = 'ParticipantErasedError';
}
