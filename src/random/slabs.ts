/** A place of `width` doubles in a slab shared with others (see Slabs). */
export interface SlabPlace {
  slab: Float64Array;
  at: number;
}

/**
 * Hands out places of `width` doubles, `perSlab` of them side by side in one Float64Array,
 * then a new array. For state reached on the hot path of a region, one place per function
 * (random streams, arrival processes, execution times): a number held in an object field is
 * a box of its own in V8 (a fraction is not a small integer), one more place out of cache on
 * each call with 10,000 functions, where a slab keeps an owner's numbers on one cache line
 * and the owners' lines together. A slab stays alive while any of its owners does.
 */
export class Slabs {
  private slab: Float64Array;
  private used = 0;

  constructor(
    readonly width: number,
    readonly perSlab: number,
  ) {
    this.slab = new Float64Array(width * perSlab);
  }

  /** A fresh place: its numbers at slab[at] to slab[at + width - 1], zeros to begin with. */
  take(): SlabPlace {
    if (this.used === this.perSlab) {
      this.slab = new Float64Array(this.width * this.perSlab);
      this.used = 0;
    }
    return { slab: this.slab, at: this.width * this.used++ };
  }
}
