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
  const key = `${p1} ${x1} ${p2} ${x2}`;
  let fit = fits.get(key);
  if (fit === undefined) {
    fit = fitQuantiles(p1, x1, p2, x2);
    if (fits.size >= MAX_FITS) fits.clear();
    fits.set(key, fit);
  }
  return lognormal(fit.mu, fit.sigma);
}

// The fits already made, by their four numbers: a sweep of 80 points over a chain of up to
// ten functions fits the same two percentiles some 500 times while it is checked (in
// interpreted code at start-up, a fifth of `coldtail validate`'s check; issue 16). The fit
// is a pure function of the numbers (the key is their shortest round-trip text), and each
// call still gets a sampler of its own. Bounded, for a long-lived process fed many specs.
const fits = new Map<string, { mu: number; sigma: number }>();
const MAX_FITS = 1000;

function fitQuantiles(
  p1: number,
  x1: number,
  p2: number,
  x2: number,
): { mu: number; sigma: number } {
  for (const p of [p1, p2]) {
    if (!(p > 0 && p < 1)) {
      throw new RangeError(`lognormal: quantile levels must be in (0, 1) (got ${p})`);
    }
  }
  if (!(p1 < p2)) {
    throw new RangeError(
      `lognormal: quantile levels must increase (got ${percentileName(p1)} then ${percentileName(p2)})`,
    );
  }
  for (const [p, x] of [
    [p1, x1],
    [p2, x2],
  ] as const) {
    if (!(x > 0 && x < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`lognormal: ${percentileName(p)} must be > 0 and finite (got ${x})`);
    }
  }
  if (!(x1 < x2)) {
    throw new RangeError(
      `lognormal: ${percentileName(p2)} must be greater than ${percentileName(p1)} (got ${x2} <= ${x1})`,
    );
  }
  const z1 = normalQuantile(p1);
  const sigma = (log(x2) - log(x1)) / (normalQuantile(p2) - z1);
  return { mu: log(x1) - sigma * z1, sigma };
}
