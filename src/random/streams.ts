import seedrandom from 'seedrandom';
import type { Rng } from './rng.ts';
import { Slabs } from './slabs.ts';

/**
 * Named random streams derived from one master seed.
 *
 * The same (seed, name) always gives the same stream, whatever other streams
 * exist, so that adding or changing one stage of a model does not reshuffle
 * the numbers another stage sees (common random numbers across a sweep).
 *
 * The generator is Baagoe's alea, exactly as seedrandom.alea computes it (the same seed
 * string gives the same numbers, bit for bit; test/random/streams.test.ts checks it against
 * seedrandom): alea rather than seedrandom's default arc4: 4-6x faster here
 * (docs/development.md) and cheap to seed, which matters because every component gets its own.
 *
 * Written out here rather than taken from seedrandom for its memory, on the hot path of a
 * region: seedrandom's stream is a closure with three more closures hung on it as properties
 * (a property array of its own), an object and a box per double of its state, some 600 bytes
 * in six or more places. A call of a region of 10,000 functions draws from two streams of
 * its function, both out of cache: here a stream is one closure and its context, and its
 * state four doubles side by side in a slab shared by 512 streams (Slabs).
 *
 * Engine-independent (issue 18): alea and its Mash seeding use only +, -, *, | and
 * >>> (each correctly rounded by IEEE 754, the scalings by 2^32, 2^-32 and 2^-53 exact)
 * and no Math.*, so a seed draws the same bits in every JavaScript engine.
 */
export function createStream(seed: number | string, name: string): Rng {
  // alea's plain call has 32 bits of resolution: the smallest step, 2.3e-10,
  // is finer than any percentile coldtail reports (p99.9999 would be 1e-6),
  // and it costs half of double()'s two draws on the hottest path there is.
  return aleaStream(`coldtail/${seed}/${name}`);
}

/** The streams' states: 4 doubles each, 512 streams (16 KB) to a slab. */
const STATES = new Slabs(4, 512);

/**
 * seedrandom.alea(seed) as one closure over its state: s0, s1, s2 and c at `i` to `i + 3` of a
 * slab (a slab stays alive while any of its streams does).
 */
export function aleaStream(seed: string): Rng {
  const { slab: s, at: i } = STATES.take();
  seedAlea(seed, s, i);
  const rng = () => aleaNext(s, i);
  states.set(rng, i);
  slabs.set(rng, s);
  return rng;
}

/**
 * One draw of the alea stream whose state is s[i..i + 3]: what the stream's closure does. For
 * hot paths that hold the state (see claimStreamState) and so skip the closure and its
 * context, two objects out of cache per draw with 10,000 functions; small enough to inline.
 */
export function aleaNext(s: Float64Array, i: number): number {
  const t = 2091639 * s[i] + s[i + 3] * 2.3283064365386963e-10; // 2^-32
  s[i] = s[i + 1];
  s[i + 1] = s[i + 2];
  const c = t | 0;
  s[i + 3] = c;
  const r = t - c;
  s[i + 2] = r;
  return r;
}

// The state STREAM_CURSOR draws from (see aimStreamCursor).
let cursorSlab: Float64Array = new Float64Array(4);
let cursorIndex = 0;

/**
 * An Rng shared by every claimed stream, drawing from the state last given to aimStreamCursor:
 * for a hot path that holds a stream's state (claimStreamState) and must pass an Rng to a
 * distribution's sample(). The stream's own closure and its context are two more places out
 * of cache per call with 10,000 functions; this one closure is always in cache. Aim it right
 * before the sample() that uses it: a sample draws from nothing else meanwhile.
 */
export const STREAM_CURSOR: Rng = () => aleaNext(cursorSlab, cursorIndex);

/** Makes STREAM_CURSOR draw from the stream state at `index` of `slab` (see claimStreamState). */
export function aimStreamCursor(slab: Float64Array, index: number): void {
  cursorSlab = slab;
  cursorIndex = index;
}

// Where each stream made here keeps its state, for claimStreamState (weak: a stream no longer
// used goes with its entries).
const states = new WeakMap<Rng, number>();
const slabs = new WeakMap<Rng, Float64Array>();

/** Where a stream keeps its state: draw with aleaNext(slab, index). */
export interface StreamState {
  slab: Float64Array;
  index: number;
}

/**
 * The state of `rng`, for an owner that draws from it on a hot path with aleaNext instead of
 * calling it (the same numbers in the same order: the state is shared, so draws through the
 * closure and through aleaNext interleave as one stream). Given once: a second claim, or a
 * stream not made here (a test's own generator), gets null and calls the stream as usual.
 */
export function claimStreamState(rng: Rng): StreamState | null {
  const slab = slabs.get(rng);
  const index = states.get(rng);
  if (slab === undefined || index === undefined) return null;
  slabs.delete(rng);
  states.delete(rng);
  return { slab, index };
}

/** Alea's seeding with Baagoe's Mash, as seedrandom's alea does it, into s[i..i + 3]. */
function seedAlea(seed: string, s: Float64Array, i: number): void {
  let n = 0xefc8249d;
  const mash = (data: string): number => {
    for (let k = 0; k < data.length; k++) {
      n += data.charCodeAt(k);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000; // 2^32
    }
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  };
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  s0 -= mash(seed);
  if (s0 < 0) s0 += 1;
  s1 -= mash(seed);
  if (s1 < 0) s1 += 1;
  s2 -= mash(seed);
  if (s2 < 0) s2 += 1;
  s[i] = s0;
  s[i + 1] = s1;
  s[i + 2] = s2;
  s[i + 3] = 1;
}

/** A seed for a child run (a replication, a sweep point) derived from a parent seed. */
export function deriveSeed(seed: number | string, name: string): string {
  const prng = seedrandom.alea(`coldtail-seed/${seed}/${name}`);
  // 8 hex digits from two 32-bit draws: short enough to print, unlikely to collide.
  const a = (prng.int32() >>> 0).toString(16).padStart(8, '0');
  const b = (prng.int32() >>> 0).toString(16).padStart(8, '0');
  return a + b;
}
