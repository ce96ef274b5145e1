import type { Schema } from '../../spec/schema.ts';

/**
 * The options of one kind of chart, as an experiment file writes them: the part of a chart
 * that the experiment file's schema (and results.json's, which keeps the list) must know,
 * so it lives here, below the charts. The rest of the chart (when it applies, its title, its
 * Vega-Lite spec) is its `ChartKind` in src/charts/<name>.ts.
 */
export interface ChartOptionsKind<N extends string, T> {
  /** The chart's name in an experiment file's `charts`. */
  readonly name: N;
  /** Its options, {"name": ..., "options": {...}}: an object schema, so unknown keys are refused. */
  readonly options: Schema<T>;
}

/** One chart's options (keeps the name's literal type). */
export function chartOptionsKind<const N extends string, T>(
  name: N,
  options: Schema<T>,
): ChartOptionsKind<N, T> {
  return { name, options };
}
