import { highWord } from './float64Words.ts';

/** The reduced argument of the last remPio2 call: x - n pi/2 = remainder[0] + remainder[1]. */
export const remainder = new Float64Array(2);

// fdlibm's e_rem_pio2.c (Sun Microsystems, 1993, optimised by Bruce D. Evans; freely
// redistributable with this notice), as in musl's __rem_pio2.c: pi/2 in 33-bit pieces.
const INV_PIO2 = 0.6366197723675814;
const PIO2_1 = 1.5707963267341256; // first 33 bits of pi/2
const PIO2_1T = 6.077100506506192e-11; // pi/2 - PIO2_1
const PIO2_2 = 6.077100506303966e-11; // second 33 bits
const PIO2_2T = 2.0222662487959506e-21; // pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3 = 2.0222662487111665e-21; // third 33 bits
const PIO2_3T = 8.4784276603689e-32; // pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)
const ROUND = 6755399441055744; // 1.5 * 2^52: adding and subtracting it rounds to an integer

/**
 * n and x - n pi/2 (in `remainder`, as a head and a tail) with |x - n pi/2| <= pi/4 + a
 * little; returns n mod 4 as a signed integer (only its residue mod 4 matters to callers).
 *
 * Up to 2^20 pi/2 (about 1.6e6): Cody-Waite with pi/2 in up to three 33-bit pieces, as
 * fdlibm does, good to 151 bits where cancellation needs it. Beyond: Payne-Hanek in
 * exact BigInt arithmetic against 1280 bits of 2/pi (see reduceLarge). The caller
 * handles |x| <= pi/4 without reduction, and NaN and infinities.
 */
export function remPio2(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x413921fb) {
    // |x| < 2^20 pi/2: medium size.
    const fn = x * INV_PIO2 + ROUND - ROUND;
    const n = fn | 0;
    let r = x - fn * PIO2_1;
    let w = fn * PIO2_1T; // first round, good to 85 bits
    const j = ix >> 20;
    let y0 = r - w;
    let i = j - ((highWord(y0) >> 20) & 0x7ff);
    if (i > 16) {
      // second round, good to 118 bits
      let t = r;
      w = fn * PIO2_2;
      r = t - w;
      w = fn * PIO2_2T - (t - r - w);
      y0 = r - w;
      i = j - ((highWord(y0) >> 20) & 0x7ff);
      if (i > 49) {
        // third round, good to 151 bits: covers every double
        t = r;
        w = fn * PIO2_3;
        r = t - w;
        w = fn * PIO2_3T - (t - r - w);
        y0 = r - w;
      }
    }
    remainder[0] = y0;
    remainder[1] = r - y0 - w;
    return n;
  }
  return reduceLarge(x);
}

// Payne-Hanek for |x| >= 2^20 pi/2, exactly, in BigInt (rare: not on any hot path).
// 2/pi and pi/2 are computed once, from Machin's formula, rather than typed in as tables.
const BITS = 1280n;
let twoOverPi = 0n; // floor(2^BITS * 2/pi)
let piOverTwo = 0n; // floor(2^128 * pi/2)

/** floor(2^bits * arctan(1/m)) by its alternating series, with `guard` extra bits. */
function arctanInv(m: bigint, bits: bigint): bigint {
  const one = 1n << bits;
  let power = one / m;
  let sum = power;
  const m2 = m * m;
  for (let k = 3n; power !== 0n; k += 2n) {
    power /= m2;
    sum += (k & 2n ? -power : power) / k;
  }
  return sum;
}

function constants(): void {
  const guard = 64n;
  const bits = BITS + guard;
  // pi/4 = 4 arctan(1/5) - arctan(1/239); each series term truncates by < 1 unit.
  const piScaled = 4n * (4n * arctanInv(5n, bits) - arctanInv(239n, bits)); // 2^bits * pi
  twoOverPi = ((2n << (2n * bits)) / piScaled) >> guard;
  piOverTwo = piScaled >> (bits + 1n - 128n);
}

function reduceLarge(x: number): number {
  if (!Number.isFinite(x)) {
    remainder[0] = remainder[1] = Number.NaN;
    return 0;
  }
  if (twoOverPi === 0n) constants();
  const negative = x < 0;
  const ax = Math.abs(x);
  // |x| = m 2^q exactly, with m an integer below 2^53 (|x| >= 2^20, so q >= -32).
  const e = ((highWord(ax) >> 20) & 0x7ff) - 1075;
  const m = BigInt(ax / 2 ** e); // exact: a power-of-two scaling of an integer-valued double
  // |x| 2/pi = m twoOverPi 2^(q - BITS): integer part (mod 4) and a fraction of `frac` bits.
  const shift = BITS - BigInt(e);
  const product = m * twoOverPi;
  let n = Number((product >> shift) & 3n);
  let fraction = product & ((1n << shift) - 1n);
  // Round to the nearest quadrant: fraction in [-1/2, 1/2).
  if (fraction >> (shift - 1n)) {
    fraction -= 1n << shift;
    n += 1;
  }
  // Keep 128 bits of the fraction (the truncation error of 2/pi is below 2^-(BITS-1024-53)).
  const f128 = shift > 128n ? fraction >> (shift - 128n) : fraction << (128n - shift);
  // r = f pi/2, scaled by 2^256; its head and tail as doubles (Number() rounds to nearest).
  const r = f128 * piOverTwo;
  const sign = r < 0n ? -1n : 1n;
  const abs = r * sign;
  const scale = 2 ** -256;
  const head = Number(abs) * scale;
  const headBig = BigInt(Number(abs)); // exact: an integer-valued double
  const tail = Number(abs - headBig) * scale;
  remainder[0] = negative === sign < 0n ? head : -head;
  remainder[1] = negative === sign < 0n ? tail : -tail;
  return negative ? -n : n;
}
