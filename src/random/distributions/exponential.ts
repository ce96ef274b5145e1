import { expm1 } from '../../special/expm1.ts';
import { log1p } from '../../special/log1p.ts';
import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requirePositive } from './requirePositive.ts';
import { requireProbability } from './requireProbability.ts';

class Exponential implements Distribution {
  readonly kind = 'exponential';
  readonly mean: number;
  private readonly rate: number;

  constructor(mean: number) {
    this.mean = mean;
    this.rate = 1 / mean;
  }

  sample(rng: Rng): number {
    // -mean * log(1 - u): 1 - u lies in (0, 1], so the log is finite where
    // log(u) could be -Infinity. log1p(-u) is the same function, exact for small
    // u, and gives +0 rather than -0 at u = 0.
    return -this.mean * log1p(-rng());
  }

  cdf(x: number): number {
    return x <= 0 ? 0 : -expm1(-x * this.rate);
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    return -this.mean * log1p(-p);
  }
}

/** The exponential distribution with the given mean (not rate). */
export function exponential(mean: number): Distribution {
  requirePositive('exponential', 'mean', mean);
  return new Exponential(mean);
}
