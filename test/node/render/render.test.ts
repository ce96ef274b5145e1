import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { percentileCurves } from '../../../src/charts/percentileCurves.ts';
import { useCaseBudgets } from '../../../src/charts/useCaseBudgets.ts';
import { FONT_FILES } from '../../../src/node/fonts/fontFiles.ts';
import { loadFontMetrics } from '../../../src/node/fonts/fontMetrics.ts';
import { rasterize, renderPng } from '../../../src/node/render/renderPng.ts';
import { renderSvg } from '../../../src/node/render/renderSvg.ts';
import { writeChart } from '../../../src/node/render/writeChart.ts';
import { budgetComparison, chainDepthSweep } from '../../charts/fixtures.ts';
import { svgSize, texts } from '../../charts/svg.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which must come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('fonts', () => {
  it('ships the DejaVu Sans files resvg reads', () => {
    for (const f of FONT_FILES) {
      expect(existsSync(f), f).toBe(true);
      // TrueType files start with version 1.0.
      expect(readFileSync(f).readUInt32BE(0)).toBe(0x00010000);
    }
  });

  it('measures text with the font: narrow i, wide W, bold wider', () => {
    const [regular, bold] = FONT_FILES.map(loadFontMetrics);
    expect(regular.widthEm('i')).toBeCloseTo(0.278, 3);
    expect(regular.widthEm('W')).toBeCloseTo(0.989, 3);
    expect(bold.widthEm('latency')).toBeGreaterThan(regular.widthEm('latency'));
    expect(regular.widthEm('')).toBe(0);
  });
});

describe('renderSvg', () => {
  it('gives byte-identical SVG for the same spec, whatever ran before', async () => {
    const spec = percentileCurves(chainDepthSweep());
    const [a, , b] = await Promise.all([
      renderSvg(spec),
      renderSvg(useCaseBudgets(budgetComparison())),
      renderSvg(spec),
    ]);
    expect(a).toBe(b);
    expect(a.startsWith('<svg')).toBe(true);
    expect(a).toContain('font-family="DejaVu Sans"');
  });

  it('reports compiler warnings instead of printing them', async () => {
    const warnings: string[] = [];
    await renderSvg(
      {
        data: { values: [{ a: 1 }] },
        mark: 'point',
        encoding: { x: { field: 'a', type: 'quantitative', aggregate: 'nonsense' as never } },
      },
      { onWarning: (w) => warnings.push(w) },
    );
    expect(warnings.join(' ')).toMatch(/nonsense/i);
  });
});

describe('renderPng', () => {
  it('writes a PNG of the SVG size times the scale', async () => {
    const svg = await renderSvg(percentileCurves(chainDepthSweep()));
    const { width, height } = svgSize(svg);
    for (const scale of [1, 2]) {
      expect(pngSize(renderPng(svg, { scale }))).toEqual({
        width: Math.round(width * scale),
        height: Math.round(height * scale),
      });
    }
  });

  it('draws the text with the shipped font', async () => {
    const svg = await renderSvg(useCaseBudgets(budgetComparison()));
    expect(texts(svg).length).toBeGreaterThan(20);
    // With system fonts off, text appears only if the shipped fonts load: the
    // same picture with its text removed must differ in many pixels.
    const withText = rasterize(svg, { scale: 1 });
    const without = rasterize(svg.replace(/<text\b[^>]*>.*?<\/text>/gs, ''), { scale: 1 });
    let differing = 0;
    for (let i = 0; i < withText.pixels.length; i += 4) {
      if (withText.pixels[i] !== without.pixels[i]) differing += 1;
    }
    expect(differing).toBeGreaterThan(3000);
  });

  it('rejects a scale that is not positive', () => {
    expect(() =>
      renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', { scale: 0 }),
    ).toThrow(/scale/);
  });
});

describe('writeChart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coldtail-charts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the spec, the SVG and the PNG, and leaves no temporary file', async () => {
    const spec = percentileCurves(chainDepthSweep());
    const out = join(dir, 'nested', 'chain');
    const paths = await writeChart(out, 'percentileCurves', spec, { scale: 1 });
    expect(readdirSync(out).sort()).toEqual([
      'percentileCurves.png',
      'percentileCurves.svg',
      'percentileCurves.vl.json',
    ]);
    expect(JSON.parse(readFileSync(paths.spec, 'utf8'))).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(readFileSync(paths.svg, 'utf8')).toBe(await renderSvg(spec));
    expect(pngSize(readFileSync(paths.png)).width).toBe(
      svgSize(readFileSync(paths.svg, 'utf8')).width,
    );
  });

  it('refuses a name that would leave the folder', async () => {
    await expect(writeChart(dir, '../escape', percentileCurves(chainDepthSweep()))).rejects.toThrow(
      /safe file name/,
    );
  });
});
