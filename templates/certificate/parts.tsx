import { Path, type Styles, Svg, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { CertificateLogo } from '../assets/saypro-logo.js';
import { brand } from './brand.js';
import type { DesignImage } from './design.js';
import { fontStack } from './fonts.js';
import { structure } from './structure.js';
import type { CertificateContent, CertificateWording } from './types.js';

export type Style = Styles[string];

/**
 * Font features for names and other input text. Discretionary ligatures off: poppler and some readers copy
 * a right-to-left ligature (Arabic "الله") with its letters reversed; required ones (lam-alef) stay on.
 */
export const NAME_FEATURES = { liga: false } as const;

/**
 * A small caps label above a value, as used for dates and numbers. Printed in letter-spaced capitals, it
 * reads as written ("Date of issue") to a screen reader.
 */
export function Label({
  children,
  color = brand.muted,
  style,
  dir = 'ltr',
}: {
  children: string;
  color?: string;
  style?: Style;
  dir?: 'ltr' | 'rtl';
}) {
  return (
    <Text
      {...structure('P', { actual: children })}
      style={{
        fontFamily: fontStack('sans', children),
        fontSize: 7,
        letterSpacing: trackingFor(children, 1.2),
        color,
        marginBottom: 2,
        ...shrinkText(dir),
        ...style,
      }}
    >
      {children.toUpperCase()}
    </Text>
  );
}

/**
 * Direction for a Text sized by its content (no width of its own), placed by its parent's alignItems.
 * react-pdf aligns right-to-left text to the right of the width it was measured in, before the box
 * shrinks to the text, which pushes the text out of its box; aligned left, the box holds the text and the
 * parent puts the box at the right.
 */
export function shrinkText(dir: 'ltr' | 'rtl') {
  return { direction: dir, textAlign: 'left' } as const;
}

const JOINED_SCRIPT = /[\p{Script=Arabic}]/u;

/**
 * Letter-spacing for fixed wording: none for Arabic, whose letters join (spaced out, they fall apart and
 * the shaping breaks); `tracking` otherwise.
 */
export function trackingFor(text: string, tracking: number): number {
  return JOINED_SCRIPT.test(text) ? 0 : tracking;
}

/** An L-shaped bracket drawn at a frame's corner; `rotate` in multiples of 90 degrees. */
export function CornerBracket({
  size,
  color,
  style,
  rotate,
}: {
  size: number;
  color: string;
  style: Style;
  rotate: 0 | 90 | 180 | 270;
}) {
  const d = {
    0: 'M1 23V1h22M6 18V6h12',
    90: 'M1 1h22v22M6 6h12v12',
    180: 'M23 1v22H1M18 6v12H6',
    270: 'M23 23H1V1M18 18H6V6',
  }[rotate];
  return (
    <Svg width={size} height={size} viewBox="0 0 24 24" style={{ position: 'absolute', ...style }}>
      <Path d={d} stroke={color} strokeWidth={1.2} fill="none" />
    </Svg>
  );
}

/** The course's short description under its title: at most three lines, in the sans face for its script. */
export function CourseDescription({
  text,
  width,
  fontSize,
  align,
  dir = 'ltr',
}: {
  text: string;
  width: number;
  fontSize: number;
  align?: 'center';
  dir?: 'ltr' | 'rtl';
}) {
  return (
    <Text
      style={{
        marginTop: 6,
        width,
        ...(align ? { textAlign: align } : {}),
        fontFamily: fontStack('sans', text),
        fontSize,
        fontFeatureSettings: NAME_FEATURES,
        lineHeight: 1.45,
        color: brand.muted,
        maxLines: 3,
        textOverflow: 'ellipsis',
        direction: dir,
      }}
    >
      {text}
    </Text>
  );
}

/**
 * The issuer's logo as a figure: SayPro's mark, or the course's logo with its "Issued by SayPro" line.
 * `align` as the column it sits in, so the wrapper changes nothing on the page.
 */
export function LogoFigure({
  logo,
  align,
  alt: altText,
  children,
}: {
  logo: DesignImage | undefined;
  align: 'center' | 'flex-start' | 'flex-end';
  /** The wording's alternative texts: the course's logo, or SayPro's. */
  alt: { courseLogo: string; sayProLogo: string };
  children: ReactNode;
}) {
  const alt = logo ? altText.courseLogo : altText.sayProLogo;
  return (
    <View {...structure('Figure', { alt })} style={{ alignItems: align }}>
      {children}
    </View>
  );
}

/** The signature (drawn, scanned or set in a script face) as a figure. */
export function SignatureFigure({
  alt,
  align,
  children,
}: {
  /** "Signature of <name>", in the certificate's language. */
  alt: string;
  align: 'center' | 'flex-start' | 'flex-end';
  children: ReactNode;
}) {
  return (
    <View {...structure('Figure', { alt })} style={{ alignItems: align }}>
      {children}
    </View>
  );
}

/** All the fixed wording at once: which script faces the design's own text needs. */
export function wordingText(content: CertificateContent): string {
  // Alternative texts are not printed: a signatory's name in another script must not change the faces.
  return Object.entries(content.wording)
    .filter(([key]) => !key.endsWith('Alt'))
    .map(([, text]) => text)
    .join(' ');
}

/**
 * The head of a certificate: the issuer's logo as a figure (the course's logo with its "Issued by SayPro"
 * line, or SayPro's own 22 points high), its alternative text and that line in the certificate's language.
 */
export function IssuerLogo({
  logo,
  wording,
  align,
}: {
  logo: DesignImage | undefined;
  wording: Pick<CertificateWording, 'courseLogoAlt' | 'sayProLogoAlt' | 'issuedBySayPro'>;
  align: 'center' | 'flex-start' | 'flex-end';
}) {
  return (
    <LogoFigure
      logo={logo}
      align={align}
      alt={{ courseLogo: wording.courseLogoAlt, sayProLogo: wording.sayProLogoAlt }}
    >
      <CertificateLogo logo={logo} height={22} align={align} issuedBy={wording.issuedBySayPro} />
    </LogoFigure>
  );
}

/**
 * The dates a reader checks, each a label over its value: completed, issued and, when the certificate
 * expires, valid until. The labels are the design's own wording; `valueStyle` its face for the values.
 */
export function CertificateDates({
  content,
  labels,
  valueStyle,
  dir,
}: {
  content: Pick<CertificateContent, 'completedOn' | 'issuedOn' | 'validUntil'>;
  labels: { completed: string; issued: string; validUntil: string };
  valueStyle: Style;
  dir: 'ltr' | 'rtl';
}) {
  return (
    <>
      <Label dir={dir}>{labels.completed}</Label>
      <Text style={valueStyle}>{content.completedOn}</Text>
      <Label dir={dir} style={{ marginTop: 10 }}>
        {labels.issued}
      </Label>
      <Text style={valueStyle}>{content.issuedOn}</Text>
      {content.validUntil ? (
        <>
          <Label dir={dir} style={{ marginTop: 10 }}>
            {labels.validUntil}
          </Label>
          <Text style={valueStyle}>{content.validUntil}</Text>
        </>
      ) : null}
    </>
  );
}
