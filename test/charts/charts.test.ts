import { compile } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { axisNumbers, displayName, isNumericAxis, numberAt } from '../../src/charts/axes.ts';
import { burstTimeline } from '../../src/charts/burstTimeline.ts';
import { fanOutModel, fanOutSlowShare, modeGap } from '../../src/charts/fanOutSlowShare.ts';
import { keepAliveCost } from '../../src/charts/keepAliveCost.ts';
import { latencyCdf } from '../../src/charts/latencyCdf.ts';
import { percentileCurves } from '../../src/charts/percentileCurves.ts';
import { stageBreakdown } from '../../src/charts/stageBreakdown.ts';
import { tailPlot } from '../../src/charts/tailPlot.ts';
import { ORDERED, orderedColors } from '../../src/charts/theme.ts';
import type { VegaLiteSpec } from '../../src/charts/types.ts';
import { useCaseBudgets } from '../../src/charts/useCaseBudgets.ts';
import type { ExperimentResults } from '../../src/experiments/results.ts';
import { renderSvg } from '../../src/node/render/renderSvg.ts';
import {
  budgetComparison,
  burst,
  chainDepthSweep,
  fanOutBimodal,
  fanOutSweep,
  keepAliveSweep,
  onTwoPlatforms,
  onTwoRates,
  warmersSweep,
  withDurationStrings,
} from './fixtures.ts';
import { markCount, svgSize, texts, visibleLabels } from './svg.ts';

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
    text: [
      // The title says what the chart shows: which percentiles, against which axis.
      'End-to-end latency percentiles against depth',
      'latency',
      'depth',
      'percentile',
      'p99.9',
      'aws-lambda-2019',
      'edge-isolates',
    ],
  },
  {
    name: 'percentileCurves, dashes by platform',
    results: chainDepthSweep,
    build: (r) => percentileCurves(r, { split: 'dash' }),
    marks: { line: 8, area: 8 },
    text: ['End-to-end latency percentiles against depth', 'latency', 'depth', 'platform'],
  },
  {
    name: 'latencyCdf',
    results: budgetComparison,
    build: (r) => latencyCdf(r),
    // The throttled-only platform has no distribution to draw.
    marks: { line: 3 },
    text: ['latency', 'share of requests at or below (CDF)', 'azure-functions'],
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
    text: ['calls near the p50', 'calls near the p99', 'cold start', 'execution', 'time'],
  },
  {
    name: 'burstTimeline',
    results: burst,
    build: (r) => burstTimeline(r),
    // Areas: starting, busy, idle; lines: arrived, throttled, p99; warm-up bands: 3.
    marks: { area: 3, line: 3, rect: 3 },
    text: ['instances', 'calls per second', 'p99 per window', 'throttled', 'starting'],
  },
  {
    name: 'fanOutSlowShare',
    results: fanOutSweep,
    build: (r) => fanOutSlowShare(r),
    marks: { line: 1, symbol: 8 },
    text: [
      'share of slow requests',
      'fan-out (calls in parallel)',
      'Points: simulated; dashed line: 1 − (1 − p)^n, independent leaves each slow with p = 1%',
    ],
  },
  {
    name: 'keepAliveCost',
    results: keepAliveSweep,
    build: (r) => keepAliveCost(r),
    marks: { line: 2, symbol: 10 },
    text: [
      'share of requests with a cold start',
      'memory kept alive per request (GB-s)',
      'cold-start share',
      '1 min',
      '1 h',
      'keep-alive',
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
    name: 'keepAliveCost, a second sweep axis: one panel per rate',
    results: () => onTwoRates(withDurationStrings(keepAliveSweep(), 'platform.keepAlive')),
    build: (r) => keepAliveCost(r),
    // Per panel: the share and the memory, 5 points each.
    marks: { line: 4, symbol: 20 },
    text: ['perSecond: 0.01', 'perSecond: 0.001', '1 min', '10 min', '1 h'],
  },
  {
    name: 'keepAliveCost with warmers: what the pings cost',
    results: warmersSweep,
    build: (r) => keepAliveCost(r),
    // The share with its interval band, and the pings' cost.
    marks: { line: 2, symbol: 12, area: 1 },
    text: ["warmer pings' cost per month (USD)", '2 min', '9 min', '11 min', '1 h', 'period'],
  },
  {
    name: 'fanOutSlowShare, two platforms, a threshold and a curve each',
    results: () => onTwoPlatforms(fanOutSweep()),
    build: (r) => fanOutSlowShare(r),
    // A point whose threshold lies beyond its stored CDF is named in the subtitle, not drawn.
    marks: { line: 2, symbol: 15 },
    text: ['a', 'b', 'platform'],
  },
  {
    name: 'useCaseBudgets',
    results: budgetComparison,
    build: (r) => useCaseBudgets(r),
    // 3 platforms with calls; 8 budget bars and 7 shaded zones.
    marks: { symbol: 3, rect: 15 },
    text: [
      'p99 latency',
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

  it('titles the chart with what it shows, not with the question, and labels the axes', () => {
    const all = texts(svg);
    // The report prints the experiment's question above its charts.
    expect(all.join(' ')).not.toContain(c.results().experiment.title);
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
    expect(texts(svg).join(' ')).toContain('slow with p = 2%');
    expect(texts(svg).join(' ')).toContain('slower than 100 ms');
  });

  it('takes the share of slow requests from an accessor, and leaves out the curve without p', async () => {
    const results = fanOutSweep();
    results.axes[0].values = results.axes[0].values.map((v) => Number(v) + 1);
    for (const p of results.points) p.params['graph.fanOut'] = Number(p.params['graph.fanOut']) + 1;
    const spec = fanOutSlowShare(results, { slowShare: (p) => p.cold.share });
    const svg = await renderSvg(spec);
    expect(markCount(svg, 'line')).toBe(0);
    expect(texts(svg).join(' ')).toContain('no curve without the probability p');
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

describe('sweep values written as durations ("10min")', () => {
  const results = () => withDurationStrings(keepAliveSweep(), 'platform.keepAlive');

  it('reads them as numbers in ms', () => {
    const r = results();
    const axis = r.axes[0];
    expect(axis.values[0]).toBe('1min');
    expect(isNumericAxis(axis)).toBe(true);
    expect(numberAt(r.points[2], axis)).toBe(600_000);
    expect(axisNumbers(axis)).toEqual([60_000, 180_000, 600_000, 1_800_000, 3_600_000]);
  });

  it.each([
    ['percentileCurves', (r: ExperimentResults) => percentileCurves(r)],
    ['keepAliveCost', (r: ExperimentResults) => keepAliveCost(r)],
  ])('%s runs them along a numeric axis labelled as durations', async (_, build) => {
    const spec = build(results());
    const json = JSON.stringify(spec);
    expect(json).toContain('"type":"quantitative","scale":{"type":"log","domain":[60000,3600000]');
    const svg = await renderSvg(spec);
    expect(visibleLabels(svg)).toEqual(expect.arrayContaining(['1 min', '3 min', '10 min', '1 h']));
    // Same spec as with the values given in ms.
    expect(json).toBe(JSON.stringify(build(keepAliveSweep())));
  });
});

describe('axis titles and labels', () => {
  it('burstTimeline with no instances at all reads 0 on its axis, not 0.000000', async () => {
    const r = burst();
    const tl = r.points[0].timeline!;
    for (const k of ['starting', 'busy', 'idle'] as const) tl[k] = tl[k].map(() => 0);
    const all = texts(await renderSvg(burstTimeline(r)));
    expect(all).toContain('0');
    expect(all.filter((t) => /^0\.0+$/.test(t))).toEqual([]);
  });

  it("names the one point of an experiment without a sweep by the experiment's name", () => {
    const one = { ...chainDepthSweep(), axes: [] };
    one.points = [{ ...one.points[0], label: '', params: {} }];
    expect(displayName(one, one.points[0])).toBe(one.experiment.name);
  });

  it('never claims "(ms)" over ticks that carry their own unit', async () => {
    const specs = [
      percentileCurves(chainDepthSweep()),
      latencyCdf(budgetComparison()),
      tailPlot(chainDepthSweep()),
      stageBreakdown(chainDepthSweep()),
      burstTimeline(burst()),
      keepAliveCost(keepAliveSweep()),
      useCaseBudgets(budgetComparison()),
    ];
    for (const spec of specs) {
      const all = texts(await renderSvg(spec));
      expect(all.filter((t) => /\(ms\)/.test(t))).toEqual([]);
    }
  });

  it('labels every sweep value, even two close ones (9 and 11 min on 2 min..1 h)', async () => {
    const svg = await renderSvg(keepAliveCost(warmersSweep()));
    const labels = visibleLabels(svg);
    for (const t of ['2 min', '5 min', '9 min', '11 min', '20 min', '1 h']) {
      expect(labels, t).toContain(t);
    }
    // The two close ones move apart: 11 min starts at its tick instead of centring on it.
    expect(JSON.stringify(keepAliveCost(warmersSweep()))).toContain(
      "indexof([120000,660000], datum.value) >= 0 ? 'left'",
    );
  });

  it('labels 10 as "10", not "1e+1"', async () => {
    const r = chainDepthSweep();
    r.axes[1].values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const svg = await renderSvg(percentileCurves(r));
    expect(visibleLabels(svg)).toContain('10');
    expect(svg).not.toContain('1e+1');
  });

  it('keeps one unit along a time axis', async () => {
    const labels = visibleLabels(await renderSvg(burstTimeline(burst())));
    const time = labels.filter((l) => /^\d+( s)?$/.test(l) && !/^\d,?\d{3}$/.test(l));
    expect(time).toEqual(expect.arrayContaining(['0', '15 s', '30 s', '60 s', '90 s']));
    expect(labels.filter((l) => /min/.test(l))).toEqual([]);
  });

  it('wraps a long title to the width of the chart', async () => {
    const r = keepAliveSweep();
    r.experiment.title =
      'How long must a platform keep an idle instance for a rarely called function to avoid cold starts, and what does it cost?';
    const spec = keepAliveCost(r) as { title: { text: string | string[] } };
    const text = [spec.title.text].flat();
    expect(text.join(' ')).toBe(
      'Cold starts against the memory the provider keeps alive (busy or idle, billed or not)',
    );
    for (const line of text) expect(line.length).toBeLessThanOrEqual(72);
    const { width } = svgSize(await renderSvg(spec as VegaLiteSpec));
    expect(width).toBeLessThan(760);
  });
});

describe('colours that survive greyscale', () => {
  it('gives three or more categories a dash pattern each, besides a colour', () => {
    const json = JSON.stringify(latencyCdf(budgetComparison()));
    expect(json).toContain('"strokeDash":{"field":"point"');
  });

  it('spreads an ordered series of two over the light and the dark end', () => {
    expect(orderedColors(2)).toEqual([ORDERED[0], ORDERED[ORDERED.length - 1]]);
    expect(orderedColors(5)).toEqual([...ORDERED]);
  });

  it('draws the cold-start share and the cost with their own shape and dash', () => {
    const json = JSON.stringify(keepAliveCost(keepAliveSweep()));
    expect(json).toContain('"range":["circle","square"]');
    expect(json).toContain('"range":[[1,0],[6,3]]');
  });
});

describe('keepAliveCost: who pays for the keep-alive', () => {
  const costs = (spec: VegaLiteSpec) => {
    const rows = (spec as { data: { values: { cost: number | null }[] } }).data.values;
    return rows.map((r) => r.cost);
  };

  it('shows the memory the provider keeps alive per request by default', () => {
    const r = keepAliveSweep();
    const spec = keepAliveCost(r);
    const p = r.points[4];
    // One replication: GB-s per request is instanceGbSeconds / completed.
    expect(costs(spec)[4]).toBeCloseTo(p.cost.instanceGbSeconds / p.calls.completed, 9);
    expect(costs(spec)[4]).toBeGreaterThan(costs(spec)[0] as number);
    const t = (spec as { title: { text: string | string[]; subtitle: string[] } }).title;
    const subtitle = [t.text, t.subtitle].flat().join(' ');
    expect(subtitle).toContain('the memory the provider keeps alive');
    expect(subtitle).toContain('The customer is billed');
  });

  it('shows what the warmer pings cost the customer, per month, when there are warmers', () => {
    const r = warmersSweep();
    const month = 30 * 24 * 3_600_000;
    const expected = r.points.map((p) => (p.warmers!.usd * month) / (r.duration - r.warmup));
    for (const [i, c] of costs(keepAliveCost(r)).entries()) expect(c).toBeCloseTo(expected[i], 9);
  });

  it("draws the customer's bill when asked", () => {
    const r = keepAliveSweep();
    expect(costs(keepAliveCost(r, { cost: 'usdPerMillionRoots' }))).toEqual(
      r.points.map((p) => p.cost.usdPerMillionRoots),
    );
  });

  it('with a second sweep axis, concatenates one layered panel per value: Vega parses it', async () => {
    const spec = keepAliveCost(onTwoRates(keepAliveSweep()));
    const shape = spec as unknown as Record<string, unknown>;
    // A facet of a layer with independent y scales is what Vega cannot parse.
    expect(shape.facet).toBeUndefined();
    expect((shape.concat as unknown[]).length).toBe(2);
    await expect(renderSvg(spec)).resolves.toContain('perSecond: 0.001');
  });
});

describe('fanOutSlowShare: the default threshold', () => {
  it('lies in the gap between the fast and the slow calls of the narrowest point', () => {
    const r = fanOutBimodal();
    const cdf = r.points[0].cdf;
    const fastTop = cdf.find(([p]) => p === 0.99)![1];
    const slowStart = cdf.find(([p]) => p === 0.995)![1];
    const model = fanOutModel(r);
    expect(model.thresholdFrom).toBe('gap');
    expect(model.thresholdMs).toBeGreaterThan(fastTop);
    expect(model.thresholdMs).toBeLessThan(slowStart);
    // The share above the gap at one leaf: the leaves' slow share, about 1%.
    expect(model.p).toBe(0.01);
  });

  it('puts the simulated points on 1 - (1 - p)^n, closer than a threshold at the p99', () => {
    const r = fanOutBimodal();
    const worst = (m: ReturnType<typeof fanOutModel>) =>
      Math.max(...m.points.map((q) => Math.abs((q.share ?? 0) - (1 - (1 - m.p!) ** q.n))));
    const gap = worst(fanOutModel(r));
    const p99 = worst(fanOutModel(r, { thresholdMs: r.points[0].endToEnd.p99.value! }));
    expect(gap).toBeLessThan(0.01);
    expect(gap).toBeLessThan(p99);
  });

  it('falls back to the p99 of the narrowest point for a distribution with one mode', () => {
    const r = fanOutSweep();
    expect(modeGap(r.points[0].cdf)).toBeNull();
    const model = fanOutModel(r);
    expect(model.thresholdFrom).toBe('p99');
    expect(model.thresholdMs).toBe(r.points[0].endToEnd.p99.value);
  });

  it('reads a gap that a stored percentile falls inside, at that percentile', () => {
    // 2% above 40 ms, 1% above 250 ms, 0.5% above 1.2 s: the 250 ms point is inside the gap.
    const cdf: [number, number][] = [
      [0.5, 20],
      [0.9, 30],
      [0.98, 40],
      [0.99, 245],
      [0.995, 1200],
      [0.999, 1500],
    ];
    expect(modeGap(cdf)).toEqual({ thresholdMs: 250, share: 0.01 });
  });

  it('says where the threshold comes from', async () => {
    const svg = await renderSvg(fanOutSlowShare(fanOutBimodal()));
    expect(texts(svg).join(' ')).toContain(
      'Share of requests slower than 280 ms, between the fast and the slow calls at fan-out 1',
    );
  });
});

describe('the percentile-curve title', () => {
  it('names the percentiles and the sweep axis it is drawn against, in words', () => {
    const spec = percentileCurves(keepAliveSweep()) as { title: { text: string } };
    expect(spec.title.text).toBe('End-to-end latency percentiles against keep-alive');
    expect(spec.title.text).not.toContain(keepAliveSweep().experiment.title);
  });
});

describe('eight platform panels', () => {
  it("fit the report's 960 px column", async () => {
    const r = chainDepthSweep();
    const lambda = r.points.filter((p) => p.params.platform === 'aws-lambda-2019');
    const names = Array.from({ length: 8 }, (_, i) => `platform-${i + 1}-with-a-long-name`);
    r.points = names.flatMap((name, k) =>
      lambda.map((p, i) => ({
        ...structuredClone(p),
        index: k * lambda.length + i,
        // Depth 10 at the right edge: a two-digit label that sticks out past the last panel.
        params: {
          ...p.params,
          platform: name,
          'graph.depth': p.params['graph.depth'] === 8 ? 10 : p.params['graph.depth'],
        },
      })),
    );
    r.axes = r.axes.map((a) =>
      a.path === 'platform'
        ? { ...a, values: names }
        : { ...a, values: a.values.map((v) => (v === 8 ? 10 : v)) },
    );
    const svg = await renderSvg(percentileCurves(r));
    expect(svgSize(svg).width).toBeLessThanOrEqual(960);
  });
});
