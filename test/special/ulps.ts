/**
 * Helpers for the elementary-function tests: distance in units in the last place, and
 * a check that one of our functions stays within 1 ulp of the engine's Math over many
 * seeded random arguments. Two functions each within 1 ulp of the true value (fdlibm's
 * bound, and V8's Math is fdlibm-derived) can be at most 1 ulp apart, so a larger
 * distance means a bug in ours.
 */
import { expect } from 'vitest';

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Doubles between a and b (0 when identical, -0 and +0 count as 1 apart; NaN only equals NaN). */
export function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (Object.is(a, b)) return 0;
  // Map the bit patterns onto a line ordered like the numbers.
  const key = (x: number) => {
    f64[0] = x;
    const bits = i64[0];
    return bits < 0n ? -(bits & 0x7fffffffffffffffn) - 1n : bits;
  };
  const d = key(a) - key(b);
  return Number(d < 0n ? -d : d);
}

/** A seeded uniform [0, 1) generator (Park-Miller), so failures reproduce. */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/**
 * Checks ours(x) within `tolerance` ulps (1 unless the reference is known to be less
 * accurate) of reference(x) for `n` arguments from `draw`; returns how many differ.
 */
export function expectWithinOneUlp(
  ours: (x: number) => number,
  reference: (x: number) => number,
  draw: () => number,
  n = 20000,
  tolerance = 1,
): number {
  let differ = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    const d = ulpDistance(ours(x), reference(x));
    if (d > tolerance) expect.fail(`at x = ${x}: ${ours(x)} vs ${reference(x)} (${d} ulps)`);
    if (d > 0) differ++;
  }
  return differ;
}

/** Special arguments every function must survive with the right kind of answer. */
export const SPECIALS = [
  0,
  -0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  2.2250738585072014e-308, // smallest normal
  2.225073858507201e-308, // largest subnormal
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e-300,
  1e300,
  1,
  -1,
  0.5,
];

/** ours and Math agree exactly on the special arguments (signs of zero and NaN included). */
export function expectSpecialsLikeMath(
  ours: (x: number) => number,
  reference: (x: number) => number,
): void {
  for (const x of SPECIALS) {
    const a = ours(x);
    const b = reference(x);
    if (Number.isNaN(b) || !Number.isFinite(b) || b === 0) {
      expect(Object.is(a, b), `at x = ${x}: ${a} vs ${b}`).toBe(true);
    } else {
      expect(ulpDistance(a, b), `at x = ${x}: ${a} vs ${b}`).toBeLessThanOrEqual(1);
    }
  }
}
