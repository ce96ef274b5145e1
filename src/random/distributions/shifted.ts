import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requireNonNegative } from './requireNonNegative.ts';
import { requireProbability } from './requireProbability.ts';

class Shifted implements Distribution {
  readonly kind = 'shifted';
  readonly mean: number;
  private readonly offset: number;
  private readonly dist: Distribution;

  constructor(offset: number, dist: Distribution) {
    this.offset = offset;
    this.dist = dist;
    this.mean = offset + dist.mean;
  }

  sample(rng: Rng): number {
    return this.offset + this.dist.sample(rng);
  }

  cdf(x: number): number {
    return this.dist.cdf(x - this.offset);
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    return this.offset + this.dist.quantile(p);
  }
}

/**
 * `offset` plus a draw from `dist`: a fixed floor (network round trip, runtime
 * init) under a variable part.
 */
export function shifted(offset: number, dist: Distribution): Distribution {
  requireNonNegative('shifted', 'offset', offset);
  if (typeof dist?.sample !== 'function') {
    throw new RangeError('shifted: dist must be a Distribution');
  }
  return new Shifted(offset, dist);
}
