import { fromWords } from './float64Words.ts';

/**
 * x * 2^n, rounded once (as C's scalbn): exact unless the result over- or underflows.
 * After musl's scalbn.c: multiply by at most three powers of two, and step into the
 * subnormal range in a way that rounds only once.
 */
export function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= 8.98846567431158e307; // 2^1023
    n -= 1023;
    if (n > 1023) {
      y *= 8.98846567431158e307;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // 2^-1022 * 2^53: keeps the final step below -53 so that only it rounds.
    y *= 2.004168360008973e-292;
    n += 1022 - 53;
    if (n < -1022) {
      y *= 2.004168360008973e-292;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * fromWords((0x3ff + n) << 20, 0);
}
