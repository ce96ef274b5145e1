/**
 * One chart as three files: the Vega-Lite spec (to edit or open in the Vega
 * editor), the SVG (for the report and the web) and a PNG (for slides and
 * chat). Each file is written whole or not at all: a reader never sees half
 * a chart, even if the process dies mid-write.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { renderPng } from './renderPng.ts';
import { type RenderSvgOptions, renderSvg } from './renderSvg.ts';

export interface WriteChartOptions extends RenderSvgOptions {
  /** PNG pixels per SVG unit (default 2). */
  scale?: number;
}

export interface WrittenChart {
  spec: string;
  svg: string;
  png: string;
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
  await mkdir(dir, { recursive: true });
  const paths = {
    spec: join(dir, `${name}.vl.json`),
    svg: join(dir, `${name}.svg`),
    png: join(dir, `${name}.png`),
  };
  await writeAtomic(paths.spec, `${JSON.stringify(spec, null, 2)}\n`);
  await writeAtomic(paths.svg, svg);
  await writeAtomic(paths.png, png);
  return paths;
}

let tmpSeq = 0;

/** Write to a temporary file beside the target, then rename: rename is atomic within a folder. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // pid and a counter: concurrent writers, in this process or another, never share a temp file.
  const tmp = `${path}.${process.pid}.${(tmpSeq += 1)}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
