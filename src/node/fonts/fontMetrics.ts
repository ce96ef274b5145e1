/**
 * Advance widths read from a TrueType file, so that Vega lays out text (label
 * truncation, legend and title sizes) for the font the PNG is drawn with.
 * Without a canvas Vega guesses 0.8 em per character, which is 40% too wide
 * for DejaVu Sans and cuts labels that would fit.
 *
 * Reads only what width needs: head (units per em), hhea and hmtx (advances)
 * and a format 4 cmap (the Basic Multilingual Plane). Kerning is left out;
 * it changes a line's width by a few per cent at most.
 */
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  /** Width of a string in ems (multiply by the font size for pixels). */
  widthEm(text: string): number;
}

export function loadFontMetrics(path: string): FontMetrics {
  return parseFontMetrics(readFileSync(path));
}

export function parseFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(view);
  const head = need(tables, 'head');
  const hhea = need(tables, 'hhea');
  const hmtx = need(tables, 'hmtx');
  const unitsPerEm = view.getUint16(head + 18);
  const numberOfHMetrics = view.getUint16(hhea + 34);
  const glyphOf = cmap4(view, need(tables, 'cmap'));
  const advance = (glyph: number) =>
    view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1)) / unitsPerEm;
  const cache = new Map<number, number>();
  const charWidth = (code: number) => {
    let w = cache.get(code);
    if (w === undefined) {
      // Characters the font lacks are drawn from a fallback: count them as a typical glyph.
      const glyph = glyphOf(code);
      w = glyph === 0 ? 0.6 : advance(glyph);
      cache.set(code, w);
    }
    return w;
  };
  return {
    widthEm(text: string): number {
      let w = 0;
      for (const ch of text) w += charWidth(ch.codePointAt(0)!);
      return w;
    },
  };
}

function tableDirectory(view: DataView): Map<string, number> {
  const count = view.getUint16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const rec = 12 + 16 * i;
    let tag = '';
    for (let j = 0; j < 4; j += 1) tag += String.fromCharCode(view.getUint8(rec + j));
    tables.set(tag, view.getUint32(rec + 8));
  }
  return tables;
}

function need(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`font has no ${tag} table`);
  return offset;
}

/** The glyph index of a code point from the Unicode BMP subtable (format 4); 0 if none. */
function cmap4(view: DataView, cmap: number): (code: number) => number {
  const n = view.getUint16(cmap + 2);
  let sub = -1;
  for (let i = 0; i < n; i += 1) {
    const rec = cmap + 4 + 8 * i;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const offset = cmap + view.getUint32(rec + 4);
    const unicodeBmp = (platform === 3 && encoding === 1) || platform === 0;
    if (unicodeBmp && view.getUint16(offset) === 4) {
      sub = offset;
      break;
    }
  }
  if (sub < 0) throw new Error('font has no format 4 Unicode cmap');
  const segX2 = view.getUint16(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (code: number) => {
    if (code > 0xffff) return 0;
    for (let i = 0; i < segX2; i += 2) {
      if (code > view.getUint16(ends + i)) continue;
      const start = view.getUint16(starts + i);
      if (code < start) return 0;
      const delta = view.getInt16(deltas + i);
      const ro = view.getUint16(rangeOffsets + i);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = view.getUint16(rangeOffsets + i + ro + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}
