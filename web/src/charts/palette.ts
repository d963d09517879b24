// The colours of every chart: one per setting (the same in every chart) and a series palette for
// other series (directions, provisions, categories). Based on the Okabe–Ito palette, which stays
// distinguishable for the common forms of colour blindness, with the light members (sky blue,
// yellow, orange) replaced by darker ones so that every colour has a contrast of at least 3:1
// against the white background (WCAG 1.4.11, non-text contrast). The unit tests compute it.
// Colour is never the only carrier: lines also differ in dash and point shape, bars in position,
// and values are written on the marks or in the table.

/** The chart background. */
export const BACKGROUND = '#ffffff';

/** One colour per setting; totaal near-black, buiten neutral grey. */
export const SETTING_COLORS: Record<string, string> = {
  bao: '#0072B2',
  sbo: '#D55E00',
  so: '#882255',
  vo: '#009E73',
  pro: '#996600',
  vso: '#CC79A7',
  isk: '#332288',
  totaal: '#222222',
  buiten: '#767676',
};

/** Colours for series that are not settings, in order of use. */
export const SERIES_PALETTE = ['#0072B2', '#D55E00', '#009E73', '#882255', '#996600', '#CC79A7', '#332288', '#767676'] as const;

/** The neutral colour for a value that has none of its own. */
export const NEUTRAL = '#767676';

/** Events (gebeurtenissen) drawn over a chart: a dark red dotted rule, apart from every series colour. */
export const EVENT_COLOR = '#A4132E';
export const EVENT_DASH = [2, 3];

/** Dash patterns for lines that share a chart (the second encoding beside colour). */
export const DASHES: number[][] = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [10, 2], [3, 5]];

/** Point shapes, likewise. */
export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right'] as const;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string = BACKGROUND): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Colours for the given series: a setting gets its own colour, others the palette in order. */
export function seriesColors(values: readonly string[]): string[] {
  // A palette colour already taken by a setting in the same chart is skipped, so that no two
  // series share a colour (while the palette lasts).
  const taken = new Set(values.map((v) => SETTING_COLORS[v]).filter(Boolean));
  const free = SERIES_PALETTE.filter((c) => !taken.has(c));
  const palette = free.length > 0 ? free : [...SERIES_PALETTE];
  let next = 0;
  return values.map((v) => SETTING_COLORS[v] ?? palette[next++ % palette.length]!);
}
