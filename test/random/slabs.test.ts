import { describe, expect, it } from 'vitest';
import { Slabs } from '../../src/random/slabs.ts';

describe('Slabs', () => {
  it('hands out places side by side, perSlab to an array, none overlapping', () => {
    const slabs = new Slabs(3, 4);
    const places = Array.from({ length: 9 }, () => slabs.take());
    // The first four share one array at 0, 3, 6, 9; the next four a second; the ninth a third.
    expect(places.map((p) => p.at)).toEqual([0, 3, 6, 9, 0, 3, 6, 9, 0]);
    expect(new Set(places.map((p) => p.slab)).size).toBe(3);
    expect(places[0].slab).toBe(places[3].slab);
    expect(places[4].slab).not.toBe(places[3].slab);
    expect(places[0].slab).toHaveLength(12);
    // Each place starts at zero, and writing one leaves the others as they were.
    for (const p of places) expect(Array.from(p.slab.subarray(p.at, p.at + 3))).toEqual([0, 0, 0]);
    places[1].slab.fill(7, places[1].at, places[1].at + 3);
    expect(Array.from(places[0].slab)).toEqual([0, 0, 0, 7, 7, 7, 0, 0, 0, 0, 0, 0]);
  });
});
