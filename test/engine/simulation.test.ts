import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { createStream } from '../../src/random/streams.ts';

describe.each(['calendar', 'heap'] as const)('Simulation on a %s queue', (queue) => {
  const Sim = class extends Simulation {
    constructor(options: { initialCapacity?: number } = {}) {
      super({ ...options, queue });
    }
  };
  it('runs events in time order and advances the clock', () => {
    const sim = new Sim();
    const seen: [string, number][] = [];
    const log = (name: string) => seen.push([name, sim.now]);
    sim.schedule(5, log, 'c');
    sim.schedule(1, log, 'a');
    sim.scheduleAt(3, log, 'b');
    const r = sim.run();
    expect(seen).toEqual([
      ['a', 1],
      ['b', 3],
      ['c', 5],
    ]);
    expect(r).toEqual({ reason: 'empty', now: 5, events: 3 });
    expect(sim.processed).toBe(3);
  });

  it('breaks ties in the order events were scheduled', () => {
    const sim = new Sim();
    const seen: number[] = [];
    for (let i = 0; i < 200; i++) sim.scheduleAt(7, (x: number) => seen.push(x), i);
    // Interleave other times so that ties must survive heap reorganisation.
    for (let i = 0; i < 200; i++) sim.scheduleAt(i % 13, () => {}, null);
    sim.run();
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('lets a handler schedule at the current time, after events already due then', () => {
    const sim = new Sim();
    const seen: string[] = [];
    sim.schedule(
      1,
      () => {
        seen.push('first');
        sim.schedule(0, () => seen.push('scheduled-by-first'), null);
      },
      null,
    );
    sim.schedule(1, () => seen.push('second'), null);
    sim.run();
    expect(seen).toEqual(['first', 'second', 'scheduled-by-first']);
  });

  it('cancels pending events and refuses stale ids', () => {
    const sim = new Sim();
    const seen: number[] = [];
    const push = (x: number) => seen.push(x);
    const a = sim.schedule(1, push, 1);
    const b = sim.schedule(2, push, 2);
    sim.schedule(3, push, 3);
    expect(sim.cancel(b)).toBe(true);
    expect(sim.cancel(b)).toBe(false);
    sim.run({ until: 1 });
    expect(seen).toEqual([1]);
    // a ran, its slot is free and will be reused: its old id must not cancel the new event.
    sim.schedule(5, push, 5);
    expect(sim.cancel(a)).toBe(false);
    sim.run();
    expect(seen).toEqual([1, 3, 5]);
    expect(sim.processed).toBe(3);
  });

  it('runs until a time, inclusive, and moves the clock there', () => {
    const sim = new Sim();
    const seen: number[] = [];
    for (const t of [1, 2, 3, 4]) sim.scheduleAt(t, (x: number) => seen.push(x), t);
    expect(sim.run({ until: 2 })).toEqual({ reason: 'until', now: 2, events: 2 });
    expect(sim.run({ until: 2.5 })).toEqual({ reason: 'until', now: 2.5, events: 0 });
    expect(sim.run({ until: 10 })).toEqual({ reason: 'empty', now: 10, events: 2 });
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('stops after a maximum number of events, and on stop()', () => {
    const sim = new Sim();
    let n = 0;
    const tick = () => {
      n++;
      if (n === 50) sim.stop();
      sim.schedule(1, tick, null);
    };
    sim.schedule(0, tick, null);
    expect(sim.run({ maxEvents: 10 })).toMatchObject({ reason: 'maxEvents', events: 10, now: 9 });
    expect(sim.run()).toMatchObject({ reason: 'stopped', events: 40, now: 49 });
    expect(sim.pending).toBe(1);
  });

  it('refuses to schedule in the past or at NaN, with a clear message', () => {
    const sim = new Sim();
    sim.schedule(10, () => {}, null);
    sim.run();
    expect(() => sim.scheduleAt(5, () => {}, null)).toThrow(
      'cannot schedule an event in the past: time 5 is before now (10)',
    );
    expect(() => sim.schedule(-1, () => {}, null)).toThrow(/delay must be >= 0/);
    expect(() => sim.schedule(Number.NaN, () => {}, null)).toThrow(/delay must be >= 0/);
    expect(() => sim.run({ until: 3 })).toThrow(/before now/);
  });

  it('grows past its initial capacity and keeps order', () => {
    const sim = new Sim({ initialCapacity: 2 });
    const rng = createStream(1, 'grow');
    const times = Array.from({ length: 5000 }, () => rng() * 100);
    const seen: number[] = [];
    for (const t of times) sim.scheduleAt(t, (x: number) => seen.push(x), t);
    sim.run();
    expect(seen).toEqual([...times].sort((a, b) => a - b));
  });

  it('is deterministic: the same seed gives the same trace, another seed another', () => {
    const trace = (seed: number) => {
      const sim = new Sim();
      const rng = createStream(seed, 'trace');
      const out: string[] = [];
      const step = (id: number) => {
        out.push(`${id}@${sim.now.toFixed(9)}`);
        if (out.length < 2000) sim.schedule(Math.floor(rng() * 4), step, (id * 7 + 1) % 101);
        if (rng() < 0.3 && out.length < 2000) sim.schedule(rng(), step, id + 1);
      };
      sim.schedule(0, step, 0);
      sim.run();
      return out.join(',');
    };
    expect(trace(42)).toBe(trace(42));
    expect(trace(42)).not.toBe(trace(43));
  });
});
