import { describe, expect, it } from 'vitest';
import { HYBRID_DEFAULTS, HybridHistogram } from '../../../src/platform/keepAlive/index.ts';
import { constant } from '../../../src/random/distributions/constant.ts';
import { barePlatform, testWorld } from '../../support/platformWorld.ts';

const MIN = 60_000;

describe('HybridHistogram', () => {
  it('falls back to the fixed keep-alive with no pre-warming until it has enough idle times', () => {
    const h = new HybridHistogram(HYBRID_DEFAULTS);
    for (let i = 0; i < HYBRID_DEFAULTS.minSamples - 1; i++) h.functionIdle(30 * MIN);
    expect(h.usesHistogram).toBe(false);
    expect(h.windows()).toEqual({ prewarm: 0, keepAliveEnd: 4 * 3_600_000 });
    h.functionIdle(30 * MIN);
    expect(h.usesHistogram).toBe(true);
  });

  it('takes the pre-warm window from the head (bin start) and the keep-alive end from the tail (bin end), with the margin', () => {
    const h = new HybridHistogram(HYBRID_DEFAULTS);
    // 100 idle times: 5 in minute 10, 94 in minute 20, 1 in minute 40.
    for (let i = 0; i < 5; i++) h.functionIdle(10.5 * MIN);
    for (let i = 0; i < 94; i++) h.functionIdle(20.2 * MIN);
    h.functionIdle(40.1 * MIN);
    // 5th percentile: the 5th idle time, in bin 10; 99th: the 99th, in bin 20 (ends at 21 min).
    expect(h.windows().prewarm).toBeCloseTo(10 * MIN * 0.9, 6);
    expect(h.windows().keepAliveEnd).toBeCloseTo(21 * MIN * 1.1, 6);
  });

  it('does not pre-warm when the head falls in the first bin', () => {
    const h = new HybridHistogram(HYBRID_DEFAULTS);
    for (let i = 0; i < 50; i++) h.functionIdle(20 * 1000);
    expect(h.windows()).toEqual({ prewarm: 0, keepAliveEnd: MIN * 1.1 });
  });

  it('falls back when the histogram is flat (CV of the bins below the threshold)', () => {
    const h = new HybridHistogram({ ...HYBRID_DEFAULTS, range: 10 * MIN });
    // One idle time in each of the 10 bins, twice: CV 0.
    for (let k = 0; k < 2; k++) for (let b = 0; b < 10; b++) h.functionIdle((b + 0.5) * MIN);
    expect(h.binCv()).toBe(0);
    expect(h.usesHistogram).toBe(false);
  });

  it('computes the CV of the bin counts with n - 1', () => {
    const h = new HybridHistogram({ ...HYBRID_DEFAULTS, range: 4 * MIN });
    // Bins 3, 1, 0, 0: mean 1, sample variance (4 + 0 + 1 + 1) / 3 = 2.
    for (let i = 0; i < 3; i++) h.functionIdle(0.5 * MIN);
    h.functionIdle(1.5 * MIN);
    expect(h.binCv()).toBeCloseTo(Math.sqrt(2), 12);
  });

  it('falls back when most idle times are out of bounds', () => {
    const h = new HybridHistogram(HYBRID_DEFAULTS);
    for (let i = 0; i < 10; i++) h.functionIdle(5 * MIN);
    expect(h.usesHistogram).toBe(true);
    for (let i = 0; i < 11; i++) h.functionIdle(5 * 3_600_000);
    expect(h.usesHistogram).toBe(false);
  });
});

describe('the hybrid policy in a pool', () => {
  const period = 30 * MIN;
  const boot = 2000;
  const run = (calls: number) => {
    const platform = barePlatform({
      coldStart: [constant(boot)],
      keepAlivePolicy: { policy: 'hybrid', ...HYBRID_DEFAULTS },
    });
    const w = testWorld(platform, constant(100));
    for (let i = 0; i < calls; i++) w.callAt(i * period);
    w.sim.run();
    return w;
  };

  it('a call every 30 minutes: warm from the fallback, then pre-warmed: one cold start in all', () => {
    const w = run(30);
    expect(w.ended.map((c) => c.cold).filter(Boolean)).toHaveLength(1);
    // Once the histogram is used, each idle time unloads the instance and loads one again.
    expect(w.functions.get('f')!.pool.coldStarts).toBeGreaterThan(15);
  });

  it('keeps the instance loaded only from the pre-warm load to the next call', () => {
    const w = run(30);
    const levels = w.levels;
    // Idle time between the last two calls: from the pre-warmed instance's ready to the call.
    const gap = period - 100; // in bin 29
    const prewarm = 29 * MIN * 0.9;
    const lastCall = 29 * period;
    const readyBeforeLast = levels.find(
      (l) => l.t > lastCall - period && l.idle === 1 && l.starting === 0 && l.t < lastCall,
    );
    expect(readyBeforeLast?.t).toBeCloseTo(lastCall - period + 100 + prewarm + boot, 6);
    expect(lastCall - readyBeforeLast!.t).toBeCloseTo(gap - prewarm - boot, 6);
  });

  it('a call that comes before the pre-warm load is cold, and the stale load does not happen', () => {
    const platform = barePlatform({
      coldStart: [constant(boot)],
      keepAlivePolicy: { policy: 'hybrid', ...HYBRID_DEFAULTS },
    });
    const w = testWorld(platform, constant(100));
    for (let i = 0; i < 15; i++) w.callAt(i * period);
    const early = 15 * period - 10 * MIN;
    w.callAt(early);
    w.sim.run();
    expect(w.ended.at(-1)!.cold).toBe(true);
    // After the early call, only its instance and its own pre-warm: never two at once.
    expect(Math.max(...w.levels.map((l) => l.starting + l.busy + l.idle))).toBe(1);
  });
});
