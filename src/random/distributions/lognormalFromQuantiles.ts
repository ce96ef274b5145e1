import { log } from '../../special/log.ts';
import { normalQuantile } from '../../special/normalQuantile.ts';
import { percentileName } from '../../special/percentileName.ts';
import type { Distribution } from '../distribution.ts';
import { lognormal } from './lognormal.ts';

/**
 * The lognormal whose p1-quantile is x1 and p2-quantile is x2, e.g.
 * lognormalFromQuantiles(0.5, 8, 0.99, 40) for "median 8 ms, p99 40 ms": the
 * form in which latencies are usually known.
 */
export function lognormalFromQuantiles(
  p1: number,
  x1: number,
  p2: number,
  x2: number,
): Distribution {
  for (const p of [p1, p2]) {
    if (!(p > 0 && p < 1)) {
      throw new RangeError(`lognormal: quantile levels must be in (0, 1) (got ${p})`);
    }
  }
  const name1 = percentileName(p1);
  const name2 = percentileName(p2);
  if (!(p1 < p2)) {
    throw new RangeError(`lognormal: quantile levels must increase (got ${name1} then ${name2})`);
  }
  for (const [name, x] of [
    [name1, x1],
    [name2, x2],
  ] as const) {
    if (!(x > 0 && x < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`lognormal: ${name} must be > 0 and finite (got ${x})`);
    }
  }
  if (!(x1 < x2)) {
    throw new RangeError(`lognormal: ${name2} must be greater than ${name1} (got ${x2} <= ${x1})`);
  }
  const z1 = normalQuantile(p1);
  const sigma = (log(x2) - log(x1)) / (normalQuantile(p2) - z1);
  return lognormal(log(x1) - sigma * z1, sigma);
}
