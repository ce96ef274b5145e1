/**
 * The two 32-bit halves of a double, read and written through one shared buffer:
 * the bit access fdlibm's GET_HIGH_WORD / INSERT_WORDS do in C. Everything here
 * is exact, so the elementary functions built on it give the same bits in every
 * JavaScript engine (unlike Math.exp and friends, whose rounding the standard
 * leaves to each engine).
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Typed arrays use the platform's byte order: find which word holds the sign and exponent.
f64[0] = 1;
const HI = u32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/** The sign, exponent and top 20 bits of the fraction, as a signed 32-bit integer. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI] | 0;
}

/** The low 32 bits of the fraction, unsigned. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}

/** The double whose halves are `hi` and `lo` (each taken as 32 bits). */
export function fromWords(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

/** `x` with its low word cleared: a head with 21 significant bits, for exact products. */
export function clearLowWord(x: number): number {
  f64[0] = x;
  u32[LO] = 0;
  return f64[0];
}
