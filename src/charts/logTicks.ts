/**
 * Tick values and a domain for a log axis that stay legible: powers of ten
 * over a wide range, 1-2-5 steps over a narrow one. Vega's own log ticks put
 * a label on every integer multiple, which overlaps on a short axis.
 */
import { maxOf, minOf } from './extent.ts';
export interface LogAxisScale {
  domain: [number, number];
  values: number[];
}

export function logTicks(values: readonly number[], fallback: [number, number] = [1, 1000]) {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  let lo = fallback[0];
  let hi = fallback[1];
  if (positive.length > 0) {
    lo = minOf(positive);
    hi = maxOf(positive);
  }
  let kLo = Math.floor(Math.log10(lo));
  let kHi = Math.ceil(Math.log10(hi));
  // Guard binary noise: log10(1000) may come out as 2.9999999999999996.
  if (pow10(kLo + 1) <= lo) kLo += 1;
  if (kHi > kLo && pow10(kHi - 1) >= hi) kHi -= 1;
  if (kHi <= kLo) kHi = kLo + 1;
  const decades = kHi - kLo;
  const ticks: number[] = [];
  const steps = decades <= 2 ? [1, 2, 5] : [1];
  // Over many decades, every other power keeps labels apart.
  const stride = decades > 7 ? 2 : 1;
  for (let k = kLo; k <= kHi; k += 1) {
    for (const m of steps) {
      const v = Number(`${m}e${k}`);
      if (v > pow10(kHi)) continue;
      if (m === 1 && (k - kLo) % stride !== 0) continue;
      ticks.push(v);
    }
  }
  return { domain: [pow10(kLo), pow10(kHi)], values: ticks } satisfies LogAxisScale;
}

/** 10^k as the nearest double: 10 ** -5 is 0.000009999999999999999 in V8. */
function pow10(k: number): number {
  return Number(`1e${k}`);
}

/** The powers of ten from lo to hi, both powers of ten themselves. */
export function powersOfTen(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.round(Math.log10(lo)); k <= Math.round(Math.log10(hi)); k += 1)
    out.push(pow10(k));
  return out;
}
