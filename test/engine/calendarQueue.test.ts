import { describe, expect, it } from 'vitest';
import { CalendarQueue } from '../../src/engine/calendarQueue.ts';
import { EventQueue } from '../../src/engine/eventQueue.ts';
import { createStream } from '../../src/random/streams.ts';

/**
 * The calendar queue against the binary heap, event for event: random
 * pushes and pops with ties, zero delays, bursts and far-future events
 * (keep-alive timers), through many grows and shrinks of the calendar.
 */
describe('CalendarQueue', () => {
  it('pops exactly what the binary heap pops, in the same order', () => {
    const noop = () => {};
    let first: string | null = null;
    for (let trial = 0; trial < 100; trial++) {
      const rng = createStream(trial, 'calendar');
      const heap = new EventQueue(4);
      const cal = new CalendarQueue(4);
      let now = 0;
      let id = 0;
      const scale = [0.001, 0.1, 1, 10, 1000][trial % 5];
      for (let step = 0; step < 5000; step++) {
        const r = rng();
        // Grow phases and drain phases, so the calendar resizes both ways.
        const pushBias = Math.floor(step / 1000) % 2 === 0 ? 0.6 : 0.4;
        if (r < pushBias || heap.size === 0) {
          const k = rng();
          const delay =
            k < 0.1
              ? 0
              : k < 0.2
                ? Math.floor(rng() * 3) * scale
                : k < 0.25
                  ? 1e6 * rng()
                  : -Math.log(1 - rng()) * scale;
          heap.push(now + delay, noop, id);
          cal.push(now + delay, noop, id);
          id++;
        } else {
          // Plain comparisons, one expect at the end: 500,000 expect() calls took 25 s.
          const a = heap.pop();
          const b = cal.pop();
          if (
            first === null &&
            (cal.size !== heap.size ||
              cal.timeOf(b) !== heap.timeOf(a) ||
              cal.payloadOf(b) !== heap.payloadOf(a))
          ) {
            first = `trial ${trial} step ${step}: calendar popped id ${cal.payloadOf(b)} at ${cal.timeOf(b)} (size ${cal.size}), heap id ${heap.payloadOf(a)} at ${heap.timeOf(a)} (size ${heap.size})`;
          }
          now = heap.timeOf(a);
          heap.release(a);
          cal.release(b);
        }
      }
    }
    expect(first).toBeNull();
  });

  it('cancels lazily, refusing stale ids', () => {
    const q = new CalendarQueue();
    const a = q.push(5, () => {}, 'a');
    q.push(1, () => {}, 'b');
    expect(q.cancel(a)).toBe(true);
    expect(q.cancel(a)).toBe(false);
    const first = q.pop();
    expect(q.payloadOf(first)).toBe('b');
    q.release(first);
    const second = q.pop();
    expect(q.handlerOf(second)).toBeNull();
  });
});

/**
 * Many events at one instant (a fan-out of 100,000 calls on a platform with
 * no delay): each push used to walk every earlier event at that time, so the
 * work grew with the square of the width. It must grow linearly, and ties
 * must still pop in the order they were pushed.
 */
describe('CalendarQueue with many events at the same time', () => {
  const noop = () => {};

  /** Pushes `n` events at one time amid events just before and after it; pops all; returns the probes. */
  function sameInstant(n: number): number {
    const q = new CalendarQueue();
    q.push(9.999, noop, -1);
    q.push(10.001, noop, -2);
    for (let i = 0; i < n; i++) {
      q.push(10, noop, i);
      // A later event in the same bucket after every thousandth, so that the
      // run at time 10 is never simply the bucket's tail.
      if (i % 1000 === 0) q.push(10 + 1e-9 * (i + 1), noop, -3);
    }
    let next = 0;
    let outOfOrder = 0;
    while (q.size > 0) {
      const s = q.pop();
      const p = q.payloadOf(s) as number;
      if (p >= 0) {
        if (p !== next) outOfOrder++;
        next++;
      }
      q.release(s);
    }
    expect(outOfOrder).toBe(0);
    expect(next).toBe(n);
    return q.probes;
  }

  it('costs O(1) per event: the work at 4x the width is about 4x', () => {
    const small = sameInstant(20_000);
    const large = sameInstant(80_000);
    // Linear work gives a ratio of 4 (plus resizes' bookkeeping); quadratic gives 16.
    expect(large / small).toBeLessThan(5);
    expect(large / 80_000).toBeLessThan(20);
  });

  it('pops ties in push order, as the heap does, with pops between the pushes', () => {
    const heap = new EventQueue(4);
    const cal = new CalendarQueue(4);
    const rng = createStream('ties', 'calendar');
    let now = 0;
    const popped: [unknown, unknown][] = [];
    let pushed = 0;
    for (let step = 0; step < 20_000; step++) {
      if (rng() < 0.7 || heap.size === 0) {
        // Mostly the current instant or one of a few instants ahead.
        const t = rng() < 0.6 ? now : now + Math.floor(rng() * 4) * 0.5;
        heap.push(t, noop, step);
        cal.push(t, noop, step);
        pushed++;
      } else {
        const a = heap.pop();
        const b = cal.pop();
        popped.push([heap.payloadOf(a), cal.payloadOf(b)]);
        now = heap.timeOf(a);
        heap.release(a);
        cal.release(b);
      }
    }
    while (heap.size > 0) {
      const a = heap.pop();
      const b = cal.pop();
      popped.push([heap.payloadOf(a), cal.payloadOf(b)]);
      heap.release(a);
      cal.release(b);
    }
    expect(popped.length).toBe(pushed);
    expect(pushed).toBeGreaterThan(10_000);
    expect(popped.filter(([h, c]) => h !== c)).toEqual([]);
  });
});
