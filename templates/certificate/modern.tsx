import { Page, Text, View } from '@react-pdf/renderer';
import { SayProMark } from '../assets/saypro-logo.js';
import { Signature } from '../assets/signature.js';
import { brand } from './brand.js';
import { fontStack, fontStacks } from './fonts.js';
import { fitFontSize, fitHeadline } from './layout.js';
import {
  CertificateDates,
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
 * The second design: left-aligned, sans-serif, a navy (or the course's primary colour) spine on the left edge and a large pale mark in the
 * corner. Two faces (sans regular and bold). The bottom band groups the facts a reader checks: dates,
 * signatory, number and QR code.
 */

const SPINE = 16;
const LEFT = 78;
const RIGHT = 56;
const QR_SIZE = 74;
function ModernPage({ content, pageSize, design }: TemplateProps) {
  const { palette } = design;
  const { width, height } = PAGE_POINTS[pageSize];
  const textWidth = width - LEFT - RIGHT;
  const name = fitHeadline(content.holderName, {
    width: textWidth * 0.9,
    maxSize: 42,
    preferOneLineDownTo: 30,
    minSize: 15,
    maxLines: 3,
    emPerChar: 0.64,
  });
  const courseSize = fitFontSize(content.courseTitle, {
    width: textWidth * 0.85,
    maxSize: 21,
    minSize: 12,
    maxLines: 2,
    emPerChar: 0.64,
  });
  const descriptionSize = fitFontSize(content.courseDescription, {
    width: textWidth * 0.7,
    maxSize: 10,
    minSize: 8,
    maxLines: 3,
    emPerChar: 0.55,
  });
  const factWidth = (textWidth - QR_SIZE) / 4;
  const { wording, dir } = content;
  const rtl = dir === 'rtl';
  // Right to left, the page is mirrored: spine on the right, text from the right edge, facts row reversed.
  const start = rtl ? 'flex-end' : 'flex-start';
  const end = rtl ? 'flex-start' : 'flex-end';
  const side = rtl ? 'right' : 'left';
  const sans = fontStack('sans', wordingText(content));

  return (
    <Page size={pageSize} orientation="landscape" wrap={false} style={{ backgroundColor: brand.paper }}>
      <View style={{ width, height }}>
        <View
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            [side]: 0,
            width: SPINE,
            backgroundColor: palette.primary,
          }}
        />
        <View
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            [side]: SPINE + 4,
            width: 2.5,
            backgroundColor: palette.accent,
          }}
        />
        {/* Pale enough to vanish on a greyscale printer, visible on screen. */}
        <View
          {...structure('Artifact')}
          style={{ position: 'absolute', top: -30, [rtl ? 'left' : 'right']: -40 }}
        >
          <SayProMark size={240} color={palette.watermark} accent={palette.watermark} />
        </View>

        <View
          style={{
            position: 'absolute',
            top: 50,
            left: rtl ? RIGHT : LEFT,
            right: rtl ? LEFT : RIGHT,
            bottom: 40,
            flexDirection: 'column',
            alignItems: start,
          }}
        >
          <IssuerLogo logo={design.logo} wording={wording} align={start} />

          <Text
            {...structure('H1', { actual: wording.title })}
            style={{
              marginTop: design.logo ? 20 : 34,
              fontFamily: sans,
              fontSize: 12.5,
              letterSpacing: trackingFor(wording.title, 5),
              color: palette.accentText,
              ...shrinkText(dir),
            }}
          >
            {wording.title.toUpperCase()}
          </Text>

          <View style={{ flexGrow: 1, minHeight: 10 }} />

          <Text style={{ fontFamily: sans, fontSize: 11.5, color: brand.muted, ...shrinkText(dir) }}>
            {wording.awardedTo}
          </Text>
          <Text
            {...structure('H2')}
            style={{
              marginTop: 6,
              width: textWidth * 0.92,
              fontFamily: fontStack('sans', content.holderName),
              fontWeight: 700,
              fontSize: name.fontSize,
              fontFeatureSettings: NAME_FEATURES,
              lineHeight: 1.2,
              color: palette.primaryText,
              direction: dir,
            }}
          >
            {content.holderName}
          </Text>
          <View style={{ marginTop: 10, width: 56, height: 3, backgroundColor: palette.accent }} />
          <Text
            style={{
              marginTop: 14,
              fontFamily: sans,
              fontSize: 11.5,
              color: brand.muted,
              ...shrinkText(dir),
            }}
          >
            {wording.forCompleting}
          </Text>
          <Text
            {...structure('H2')}
            style={{
              marginTop: 5,
              width: textWidth * 0.88,
              fontFamily: fontStack('sans', content.courseTitle),
              fontWeight: 700,
              fontSize: courseSize,
              fontFeatureSettings: NAME_FEATURES,
              lineHeight: 1.25,
              color: brand.ink,
              direction: dir,
            }}
          >
            {content.courseTitle}
          </Text>
          {content.courseDescription ? (
            <CourseDescription
              text={content.courseDescription}
              width={textWidth * 0.72}
              fontSize={descriptionSize}
              dir={dir}
            />
          ) : null}

          <View style={{ flexGrow: 1.3, minHeight: 12 }} />

          <View
            style={{
              width: textWidth,
              flexDirection: rtl ? 'row-reverse' : 'row',
              alignItems: 'flex-end',
              borderTopWidth: 0.7,
              borderTopColor: brand.rule,
              paddingTop: 14,
            }}
          >
            <View style={{ width: factWidth, [rtl ? 'paddingLeft' : 'paddingRight']: 10, alignItems: start }}>
              <CertificateDates
                content={content}
                labels={{
                  completed: wording.completed,
                  issued: wording.issued,
                  validUntil: wording.validUntil,
                }}
                valueStyle={factStyle(sans, dir)}
                dir={dir}
              />
            </View>
            <View
              style={{
                width: factWidth * 1.75,
                [rtl ? 'paddingLeft' : 'paddingRight']: 16,
                alignItems: start,
              }}
            >
              <SignatureFigure alt={wording.signatureAlt} align={start}>
                <Signature
                  name={content.signatory.name}
                  art={content.signatureArt}
                  image={design.signature}
                  width={factWidth * 1.4}
                  height={32}
                />
              </SignatureFigure>
              <View
                style={{
                  width: factWidth * 1.6,
                  borderBottomWidth: 0.7,
                  borderBottomColor: brand.ink,
                  marginTop: 3,
                }}
              />
              <Text
                style={{
                  marginTop: 5,
                  fontFamily: fontStack('sans', content.signatory.name),
                  fontWeight: 700,
                  fontSize: 10,
                  fontFeatureSettings: NAME_FEATURES,
                  color: brand.ink,
                  ...shrinkText(dir),
                }}
              >
                {content.signatory.name}
              </Text>
              <Text
                style={{
                  fontFamily: fontStack('sans', content.signatory.title),
                  fontSize: 8,
                  color: brand.muted,
                  maxLines: 2,
                  textOverflow: 'ellipsis',
                  ...shrinkText(dir),
                }}
              >
                {content.signatory.title}
              </Text>
            </View>
            <View
              style={{ width: factWidth * 1.25, alignItems: end, [rtl ? 'paddingLeft' : 'paddingRight']: 12 }}
            >
              <Label dir={dir}>{wording.number}</Label>
              <Text style={numberStyle}>{content.displayNumber}</Text>
              <Label dir={dir} style={{ marginTop: 8, marginBottom: 0 }}>
                {wording.verifyAt}
              </Label>
              <Text style={{ fontFamily: fontStacks.sans, fontSize: 7.5, color: brand.ink }}>
                {content.verificationSite}
              </Text>
            </View>
            <QrCode
              value={content.verificationUrl}
              size={QR_SIZE}
              color={brand.ink}
              alt={wording.qrCodeAlt}
            />
          </View>
        </View>
      </View>
    </Page>
  );
}

function factStyle(fontFamily: string[], dir: 'ltr' | 'rtl') {
  return { fontFamily, fontWeight: 700, fontSize: 10.5, color: brand.ink, ...shrinkText(dir) } as const;
}

const numberStyle = {
  fontFamily: fontStacks.sans,
  fontWeight: 700,
  fontSize: 8.5,
  color: brand.ink,
} as const;

export const modernTemplate: CertificateTemplate = { id: 'modern', Page: ModernPage };
