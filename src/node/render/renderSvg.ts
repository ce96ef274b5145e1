/**
 * Vega-Lite spec to SVG text, headless: Vega's 'none' renderer builds the
 * scenegraph without a canvas, and toSVG serialises it. Text is measured with
 * the shipped font's advance widths (textWidth.ts): deterministic, and true
 * to the PNG.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { useShippedFontMetrics } from './textWidth.ts';

export interface RenderSvgOptions {
  /** Called with each warning from Vega-Lite's compiler and Vega's runtime; default: ignore. */
  onWarning?: (message: string) => void;
}

// Vega numbers clip paths and gradients from module-level counters. Renders run
// one at a time, each after a counter reset, so the same spec always gives the
// same ids (and so the same bytes) whatever ran before it.
let queue: Promise<unknown> = Promise.resolve();

export function renderSvg(spec: TopLevelSpec, options: RenderSvgOptions = {}): Promise<string> {
  const run = queue.then(() => renderNow(spec, options));
  queue = run.catch(() => undefined);
  return run;
}

async function renderNow(spec: TopLevelSpec, options: RenderSvgOptions): Promise<string> {
  useShippedFontMetrics();
  const warn = (...args: unknown[]) => options.onWarning?.(args.map(String).join(' '));
  const logger = new Logger(warn);
  // structuredClone: Vega-Lite may annotate the spec it is given.
  const compiled = compile(structuredClone(spec), { logger }).spec;
  const view = new vega.View(vega.parse(compiled), {
    renderer: 'none',
    logger,
    logLevel: vega.Warn,
  });
  try {
    vega.resetSVGDefIds();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A Vega logger that forwards warnings and errors instead of writing to the console. */
class Logger implements vega.LoggerInterface {
  private lvl = vega.Warn;
  constructor(private readonly warnFn: (...args: unknown[]) => void) {}
  level(): number;
  level(_: number): this;
  level(l?: number): number | this {
    if (l === undefined) return this.lvl;
    this.lvl = l;
    return this;
  }
  error(...args: readonly unknown[]): this {
    this.warnFn('error:', ...args);
    return this;
  }
  warn(...args: readonly unknown[]): this {
    if (this.lvl >= vega.Warn) this.warnFn(...args);
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}
