import { compile } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { burstTimeline } from '../../src/charts/burstTimeline.ts';
import { fanOutSlowShare } from '../../src/charts/fanOutSlowShare.ts';
import { keepAliveCost } from '../../src/charts/keepAliveCost.ts';
import { latencyCdf } from '../../src/charts/latencyCdf.ts';
import { percentileCurves } from '../../src/charts/percentileCurves.ts';
import { stageBreakdown } from '../../src/charts/stageBreakdown.ts';
import { tailPlot } from '../../src/charts/tailPlot.ts';
import type { VegaLiteSpec } from '../../src/charts/types.ts';
import { useCaseBudgets } from '../../src/charts/useCaseBudgets.ts';
import type { ExperimentResults } from '../../src/experiments/results.ts';
import { renderSvg } from '../../src/node/render/renderSvg.ts';
import {
  budgetComparison,
  burst,
  chainDepthSweep,
  fanOutSweep,
  keepAliveSweep,
  onTwoPlatforms,
} from './fixtures.ts';
import { markCount, texts } from './svg.ts';

interface Case {
  name: string;
  results: () => ExperimentResults;
  build: (r: ExperimentResults) => VegaLiteSpec;
  /** Data marks expected in the SVG, by Vega mark type. */
  marks: Record<string, number>;
  /** Text that must appear: axis titles, legend entries. */
  text: string[];
}

const CASES: Case[] = [
  {
    name: 'percentileCurves, facets by platform',
    results: chainDepthSweep,
    build: (r) => percentileCurves(r),
    // 2 platforms x 4 percentiles: lines and interval bands; 6 depths x 4 x 2 points.
    marks: { line: 8, area: 8, symbol: 48 },
    text: ['latency (ms)', 'depth', 'percentile', 'p99.9', 'aws-lambda-2019', 'edge-isolates'],
  },
  {
    name: 'percentileCurves, dashes by platform',
    results: chainDepthSweep,
    build: (r) => percentileCurves(r, { split: 'dash' }),
    marks: { line: 8, area: 8 },
    text: ['latency (ms)', 'depth', 'platform', 'edge-isolates'],
  },
  {
    name: 'latencyCdf',
    results: budgetComparison,
    build: (r) => latencyCdf(r),
    // The throttled-only platform has no distribution to draw.
    marks: { line: 3 },
    text: ['latency (ms)', 'share of requests at or below (CDF)', 'azure-functions'],
  },
  {
    name: 'tailPlot, small multiples by platform',
    results: chainDepthSweep,
    build: (r) => tailPlot(r),
    marks: { line: 12 },
    text: ['share of requests slower (1 − p)', '1% (p99)', '0.1% (p99.9)', 'depth'],
  },
  {
    name: 'stageBreakdown',
    results: chainDepthSweep,
    build: (r) => stageBreakdown(r),
    marks: { text: 24 },
    text: ['calls near the p50', 'calls near the p99', 'cold start', 'execution', 'time (ms)'],
  },
  {
    name: 'burstTimeline',
    results: burst,
    build: (r) => burstTimeline(r),
    // Areas: starting, busy, idle; lines: arrived, throttled, p99; warm-up bands: 3.
    marks: { area: 3, line: 3, rect: 3 },
    text: ['instances', 'calls per second', 'p99 per window (ms)', 'throttled', 'starting'],
  },
  {
    name: 'fanOutSlowShare',
    results: fanOutSweep,
    build: (r) => fanOutSlowShare(r),
    marks: { line: 1, symbol: 8 },
    text: ['share of slow requests', 'fan-out (calls in parallel)', '1 − (1 − p)^n, p = 1%'],
  },
  {
    name: 'keepAliveCost',
    results: keepAliveSweep,
    build: (r) => keepAliveCost(r),
    marks: { line: 2, symbol: 10 },
    text: [
      'share of requests with a cold start',
      'cost per million requests (USD)',
      '1 min',
      '1 h',
    ],
  },
  {
    name: 'keepAliveCost, one panel per platform',
    results: () => onTwoPlatforms(keepAliveSweep()),
    build: (r) => keepAliveCost(r),
    marks: { line: 4, symbol: 20 },
    text: ['platform: a', 'platform: b', 'cold-start share'],
  },
  {
    name: 'fanOutSlowShare, two platforms over one curve',
    results: () => onTwoPlatforms(fanOutSweep()),
    build: (r) => fanOutSlowShare(r),
    // b's widest point is slower than the threshold beyond its stored CDF: left out, not guessed.
    marks: { line: 1, symbol: 15 },
    text: ['a', 'b', '1 − (1 − p)^n, p = 1%'],
  },
  {
    name: 'useCaseBudgets',
    results: budgetComparison,
    build: (r) => useCaseBudgets(r),
    // 3 platforms with calls; 8 budget bars and 7 shaded zones.
    marks: { symbol: 3, rect: 15 },
    text: [
      'p99 latency (ms)',
      'feels instantaneous (Nielsen, response time limits)',
      'no completed calls',
    ],
  },
];

