import { Page, Text, View } from '@react-pdf/renderer';
import { CertificateLogo, SayProMark } from '../assets/saypro-logo.js';
import { Signature } from '../assets/signature.js';
import { brand } from './brand.js';
import { fontStack, fontStacks } from './fonts.js';
import { fitFontSize, fitHeadline } from './layout.js';
import { CourseDescription, Label, LogoFigure, NAME_FEATURES, SignatureFigure } from './parts.js';
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

  return (
    <Page size={pageSize} orientation="landscape" wrap={false} style={{ backgroundColor: brand.paper }}>
      <View style={{ width, height }}>
        <View
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            left: 0,
            width: SPINE,
            backgroundColor: palette.primary,
          }}
        />
        <View
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            left: SPINE + 4,
            width: 2.5,
            backgroundColor: palette.accent,
          }}
        />
        {/* Pale enough to vanish on a greyscale printer, visible on screen. */}
        <View {...structure('Artifact')} style={{ position: 'absolute', top: -30, right: -40 }}>
          <SayProMark size={240} color={palette.watermark} accent={palette.watermark} />
        </View>

        <View
          style={{
            position: 'absolute',
            top: 50,
            left: LEFT,
            right: RIGHT,
            bottom: 40,
            flexDirection: 'column',
            alignItems: 'flex-start',
          }}
        >
          <LogoFigure logo={design.logo} align="flex-start">
            <CertificateLogo logo={design.logo} height={22} align="flex-start" />
          </LogoFigure>

          <Text
            {...structure('H1', { actual: 'Certificate of Completion' })}
            style={{
              marginTop: design.logo ? 20 : 34,
              fontFamily: fontStacks.sans,
              fontSize: 12.5,
              letterSpacing: 5,
              color: palette.accentText,
            }}
          >
            CERTIFICATE OF COMPLETION
          </Text>

          <View style={{ flexGrow: 1, minHeight: 10 }} />

          <Text style={{ fontFamily: fontStacks.sans, fontSize: 11.5, color: brand.muted }}>Awarded to</Text>
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
            }}
          >
            {content.holderName}
          </Text>
          <View style={{ marginTop: 10, width: 56, height: 3, backgroundColor: palette.accent }} />
          <Text style={{ marginTop: 14, fontFamily: fontStacks.sans, fontSize: 11.5, color: brand.muted }}>
            for successfully completing
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
            }}
          >
            {content.courseTitle}
          </Text>
          {content.courseDescription ? (
            <CourseDescription
              text={content.courseDescription}
              width={textWidth * 0.72}
              fontSize={descriptionSize}
            />
          ) : null}

          <View style={{ flexGrow: 1.3, minHeight: 12 }} />

          <View
            style={{
              width: textWidth,
              flexDirection: 'row',
              alignItems: 'flex-end',
              borderTopWidth: 0.7,
              borderTopColor: brand.rule,
              paddingTop: 14,
            }}
          >
            <View style={{ width: factWidth, paddingRight: 10 }}>
              <Label>Completed</Label>
              <Text
                style={{ fontFamily: fontStacks.sans, fontWeight: 700, fontSize: 10.5, color: brand.ink }}
              >
                {content.completedOn}
              </Text>
              <Label style={{ marginTop: 10 }}>Issued</Label>
              <Text
                style={{ fontFamily: fontStacks.sans, fontWeight: 700, fontSize: 10.5, color: brand.ink }}
              >
                {content.issuedOn}
              </Text>
              {content.validUntil ? (
                <>
                  <Label style={{ marginTop: 10 }}>Valid until</Label>
                  <Text
                    style={{ fontFamily: fontStacks.sans, fontWeight: 700, fontSize: 10.5, color: brand.ink }}
                  >
                    {content.validUntil}
                  </Text>
                </>
              ) : null}
            </View>
            <View style={{ width: factWidth * 1.75, paddingRight: 16, alignItems: 'flex-start' }}>
              <SignatureFigure name={content.signatory.name} align="flex-start">
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
                }}
              >
                {content.signatory.title}
              </Text>
            </View>
            <View style={{ width: factWidth * 1.25, alignItems: 'flex-end', paddingRight: 12 }}>
              <Label>Certificate No.</Label>
              <Text style={numberStyle}>{content.displayNumber}</Text>
              <Label style={{ marginTop: 8, marginBottom: 0 }}>Verify at</Label>
              <Text style={{ fontFamily: fontStacks.sans, fontSize: 7.5, color: brand.ink }}>
                {content.verificationSite}
              </Text>
            </View>
            <QrCode value={content.verificationUrl} size={QR_SIZE} color={brand.ink} />
          </View>
        </View>
      </View>
    </Page>
  );
}

const numberStyle = {
  fontFamily: fontStacks.sans,
  fontWeight: 700,
  fontSize: 8.5,
  color: brand.ink,
} as const;

export const modernTemplate: CertificateTemplate = { id: 'modern', Page: ModernPage };
