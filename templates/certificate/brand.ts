/**
 * SayPro's certificate palette. Print-safe: every colour is dark or muted enough to survive an office
 * laser printer and photocopying, and nothing relies on a full-bleed background.
 */
export const brand = {
  name: 'SayPro',
  /** Primary: headings, frame, logo. */
  navy: '#163A5F',
  /** Secondary: the wordmark's "Pro", fine rules and seals. */
  gold: '#A97C24',
  /** A paler gold for inner frame lines. */
  goldLight: '#D9C28E',
  /** Body text. */
  ink: '#1F2933',
  /** Secondary text: labels, descriptions. */
  muted: '#52606D',
  /** Hairlines. */
  rule: '#C5CCD3',
  /** A barely-there tint behind panels; white when printed in greyscale. */
  tint: '#F6F3EC',
  paper: '#FFFFFF',
  /** Signature ink. */
  signatureInk: '#1D2F6F',
} as const;

export type BrandColour = keyof typeof brand;
