/**
 * A streaming log-linear histogram of non-negative durations in milliseconds, in the design of
 * HdrHistogram: each power-of-two range of values is split into 2048 equal sub-buckets, so a
 * bucket is at most 1/2048 (< 0.05%) of the values it holds wide, and a bucket midpoint is within
 * 0.025% of every value in the bucket. Memory is fixed whatever the number of values recorded.
 *
 * The bucket index is read straight from the bits of the IEEE-754 double: the 11 exponent bits
 * and the top 11 mantissa bits are contiguous in the high 32-bit word, so `hi >>> 9` is
 * (exponent << 11 | sub-bucket). No Math.log, no loop, no allocation on the hot path.
 *
 * Exact alongside the buckets: count, min, max and the sum (for the mean). The sum is kept as an
 * integer number of 2^-20 ms (about a nanosecond) in two doubles, so that it is associative:
 * merging shards in any order, on any number of machines, gives the same bits, which is what
 * lets a sharded run be byte-identical to a single-threaded one (docs/DESIGN.md, "Randomness and
 * the same bytes out").
 */

/** Sub-buckets per power of two (2^11): relative bucket width <= 1/2048. */
export const SUB_BUCKETS = 2048;
const SUB_BITS = 11;
const SUB_MASK = SUB_BUCKETS - 1;

/** Values below this (ms) go to the zero bucket; they are not told apart from each other. */
export const LOWEST_DISCERNIBLE = 1e-3;
/** Values above this (ms) are clamped to it and counted in `overflow`. */
export const HIGHEST_TRACKABLE = 1e9;

// The power-of-two ranges covered: [2^-10, 2^-9) holds 1e-3, [2^29, 2^30) holds 1e9.
const MIN_EXP = -10;
const MAX_EXP = 29;
/** Power-of-two ranges ("buckets" in HdrHistogram's vocabulary). */
export const OCTAVES = MAX_EXP - MIN_EXP + 1;
const INDEX_LIMIT = OCTAVES * SUB_BUCKETS;
// (biased exponent << 11 | sub-bucket) of the first bucket, subtracted to make indexes start at 0.
const INDEX_BASE = (1023 + MIN_EXP) << SUB_BITS;

// Scratch views aliasing one double, to read its exponent and mantissa bits. Module-level so the
// hot path allocates nothing; JS runs one thread per realm, so sharing them is safe.
const scratchF64 = new Float64Array(1);
const scratchU32 = new Uint32Array(scratchF64.buffer);
// Index of the high (sign, exponent, top mantissa) word: 1 on little-endian machines.
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

// The sum is an integer number of units of 2^-20 ms, held as hi * 2^52 + lo with 0 <= lo < 2^52.
// One value contributes at most 1e9 * 2^20 < 2^50 units, so lo + units < 2^53 stays exact.
const SUM_SCALE = 2 ** 20;
const TWO26 = 2 ** 26;
const TWO52 = 2 ** 52;

// 2^(octave + MIN_EXP): the lower bound of each power-of-two range.
const OCTAVE_BASE = new Float64Array(OCTAVES);
for (let o = 0; o < OCTAVES; o++) OCTAVE_BASE[o] = 2 ** (o + MIN_EXP);

/** The serialised form: only the non-zero buckets, plus the exact totals. */
export interface HistogramJSON {
  format: 'coldtail-histogram/1';
  /** Values were recorded in milliseconds. */
  unit: 'ms';
  count: number;
  /** null when count is 0. */
  min: number | null;
  max: number | null;
  /** The exact sum as a decimal integer number of 2^-20 ms (it may exceed 2^53). */
  sumUnits: string;
  /** Values recorded below LOWEST_DISCERNIBLE. */
  zero: number;
  /** Values clamped to HIGHEST_TRACKABLE. */
  overflow: number;
  /** [bucket index, count] pairs in increasing index order, non-zero counts only. */
  buckets: [number, number][];
}

/** The index of the bucket that holds `value` (LOWEST_DISCERNIBLE <= value <= HIGHEST_TRACKABLE). */
function indexOf(value: number): number {
  scratchF64[0] = value;
  return (scratchU32[HIGH_WORD] >>> 9) - INDEX_BASE;
}

