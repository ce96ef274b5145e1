import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requireFinite } from './requireFinite.ts';
import { requireProbability } from './requireProbability.ts';

class Uniform implements Distribution {
  readonly kind = 'uniform';
  readonly mean: number;
  private readonly min: number;
  private readonly max: number;
  private readonly width: number;

  constructor(min: number, max: number) {
    this.min = min;
    this.max = max;
    this.width = max - min;
    this.mean = min + 0.5 * this.width;
  }

  sample(rng: Rng): number {
    return this.min + this.width * rng();
  }

  cdf(x: number): number {
    // Ordered so that min === max degenerates to a point mass, not 0/0.
    if (x >= this.max) return 1;
    if (x < this.min) return 0;
    return (x - this.min) / this.width;
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    return p === 1 ? this.max : this.min + this.width * p;
  }
}

/** Uniform on [min, max]; min === max is allowed (a point mass). */
export function uniform(min: number, max: number): Distribution {
  requireFinite('uniform', 'min', min);
  requireFinite('uniform', 'max', max);
  if (!(min <= max)) {
    throw new RangeError(`uniform: min must be <= max (got min ${min}, max ${max})`);
  }
  return new Uniform(min, max);
}
