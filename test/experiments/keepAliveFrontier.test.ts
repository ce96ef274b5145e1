import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepAliveFrontier, referencePoint } from '../../src/experiments/keepAliveFrontier.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { prepare } from './experimentHelpers.ts';

const SHIPPED = join(import.meta.dirname, '../../experiments/region/keep-alive-region.json');

describe('the fixed keep-alive half of the Serverless in the Wild comparison', () => {
  it('trades cold starts of the 75th-percentile function for wasted memory as the window grows', () => {
    // The shipped experiment, shortened: 300 functions, 3 simulated hours, three windows.
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    const out = runExperiment(
      prepare({
        ...shipped,
        client: undefined,
        duration: '3h',
        warmup: '30min',
        workload: { population: { functions: 300, maxPerSecond: 0.05 } },
        sweep: { 'platformOverrides.keepAlive': ['10min', '30min', '120min'] },
      }),
    );
    const points = keepAliveFrontier(out.results);
    expect(points.map((p) => p.label)).toEqual([
      'keepAlive=10min',
      'keepAlive=30min',
      'keepAlive=120min',
    ]);
    expect(points[0].wastedNormalised).toBe(1);
    // Common random numbers: the same calls at every point, so the order is strict, not noisy.
    for (let i = 1; i < points.length; i++) {
      expect(points[i].wastedGbSeconds).toBeGreaterThan(points[i - 1].wastedGbSeconds);
      expect(points[i].coldShareP75!).toBeLessThanOrEqual(points[i - 1].coldShareP75!);
    }
    expect(points[2].coldShareP75!).toBeLessThan(points[0].coldShareP75!);
  });

  it('the shipped experiment validates as written', () => {
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    const prepared = prepare(shipped);
    // Seven fixed windows and the hybrid policy, each named, each a whole set of overrides.
    expect(prepared.points.map((p) => p.params.platformOverrides)).toEqual([
      '10min',
      '20min',
      '30min',
      '45min',
      '60min',
      '90min',
      '120min',
      'hybrid',
    ]);
    const policy = (i: number) =>
      [...prepared.points[i].resolved.functions.values()][0].platform.keepAlivePolicy;
    expect(policy(0)?.policy ?? 'fixed').toBe('fixed');
    expect(policy(7)?.policy).toBe('hybrid');
    expect(prepared.points[0].resolved.sources[0].functions).toHaveLength(1000);
  });

  it('normalises to the point of 10 minutes, however the sweep writes it', () => {
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    const small = (sweep: Record<string, unknown>) =>
      runExperiment(
        prepare({
          ...shipped,
          client: undefined,
          duration: '90min',
          warmup: '30min',
          workload: { population: { functions: 40, maxPerSecond: 0.02 } },
          sweep,
        }),
      ).results;
    // A named sweep with the 10-minute window second: it is the reference, not the first point.
    const named = small({
      platformOverrides: {
        hybrid: { keepAlivePolicy: { policy: 'hybrid' } },
        '10 min': { keepAlive: '10min' },
      },
    });
    expect(referencePoint(named)).toBe(1);
    const points = keepAliveFrontier(named);
    expect(points[1].wastedNormalised).toBe(1);
    expect(points[0].wastedNormalised).toBe(
      named.points[0].functions!.idleGbSeconds / named.points[1].functions!.idleGbSeconds,
    );
    // Milliseconds on a keep-alive axis count; without a 10-minute point there is no reference.
    expect(referencePoint(small({ 'platformOverrides.keepAlive': [300_000, 600_000] }))).toBe(1);
    const none = small({ 'platformOverrides.keepAlive': ['5min', '20min'] });
    expect(referencePoint(none)).toBeNull();
    expect(keepAliveFrontier(none).map((p) => p.wastedNormalised)).toEqual([null, null]);
  });
});