describe.each(CASES)('$name', (c) => {
  let spec: VegaLiteSpec;
  let svg: string;
  const warnings: string[] = [];
  beforeAll(async () => {
    spec = c.build(c.results());
    svg = await renderSvg(spec, { onWarning: (w) => warnings.push(w) });
  });

  it('compiles with Vega-Lite without warnings', () => {
    expect(() => compile(structuredClone(spec))).not.toThrow();
    expect(warnings).toEqual([]);
  });

  it('draws the expected marks', () => {
    for (const [type, n] of Object.entries(c.marks)) expect(markCount(svg, type), type).toBe(n);
  });

  it('titles the chart with the experiment and labels the axes', () => {
    const all = texts(svg);
    expect(all).toContain(c.results().experiment.title);
    for (const t of c.text) expect(all, t).toContain(t);
  });

  it('never draws NaN, even where the results hold nulls', () => {
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('is readable by default: fixed size, the shipped font, no default palette', () => {
    const json = JSON.stringify(spec);
    expect(json).toContain('"font":"DejaVu Sans"');
    expect(json).not.toMatch(/tableau|category10|"scheme":"set/i);
    // Every view has a fixed size: no "container" or automatic widths.
    expect(json).not.toContain('container');
    expect(json).toMatch(/"width":\d+/);
    expect(json).toMatch(/"height":\d+/);
  });

  it('is deterministic: same results, byte-identical spec and SVG', async () => {
    const again = c.build(c.results());
    expect(JSON.stringify(again)).toBe(JSON.stringify(spec));
    // Render another chart in between: Vega's id counters must not leak across renders.
    await renderSvg(percentileCurves(chainDepthSweep()));
    expect(await renderSvg(again)).toBe(svg);
  });
});

describe('chart options and edge cases', () => {
  it('names the axis it cannot find', () => {
    expect(() => percentileCurves(chainDepthSweep(), { x: 'graph.dpeth' })).toThrow(
      /no sweep axis "graph.dpeth".*graph\.depth/,
    );
  });

  it('draws a sweep along a chosen axis, a categorical one as ordinal', async () => {
    const spec = percentileCurves(chainDepthSweep(), { x: 'platform', split: 'dash' });
    const svg = await renderSvg(spec);
    expect(texts(svg)).toContain('aws-lambda-2019');
    // One line per (depth, percentile): 6 x 4.
    expect(markCount(svg, 'line')).toBe(24);
  });

  it('labels log latency ticks as durations', async () => {
    const svg = await renderSvg(percentileCurves(chainDepthSweep()));
    const labels = texts(svg);
    expect(labels).toEqual(expect.arrayContaining(['10 ms', '100 ms', '1 s']));
  });

  it('uses a given threshold and leaf probability for the fan-out curve', async () => {
    const spec = fanOutSlowShare(fanOutSweep(), { thresholdMs: 100, p: 0.02 });
    const svg = await renderSvg(spec);
    expect(texts(svg)).toContain('1 − (1 − p)^n, p = 2%');
    expect(texts(svg).join(' ')).toContain('slower than 100 ms');
  });

  it('takes the share of slow requests from an accessor, and leaves out the curve without p', async () => {
    const results = fanOutSweep();
    results.axes[0].values = results.axes[0].values.map((v) => Number(v) + 1);
    for (const p of results.points) p.params['graph.fanOut'] = Number(p.params['graph.fanOut']) + 1;
    const spec = fanOutSlowShare(results, { slowShare: (p) => p.cold.share });
    const svg = await renderSvg(spec);
    expect(markCount(svg, 'line')).toBe(0);
    expect(texts(svg).join(' ')).toContain('give the leaf probability p');
  });

  it('throws a clear error for a timeline that does not exist', () => {
    expect(() => burstTimeline(chainDepthSweep())).toThrow(/no timeline/);
  });

  it('renders every chart of a run where no call completed, without NaN', async () => {
    const results = budgetComparison();
    results.points = results.points.filter((p) => p.endToEnd.count === 0);
    results.axes[0].values = ['overloaded'];
    const svgs = await Promise.all([
      renderSvg(useCaseBudgets(results)),
      renderSvg(latencyCdf(results)),
      renderSvg(tailPlot(results)),
      renderSvg(stageBreakdown(results)),
    ]);
    for (const svg of svgs) expect(svg).not.toMatch(/NaN|Infinity/);
    expect(texts(svgs[0])).toContain('no completed calls');
  });
});