/** The lower bound of bucket `index` (ms). */
export function bucketLowerBound(index: number): number {
  const base = OCTAVE_BASE[index >>> SUB_BITS];
  return base + (base * (index & SUB_MASK)) / SUB_BUCKETS;
}

/** The upper bound (exclusive) of bucket `index` (ms). */
export function bucketUpperBound(index: number): number {
  const base = OCTAVE_BASE[index >>> SUB_BITS];
  return base + (base * ((index & SUB_MASK) + 1)) / SUB_BUCKETS;
}

/**
 * The 1-based rank of the p-quantile among `count` values: nearest rank, ceil(p * count), with
 * a relative tolerance of 1e-12 so that p * count landing a rounding error above an integer
 * (0.07 * 100 = 7.000000000000001) does not skip a rank.
 */
export function nearestRank(p: number, count: number): number {
  const x = p * count;
  const rank = Math.ceil(x - x * 1e-12);
  return Math.max(1, Math.min(rank, count));
}

export class Histogram {
  // Counts per power-of-two range, allocated when the range first receives a value: latencies
  // usually span a handful of ranges, so a histogram costs 16 KiB per range used, not 640 KiB.
  private chunks: (Float64Array | null)[] = new Array<Float64Array | null>(OCTAVES).fill(null);
  private zeroCount = 0;
  private overflowCount = 0;
  private n = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private sumHi = 0;
  private sumLo = 0;

  /** Records one value (ms). Hot path: called for every stage of every request. */
  record(value: number): void {
    if (value >= LOWEST_DISCERNIBLE && value <= HIGHEST_TRACKABLE) {
      scratchF64[0] = value;
      const index = (scratchU32[HIGH_WORD] >>> 9) - INDEX_BASE;
      let chunk = this.chunks[index >>> SUB_BITS];
      if (chunk === null) chunk = this.allocate(index >>> SUB_BITS);
      chunk[index & SUB_MASK]++;
      this.n++;
      let s = this.sumLo + Math.round(value * SUM_SCALE);
      if (s >= TWO52) {
        s -= TWO52;
        this.sumHi++;
      }
      this.sumLo = s;
      if (value < this.lo) this.lo = value;
      if (value > this.hi) this.hi = value;
    } else {
      this.recordOutside(value, 1);
    }
  }

  /** Records `count` occurrences of one value (count a non-negative integer). */
  recordN(value: number, count: number): void {
    if (!(Number.isInteger(count) && count >= 0 && count <= Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`Histogram.recordN: count must be a non-negative integer, got ${count}`);
    }
    if (count === 0) return;
    if (value >= LOWEST_DISCERNIBLE && value <= HIGHEST_TRACKABLE) {
      const index = indexOf(value);
      let chunk = this.chunks[index >>> SUB_BITS];
      if (chunk === null) chunk = this.allocate(index >>> SUB_BITS);
      chunk[index & SUB_MASK] += count;
      this.addCommon(value, count);
    } else {
      this.recordOutside(value, count);
    }
  }

  // Kept out of record() so the common path stays small enough to inline.
  private recordOutside(value: number, count: number): void {
    if (value >= 0 && value < LOWEST_DISCERNIBLE) {
      this.zeroCount += count;
      // + 0 turns -0 into 0, so that min serialises and compares as recorded.
      this.addCommon(value + 0, count);
    } else if (value > HIGHEST_TRACKABLE) {
      // Clamped rather than rejected: one absurd sample (a timeout of "forever") should not
      // abort a long run, and `overflow` tells the reader that it happened.
      this.overflowCount += count;
      this.recordN(HIGHEST_TRACKABLE, count);
    } else {
      throw new RangeError(`Histogram: values must be non-negative numbers, got ${value}`);
    }
  }

  private addCommon(value: number, count: number): void {
    this.n += count;
    this.addUnits(Math.round(value * SUM_SCALE), count);
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
  }

  /** Adds units * count to the exact sum, splitting both into 26-bit halves to stay exact. */
  private addUnits(units: number, count: number): void {
    const ua = Math.floor(units / TWO26);
    const ub = units - ua * TWO26;
    const ca = Math.floor(count / TWO26);
    const cb = count - ca * TWO26;
    // units * count = ua*ca * 2^52 + (ua*cb + ub*ca) * 2^26 + ub*cb; each partial is < 2^53.
    const mid = ua * cb + ub * ca;
    const midHi = Math.floor(mid / TWO26);
    this.sumHi += ua * ca + midHi;
    this.addLo((mid - midHi * TWO26) * TWO26);
    this.addLo(ub * cb);
  }

