/**
 * The tail made visible: the share of requests slower than each latency
 * (1 - CDF) on log-log axes. The p99 and p99.9 that a linear CDF squeezes
 * into its top edge spread out over decades here.
 */
import type { ExperimentResults } from '../experiments/results.ts';
import { clean } from './cdf.ts';
import type { ChartKind } from './chartKind.ts';
import { cdfRows, type DistributionOptions, distributionSpec, withCdf } from './latencyCdf.ts';
import { logTicks, powersOfTen } from './logTicks.ts';
import { latencyScale } from './scales.ts';
import { baseConfig, SCHEMA } from './theme.ts';
import { chartTitle } from './title.ts';
import type { VegaLiteSpec } from './types.ts';

/** Tick labels name the percentile each share marks: 1% of requests are slower than the p99. */
const SHARE_LABEL_EXPR = [
  "format(datum.value, '~%')",
  "(datum.value == 0.1 ? ' (p90)' : datum.value == 0.01 ? ' (p99)' : datum.value == 0.001 ? ' (p99.9)' : datum.value == 0.0001 ? ' (p99.99)' : '')",
].join(' + ');

export function tailPlot(
  results: ExperimentResults,
  options: DistributionOptions = {},
): VegaLiteSpec {
  const { rows: cdf, color, dash, facet, notes } = cdfRows(results, options);
  // 1 - p = 0 (the maximum) has no place on a log axis.
  const rows = cdf
    .map((r) => ({ point: r.point, panel: r.panel, latency: r.latency, slower: clean(1 - r.p) }))
    .filter((r) => r.slower > 0);
  const x = latencyScale(rows.map((r) => r.latency));
  const y = logTicks(
    rows.map((r) => r.slower),
    [0.001, 1],
  );
  const base = {
    $schema: SCHEMA,
    title: chartTitle(
      results,
      'Share of requests slower than each latency (1 − CDF), log–log',
      notes,
    ),
    data: { values: rows },
    config: baseConfig(),
  };
  return distributionSpec(base, facet, {
    mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 18 } },
    encoding: {
      x: { field: 'latency', type: 'quantitative', scale: x.scale, axis: x.axis },
      y: {
        field: 'slower',
        type: 'quantitative',
        scale: { type: 'log', domain: [y.domain[0], 1], nice: false },
        axis: {
          title: 'share of requests slower (1 − p)',
          values: powersOfTen(y.domain[0], 1),
          labelExpr: SHARE_LABEL_EXPR,
        },
      },
      color,
      ...dash,
    },
  });
}

export const tailPlotChart: ChartKind<'tailPlot', DistributionOptions> = {
  name: 'tailPlot',
  shows: 'the tail of the distribution (1 - CDF) on log axes, a line per point',
  drawnWhen: 'always',
  byDefault: () => true,
  undrawable: (results) => withCdf(results),
  title: () => 'The tail, log–log',
  spec: tailPlot,
};
