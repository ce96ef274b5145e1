import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../src/platform/instance.ts';
import { fixedKeepAlive } from '../../../src/platform/keepAlive/fixedKeepAlive.ts';
import { keepForever } from '../../../src/platform/keepAlive/keepForever.ts';
import { bind } from '../../../src/platform/sampler.ts';
import { constant, exponential } from '../../../src/random/distributions/index.ts';
import { createStream } from '../../../src/random/streams.ts';
import { barePlatform, testWorld } from '../../support/platformWorld.ts';

/**
 * A constant keep-alive is read by the pool (KeepAlivePolicy.constantMs) instead of asked of
 * the policy on every call: the instances must come and go at the same moments either way.
 */
describe('a constant keep-alive', () => {
  it('gives the policy a constantMs that is what idleFor gives; a drawn one has none', () => {
    const inst = {} as Instance;
    expect(fixedKeepAlive(bind(constant(1234.5), createStream('k', 'a')), 1234.5).constantMs).toBe(
      1234.5,
    );
    expect(keepForever.constantMs).toBe(keepForever.idleFor(inst, 0));
    expect(
      fixedKeepAlive(bind(exponential(10), createStream('k', 'b'))).constantMs,
    ).toBeUndefined();
  });

  it('reclaims instances at the same moments as asking the policy each time', () => {
    const run = (asked: boolean) => {
      const platform = barePlatform({ keepAlive: constant(700), coldStart: [constant(120)] });
      const w = testWorld(platform, exponential(300), {
        // The policy without constantMs: the pool asks idleFor, as before.
        policies: asked
          ? () => ({ keepAlive: fixedKeepAlive(bind(constant(700), createStream('k', 'c'))) })
          : undefined,
      });
      const rng = createStream('keep', 'arrivals');
      let t = 0;
      for (let i = 0; i < 400; i++) {
        // Bursts and silences longer than the keep-alive, so instances are reclaimed often.
        t += i % 20 === 0 ? 2000 * rng() : 150 * rng();
        w.callAt(t);
      }
      w.sim.run();
      return { levels: w.levels, ends: w.ended.map((c) => [c.end, c.cold]) };
    };
    const read = run(false);
    const asked = run(true);
    // Cold starts after reclaims happened, so the keep-alive mattered.
    expect(read.ends.filter(([, cold]) => cold).length).toBeGreaterThan(20);
    expect(read).toEqual(asked);
  });
});