  private addLo(x: number): void {
    let s = this.sumLo + x;
    if (s >= TWO52) {
      s -= TWO52;
      this.sumHi++;
    }
    this.sumLo = s;
  }

  private allocate(octave: number): Float64Array {
    const chunk = new Float64Array(SUB_BUCKETS);
    this.chunks[octave] = chunk;
    return chunk;
  }

  /** Number of values recorded. */
  get count(): number {
    return this.n;
  }

  /** Smallest value recorded, exactly; NaN when empty. */
  get min(): number {
    return this.n === 0 ? Number.NaN : this.lo;
  }

  /** Largest value recorded (after clamping to HIGHEST_TRACKABLE), exactly; NaN when empty. */
  get max(): number {
    return this.n === 0 ? Number.NaN : this.hi;
  }

  /** Sum of the values recorded (each rounded to 2^-20 ms). */
  get sum(): number {
    return (this.sumHi * TWO52 + this.sumLo) / SUM_SCALE;
  }

  /** Mean of the values recorded; NaN when empty. */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.sum / this.n;
  }

  /** Values that were above HIGHEST_TRACKABLE and were clamped to it. */
  get overflow(): number {
    return this.overflowCount;
  }

  /**
   * Population standard deviation; NaN when empty. Computed from the buckets (each value taken
   * at its bucket's representative value), as HdrHistogram does, rather than from a running sum
   * of squares: it is then exactly the same however the histogram was sharded and merged.
   */
  get stdDev(): number {
    if (this.n === 0) return Number.NaN;
    const mean = this.mean;
    let total = 0;
    this.forEachBucket((value, count) => {
      const d = value - mean;
      total += d * d * count;
    });
    return Math.sqrt(total / this.n);
  }

  /**
   * The value at quantile p (0 <= p <= 1) by nearest rank: the midpoint of the bucket holding the
   * ceil(p * count)-th smallest value, clamped to [min, max]; exactly min at p = 0 and exactly max
   * at p = 1. NaN when empty.
   */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1))
      throw new RangeError(`Histogram.quantile: p must be in [0, 1], got ${p}`);
    if (this.n === 0) return Number.NaN;
    if (p === 0) return this.lo;
    if (p === 1) return this.hi;
    const rank = nearestRank(p, this.n);
    let seen = this.zeroCount;
    if (seen >= rank) return this.lo;
    for (let o = 0; o < OCTAVES; o++) {
      const chunk = this.chunks[o];
      if (chunk === null) continue;
      for (let s = 0; s < SUB_BUCKETS; s++) {
        const c = chunk[s];
        if (c === 0) continue;
        seen += c;
        if (seen >= rank) return this.representative((o << SUB_BITS) | s);
      }
    }
    return this.hi;
  }

  /**
   * Fraction of the values <= x, at bucket resolution: a bucket counts as <= x when x is at or
   * above its representative value, so that cdf(quantile(p)) >= p.
   */
  cdf(x: number): number {
    if (Number.isNaN(x)) throw new RangeError('Histogram.cdf: x is NaN');
    if (this.n === 0) return Number.NaN;
    if (x < this.lo) return 0;
    if (x >= this.hi) return 1;
    let below = this.zeroCount;
    if (x < LOWEST_DISCERNIBLE) return below / this.n;
    const target = indexOf(x);
    for (let o = 0; o <= target >>> SUB_BITS; o++) {
      const chunk = this.chunks[o];
      if (chunk === null) continue;
      const end = o === target >>> SUB_BITS ? target & SUB_MASK : SUB_BUCKETS;
      for (let s = 0; s < end; s++) below += chunk[s];
    }
    const last = this.chunks[target >>> SUB_BITS];
    if (last !== null && x >= this.representative(target)) below += last[target & SUB_MASK];
    return below / this.n;
  }

  /** The value reported for bucket `index`: its midpoint, clamped to the exact [min, max]. */
  private representative(index: number): number {
    const base = OCTAVE_BASE[index >>> SUB_BITS];
    const mid = base + (base * ((index & SUB_MASK) + 0.5)) / SUB_BUCKETS;
    return Math.max(this.lo, Math.min(mid, this.hi));
  }

  /**
   * Calls fn for every non-empty bucket in increasing order of value: the zero bucket first
   * (reported at the exact min), then the others at their representative value.
   */
  forEachBucket(fn: (value: number, count: number) => void): void {
    if (this.zeroCount > 0) fn(this.lo, this.zeroCount);
    for (let o = 0; o < OCTAVES; o++) {
      const chunk = this.chunks[o];
      if (chunk === null) continue;
      for (let s = 0; s < SUB_BUCKETS; s++) {
        if (chunk[s] !== 0) fn(this.representative((o << SUB_BITS) | s), chunk[s]);
      }
    }
  }

  /** Adds every value of `other` into this histogram; exact (counts and sums are integers). */
  add(other: Histogram): this {
    for (let o = 0; o < OCTAVES; o++) {
      const src = other.chunks[o];
      if (src === null) continue;
      const dst = this.chunks[o] ?? this.allocate(o);
      for (let s = 0; s < SUB_BUCKETS; s++) dst[s] += src[s];
    }
    this.zeroCount += other.zeroCount;
    this.overflowCount += other.overflowCount;
    this.n += other.n;
    this.sumHi += other.sumHi;
    this.addLo(other.sumLo);
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    return this;
  }

  clone(): Histogram {
    return new Histogram().add(this);
  }

  /** Forgets every value; keeps the memory already allocated. */
  reset(): void {
    for (const chunk of this.chunks) chunk?.fill(0);
    this.zeroCount = 0;
    this.overflowCount = 0;
    this.n = 0;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
    this.sumHi = 0;
    this.sumLo = 0;
  }

  /**
   * A lossless, compact form: merging histograms rebuilt from JSON gives exactly the histogram
   * of all the values. Depends only on the multiset of values recorded, not on their order.
   */
  toJSON(): HistogramJSON {
    const buckets: [number, number][] = [];
    for (let o = 0; o < OCTAVES; o++) {
      const chunk = this.chunks[o];
      if (chunk === null) continue;
      for (let s = 0; s < SUB_BUCKETS; s++) {
        if (chunk[s] !== 0) buckets.push([(o << SUB_BITS) | s, chunk[s]]);
      }
    }
    // BigInt only here, off the hot path, to print a sum that may exceed 2^53 units exactly.
    const sumUnits = (BigInt(this.sumHi) * BigInt(TWO52) + BigInt(this.sumLo)).toString();
    return {
      format: 'coldtail-histogram/1',
      unit: 'ms',
      count: this.n,
      min: this.n === 0 ? null : this.lo,
      max: this.n === 0 ? null : this.hi,
      sumUnits,
      zero: this.zeroCount,
      overflow: this.overflowCount,
      buckets,
    };
  }

  static fromJSON(json: HistogramJSON): Histogram {
    if (json?.format !== 'coldtail-histogram/1') {
      throw new Error(`Histogram.fromJSON: unknown format ${String(json?.format)}`);
    }
    const h = new Histogram();
    let total = json.zero;
    let previous = -1;
    for (const [index, count] of json.buckets) {
      if (!Number.isInteger(index) || index <= previous || index >= INDEX_LIMIT) {
        throw new Error(`Histogram.fromJSON: bad or unordered bucket index ${index}`);
      }
      if (!Number.isInteger(count) || count <= 0) {
        throw new Error(`Histogram.fromJSON: bad count ${count} in bucket ${index}`);
      }
      previous = index;
      const o = index >>> SUB_BITS;
      (h.chunks[o] ?? h.allocate(o))[index & SUB_MASK] = count;
      total += count;
    }
    if (total !== json.count) {
      throw new Error(`Histogram.fromJSON: buckets hold ${total} values, count says ${json.count}`);
    }
    h.n = json.count;
    h.zeroCount = json.zero;
    h.overflowCount = json.overflow;
    if (json.count > 0) {
      h.lo = json.min as number;
      h.hi = json.max as number;
    }
    const units = BigInt(json.sumUnits);
    const two52 = BigInt(TWO52);
    h.sumHi = Number(units / two52);
    h.sumLo = Number(units % two52);
    return h;
  }
}
