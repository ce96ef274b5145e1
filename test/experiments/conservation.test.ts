import { describe, expect, it } from 'vitest';
import { presetRegistry } from '../../src/models/registry.ts';
import { run } from './experimentHelpers.ts';

/**
 * Conservation of root calls: every root that arrives in the measured window is completed,
 * throttled, timed out, or still in flight at the end, exactly once. The helper `run` checks
 * the identity and that none is in flight twice (in flight >= 0) for every experiment of
 * these tests; here every preset platform runs a workload that stops before the end of the
 * run, so that nothing may be left in flight, with a burst and a timeout so that calls end in
 * every way a preset allows.
 */
const registry = presetRegistry();
const PLATFORMS = [...registry.platforms.keys()];

/** A memory size the preset offers: 128 MB where it can, else its smallest (Flex: 2,048 MB). */
function memoryOf(platform: string): number {
  const m = registry.platform(platform, 'platform').model.memory;
  if (m?.kind === 'tiers') return Math.min(...m.tiers.map((t) => t.memoryMB));
  if (m && 'minMB' in m) return Math.max(128, m.minMB);
  return 128;
}
const seen = { throttled: 0, timedOut: 0 };

describe('conservation: arrivals = completed + throttled + timed out + in flight', () => {
  it('covers every preset platform', () => {
    expect(PLATFORMS.length).toBeGreaterThanOrEqual(8);
  });

  for (const platform of PLATFORMS) {
    it(`on ${platform}`, () => {
      const [p] = run({
        seed: platform,
        duration: '2min',
        warmup: '5s',
        replications: 2,
        platform,
        // A low limit, so that the burst is throttled (or queued) where the preset says so.
        platformOverrides: { maxConcurrency: 40 },
        client: 'us-typical',
        graph: { chain: { depth: 2 } },
        function: { timeout: '3s', memoryMB: memoryOf(platform) },
        workload: {
          piecewise: {
            points: [
              { at: 0, perSecond: 5 },
              { at: '20s', perSecond: 300 },
              { at: '25s', perSecond: 5 },
              { at: '50s', perSecond: 0 },
            ],
          },
        },
        timeline: { window: '5s' },
      });
      const c = p.calls;
      // Arrivals stop at 50 s; a call lasts seconds at most (3 s timeout, cold starts, queues).
      expect(c.inFlight).toBe(0);
      expect(c.completed + c.throttled + c.timedOut).toBe(c.arrivals);
      // The recorder's count agrees with the timeline's, which counts every arrival by window
      // (the first window is the warm-up). The timeline is a mean over the 2 replications.
      const counted = p.timeline!.arrivals.slice(1).reduce((a, b) => a + b, 0) * 2;
      expect(c.arrivals).toBe(counted);
      // About 50 s at 5/s and 5 s at 300/s, minus the warm-up, per replication.
      const expected = 2 * (45 * 5 + 5 * 300);
      expect(Math.abs(c.arrivals - expected)).toBeLessThan(4 * Math.sqrt(expected));
      // Every completed root made both calls of the chain, and the functions billed them.
      expect(p.cold.meanHops).toBe(2);
      expect(p.cost.requests * 2).toBeGreaterThanOrEqual(2 * c.completed);
      seen.throttled += c.throttled;
      seen.timedOut += c.timedOut;
    });
  }

  it('saw calls end in every way across the presets', () => {
    expect(seen.throttled).toBeGreaterThan(0);
    expect(seen.timedOut).toBeGreaterThan(0);
  });
});
