// zod/mini: the same validation in a fraction of the bundle, which every function loads at cold start.
import * as z from 'zod/mini';

/**
 * The one configuration schema, read from the environment once at cold start. Lambda gets these from
 * CDK (lib/); the local stack sets the same names plus the endpoint overrides.
 * A missing or malformed value fails the cold start with the variable's name, never later mid-request.
 */
const required = z.string().check(z.minLength(1));
const optionalUrl = z.optional(z.url());

export const configSchema = z.object({
  AWS_REGION: z._default(required, 'eu-west-1'),
  APPROVALS_TABLE: required,
  REGISTRY_TABLE: required,
  DOCUMENTS_BUCKET: required,
  SIGNING_KEY_ID: required,
  SENDER_ADDRESS: z.email(),
  /** Public site that QR codes point to, e.g. https://verify.saypro.online */
  VERIFICATION_BASE_URL: z.url(),
  /** Base URL of the API that serves downloads (often the same as the verification site). */
  API_BASE_URL: z.url(),
  /** Absent locally: the local stack starts workflows in-process. */
  STATE_MACHINE_ARN: z.optional(z.string()),
  /** The bulk issuance state machine (a Distributed Map over a CSV); absent locally: run in-process. */
  BULK_STATE_MACHINE_ARN: z.optional(z.string()),
  SES_CONFIGURATION_SET: z.optional(z.string()),
  /** LinkedIn's id of SayPro's company page, for the participant page's add-to-profile link. */
  LINKEDIN_ORGANIZATION_ID: z.optional(z.string()),
  DOWNLOAD_LINK_TTL_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(90)), 14),
  // Longer than any function runs (the issuing one: 60 s); the local crash test shortens it.
  CLAIM_LEASE_SECONDS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3600)), 120),
  // A participant's personal link (their page) outlives any one email; revocable by staff.
  PARTICIPANT_LINK_TTL_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1095)), 365),
  /** Who receives the monthly and quarterly staff reports; absent: the sender address. */
  STAFF_REPORT_ADDRESS: z.optional(z.email()),
  /** Seconds before each retry of a failed webhook delivery, comma-separated; unset: webhooks.ts's default. */
  WEBHOOK_RETRY_SCHEDULE_SECONDS: z.optional(z.string().check(z.regex(/^\d+(,\d+)*$/))),
  // Local stand-ins. In AWS these are unset and the SDK uses the real endpoints.
  DYNAMODB_ENDPOINT: optionalUrl,
  S3_ENDPOINT: optionalUrl,
  KMS_ENDPOINT: optionalUrl,
  SES_ENDPOINT: optionalUrl,
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    // zod/mini carries no message texts: say what is wrong from the issue itself.
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const given = env[name];
      if (given === undefined || given === '') return `${name} is not set`;
      const expected =
        'format' in issue ? issue.format : 'origin' in issue ? `${issue.origin} in range` : issue.code;
      return `${name} is not a valid ${String(expected)} (got "${given}")`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Public base URLs without a trailing slash, and where participants write about a wrong detail. */
export function linksFrom(config: Config) {
  return {
    verificationBaseUrl: config.VERIFICATION_BASE_URL.replace(/\/+$/, ''),
    apiBaseUrl: config.API_BASE_URL.replace(/\/+$/, ''),
    supportAddress: config.SENDER_ADDRESS,
  };
}

/** The wall clock, for every wiring; tests pass their own. */
export const systemClock = { now: () => new Date() };
