/**
 * An experiment's charts and their options, checked by the experiment file's schema: each
 * chart's own options, with the path, the reason and a "did you mean", before anything runs.
 */
import { describe, expect, it } from 'vitest';
import { CHART_NAMES, CHART_OPTIONS, chartOptionsOf } from '../../src/experiments/chartsSpec.ts';
import { experimentSchema } from '../../src/experiments/experimentSpec.ts';
import { SpecError } from '../../src/spec/specError.ts';
import { prepare } from './experimentHelpers.ts';

function refusal(charts: unknown): { path: string; reason: string } {
  try {
    prepare({ duration: '1min', workload: { poisson: { perSecond: 1 } }, charts });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return { path: (e as SpecError).path, reason: (e as SpecError).reason };
  }
  throw new Error('the charts were accepted');
}

describe('an experiment file checks its charts and each chart its options', () => {
  it('an unknown chart, by name or in an object, with a suggestion', () => {
    expect(refusal(['percentileCurves', 'tailPlott'])).toEqual({
      path: 'charts[1]',
      reason: `must be one of ${CHART_NAMES.map((n) => `"${n}"`).join(', ')} (got "tailPlott"); did you mean "tailPlot"?`,
    });
    expect(refusal([{ name: 'latencyCfd' }]).path).toBe('charts[0].name');
    expect(refusal([{ name: 'latencyCfd' }]).reason).toMatch(/did you mean "latencyCdf"\?$/);
    expect(refusal([{ options: {} }])).toEqual({
      path: 'charts[0]',
      reason: 'missing required field "name"',
    });
  });

  it('an option another chart has, or a misspelt one, or a value of the wrong kind', () => {
    expect(refusal([{ name: 'tailPlot', options: { thresholdMs: 5 } }])).toEqual({
      path: 'charts[0].options',
      reason: 'unknown field "thresholdMs" (allowed: points)',
    });
    expect(refusal([{ name: 'fanOutSlowShare', options: { tresholdMs: 5 } }])).toEqual({
      path: 'charts[0].options',
      reason: 'unknown field "tresholdMs"; did you mean "thresholdMs"?',
    });
    expect(refusal([{ name: 'latencyCdf', options: { points: [0, -1] } }])).toEqual({
      path: 'charts[0].options.points[1]',
      reason: 'must be >= 0 (got -1)',
    });
    expect(refusal([{ name: 'useCaseBudgets', options: { stat: 'p98' } }]).reason).toMatch(
      /^must be one of "p50", "p90", "p95", "p99", "p999" \(got "p98"\)/,
    );
    expect(
      refusal([
        {
          name: 'useCaseBudgets',
          options: { budgets: [{ id: 'a', useCase: 'b', ms: 0, source: 'c' }] },
        },
      ]),
    ).toEqual({ path: 'charts[0].options.budgets[0].ms', reason: 'must be > 0 (got 0)' });
    expect(refusal([{ name: 'burstTimeline', options: { point: 1.5 } }])).toEqual({
      path: 'charts[0].options.point',
      reason: 'must be an integer (got 1.5)',
    });
  });

  it('a chart listed twice', () => {
    expect(refusal(['tailPlot', { name: 'tailPlot' }])).toEqual({
      path: 'charts[1]',
      reason: 'chart "tailPlot" is listed twice',
    });
  });

  it('takes every chart with every option it documents', () => {
    const charts = [
      {
        name: 'percentileCurves',
        options: { x: 'depth', split: 'dash', percentiles: ['p50', 'p999'] },
      },
      { name: 'latencyCdf', options: { points: [0] } },
      'tailPlot',
      { name: 'stageBreakdown', options: {} },
      { name: 'burstTimeline', options: { point: 0 } },
      { name: 'fanOutSlowShare', options: { x: 'fanOut', p: 0.01, thresholdMs: 500 } },
      { name: 'keepAliveCost', options: { x: 'keepAlive', cost: 'usd' } },
      {
        name: 'useCaseBudgets',
        options: {
          stat: 'p99',
          budgets: [{ id: 'a', useCase: 'b', ms: 100, source: 'c', note: 'd' }],
        },
      },
      { name: 'powerTuning', options: { x: 'memoryMB' } },
    ];
    const spec = experimentSchema.parse({
      name: 'x',
      description: 'x',
      duration: '1s',
      workload: { poisson: { perSecond: 1 } },
      charts,
    });
    expect(spec.charts).toEqual(charts);
    expect(Object.keys(CHART_OPTIONS)).toEqual([...CHART_NAMES]);
    expect(chartOptionsOf(charts).keepAliveCost).toEqual({ x: 'keepAlive', cost: 'usd' });
  });

  it('publishes the options of each chart in the JSON Schema, for editors', () => {
    const schema = JSON.stringify(experimentSchema.jsonSchema());
    expect(schema).toContain('"thresholdMs"');
    expect(schema).toContain('"const":"fanOutSlowShare"');
  });
});
