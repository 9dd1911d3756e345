/**
 * Colour-vision checks for the palette: how a fill looks to people with protanopia or deuteranopia (Machado,
 * Oliveira & Fernandes 2009, severity 1, applied in linear RGB) and how far apart two fills look (CIE76 ΔE in
 * CIELAB, D65). About 1 in 12 men see red and green this way; a 督查室 clerk among them must still tell 逾期 from
 * 正常推进.
 */
export type Vision = 'normal' | 'protanopia' | 'deuteranopia';

const MATRICES: Record<Exclude<Vision, 'normal'>, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function linearRgb(hex: string): number[] {
  return [0, 2, 4].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255));
}

/** CIELAB of a 6-hex RGB fill as seen with `vision`. */
export function labOf(hex: string, vision: Vision = 'normal'): [number, number, number] {
  let rgb = linearRgb(hex);
  if (vision !== 'normal') {
    const m = MATRICES[vision];
    rgb = m.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!)));
  }
  const [r, g, b] = rgb as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** How different two fills look with `vision` (CIE76 ΔE; about 2.3 is just noticeable). */
export function deltaE(a: string, b: string, vision: Vision = 'normal'): number {
  const p = labOf(a, vision);
  const q = labOf(b, vision);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** WCAG contrast of black text on a fill. */
export function blackTextContrast(hex: string): number {
  const [r, g, b] = linearRgb(hex) as [number, number, number];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05) / 0.05;
}
