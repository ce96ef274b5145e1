import { describe, expect, it } from 'vitest';
import { Outcome } from '../../src/platform/call.ts';
import type { ColdStartModel } from '../../src/platform/coldStart/index.ts';
import { instantStart } from '../../src/platform/coldStart/index.ts';
import type { Instance } from '../../src/platform/instance.ts';
import type { KeepAlivePolicy } from '../../src/platform/keepAlive/index.ts';
import { keepForever } from '../../src/platform/keepAlive/index.ts';
import { fixedScaling } from '../../src/platform/scaling/index.ts';
import { constant } from '../../src/random/distributions/constant.ts';
import { barePlatform, checkCalls, testWorld } from '../support/platformWorld.ts';

describe('the null policies, put in through the wiring', () => {
  it('keepForever keeps an idle instance where the platform would reclaim it', () => {
    const platform = barePlatform({ keepAlive: constant(100), coldStart: [constant(50)] });
    const cold = (policies?: () => { keepAlive: KeepAlivePolicy }) => {
      const w = testWorld(platform, constant(1), { policies });
      w.callAt(0);
      w.callAt(10_000);
      w.sim.run();
      return w.ended.map((c) => c.cold);
    };
    expect(cold()).toEqual([true, true]);
    expect(cold(() => ({ keepAlive: keepForever }))).toEqual([true, false]);
  });

  it('instantStart makes a new instance ready at once: no cold-start time, still a start', () => {
    const w = testWorld(barePlatform({ coldStart: [constant(300)] }), constant(5), {
      policies: () => ({ coldStart: instantStart }),
    });
    w.callAt(0);
    w.sim.run();
    expect(w.ended[0].coldStart).toBe(0);
    expect(w.ended[0].end).toBe(5);
    expect(w.functions.get('f')!.pool.coldStarts).toBe(1);
  });

  it('fixedScaling never starts an instance: calls queue for the provisioned ones', () => {
    const w = testWorld(barePlatform({ provisioned: 1 }), constant(10), {
      policies: () => ({ scaling: fixedScaling }),
    });
    for (let i = 0; i < 3; i++) w.callAt(0);
    w.sim.run();
    expect(w.functions.get('f')!.pool.coldStarts).toBe(0);
    // One instance serves them one after the other.
    expect(w.ended.map((c) => c.end)).toEqual([10, 20, 30]);
    expect(w.ended.map((c) => c.queue)).toEqual([0, 10, 20]);
    expect(checkCalls(w.ended).completed).toBe(3);
  });

  it('a cold-start model sees the instance it starts and the pool', () => {
    const seen: [number, number][] = [];
    const model: ColdStartModel = {
      name: 'counting',
      bootTime(inst: Instance, pool) {
        seen.push([inst.id, pool.coldStarts]);
        return 100 * pool.coldStarts;
      },
    };
    const w = testWorld(barePlatform({ keepAlive: constant(1) }), constant(1), {
      policies: () => ({ coldStart: model }),
    });
    w.callAt(0);
    w.callAt(1000);
    w.sim.run();
    expect(seen).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(w.ended.map((c) => c.coldStart)).toEqual([100, 200]);
  });

  it('a keep-alive policy is asked each time an instance becomes idle, with the time', () => {
    const asked: number[] = [];
    const policy: KeepAlivePolicy = {
      name: 'recording',
      idleFor(_inst, now) {
        asked.push(now);
        return 50;
      },
    };
    const w = testWorld(barePlatform(), constant(10), { policies: () => ({ keepAlive: policy }) });
    w.callAt(0);
    w.callAt(40); // idle since 10 for 30 ms < 50: warm
    w.callAt(200); // idle since 50 for 150 ms: reclaimed at 100, cold
    w.sim.run();
    expect(asked).toEqual([10, 50, 210]);
    expect(w.ended.map((c) => c.cold)).toEqual([true, false, true]);
    expect(w.ended.every((c) => c.outcome === Outcome.Completed)).toBe(true);
  });
});
