import { Path, Rect, Svg } from '@react-pdf/renderer';
import { create } from 'qrcode/lib/core/qrcode.js';
import { structure } from './structure.js';

/** Modules of white around the code, as the QR standard asks for; scanners fail without it. */
const QUIET_ZONE = 4;

/**
 * One SVG path covering every dark module, horizontal runs merged: vector, so it stays sharp at any print
 * size, and a few hundred bytes instead of an embedded PNG.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const parts: string[] = [];
  for (let y = 0; y < size; y += 1) {
    let x = 0;
    while (x < size) {
      if (!modules.get(y, x)) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && modules.get(y, x)) x += 1;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  }
  return { size: size + 2 * QUIET_ZONE, d: parts.join('') };
}

export function QrCode({
  value,
  size,
  color = '#000000',
  alt = `QR code linking to the verification page ${value}`,
}: {
  value: string;
  size: number;
  color?: string;
  /** In the certificate's language. */
  alt?: string;
}) {
  const { size: modules, d } = qrPath(value);
  return (
    <Svg {...structure('Figure', { alt })} width={size} height={size} viewBox={`0 0 ${modules} ${modules}`}>
      <Rect x={0} y={0} width={modules} height={modules} fill="#FFFFFF" />
      <Path d={d} fill={color} />
    </Svg>
  );
}
