import * as z from 'zod';
import { ValidationError } from './errors.js';
import { SUPPORTED_LOCALES } from './locales.js';
import { normalizeDisplayName } from './names.js';

/**
 * Input schemas for what staff and systems send in. They live in the core because the rules (what a
 * valid approval or course is) are domain rules; handlers and the CLI only call `parseInput`.
 */

/**
 * NUL and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are refused in any text
 * staff send: a NUL truncates text in C-based tools and PDF strings, and a bidi override makes a name or
 * title read differently from what is stored ("Trojan Source"). Refused rather than stripped, so the
 * sender learns which field to fix.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const noForbiddenCharacters = (text: string) => !text.includes('\u0000') && !BIDI_CONTROLS.test(text);
const FORBIDDEN_MESSAGE =
  'must not contain NUL or bidirectional override characters (U+202A-U+202E, U+2066-U+2069)';
const text = () => z.string().refine(noForbiddenCharacters, FORBIDDEN_MESSAGE).pipe(z.string().trim());

const identifier = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(128, 'is at most 128 characters')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
    'may contain only letters, digits, dot, underscore, colon and dash',
  );

/** An xAPI activity id: an absolute IRI (in practice an http(s) URL), as the learning platform names it. */
const activityIri = z
  .string()
  .trim()
  .max(500)
  .url('must be an absolute IRI such as https://lms.example/mod/quiz/7');

export const approvalRequestSchema = z.object({
  participantId: identifier,
  courseId: identifier,
  approvedBy: text().pipe(z.string().min(1, 'is required').max(200)),
  attempt: z.number().int().min(1).max(1000).default(1),
  contentRef: text().pipe(z.string().max(500)).optional(),
  approvedAt: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour like #163A5F');
// 200 KB of PNG is about 273,000 base64 characters; the PNG signature is iVBORw0KGgo in base64.
const pngBase64 = z
  .string()
  .max(273_000, 'must be at most 200 KB')
  .regex(/^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/, 'must be a PNG image, base64-encoded');

const localeCode = z.enum(SUPPORTED_LOCALES, { message: `must be one of ${SUPPORTED_LOCALES.join(', ')}` });

export const courseSchema = z.object({
  courseId: identifier,
  title: text().pipe(z.string().min(1).max(200)),
  description: text().pipe(z.string().max(600)).default(''),
  criteria: z.object({
    requiredModules: z
      .array(
        z.object({
          moduleId: identifier,
          title: z.string().trim().min(1).max(200),
          activityId: activityIri.optional(),
        }),
      )
      .default([]),
    quizzes: z
      .array(
        z.object({
          quizId: identifier,
          title: z.string().trim().min(1).max(200),
          passMark: z.number().min(0).max(100),
          activityId: activityIri.optional(),
        }),
      )
      .default([]),
    peerReviewRequired: z.boolean().default(false),
    discussion: z.object({ minimumPosts: z.number().int().min(1).max(1000) }).optional(),
    issueDeadlineDays: z.number().int().min(1).max(365).default(14),
    validityDays: z.number().int().min(1).max(36500).optional(),
  }),
  signatory: z.object({
    name: text().pipe(z.string().min(1).max(120)),
    title: text().pipe(z.string().min(1).max(120)),
  }),
  /** Where a holder renews an expiring certificate (the reminders link it); else the help page says how. */
  renewalUrl: z
    .string()
    .trim()
    .url('must be an https URL')
    .startsWith('https://', 'must be an https URL')
    .optional(),
  activityId: activityIri.optional(),
  templateId: z.string().trim().max(40).optional(),
  design: z
    .object({
      pageSize: z.enum(['A4', 'LETTER']).optional(),
      primaryColour: colour.optional(),
      accentColour: colour.optional(),
      logoPngBase64: pngBase64.optional(),
      signatureImagePngBase64: pngBase64.optional(),
    })
    .optional(),
  /** The course's own questions in the feedback survey, after the standard ones (at most 10). */
  surveyQuestions: z
    .array(
      z.object({
        questionId: identifier.pipe(z.string().max(40, 'is at most 40 characters')),
        text: text().pipe(z.string().min(1, 'is required').max(300)),
        type: z.enum(['text', 'scale'], { message: 'must be text or scale' }),
      }),
    )
    .max(10, 'at most 10 questions')
    .refine(
      (questions) => new Set(questions.map((question) => question.questionId)).size === questions.length,
      'each questionId must be different',
    )
    .optional(),
  /** The certificate's language: one of SUPPORTED_LOCALES. */
  locale: localeCode.optional(),
});

export const participantSchema = z.object({
  participantId: identifier,
  // The same rule the certificate applies, checked when staff enter the name rather than at issue.
  fullName: z.string().superRefine((name, context) => {
    if (!noForbiddenCharacters(name)) {
      context.addIssue({ code: 'custom', message: FORBIDDEN_MESSAGE });
      return;
    }
    try {
      normalizeDisplayName(name, 'fullName');
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  email: z.string().trim().email('must be an email address'),
  /** The older single flag: the same as `consent.nameToVerifiers`. Absent: unchanged. */
  consentToPublicName: z.boolean().optional(),
  /** Consent the participant gave on an enrolment form (paper or the learning platform's), entered by staff. */
  consent: z
    .object({
      nameOnCertificate: z.boolean().optional(),
      nameToVerifiers: z.boolean().optional(),
      surveysAndReminders: z.boolean().optional(),
      channel: z.enum(['registration', 'paper-form', 'email', 'phone']).default('registration'),
      recordedBy: text().pipe(z.string().min(1).max(200)).optional(),
    })
    .optional(),
  /** The language of the participant's emails and page: one of SUPPORTED_LOCALES. */
  locale: localeCode.optional(),
});

export const progressSchema = z.object({
  participantId: identifier,
  courseId: identifier,
  completedModuleIds: z.array(identifier).default([]),
  quizScores: z.record(z.string(), z.number().min(0).max(100)).default({}),
  peerReviewPassed: z.boolean().default(false),
  discussionPosts: z.number().int().min(0).max(100000).optional(),
  completedAt: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
});

export const enrolmentSchema = z.object({
  participantId: identifier,
  courseId: identifier,
  /** A group the participant starts with (for staff's tracking); free text. */
  cohort: text().pipe(z.string().max(100)).optional(),
});

/** Parses untrusted input, turning every problem into a `{ field, message }` issue. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  // One issue per field: an empty id breaks several rules, but "is required" is what the sender needs.
  const byField = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.') || '(body)';
    // A field left out is "required", in the same words as a field sent empty.
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    if (!byField.has(field)) byField.set(field, missing ? 'is required' : issue.message);
  }
  const issues = [...byField].map(([field, message]) => ({ field, message }));
  throw new ValidationError(
    `Invalid ${what}: ${issues.map((issue) => `${issue.field} ${issue.message}`).join('; ')}`,
    issues,
  );
}
