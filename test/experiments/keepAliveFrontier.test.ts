import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepAliveFrontier } from '../../src/experiments/keepAliveFrontier.ts';
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
    expect(prepared.points).toHaveLength(7);
    expect(prepared.points[0].resolved.sources[0].functions).toHaveLength(1000);
  });
});
