/**
 * Picks the charts that make sense for an experiment, from the shape of its
 * sweep and what its results hold; an experiment file can name its charts
 * instead (hints.charts), in the order it wants them, each by its name or as
 * {"name": "fanOutSlowShare", "options": {"thresholdMs": 500, "p": 0.01}}.
 */
import {
  CHART_NAMES,
  type ChartName,
  type ChartOptionsSpec,
  chartOptionsOf,
} from '../experiments/chartsSpec.ts';
import type { ExperimentResults } from '../experiments/results.ts';
import { suggestion } from '../spec/didYouMean.ts';
import { SpecError } from '../spec/specError.ts';
import { CHART_KINDS, type ChartOptions, chartKind } from './chartKinds.ts';
import type { ChartEntry } from './types.ts';
import { inWords } from './words.ts';

export type { ChartOptions };
export { CHART_NAMES, type ChartName };

/** A chart as an experiment file names it: its name, or its name and options (plain JSON). */
export type ChartRequest = string | { readonly name: string; readonly options?: unknown };

export interface ChartHints {
  /** The charts to draw, in order; default: chosen from the axes and the results. */
  charts?: readonly ChartRequest[];
  /** Options per chart; a chart's own options in `charts` override these. */
  options?: ChartOptions;
}

export function chartsFor(raw: ExperimentResults, hints: ChartHints = {}): ChartEntry[] {
  // Axes and points named in words with units, not by the file's field names.
  const results = inWords(raw);
  const names = hints.charts ? checked(hints.charts) : chosen(results);
  const opts = chartOptions(hints) as Record<string, object | undefined>;
  const out: ChartEntry[] = [];
  for (const name of names) {
    const kind = chartKind(name);
    // A named chart the data cannot support is skipped, not drawn empty.
    if (kind.undrawable(results) !== null) continue;
    const options = opts[name];
    if (kind.panels) out.push(...kind.panels(results, options));
    else {
      const title = kind.title(results, options);
      out.push({ name, title, spec: kind.spec(results, options) });
    }
  }
  return out;
}

/** The default choice, from the axes: see each chart's `byDefault` for what calls for it. */
function chosen(results: ExperimentResults): ChartName[] {
  return CHART_KINDS.filter((k) => k.byDefault?.(results) === true).map((k) => k.name);
}

/**
 * Why the results cannot support chart `name`, in words, or null when they can. A chart
 * that cannot be drawn is skipped, not drawn empty; `coldtail chart` says why.
 */
export function undrawable(results: ExperimentResults, name: ChartName): string | null {
  return chartKind(name).undrawable(results);
}

/** A chart list or a chart's options that cannot be drawn as asked: the asker's input. */
export class ChartRequestError extends Error {}

function checked(requests: readonly ChartRequest[]): ChartName[] {
  const names = requests.map((r) => chartName(typeof r === 'string' ? r : r?.name));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new ChartRequestError(`chart "${twice}" is listed twice`);
  return names;
}

function chartName(n: unknown): ChartName {
  if (typeof n !== 'string')
    throw new ChartRequestError('a chart is a name, or an object with a "name"');
  if ((CHART_NAMES as readonly string[]).includes(n)) return n as ChartName;
  throw new ChartRequestError(
    `unknown chart "${n}"${suggestion(n, CHART_NAMES)} (charts: ${CHART_NAMES.join(', ')})`,
  );
}

/**
 * The options each chart is drawn with: hints.options, overridden by those
 * an entry of hints.charts gives, checked by the experiment file's schema of
 * chart options (src/experiments/chartsSpec.ts). The report's narrative reads
 * them too, so that text and chart agree.
 */
export function chartOptions(hints: ChartHints = {}): ChartOptions {
  try {
    return chartOptionsOf(hints.charts, hints.options as ChartOptionsSpec) as ChartOptions;
  } catch (e) {
    if (e instanceof SpecError) throw new ChartRequestError(e.message);
    throw e;
  }
}
