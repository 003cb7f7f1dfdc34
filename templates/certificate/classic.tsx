import { Page, Text, View } from '@react-pdf/renderer';
import { Signature } from '../assets/signature.js';
import { brand } from './brand.js';
import { fontStack, fontStacks } from './fonts.js';
import { fitFontSize, fitHeadline } from './layout.js';
import {
  CertificateDates,
  CornerBracket,
  CourseDescription,
  IssuerLogo,
  Label,
  NAME_FEATURES,
  SignatureFigure,
  shrinkText,
  trackingFor,
  wordingText,
} from './parts.js';
import { QrCode } from './qr-code.js';
import { structure } from './structure.js';
import { type CertificateTemplate, PAGE_POINTS, type TemplateProps } from './types.js';

/**
 * The default design: centred, serif, a navy frame with a gold inner line (the course's primary and accent
 * colours when its design sets them). Reads top to bottom:
 * who issues it, what it is, who earned it, for what; then dates, signature and the way to check it.
 * Three faces only (serif bold, serif italic, sans): every embedded font costs render time and bytes.
 */

const FRAME_INSET = 18;
const INNER_INSET = 25;
const SIDE_MARGIN = 72;
const QR_SIZE = 76;

function ClassicPage({ content, pageSize, design }: TemplateProps) {
  const { palette } = design;
  const { width, height } = PAGE_POINTS[pageSize];
  const textWidth = width - 2 * SIDE_MARGIN;
  const name = fitHeadline(content.holderName, {
    width: textWidth * 0.92,
    maxSize: 40,
    preferOneLineDownTo: 28,
    minSize: 15,
    maxLines: 3,
    emPerChar: 0.62,
  });
  const courseSize = fitFontSize(content.courseTitle, {
    width: textWidth * 0.85,
    maxSize: 22,
    minSize: 12,
    maxLines: 2,
    emPerChar: 0.62,
  });
  const descriptionSize = fitFontSize(content.courseDescription, {
    width: textWidth * 0.72,
    maxSize: 10,
    minSize: 8,
    maxLines: 3,
    emPerChar: 0.55,
  });
  const columnWidth = textWidth / 3;
  const { wording, dir } = content;
  const rtl = dir === 'rtl';
  // Right to left, the facts row reads from the right: dates there, the QR code on the left.
  const start = rtl ? 'flex-end' : 'flex-start';
  const end = rtl ? 'flex-start' : 'flex-end';
  const serif = fontStack('serif', wordingText(content));
  const sans = fontStack('sans', wordingText(content));

  return (
    <Page size={pageSize} orientation="landscape" wrap={false} style={{ backgroundColor: brand.paper }}>
      {/* One in-flow box the size of the page: with wrap off, the page takes its height from its content. */}
      <View style={{ width, height }}>
        <View
          style={{
            position: 'absolute',
            top: FRAME_INSET,
            left: FRAME_INSET,
            right: FRAME_INSET,
            bottom: FRAME_INSET,
            borderWidth: 2.2,
            borderColor: palette.primary,
          }}
        />
        <View
          style={{
            position: 'absolute',
            top: INNER_INSET,
            left: INNER_INSET,
            right: INNER_INSET,
            bottom: INNER_INSET,
            borderWidth: 0.6,
            borderColor: palette.accentLight,
          }}
        />
        <CornerBracket
          size={24}
          color={palette.accent}
          rotate={0}
          style={{ top: INNER_INSET + 6, left: INNER_INSET + 6 }}
        />
        <CornerBracket
          size={24}
          color={palette.accent}
          rotate={90}
          style={{ top: INNER_INSET + 6, right: INNER_INSET + 6 }}
        />
        <CornerBracket
          size={24}
          color={palette.accent}
          rotate={180}
          style={{ bottom: INNER_INSET + 6, right: INNER_INSET + 6 }}
        />
        <CornerBracket
          size={24}
          color={palette.accent}
          rotate={270}
          style={{ bottom: INNER_INSET + 6, left: INNER_INSET + 6 }}
        />

        <View
          style={{
            position: 'absolute',
            top: 52,
            left: SIDE_MARGIN,
            right: SIDE_MARGIN,
            bottom: 44,
            flexDirection: 'column',
            alignItems: 'center',
          }}
        >
          <IssuerLogo logo={design.logo} wording={wording} align="center" />

          {/* One heading in two lines; its margin moves to the heading so the lines sit where they did. */}
          <View
            {...structure('H1', { actual: wording.title })}
            style={{ marginTop: 20, alignItems: 'center' }}
          >
            <Text
              style={{
                fontFamily: serif,
                fontWeight: 700,
                fontSize: 36,
                letterSpacing: trackingFor(wording.titleWord, 1.5),
                color: palette.primaryText,
                ...shrinkText(dir),
              }}
            >
              {wording.titleWord}
            </Text>
            <Text
              style={{
                marginTop: 2,
                fontFamily: sans,
                fontSize: 10,
                letterSpacing: trackingFor(wording.titleRest, 5),
                color: palette.accentText,
                ...shrinkText(dir),
              }}
            >
              {wording.titleRest.toUpperCase()}
            </Text>
          </View>

          <View style={{ flexGrow: 1, minHeight: 12 }} />

          <Text
            style={{
              fontFamily: serif,
              fontStyle: 'italic',
              fontSize: 12.5,
              color: brand.muted,
              ...shrinkText(dir),
            }}
          >
            {wording.certifyThat}
          </Text>
          <Text
            {...structure('H2')}
            style={{
              marginTop: 8,
              width: textWidth,
              textAlign: 'center',
              fontFamily: fontStack('serif', content.holderName),
              fontWeight: 700,
              fontSize: name.fontSize,
              fontFeatureSettings: NAME_FEATURES,
              lineHeight: 1.22,
              color: brand.ink,
              direction: dir,
            }}
          >
            {content.holderName}
          </Text>
          <View
            style={{
              marginTop: 6,
              width: textWidth * 0.5,
              borderBottomWidth: 0.8,
              borderBottomColor: palette.accent,
            }}
          />
          <Text
            style={{
              marginTop: 12,
              fontFamily: serif,
              fontStyle: 'italic',
              fontSize: 12.5,
              color: brand.muted,
              ...shrinkText(dir),
            }}
          >
            {wording.hasCompleted}
          </Text>
          <Text
            {...structure('H2')}
            style={{
              marginTop: 6,
              width: textWidth * 0.9,
              textAlign: 'center',
              fontFamily: fontStack('serif', content.courseTitle),
              fontWeight: 700,
              fontSize: courseSize,
              fontFeatureSettings: NAME_FEATURES,
              lineHeight: 1.25,
              color: palette.primaryText,
              direction: dir,
            }}
          >
            {content.courseTitle}
          </Text>
          {content.courseDescription ? (
            <CourseDescription
              text={content.courseDescription}
              width={textWidth * 0.74}
              fontSize={descriptionSize}
              align="center"
              dir={dir}
            />
          ) : null}

          <View style={{ flexGrow: 1.4, minHeight: 12 }} />

          <View
            style={{ width: textWidth, flexDirection: rtl ? 'row-reverse' : 'row', alignItems: 'flex-end' }}
          >
            <View style={{ width: columnWidth, alignItems: start }}>
              <CertificateDates
                content={content}
                labels={{
                  completed: wording.dateOfCompletion,
                  issued: wording.dateOfIssue,
                  validUntil: wording.validUntil,
                }}
                valueStyle={dateStyle(serif, dir)}
                dir={dir}
              />
            </View>
            <View style={{ width: columnWidth, alignItems: 'center' }}>
              <SignatureFigure alt={wording.signatureAlt} align="center">
                <Signature
                  name={content.signatory.name}
                  art={content.signatureArt}
                  image={design.signature}
                  width={columnWidth - 30}
                />
              </SignatureFigure>
              <View
                style={{
                  width: columnWidth - 30,
                  borderBottomWidth: 0.7,
                  borderBottomColor: brand.ink,
                  marginTop: 3,
                }}
              />
              <Text
                style={{
                  marginTop: 5,
                  fontFamily: fontStack('serif', content.signatory.name),
                  fontWeight: 700,
                  fontSize: 10,
                  fontFeatureSettings: NAME_FEATURES,
                  color: brand.ink,
                  textAlign: 'center',
                  direction: dir,
                }}
              >
                {content.signatory.name}
              </Text>
              <Text
                style={{
                  fontFamily: fontStack('sans', content.signatory.title),
                  fontSize: 8,
                  color: brand.muted,
                  textAlign: 'center',
                  maxLines: 2,
                  textOverflow: 'ellipsis',
                  direction: dir,
                }}
              >
                {content.signatory.title}
              </Text>
            </View>
            <View style={{ width: columnWidth, alignItems: end }}>
              <View style={{ alignItems: 'center' }}>
                <QrCode
                  value={content.verificationUrl}
                  size={QR_SIZE}
                  color={brand.ink}
                  alt={wording.qrCodeAlt}
                />
                <Label dir={dir} style={{ marginTop: 1, marginBottom: 0, fontSize: 6 }}>
                  {wording.scanToVerify}
                </Label>
              </View>
            </View>
          </View>

          <Text
            style={{
              marginTop: 12,
              width: textWidth,
              textAlign: 'center',
              fontFamily: sans,
              fontSize: 8,
              color: brand.muted,
              direction: dir,
            }}
          >
            {wording.number}{' '}
            <Text
              style={{ fontFamily: fontStacks.serif, fontWeight: 700, color: brand.ink, letterSpacing: 0.5 }}
            >
              {content.displayNumber}
            </Text>
            {'   ·   '}
            {wording.verifyThisAt}
          </Text>
        </View>
      </View>
    </Page>
  );
}

function dateStyle(fontFamily: string[], dir: 'ltr' | 'rtl') {
  return { fontFamily, fontWeight: 700, fontSize: 11, color: brand.ink, ...shrinkText(dir) } as const;
}

export const classicTemplate: CertificateTemplate = { id: 'classic', Page: ClassicPage };
