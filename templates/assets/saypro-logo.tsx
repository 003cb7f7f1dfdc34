import { Image, Path, Rect, Svg, Text, View } from '@react-pdf/renderer';
import { brand } from '../certificate/brand.js';
import { type DesignImage, fitImage } from '../certificate/design.js';
import { fontStack } from '../certificate/fonts.js';

/**
 * SayPro's wordmark: a speech bubble ("say") holding three rising bars ("progress"), then the name with
 * "Pro" in gold. All vectors, the letters included (outlines of Noto Sans Bold, OFL): a logo is artwork,
 * not text, and outlines need no font embedded in every certificate.
 */
export const LOGO_MARK = {
  viewBox: '0 0 48 44',
  bubble: 'M10 2h28a8 8 0 0 1 8 8v16a8 8 0 0 1-8 8H22l-11 9 1.5-9H10a8 8 0 0 1-8-8V10a8 8 0 0 1 8-8z',
  bars: [
    { x: 12, y: 21, width: 6, height: 7 },
    { x: 21, y: 16, width: 6, height: 12 },
    { x: 30, y: 10, width: 6, height: 18 },
  ],
} as const;

/** "SayPro" in font units (y down), cropped to cap height and descender: viewBox 0 330 3405 990. */
export const LOGO_WORDMARK = {
  viewBox: '0 330 3405 990',
  width: 3405,
  height: 990,
  say: 'M511 871Q511 966 443 1023Q374 1079 248 1079Q135 1079 46 1036L46 895Q97 917 152 936Q206 954 260 954Q316 954 340 933Q363 911 363 878Q363 851 345 832Q326 813 295 797Q264 780 224 761Q199 749 170 733Q141 716 115 692Q88 667 71 632Q54 597 54 548Q54 452 119 399Q184 345 296 345Q352 345 403 358Q453 371 508 395L459 513Q410 493 371 482Q332 471 291 471Q248 471 225 491Q202 511 202 543Q202 581 236 603Q270 625 337 657Q392 683 431 711Q469 739 490 777Q511 815 511 871ZM853 512Q963 512 1022 560Q1080 607 1080 705L1080 1069L976 1069L947 995L943 995Q908 1039 869 1059Q830 1079 762 1079Q689 1079 641 1037Q593 994 593 906Q593 819 654 778Q715 736 837 732L932 729L932 705Q932 662 910 642Q887 622 847 622Q807 622 769 634Q731 645 693 662L644 561Q688 538 742 525Q795 512 853 512ZM874 818Q802 820 774 844Q746 868 746 907Q746 941 766 956Q786 970 818 970Q866 970 899 942Q932 913 932 861L932 816ZM1155 523L1318 523L1421 830Q1429 852 1433 876Q1437 899 1439 925L1442 925Q1445 899 1451 876Q1456 852 1463 830L1564 523L1724 523L1493 1139Q1462 1224 1403 1267Q1343 1309 1265 1309Q1240 1309 1222 1307Q1203 1304 1189 1301L1189 1183Q1200 1185 1216 1187Q1231 1189 1248 1189Q1295 1189 1323 1161Q1350 1132 1363 1092L1372 1065Z',
  pro: 'M2042 355Q2180 355 2244 415Q2307 474 2307 578Q2307 640 2281 695Q2255 749 2195 782Q2134 815 2030 815L1965 815L1965 1069L1814 1069L1814 355ZM2034 479L1965 479L1965 691L2015 691Q2079 691 2117 666Q2154 640 2154 583Q2154 479 2034 479ZM2735 513Q2746 513 2761 514Q2776 515 2785 517L2774 657Q2767 655 2754 654Q2740 652 2730 652Q2692 652 2657 666Q2622 679 2601 709Q2579 739 2579 791L2579 1069L2430 1069L2430 523L2543 523L2565 615L2572 615Q2596 573 2638 543Q2680 513 2735 513ZM3360 795Q3360 931 3289 1005Q3217 1079 3094 1079Q3018 1079 2959 1046Q2899 1013 2865 950Q2831 886 2831 795Q2831 659 2902 586Q2973 513 3097 513Q3174 513 3233 546Q3292 579 3326 642Q3360 704 3360 795ZM2983 795Q2983 876 3010 918Q3036 959 3096 959Q3155 959 3182 918Q3208 876 3208 795Q3208 714 3182 674Q3155 633 3095 633Q3036 633 3010 674Q2983 714 2983 795Z',
} as const;

export function SayProMark({
  size,
  color = brand.navy,
  accent = brand.gold,
}: {
  size: number;
  color?: string;
  accent?: string;
}) {
  const [low, mid, high] = LOGO_MARK.bars;
  return (
    <Svg width={size} height={(size * 44) / 48} viewBox={LOGO_MARK.viewBox}>
      <Path d={LOGO_MARK.bubble} fill={color} />
      <Rect {...low} fill="#FFFFFF" />
      <Rect {...mid} fill="#FFFFFF" />
      <Rect {...high} fill={accent} />
    </Svg>
  );
}

/** The full logo, `height` points tall (the bubble's height). */
export function SayProLogo({
  height,
  color = brand.navy,
  accent = brand.gold,
}: {
  height: number;
  color?: string;
  accent?: string;
}) {
  const wordHeight = height * 1.05;
  const wordWidth = (wordHeight * LOGO_WORDMARK.width) / LOGO_WORDMARK.height;
  return (
    <View style={{ flexDirection: 'row', alignItems: 'flex-start' }}>
      <SayProMark size={(height * 48) / 44} color={color} accent={accent} />
      <Svg
        width={wordWidth}
        height={wordHeight}
        viewBox={LOGO_WORDMARK.viewBox}
        style={{ marginLeft: height * 0.3, marginTop: height * 0.02 }}
      >
        <Path d={LOGO_WORDMARK.say} fill={color} />
        <Path d={LOGO_WORDMARK.pro} fill={accent} />
      </Svg>
    </View>
  );
}

/** The box a course's own logo is fitted into, keeping its proportions. */
export const COURSE_LOGO_BOX = { width: 160, height: 40 } as const;

/**
 * The logo at the top of a certificate: the course's own (fitted into COURSE_LOGO_BOX, with an "Issued by
 * SayPro" line so the issuer stays clear), or SayPro's.
 */
export function CertificateLogo({
  logo,
  height,
  align,
  issuedBy = 'Issued by SayPro',
}: {
  logo: DesignImage | undefined;
  /** Height of SayPro's logo. */
  height: number;
  align: 'center' | 'flex-start' | 'flex-end';
  /** The "Issued by SayPro" line under a course's logo, in the certificate's language. */
  issuedBy?: string;
}) {
  if (!logo) return <SayProLogo height={height} />;
  const size = fitImage(logo, COURSE_LOGO_BOX);
  return (
    <View style={{ alignItems: align }}>
      <Image src={logo.uri} style={{ width: size.width, height: size.height }} />
      <Text
        style={{
          marginTop: 4,
          fontFamily: fontStack('sans', issuedBy),
          fontSize: 7.5,
          letterSpacing: /[\p{Script=Arabic}]/u.test(issuedBy) ? 0 : 0.4,
          color: brand.muted,
        }}
      >
        {issuedBy}
      </Text>
    </View>
  );
}
