/**
 * The look shared by every chart: one font, palettes that survive greyscale
 * printing and colour-blindness, and a fixed size so that SVGs, PNGs and the
 * report line up whatever the data.
 */

/** The font shipped in src/node/fonts; PNG rendering loads exactly this file. */
export const FONT = 'DejaVu Sans';

/** Every spec names the schema version it was written for; a string, never fetched. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export const WIDTH = 560;
export const HEIGHT = 300;

/**
 * Okabe and Ito's palette for categories (Color Universal Design, 2008): told
 * apart under the common colour-vision deficiencies. Black comes last so that
 * it is used only when seven colours are not enough.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#F0E442', // yellow
  '#000000', // black
] as const;

/**
 * Colours for ordered series (percentiles): viridis samples from light to
 * dark, so that the order still reads in greyscale. The lightest viridis
 * yellows are left out: they vanish on white paper.
 */
export const ORDERED = ['#7AD151', '#22A884', '#2A788E', '#414487', '#440154'] as const;

/** Point shapes paired with colours, so that series differ without colour too. */
export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];

/**
 * Okabe-Ito for lines and points: its yellow is kept for last, after black,
 * since a thin yellow line on white all but disappears.
 */
export const CATEGORY_COLORS = [...OKABE_ITO.slice(0, 6), OKABE_ITO[7], OKABE_ITO[6]] as const;

/** A colour scale for named categories: Okabe-Ito while it lasts, then viridis in sweep order. */
export function categoryScale(names: readonly string[]) {
  if (names.length <= CATEGORY_COLORS.length) {
    return { domain: [...names], range: CATEGORY_COLORS.slice(0, Math.max(names.length, 1)) };
  }
  return { domain: [...names], scheme: 'viridis' };
}

/**
 * `n` colours from ORDERED for an ordered series, spread over its whole
 * range: two values get the lightest and the darkest, which stay apart in
 * greyscale, not two neighbouring greens.
 */
export function orderedColors(n: number): string[] {
  if (n <= 1) return [ORDERED[ORDERED.length - 2]];
  return Array.from(
    { length: n },
    (_, i) => ORDERED[Math.round((i * (ORDERED.length - 1)) / (n - 1))],
  );
}

/** Dash patterns for lines told apart by colour, so that they are by something else in greyscale. */
export const DASHES: readonly (readonly number[])[] = [
  [1, 0],
  [6, 3],
  [2, 2],
  [8, 3, 2, 3],
];

/** The Vega-Lite config block of every chart. */
export function baseConfig() {
  return {
    font: FONT,
    background: 'white',
    padding: 8,
    view: { stroke: '#bbbbbb' },
    title: { fontSize: 15, subtitleFontSize: 12, subtitleColor: '#444444', anchor: 'start' },
    axis: {
      labelFontSize: 11,
      titleFontSize: 12,
      titleFontWeight: 'normal',
      labelOverlap: true,
      // Vega caps an axis at 200 px and then draws its title over long labels.
      maxExtent: 320,
      gridColor: '#e6e6e6',
      domainColor: '#888888',
      tickColor: '#888888',
    },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 260 },
    header: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal' },
  } as const;
}
