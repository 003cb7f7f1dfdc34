import { crc32, deflateSync } from 'node:zlib';

/**
 * Made-up design images for previews and tests (bin/preview.ts, test/integration/render.test.ts): a partner
 * logo and a scanned-looking signature, drawn in code so no binary fixture is checked in. Not used when
 * rendering real certificates.
 */

/** An 8-bit RGBA PNG (colour type 6, no interlace, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

type Rgb = [number, number, number];

/** A canvas that paints with coverage (anti-aliased edges), alpha kept. */
class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
  }

  /** Paints every pixel whose centre is within `inside` distance (negative = inside) of a shape. */
  fill(colour: Rgb, distance: (x: number, y: number) => number): void {
    for (let y = 0; y < this.height; y += 1) {
      for (let x = 0; x < this.width; x += 1) {
        const coverage = Math.min(1, Math.max(0, 0.5 - distance(x + 0.5, y + 0.5)));
        if (coverage > 0) this.blend(x, y, colour, coverage);
      }
    }
  }

  private blend(x: number, y: number, [r, g, b]: Rgb, alpha: number): void {
    const at = (y * this.width + x) * 4;
    const p = this.pixels;
    const below = (p[at + 3] as number) / 255;
    const out = alpha + below * (1 - alpha);
    const channel = (index: number, value: number) =>
      Math.round((value * alpha + (p[at + index] as number) * below * (1 - alpha)) / out);
    p[at] = channel(0, r);
    p[at + 1] = channel(1, g);
    p[at + 2] = channel(2, b);
    p[at + 3] = Math.round(out * 255);
  }

  png(): Buffer {
    return encodePng(this.width, this.height, this.pixels);
  }
}

const roundedBox =
  (left: number, top: number, right: number, bottom: number, radius: number) => (x: number, y: number) => {
    const dx = Math.max(left + radius - x, 0, x - (right - radius));
    const dy = Math.max(top + radius - y, 0, y - (bottom - radius));
    return Math.hypot(dx, dy) - radius;
  };

const circle = (cx: number, cy: number, r: number) => (x: number, y: number) =>
  Math.hypot(x - cx, y - cy) - r;

/** Distance to a polyline, minus half the stroke width. */
const stroke = (points: [number, number][], width: number) => (x: number, y: number) => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < points.length; i += 1) {
    const [ax, ay] = points[i - 1] as [number, number];
    const [bx, by] = points[i] as [number, number];
    const lx = bx - ax;
    const ly = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * lx + (y - ay) * ly) / (lx * lx + ly * ly || 1)));
    best = Math.min(best, Math.hypot(x - ax - t * lx, y - ay - t * ly));
  }
  return best - width / 2;
};

/** A partner logo, 360 x 120, transparent background: a teal badge with a sun and three rising bars. */
export function sampleLogoPng(): Buffer {
  const canvas = new Canvas(360, 120);
  canvas.fill([0x0f, 0x6e, 0x6a], roundedBox(4, 4, 116, 116, 22));
  canvas.fill([0xf2, 0xb1, 0x34], circle(60, 46, 20));
  canvas.fill([0xff, 0xff, 0xff], roundedBox(26, 74, 94, 84, 4));
  canvas.fill([0xff, 0xff, 0xff], roundedBox(36, 90, 84, 98, 4));
  const bars: [number, number][] = [
    [140, 60],
    [190, 40],
    [240, 20],
    [290, 0],
  ];
  for (const [left, rise] of bars)
    canvas.fill([0x0f, 0x6e, 0x6a], roundedBox(left, 50 - rise, left + 36, 110, 6));
  canvas.fill([0xf2, 0xb1, 0x34], roundedBox(140, 112, 326, 118, 3));
  return canvas.png();
}

/** A handwritten-looking signature, 480 x 140, dark blue ink on a transparent background. */
export function sampleSignaturePng(): Buffer {
  const canvas = new Canvas(480, 140);
  const points: [number, number][] = [];
  for (let t = 0; t <= 1; t += 0.004) {
    const x = 20 + t * 420;
    const y = 80 - 38 * Math.sin(t * Math.PI * 7) * Math.exp(-1.6 * t) - 16 * Math.sin(t * Math.PI * 2.2);
    points.push([x, y]);
  }
  canvas.fill([0x1d, 0x2f, 0x6f], stroke(points, 5));
  canvas.fill(
    [0x1d, 0x2f, 0x6f],
    stroke(
      [
        [70, 118],
        [250, 108],
        [420, 112],
      ],
      3,
    ),
  );
  return canvas.png();
}
