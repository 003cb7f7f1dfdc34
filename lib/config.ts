import type { Node } from 'constructs';
import * as z from 'zod';

/**
 * Deployment settings, read from cdk.json context (or `-c key=value` on the CLI, which always arrives as a
 * string: hence the coercions). Checked before any construct is built, so a typo fails the synth with the
 * key's name instead of producing a stack that points at the wrong place.
 */
const booleanFromContext = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((value) => value === 'true'),
]);

export const appConfigSchema = z.object({
  /** Short environment name; part of every physical name (aliases, stacks). */
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,19}$/, 'must be lower-case letters, digits or dashes, starting with a letter'),
  /** From-address of certificate emails; its domain becomes the SES identity. */
  senderAddress: z.string().email('must be an email address'),
  /** Public site that QR codes and emails point to. */
  verificationBaseUrl: z.string().url('must be an absolute URL').startsWith('https://', 'must use https'),
  /** How long certificate PDFs are kept (and how long old versions of them survive). */
  documentRetentionDays: z.coerce.number().int().min(30).max(36_500),
  /** Puts a WAF web ACL with a per-IP rate-based rule in front of the API. */
  enableWaf: booleanFromContext,
  /**
   * Base URL that download links use, for example a custom domain in front of the API.
   * Absent: the API's own execute-api URL.
   */
  apiBaseUrl: z.string().url('must be an absolute URL').optional(),
  /** Requests per five minutes per client IP before the WAF rule blocks. */
  wafRateLimit: z.coerce.number().int().min(100).max(2_000_000_000).default(1000),
  /** Who receives the monthly and quarterly staff reports; absent: the sender address. */
  staffReportAddress: z.string().email('must be an email address').optional(),
  /** Who receives alarm notifications; absent: subscribe later (see docs/deploy.md). */
  alarmEmail: z.string().email('must be an email address').optional(),
  /** Puts a CloudFront distribution in front of the API that caches the public answers briefly (docs/deploy.md). */
  enableEdge: booleanFromContext.default(false),
  /** The site's host name on the edge (e.g. verify.saypro.online); needs edgeCertificateArn. */
  edgeDomainName: z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a host name')
    .optional(),
  /** ACM certificate for edgeDomainName, in us-east-1 (CloudFront reads certificates only there). */
  edgeCertificateArn: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/,
      'must be an ACM certificate ARN in us-east-1',
    )
    .optional(),
  /** A CLOUDFRONT-scope WAF web ACL (created in us-east-1) for the edge; absent: none. */
  edgeWebAclArn: z.string().startsWith('arn:', 'must be an ARN').optional(),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

export const appConfigKeys = Object.keys(appConfigSchema.shape) as (keyof AppConfig)[];

/** Settings that only make sense together, checked after each key on its own. */
function edgeProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  if (Boolean(config.edgeDomainName) !== Boolean(config.edgeCertificateArn))
    problems.push('"edgeDomainName" and "edgeCertificateArn" are set together or not at all');
  if (!config.enableEdge && (config.edgeDomainName || config.edgeWebAclArn))
    problems.push('"edgeDomainName" and "edgeWebAclArn" need "enableEdge": true');
  return problems;
}

export class AppConfigError extends Error {
  override name = 'AppConfigError';
}

/** Validates a plain object of context values; throws naming each bad key. */
export function parseAppConfig(context: Record<string, unknown>): AppConfig {
  const parsed = appConfigSchema.safeParse(context);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(root)';
      const got = issue.path.length > 0 ? context[String(issue.path[0])] : undefined;
      return `"${key}" ${issue.message} (got ${got === undefined ? 'nothing' : JSON.stringify(got)})`;
    });
    throw new AppConfigError(
      `Invalid CDK context (cdk.json "context" or -c key=value): ${problems.join('; ')}`,
    );
  }
  const problems = edgeProblems(parsed.data);
  if (problems.length > 0)
    throw new AppConfigError(
      `Invalid CDK context (cdk.json "context" or -c key=value): ${problems.join('; ')}`,
    );
  return parsed.data;
}

/** Reads the known keys from the construct tree's context (cdk.json and -c) and validates them. */
export function readAppConfig(node: Node): AppConfig {
  const context: Record<string, unknown> = {};
  for (const key of appConfigKeys) {
    const value = node.tryGetContext(key);
    if (value !== undefined) context[key] = value;
  }
  return parseAppConfig(context);
}
