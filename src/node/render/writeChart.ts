/**
 * One chart as three files: the Vega-Lite spec (to edit or open in the Vega
 * editor), the SVG (for the report and the web) and a PNG (for slides and
 * chat). Each file is written whole or not at all: a reader never sees half
 * a chart, even if the process dies mid-write.
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from '../files.ts';
import { renderPng } from './renderPng.ts';
import { type RenderSvgOptions, renderSvg } from './renderSvg.ts';

export interface WriteChartOptions extends RenderSvgOptions {
  /** PNG pixels per SVG unit (default 2). */
  scale?: number;
}

export interface WrittenChart {
  /** The paths written. */
  spec: string;
  svg: string;
  png: string;
  /** The SVG itself, for a report to inline. */
  svgText: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export async function writeChart(
  dir: string,
  name: string,
  spec: TopLevelSpec,
  options: WriteChartOptions = {},
): Promise<WrittenChart> {
  if (!NAME.test(name)) throw new Error(`writeChart: "${name}" is not a safe file name`);
  const svg = await renderSvg(spec, options);
  const png = renderPng(svg, { scale: options.scale ?? 2 });
  const paths = {
    spec: join(dir, `${name}.vl.json`),
    svg: join(dir, `${name}.svg`),
    png: join(dir, `${name}.png`),
  };
  writeFileAtomic(paths.spec, `${JSON.stringify(spec, null, 2)}\n`);
  writeFileAtomic(paths.svg, svg);
  writeFileAtomic(paths.png, png);
  return { ...paths, svgText: svg };
}
