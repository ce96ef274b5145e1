import { describe, expect, it } from 'vitest';
import { Outcome } from '../../src/platform/call.ts';
import { InstanceState } from '../../src/platform/instance.ts';
import { constant } from '../../src/random/distributions/constant.ts';
import { barePlatform, checkCalls, testWorld } from '../support/platformWorld.ts';

// Boot 100 ms, run 50 ms, keep-alive 10 minutes: without eviction an idle instance
// would hold its slot for the whole of every test below.
const cluster = (slots: number, provisioned = 0, evictIdle = true) =>
  barePlatform({
    cluster: { hosts: 1, slotsPerHost: slots, evictIdle },
    keepAlive: constant(600_000),
    coldStart: [constant(100)],
    provisioned,
  });

describe('a full cluster', () => {
  it("evicts another function's idle instance at once for a new one", () => {
    const w = testWorld(cluster(2), constant(50), { names: ['f', 'g'] });
    w.callAt(0, 'f');
    w.callAt(0, 'f');
    w.callAt(1_000, 'g');
    w.sim.run({ until: 10_000 });
    const g = w.ended[2];
    expect(g.end - g.start).toBe(150);
    expect(g.queue).toBe(0);
    expect(g.cold).toBe(true);
    expect(w.functions.get('f')!.pool.instances).toBe(1);
    expect(w.functions.get('g')!.pool.instances).toBe(1);
    checkCalls(w.ended);
  });

  it('with evictIdle false, leaves idle instances their slots until their keep-alive ends', () => {
    const w = testWorld(cluster(2, 0, false), constant(50), { names: ['f', 'g'] });
    w.callAt(0, 'f');
    w.callAt(0, 'f');
    w.callAt(1_000, 'g');
    w.sim.run({ until: 700_000 });
    // f's instances are idle from 150 and reclaimed at 600,150; g's instance takes a slot then.
    const g = w.ended[2];
    expect(g.queue).toBe(600_150 - 1_000);
    expect(g.end - g.start).toBe(600_150 - 1_000 + 150);
    checkCalls(w.ended);
  });

  it('evicts the instance idle the longest, of any function', () => {
    const w = testWorld(cluster(3), constant(50), { names: ['f', 'g', 'h'] });
    w.callAt(0, 'g'); // g's instance idle from 150
    w.callAt(100, 'f'); // f's from 250
    w.callAt(200, 'f'); // a second f instance (the first is busy until 250), idle from 350
    w.callAt(1_000, 'h');
    w.sim.run({ until: 10_000 });
    const [g, f1, f2] = w.ended;
    expect(g.instance!.state).toBe(InstanceState.Reclaimed);
    expect(f1.instance!.state).toBe(InstanceState.Ready);
    expect(f2.instance!.state).toBe(InstanceState.Ready);
    expect(f1.instance).not.toBe(f2.instance);
    expect(w.ended[3].end - w.ended[3].start).toBe(150);
    checkCalls(w.ended);
  });

  it('never evicts an instance that serves a call or a provisioned one: the new one waits', () => {
    // Two slots, held by f's and g's provisioned instances. A second call to f while the
    // first runs starts an instance that can never be placed; the call takes f's
    // provisioned instance when it frees.
    const w = testWorld(cluster(2, 1), constant(50), { names: ['f', 'g'] });
    w.callAt(0, 'f');
    w.callAt(10, 'f');
    w.sim.run({ until: 600_000 });
    expect(w.ended.map((c) => [c.end - c.start, c.cold])).toEqual([
      [50, false],
      [90, false],
    ]);
    expect(w.functions.get('f')!.pool.starting).toBe(1);
    expect(w.functions.get('g')!.pool.idle).toBe(1);
    checkCalls(w.ended);
  });

  for (const evictIdle of [true, false]) {
    it(`drops a start no call needs any more, rather than give it a slot (evictIdle ${evictIdle})`, () => {
      // One slot. The call at 10 starts an instance that must wait for the slot; at 150 the
      // first instance frees and serves that call itself (warm, after 140 ms in the queue).
      // The waiting start then serves nobody: it is dropped, not booted in the slot of the
      // warm instance, which serves the call at 1,000 too.
      const w = testWorld(cluster(1, 0, evictIdle), constant(50));
      w.callAt(0);
      w.callAt(10);
      w.callAt(1_000);
      w.sim.run({ until: 700_000 });
      expect(w.ended.map((c) => [c.cold, c.queue, c.end - c.start])).toEqual([
        [true, 0, 150],
        [false, 140, 190],
        [false, 0, 50],
      ]);
      const pool = w.functions.get('f')!.pool;
      expect(pool.coldStarts).toBe(1);
      expect(pool.starting).toBe(0);
      // The start that waited for a slot was never an instance: at most one at any time.
      expect(Math.max(...w.levels.map((l) => l.starting + l.busy + l.idle))).toBe(1);
      checkCalls(w.ended);
    });
  }

  it('a dropped start gives its share of an account limit back to the calls queued at it', () => {
    // One slot, held by h's idle instance until 1,010; an account limit of 2 calls. Two
    // starts of f wait for the slot, and their calls give up at 520 and 521; g's call at
    // 600 queues at the limit, which the two starts still fill. At 1,010 the slot frees,
    // both starts are dropped, and g's call must start an instance then, not give up.
    const w = testWorld(
      barePlatform({
        cluster: { hosts: 1, slotsPerHost: 1, evictIdle: false },
        maxConcurrency: 2,
        limitScope: 'account',
        onLimit: 'queue',
        maxQueueWait: 500,
        keepAlive: constant(1000),
        coldStart: [constant(0)],
      }),
      constant(10),
      { names: ['h', 'f', 'g'] },
    );
    w.callAt(0, 'h');
    w.callAt(20, 'f');
    w.callAt(21, 'f');
    w.callAt(600, 'g');
    w.sim.run();
    const g = w.ended.find((c) => c.fn.name === 'g')!;
    expect([g.outcome, g.end]).toEqual([Outcome.Completed, 1020]);
    expect(checkCalls(w.ended)).toEqual({ completed: 2, throttled: 2, timedOut: 0 });
    expect(w.functions.get('f')!.pool.starting).toBe(0);
  });

  it('never reports more instances than slots while a start waits for one', () => {
    // f's instance is reclaimed at 1,150 and its slot goes to g's start, waiting since 200:
    // the two must not both be counted at that moment.
    const w = testWorld(
      barePlatform({
        cluster: { hosts: 1, slotsPerHost: 1, evictIdle: false },
        keepAlive: constant(1000),
        coldStart: [constant(100)],
      }),
      constant(50),
      { names: ['f', 'g'] },
    );
    w.callAt(0, 'f');
    w.callAt(200, 'g');
    w.sim.run();
    expect(w.ended.find((c) => c.fn.name === 'g')!.end).toBe(1150 + 100 + 50);
    // Instances of both functions after each report.
    const alive = new Map<string, number>();
    let max = 0;
    for (const l of w.levels) {
      alive.set(l.fn, l.starting + l.busy + l.idle);
      max = Math.max(
        max,
        [...alive.values()].reduce((a, b) => a + b, 0),
      );
    }
    expect(max).toBe(1);
  });

  it("gives a waiting instance the slot of one that goes idle, before the pool's own next call", () => {
    // Two slots, both f instances busy until 150; g's instance waits. At 150 the first f
    // instance goes idle and is evicted for g; a later f call finds the other one idle.
    const w = testWorld(cluster(2), constant(50), { names: ['f', 'g'] });
    w.callAt(0, 'f');
    w.callAt(0, 'f');
    w.callAt(10, 'g');
    w.callAt(400, 'f');
    w.sim.run({ until: 10_000 });
    const byName = (n: string) => w.ended.filter((c) => c.fn.name === n);
    expect(byName('g').map((c) => [c.queue, c.coldStart])).toEqual([[140, 100]]);
    expect(byName('f').map((c) => c.cold)).toEqual([true, true, false]);
    checkCalls(w.ended);
  });
});
