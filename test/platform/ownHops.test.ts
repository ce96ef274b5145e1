import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { type Call, STAGES } from '../../src/platform/call.ts';
import type { ClientConfig } from '../../src/platform/config.ts';
import { buildWorld } from '../../src/platform/world.ts';
import { constant, exponential, lognormal } from '../../src/random/distributions/index.ts';
import { barePlatform, INSIDE } from '../support/platformWorld.ts';

/**
 * A region's function draws all its hops from one object (OwnHops) instead of the four Hop
 * objects: the same numbers, in the same order, for calls from outside (internet with losses,
 * gateway) and inside the cloud.
 */
describe('OwnHops', () => {
  const client: ClientConfig = {
    ...INSIDE,
    name: 'lossy',
    internet: lognormal(3, 0.5),
    // High, so that many sends are lost and retransmitted (the extra draws).
    lossProbability: 0.3,
    retransmitTimeout: 200,
  };
  const platform = barePlatform({
    gateway: exponential(4),
    network: lognormal(0.5, 0.3),
    frontEnd: exponential(1),
  });

  function stages(viaOwnHops: boolean, c: ClientConfig): number[] {
    const sim = new Simulation();
    const out: number[] = [];
    const world = buildWorld(sim, {
      client: c,
      functions: [{ name: 'f', platform, execution: constant(5), timeout: 900, memoryMB: 128 }],
      seed: 'own',
      sink: {
        ended(call: Call) {
          out.push(call.start, call.end);
          for (const s of STAGES) out.push(call[s]);
        },
      },
      ownStreams: new Set(['f']),
    });
    const f = world.functions.get('f')!;
    expect(f.ownHops).not.toBeNull();
    if (!viaOwnHops) f.ownHops = null;
    for (let i = 0; i < 500; i++) {
      world.invoker.invoke(f, null, c.internet !== null && i % 3 !== 0, 0);
      sim.run({ until: sim.now + 50 });
    }
    sim.run();
    return out;
  }

  it('draws what the Hops draw, from outside and inside the cloud', () => {
    for (const c of [client, INSIDE]) {
      const own = stages(true, c);
      const hops = stages(false, c);
      expect(own.length).toBe(500 * (2 + STAGES.length));
      expect(own).toEqual(hops);
    }
  });
});
