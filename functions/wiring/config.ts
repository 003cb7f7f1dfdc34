import * as z from 'zod';

/**
 * The one configuration schema, read from the environment once at cold start. Lambda gets these from
 * CDK (lib/); the local stack sets the same names plus the endpoint overrides.
 * A missing or malformed value fails the cold start with the variable's name, never later mid-request.
 */
const optionalUrl = z.string().url().optional();

export const configSchema = z.object({
  AWS_REGION: z.string().min(1).default('eu-west-1'),
  APPROVALS_TABLE: z.string().min(1),
  REGISTRY_TABLE: z.string().min(1),
  DOCUMENTS_BUCKET: z.string().min(1),
  SIGNING_KEY_ID: z.string().min(1),
  SENDER_ADDRESS: z.string().email(),
  /** Public site that QR codes point to, e.g. https://verify.saypro.online */
  VERIFICATION_BASE_URL: z.string().url(),
  /** Base URL of the API that serves downloads (often the same as the verification site). */
  API_BASE_URL: z.string().url(),
  /** Absent locally: the local stack starts workflows in-process. */
  STATE_MACHINE_ARN: z.string().optional(),
  SES_CONFIGURATION_SET: z.string().optional(),
  DOWNLOAD_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
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
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
