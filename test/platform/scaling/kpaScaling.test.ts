import { describe, expect, it } from 'vitest';
import type { PlatformConfig } from '../../../src/platform/config.ts';
import { KPA_DEFAULTS, type KpaScaling } from '../../../src/platform/scaling/index.ts';
import { constant } from '../../../src/random/distributions/constant.ts';
import { barePlatform, testWorld } from '../../support/platformWorld.ts';

const kpa = (settings: Partial<typeof KPA_DEFAULTS> = {}): PlatformConfig =>
  barePlatform({
    coldStart: [constant(1000)],
    keepAlive: null,
    concurrencyPerInstance: 100,
    binding: 'late',
    routing: 'lru',
    scaling: { policy: 'kpa', ...KPA_DEFAULTS, target: 10, ...settings },
  });

const total = (l: { starting: number; busy: number; idle: number }) => l.starting + l.busy + l.idle;

describe('KpaScaling', () => {
  it('from zero, a call starts an instance at once (the activator), not at the next tick', () => {
    const w = testWorld(kpa(), constant(100));
    w.callAt(500);
    w.sim.run({ until: 10_000 });
    expect(w.ended[0].cold).toBe(true);
    expect(w.ended[0].end).toBe(500 + 1000 + 100);
  });

  it('scales to zero a stable window after the load stops, plus the grace period, then stops ticking', () => {
    const w = testWorld(kpa(), constant(100));
    for (let t = 0; t < 10_000; t += 100) w.callAt(t);
    w.sim.run();
    const last = w.levels.at(-1)!;
    expect(total(last)).toBe(0);
    // The window still averages some load until 10 s + 60 s; then 30 s of grace; decisions
    // every 2 s.
    expect(last.t).toBeGreaterThanOrEqual(10_000 + 60_000 + 30_000);
    expect(last.t).toBeLessThanOrEqual(10_000 + 60_000 + 30_000 + 2_000 + 2_000);
    // The run ended: no timer left.
    expect(w.sim.peekTime()).toBe(Infinity);
  });

  it('panics on a burst: follows the 6 s window, then never scales down while panicking', () => {
    const w = testWorld(kpa(), constant(100));
    // 2 calls in flight for two minutes (1 instance, once the start from zero, with its
    // queue, is out of the window), then 40 in flight for 4 s.
    for (let t = 0; t < 120_000; t += 50) w.callAt(t);
    for (let t = 120_000; t < 124_000; t += 2.5) w.callAt(t);
    for (let t = 124_000; t < 300_000; t += 50) w.callAt(t);
    w.sim.run({ until: 300_000 });
    const at = (t: number) => total(w.levels.filter((l) => l.t <= t).at(-1)!);
    expect(at(119_000)).toBe(1);
    // The panic window's average reaches 2x the ready instance within a few seconds.
    expect(at(126_500)).toBeGreaterThanOrEqual(3);
    // Panicking: no scale-down until a stable window after the burst's last over-threshold tick.
    expect(at(160_000)).toBe(at(126_500));
    // Then back to one.
    expect(at(300_000)).toBe(1);
    const scaling = (w.functions.get('f')!.pool as unknown as { scaling: KpaScaling }).scaling;
    expect(scaling.decisions).toBeGreaterThan(90);
  });

  it('scales down by draining: a busy instance takes no new call and goes with its last', () => {
    const w = testWorld(kpa({ maxScaleDownRate: 1000 }), constant(100));
    for (let t = 0; t < 60_000; t += 2) w.callAt(t); // 50 in flight: 8 instances
    for (let t = 60_000; t < 300_000; t += 100) w.callAt(t); // 1 in flight
    w.sim.run({ until: 300_000 });
    expect(total(w.levels.at(-1)!)).toBe(1);
    expect(w.ended.every((c) => c.outcome === w.ended[0].outcome)).toBe(true);
  });
});

describe('KpaScaling wiring', () => {
  it('aims at the hard concurrency per instance when it is below the target (Knative containerConcurrency)', () => {
    const target = (concurrencyPerInstance: number) => {
      const w = testWorld({ ...kpa({ target: 100 }), concurrencyPerInstance }, constant(100));
      const pool = w.functions.get('f')!.pool as unknown as { scaling: KpaScaling };
      return pool.scaling.settings.target;
    };
    expect(target(10)).toBe(10);
    expect(target(1000)).toBe(100);
  });
});
