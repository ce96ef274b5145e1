import { describe, expect, it } from 'vitest';
import { AccountWatch } from '../../src/platform/accountWatch.ts';
import { createStream } from '../../src/random/streams.ts';

/**
 * An AccountWatch against the levels it was told, recomputed cell by cell by brute force: per
 * cell, the largest of the levels set in it and of the level it opened with (the last one before
 * it); the tokens asked for in it.
 */
describe('AccountWatch', () => {
  it('keeps per cell the largest levels and the tokens asked for', () => {
    for (let seed = 0; seed < 50; seed++) {
      const rng = createStream(seed, 'watch');
      const cellMs = 1 + Math.floor(rng() * 20);
      const watch = new AccountWatch(cellMs);
      const changes: { t: number; calls: number; inUse: number }[] = [];
      const takes: number[] = [];
      let t = 0;
      for (let i = 0; i < 200; i++) {
        // Some changes at the same instant, some after long gaps (cells with no change).
        t += rng() < 0.3 ? 0 : rng() < 0.9 ? rng() * cellMs : rng() * 10 * cellMs;
        if (rng() < 0.2) {
          watch.take(t);
          takes.push(t);
        } else {
          const calls = Math.floor(rng() * 50);
          const inUse = Math.floor(rng() * 30);
          watch.level(t, calls, inUse);
          changes.push({ t, calls, inUse });
        }
      }
      const end = t + rng() * 5 * cellMs;
      const data = watch.finish(end);
      const cells = Math.floor(end / cellMs) + 1;
      expect(data.calls.length).toBe(cells);
      expect(data.inUse.length).toBe(cells);
      for (let c = 0; c < cells; c++) {
        const from = c * cellMs;
        const to = from + cellMs;
        const before = changes.filter((x) => x.t < from).at(-1);
        const inCell = changes.filter((x) => x.t >= from && x.t < to);
        const max = (pick: (x: { calls: number; inUse: number }) => number) =>
          Math.max(before === undefined ? 0 : pick(before), ...inCell.map(pick));
        expect(data.calls[c], `seed ${seed} cell ${c}`).toBe(max((x) => x.calls));
        expect(data.inUse[c], `seed ${seed} cell ${c}`).toBe(max((x) => x.inUse));
        const asked = takes.filter((x) => x >= from && x < to).length;
        expect(data.takes[c] ?? 0, `seed ${seed} cell ${c}`).toBe(asked);
      }
    }
  });
});
