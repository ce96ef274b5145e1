/**
 * Vega measures text with a canvas when node-canvas is installed and guesses
 * 0.8 em per character otherwise. Neither matches the PNG, which resvg draws
 * with the shipped DejaVu Sans: this gives Vega that font's real advances.
 *
 * The function does not truncate: Vega truncates labels itself by calling it
 * on pieces of the text. Layout then sees a truncated label's full width,
 * which only adds space; the labels drawn are cut where they should be.
 */
import * as vega from 'vega';
import { FONT_FILES } from '../fonts/fontFiles.ts';
import { type FontMetrics, loadFontMetrics } from '../fonts/fontMetrics.ts';

interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
}

interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

let installed = false;

/** Make Vega measure text in DejaVu Sans; idempotent. */
export function useShippedFontMetrics(): void {
  if (installed) return;
  const regular = loadFontMetrics(FONT_FILES[0]);
  const bold = loadFontMetrics(FONT_FILES[1]);
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const line = text == null ? '' : String(text).trim();
    return size * fontFor(item, regular, bold).widthEm(line);
  };
  installed = true;
}

function fontFor(item: TextItem, regular: FontMetrics, bold: FontMetrics): FontMetrics {
  const w = item.fontWeight;
  const heavy = w === 'bold' || w === 'bolder' || (w != null && Number(w) >= 600);
  return heavy ? bold : regular;
}
