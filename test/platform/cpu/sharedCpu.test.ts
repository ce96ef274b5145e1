import { describe, expect, it } from 'vitest';
import { Outcome } from '../../../src/platform/call.ts';
import type { PlatformConfig } from '../../../src/platform/config.ts';
import type { Distribution } from '../../../src/random/distribution.ts';
import { barePlatform, checkCalls, testWorld } from '../../support/platformWorld.ts';

/** Execution times handed out in order, one per call. */
function inTurn(...ms: number[]): Distribution {
  let i = 0;
  return {
    kind: 'inTurn',
    mean: Number.NaN,
    sample: () => ms[i++],
    cdf: () => Number.NaN,
    quantile: () => Number.NaN,
  };
}

/** One always-warm instance taking up to 10 calls at once, sharing its CPU. */
function shared(share: number, cores = 1, overrides: Partial<PlatformConfig> = {}) {
  return barePlatform({
    provisioned: 1,
    concurrencyPerInstance: 10,
    maxConcurrency: 10,
    onLimit: 'queue',
    processorSharing: { cpuBoundShare: share, cores },
    ...overrides,
  });
}

function ends(platform: PlatformConfig, exec: Distribution, at: number[], timeout?: number) {
  const w = testWorld(platform, exec, { timeout });
  for (const t of at) w.callAt(t);
  w.sim.run();
  checkCalls(w.ended);
  return w.ended;
}

describe('processor sharing on an instance', () => {
  it('two CPU-bound calls at once each take twice as long', () => {
    const calls = ends(shared(1), inTurn(100, 100), [0, 0]);
    expect(calls.map((c) => c.end)).toEqual([200, 200]);
    expect(calls.map((c) => c.execution)).toEqual([200, 200]);
  });

  it('a call that joins later slows the first only while both run', () => {
    // 0-50: A alone (50 done); then each at half speed: A's last 50 take 100 (ends 150),
    // when B has 50 done; B's last 50 alone (ends 200).
    const calls = ends(shared(1), inTurn(100, 100), [0, 50]);
    expect(calls.map((c) => [c.start, c.end])).toEqual([
      [0, 150],
      [50, 200],
    ]);
  });

  it('only the CPU-bound share is slowed', () => {
    // Half of 100 ms is CPU: 50 each at half speed ends at 100, then 50 ms of waiting.
    expect(ends(shared(0.5), inTurn(100, 100), [0, 0]).map((c) => c.end)).toEqual([150, 150]);
  });

  it('as many calls as cores run at full speed', () => {
    expect(ends(shared(1, 2), inTurn(100, 100), [0, 0]).map((c) => c.end)).toEqual([100, 100]);
    // Three on two cores: each at 2/3 speed.
    const three = ends(shared(1, 2), inTurn(100, 100, 100), [0, 0, 0]).map((c) => c.end);
    for (const e of three) expect(e).toBeCloseTo(150, 9);
  });

  it('a call that times out gives its share back at once', () => {
    // 0-100: A alone (100 of 1000 done); 100-150 both at half speed (B 25 done); A times out at
    // 150; B's last 75 alone end at 225 (300 if A still took half the CPU).
    const calls = ends(shared(1), inTurn(1000, 100), [0, 100], 150);
    const byStart = [...calls].sort((x, y) => x.start - y.start);
    expect(byStart.map((c) => c.outcome)).toEqual([Outcome.TimedOut, Outcome.Completed]);
    expect(byStart[0].end).toBe(150);
    expect(byStart[0].execution).toBe(150);
    expect(byStart[1].end).toBe(225);
  });

  it('leaves calls alone without processorSharing (the default)', () => {
    const platform = shared(1, 1, { processorSharing: null });
    expect(ends(platform, inTurn(100, 100), [0, 0]).map((c) => c.end)).toEqual([100, 100]);
  });
});
