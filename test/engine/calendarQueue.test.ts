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
          expect(cal.size).toBe(heap.size);
          expect(cal.peekTime()).toBe(heap.peekTime());
          const a = heap.pop();
          const b = cal.pop();
          expect(cal.payloadOf(b)).toBe(heap.payloadOf(a));
          now = heap.timeOf(a);
          heap.release(a);
          cal.release(b);
        }
      }
    }
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
