/**
 * What a participant can agree to, in the words they are shown, and how a choice is recorded.
 * Each purpose is asked and recorded separately (GDPR Art. 7, POPIA s.11: specific, informed, as easy
 * to withdraw as to give); a record keeps the policy version and the exact text, so staff can show
 * later what was agreed to, not just that something was.
 */

/** Bump when the wording or the policy behind it changes; existing records keep the version they were given under. */
export const CONSENT_POLICY_VERSION = '2026-12-03';

export const CONSENT_PURPOSES = [
  'name-on-certificate',
  'name-to-verifiers',
  'surveys-and-reminders',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** How a choice reached us: on the participant's page, or on paper/by email/by phone, entered by staff. */
export const CONSENT_CHANNELS = ['participant-page', 'paper-form', 'email', 'phone', 'registration'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export interface ConsentPurposeWording {
  /** The field name in forms and JSON bodies. */
  field: 'nameOnCertificate' | 'nameToVerifiers' | 'surveysAndReminders';
  title: string;
  /** The text shown next to the choice and stored with every decision. */
  text: string;
}

export const CONSENT_WORDING: Record<ConsentPurpose, ConsentPurposeWording> = {
  'name-on-certificate': {
    field: 'nameOnCertificate',
    title: 'My name on my certificate',
    text:
      'SayPro may print my full name on my certificate and in its signed digital credential. ' +
      'Without this, no certificate can be issued to me; my work stays recorded and I can agree later.',
  },
  'name-to-verifiers': {
    field: 'nameToVerifiers',
    title: 'My name shown to verifiers',
    text:
      'Anyone who checks my certificate by its number or QR code may see my name. ' +
      'Without this, they see only that the certificate is genuine, its course and dates.',
  },
  'surveys-and-reminders': {
    field: 'surveysAndReminders',
    title: 'Feedback surveys and reminders',
    text:
      'SayPro may email me a short feedback survey after my certificate is issued and remind me before it expires. ' +
      'Emails about my certificate itself are sent either way.',
  },
};

export const consentPurposeOfField = (field: string): ConsentPurpose | undefined =>
  CONSENT_PURPOSES.find((purpose) => CONSENT_WORDING[purpose].field === field);

/** One decision, as recorded: given or withdrawn, under which text, when, how and by whom. */
export interface ConsentDecision {
  purpose: ConsentPurpose;
  granted: boolean;
  policyVersion: string;
  text: string;
  at: string;
  channel: ConsentChannel;
  /** The staff member who entered a choice given on paper, by email or by phone; absent on the participant's page. */
  recordedBy?: string;
}

/** A participant's current choice per purpose: the latest decision of each. Absent: never asked. */
export type ConsentState = Partial<Record<ConsentPurpose, ConsentDecision>>;

/** One decision in a participant's consent history (the history is append-only). */
export interface ConsentRecord extends ConsentDecision {
  participantId: string;
}

export const hasConsented = (state: ConsentState | undefined, purpose: ConsentPurpose) =>
  state?.[purpose]?.granted === true;

/**
 * The decisions that change something: a purpose asked for the first time, a changed choice, or the same
 * choice under a newer policy. Sending the same form twice records nothing the second time.
 */
export function decisionsThatChange(
  current: ConsentState | undefined,
  choices: Partial<Record<ConsentPurpose, boolean>>,
  how: { at: string; channel: ConsentChannel; recordedBy?: string },
): ConsentDecision[] {
  const decisions: ConsentDecision[] = [];
  for (const purpose of CONSENT_PURPOSES) {
    const granted = choices[purpose];
    if (granted === undefined) continue;
    const before = current?.[purpose];
    if (before && before.granted === granted && before.policyVersion === CONSENT_POLICY_VERSION) continue;
    decisions.push({
      purpose,
      granted,
      policyVersion: CONSENT_POLICY_VERSION,
      text: CONSENT_WORDING[purpose].text,
      at: how.at,
      channel: how.channel,
      ...(how.recordedBy ? { recordedBy: how.recordedBy } : {}),
    });
  }
  return decisions;
}

/** The state a set of first decisions leaves (sample data, fixtures, a registration with consent). */
export const consentStateOf = (
  choices: Partial<Record<ConsentPurpose, boolean>>,
  how: { at: string; channel: ConsentChannel; recordedBy?: string },
): ConsentState =>
  Object.fromEntries(decisionsThatChange(undefined, choices, how).map((d) => [d.purpose, d]));
