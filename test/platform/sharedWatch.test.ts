import { describe, expect, it } from 'vitest';
import { SharedWatch } from '../../src/platform/sharedWatch.ts';
import { createStream } from '../../src/random/streams.ts';

/**
 * A SharedWatch against the levels it was told, recomputed cell by cell by brute force: per
 * cell, the largest of the levels set in it and of the level it opened with (the last one before
 * it); the tokens asked for in it.
 */
describe('SharedWatch', () => {
  it('keeps per cell the largest levels and the tokens asked for', () => {
    for (let seed = 0; seed < 50; seed++) {
      const rng = createStream(seed, 'watch');
      const cellMs = 1 + Math.floor(rng() * 20);
      const clock = { now: 0 };
      const watch = new SharedWatch(cellMs, clock);
      type Change = { t: number; calls: number; inUse: number };
      const changes: Change[] = [];
      const slots: { t: number; used: number }[] = [];
      const takes: number[] = [];
      for (let i = 0; i < 300; i++) {
        // Some changes at the same instant, some after long gaps (cells with no change).
        clock.now += rng() < 0.3 ? 0 : rng() < 0.9 ? rng() * cellMs : rng() * 10 * cellMs;
        const u = rng();
        if (u < 0.2) {
          watch.take();
          takes.push(clock.now);
        } else if (u < 0.5) {
          const used = Math.floor(rng() * 40);
          watch.slots(used);
          slots.push({ t: clock.now, used });
        } else {
          const calls = Math.floor(rng() * 50);
          const inUse = Math.floor(rng() * 30);
          watch.level(calls, inUse);
          changes.push({ t: clock.now, calls, inUse });
        }
      }
      clock.now += rng() * 5 * cellMs;
      const data = watch.finish();
      const cells = Math.floor(clock.now / cellMs) + 1;
      expect(data.cellMs).toBe(cellMs);
      for (const levels of [data.calls, data.inUse, data.slots]) expect(levels.length).toBe(cells);
      for (let c = 0; c < cells; c++) {
        const from = c * cellMs;
        const to = from + cellMs;
        const largest = <T extends { t: number }>(xs: T[], pick: (x: T) => number) => {
          const before = xs.filter((x) => x.t < from).at(-1);
          const inCell = xs.filter((x) => x.t >= from && x.t < to);
          return Math.max(before === undefined ? 0 : pick(before), ...inCell.map(pick));
        };
        const at = `seed ${seed} cell ${c}`;
        expect(data.calls[c], at).toBe(largest(changes, (x) => x.calls));
        expect(data.inUse[c], at).toBe(largest(changes, (x) => x.inUse));
        expect(data.slots[c], at).toBe(largest(slots, (x) => x.used));
        const asked = takes.filter((x) => x >= from && x < to).length;
        expect(data.takes[c] ?? 0, at).toBe(asked);
      }
    }
  });
});
