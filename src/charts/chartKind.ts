import type { ChartName } from '../experiments/chartsSpec.ts';
import type { ExperimentResults } from '../experiments/results.ts';
import { measuredPoints, numericAxes } from './axes.ts';
import type { ChartEntry, VegaLiteSpec } from './types.ts';

/**
 * One kind of chart, whole but for its options' schema: when it is drawn without being asked
 * for, when the results cannot support it, its title and its Vega-Lite spec. Each lives in the
 * chart's own file (src/charts/<name>.ts), beside the function that builds the spec; the
 * registry is ./chartKinds.ts. The options' schema is the chart's file in
 * src/experiments/chartOptions/, below the charts, because the experiment file's schema holds
 * it; `O` is what the spec builder takes, which the registry checks at compile time accepts
 * everything that schema lets through.
 */
export interface ChartKind<K extends ChartName, O extends object> {
  readonly name: K;
  /**
   * Whether the chart is drawn when the experiment names none, from the shape of the sweep
   * (the registry's order is the order they are drawn in); absent: only when named.
   */
  byDefault?(results: ExperimentResults): boolean;
  /**
   * Why the results cannot support the chart, in words, or null when they can. A chart that
   * cannot be drawn is skipped, not drawn empty; `coldtail chart` says why.
   */
  undrawable(results: ExperimentResults): string | null;
  /** What the chart shows, in words: the report's figure caption. */
  title(results: ExperimentResults, options: O | undefined): string;
  spec(results: ExperimentResults, options: O | undefined): VegaLiteSpec;
  /**
   * A chart drawn as several panels (one per point, say): each with its own file name, title
   * and spec. Absent: one chart, `name` with `title` and `spec`.
   */
  panels?(results: ExperimentResults, options: O | undefined): ChartEntry[];
}

/** Why a chart needing measured points cannot be drawn, when no point has any. */
export function noPointMeasured(results: ExperimentResults): string {
  return results.points.length === 0
    ? 'the results hold no point: the run stopped before any ended'
    : 'no point completed a call';
}

/** null when some point completed a call, else why no chart can be drawn from its calls. */
export function unmeasured(results: ExperimentResults): string | null {
  return measuredPoints(results).length > 0 ? null : noPointMeasured(results);
}

/** The sweep's axes, in the words of a chart that needs another: "axes: a, b" or "no sweep". */
export function axesInWords(results: ExperimentResults): string {
  const axes = results.axes.map((a) => a.path).join(', ');
  return axes ? `axes: ${axes}` : 'no sweep';
}

/** null when the sweep has a numeric axis and some point completed a call, else why not. */
export function numericSweep(results: ExperimentResults): string | null {
  if (numericAxes(results).length === 0) {
    return `it needs a sweep axis with numeric values (${axesInWords(results)})`;
  }
  return unmeasured(results);
}
