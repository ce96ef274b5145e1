/** SVG text to PNG with resvg, using only the fonts shipped in src/node/fonts. */
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from '../fonts/fontFiles.ts';

export interface RenderPngOptions {
  /** Pixels per SVG unit; 2 gives sharp images on high-density screens and in print. */
  scale?: number;
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  pixels: Buffer;
}

export function renderPng(svg: string, options: RenderPngOptions = {}): Buffer {
  return render(svg, options).asPng();
}

/** The decoded pixels, for checks that look at the picture rather than the file. */
export function rasterize(svg: string, options: RenderPngOptions = {}): Raster {
  const image = render(svg, options);
  return { width: image.width, height: image.height, pixels: image.pixels };
}

function render(svg: string, { scale = 2 }: RenderPngOptions) {
  if (!(scale > 0 && Number.isFinite(scale)))
    throw new RangeError(`renderPng: scale must be > 0 (got ${scale})`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: {
      fontFiles: [...FONT_FILES],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return resvg.render();
}
