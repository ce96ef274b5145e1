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
  const logger = makeLogger(warn);
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

/**
 * A Vega logger that forwards warnings and errors instead of writing to the
 * console. Built from closures, not a class: Vega calls some of its logger's
 * methods unbound (`const warn = logger.warn; warn(...)`), and a method that
 * reads `this` then throws "this.warnFn is not a function", which hides the
 * message Vega meant to log.
 */
function makeLogger(forward: (...args: unknown[]) => void): vega.LoggerInterface {
  let lvl = vega.Warn;
  const logger: vega.LoggerInterface = {
    level: ((l?: number) => {
      if (l === undefined) return lvl;
      lvl = l;
      return logger;
    }) as vega.LoggerInterface['level'],
    error: (...args: readonly unknown[]) => {
      forward('error:', ...args);
      return logger;
    },
    warn: (...args: readonly unknown[]) => {
      if (lvl >= vega.Warn) forward(...args);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
