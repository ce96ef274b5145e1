import { describe, expect, it } from 'vitest';
import { chartsFor, undrawable } from '../../src/charts/chartsFor.ts';
import { keepAlivePareto } from '../../src/charts/keepAlivePareto.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import type { ExperimentResults } from '../../src/experiments/results.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';

const results = () =>
  runExperiment(
    prepareExperiment(
      {
        name: 'pareto',
        description: 'a call every 15 minutes under fixed and hybrid keep-alives',
        replications: 1,
        duration: '20h',
        warmup: '4h',
        platform: 'aws-lambda',
        platformOverrides: { keepAlivePolicy: { policy: 'fixed' } },
        workload: { constant: { perSecond: 1 / 900 } },
        sweep: {
          'platformOverrides.keepAlivePolicy.policy': ['fixed', 'hybrid'],
          'platformOverrides.keepAlive': ['5min', '30min', '1h'],
        },
        charts: ['keepAlivePareto'],
      },
      { models: presetRegistry() },
    ),
  ).results;

type Row = { share: number; wasted: number; series: string; label: string };

describe('keepAlivePareto', () => {
  const r = results();
  const rows = (keepAlivePareto(r) as unknown as { data: { values: Row[] } }).data.values;

  it('puts each setting at (cold-start share, idle GB-s per request), merging settings that made no difference', () => {
    const fixed = rows.filter((x) => x.series === 'fixed');
    const hybrid = rows.filter((x) => x.series === 'hybrid');
    // 5 min: every call cold; 30 min and 1 h: none cold, idle the whole 15 min (0.125 GB).
    expect(fixed.map((x) => [x.label, x.share])).toEqual([
      ['5min', 1],
      ['30min to 1h', 0],
    ]);
    expect(fixed[1].wasted).toBeGreaterThan(0.125 * 899);
    expect(fixed[1].wasted).toBeLessThan(0.125 * 900);
    // The hybrid policy ignores the fixed window: one point, warm, with far less idle memory.
    expect(hybrid).toHaveLength(1);
    expect(hybrid[0].share).toBe(0);
    expect(hybrid[0].wasted).toBeLessThan(fixed[1].wasted / 4);
    expect(rows.every((x) => Number.isFinite(x.wasted) && Number.isFinite(x.share))).toBe(true);
  });

  it('is drawn when asked for, and refused for results without idle memory', () => {
    expect(chartsFor(r, { charts: ['keepAlivePareto'] }).map((c) => c.name)).toEqual([
      'keepAlivePareto',
    ]);
    const old = structuredClone(r);
    for (const p of old.points) delete p.cost.idleGbSeconds;
    expect(undrawable(old, 'keepAlivePareto')).toMatch(/no idle memory time/);
  });
});

/** A small region: 60 applications, 3 hours, three policies named in one sweep. */
const region = () =>
  runExperiment(
    prepareExperiment(
      {
        name: 'region',
        description: 'fixed windows against the hybrid policy on a small region',
        replications: 1,
        duration: '3h',
        warmup: '1h',
        platform: 'azure-functions',
        function: { timeout: '10min' },
        workload: { population: { functions: 60, like: 'azure-2019-apps', maxPerSecond: 0.02 } },
        sweep: {
          platformOverrides: {
            '10min': { maxConcurrency: 'unlimited', keepAlive: '10min' },
            '2h': { maxConcurrency: 'unlimited', keepAlive: '2h' },
            hybrid: { maxConcurrency: 'unlimited', keepAlivePolicy: { policy: 'hybrid' } },
          },
        },
        charts: [{ name: 'keepAlivePareto', options: { measure: 'p75Function' } }],
      },
      { models: presetRegistry() },
    ),
  ).results;

/** Sets a point's 75th-percentile cold share and wasted memory, keeping the rest of the run. */
function withFigures(r: ExperimentResults, figures: [number, number][]): ExperimentResults {
  const out = structuredClone(r);
  out.points.forEach((p, i) => {
    const f = p.functions!;
    f.coldShareAt = f.coldShareAt.map(([q, v]) => [q, q === 0.75 ? figures[i][0] : v]);
    f.idleGbSeconds = figures[i][1];
  });
  return out;
}

describe('keepAlivePareto, measure p75Function (a region)', () => {
  const r = region();
  type RegionRow = { share: number; wasted: number; series: string; label: string };
  const rowsOf = (results: ExperimentResults, options = {}) =>
    (
      keepAlivePareto(results, { measure: 'p75Function', ...options }) as unknown as {
        data: { values: RegionRow[] };
      }
    ).data.values;

  it('plots the 75th-percentile function against wasted memory over the 10-minute point', () => {
    const rows = rowsOf(r);
    expect(rows.map((x) => [x.label, x.series])).toEqual([
      ['10 min', 'fixed keep-alive'],
      ['2 h', 'fixed keep-alive'],
      ['hybrid', 'hybrid'],
    ]);
    // From the results' own summaries: the p75 entry, and idle GB-s over the 10-minute point's.
    r.points.forEach((p, i) => {
      const f = p.functions!;
      expect(rows[i].share).toBe(f.coldShareAt.find(([q]) => q === 0.75)![1]);
      expect(rows[i].wasted).toBe(f.idleGbSeconds / r.points[0].functions!.idleGbSeconds);
    });
    expect(rows[0].wasted).toBe(1);
    // Same calls at each point: the longer window keeps more memory idle and starts fewer.
    expect(rows[1].wasted).toBeGreaterThan(1);
    expect(rows[1].share).toBeLessThanOrEqual(rows[0].share);
  });

  it('computes exactly from given figures, and normalises to the point asked for', () => {
    const given = withFigures(r, [
      [0.9, 400],
      [0.2, 600],
      [0.1, 500],
    ]);
    expect(rowsOf(given).map((x) => [x.share, x.wasted])).toEqual([
      [0.9, 1],
      [0.2, 1.5],
      [0.1, 1.25],
    ]);
    expect(rowsOf(given, { reference: 1 }).map((x) => x.wasted)).toEqual([400 / 600, 1, 500 / 600]);
    const spec = keepAlivePareto(given, { measure: 'p75Function' }) as unknown as {
      title: { subtitle: string[] };
      layer: { encoding?: { y?: { axis?: { title: string } } } }[];
    };
    // The chart says what 100 % is.
    expect(spec.title.subtitle.join(' ')).toContain(
      'over that of the 10 min fixed keep-alive (dashed line, 100%)',
    );
    expect(JSON.stringify(spec)).toContain('wasted memory time (10 min fixed = 100%)');
  });

  it('draws no NaN: a reference without idle memory, or a point without functions, is left out', () => {
    const noIdle = withFigures(r, [
      [0.9, 0],
      [0.2, 600],
      [0.1, 500],
    ]);
    expect(rowsOf(noIdle)).toEqual([]);
    expect(JSON.stringify(keepAlivePareto(noIdle, { measure: 'p75Function' }))).not.toContain(
      'NaN',
    );
    const partly = structuredClone(r);
    delete partly.points[2].functions;
    expect(rowsOf(partly).map((x) => x.label)).toEqual(['10 min', '2 h']);
  });

  it('is skipped, not drawn empty, for results of one function', () => {
    const one = results();
    const drawn = chartsFor(one, {
      charts: [{ name: 'keepAlivePareto', options: { measure: 'p75Function' } }],
    });
    expect(drawn).toEqual([]);
    expect(
      chartsFor(r, { charts: [{ name: 'keepAlivePareto', options: { measure: 'p75Function' } }] }),
    ).toHaveLength(1);
  });
});
