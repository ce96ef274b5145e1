import { expm1 } from '../../special/expm1.ts';
import { log } from '../../special/log.ts';
import { pow } from '../../special/pow.ts';
import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requirePositive } from './requirePositive.ts';
import { requireProbability } from './requireProbability.ts';

class Pareto implements Distribution {
  readonly kind = 'pareto';
  readonly mean: number;
  private readonly scale: number;
  private readonly shape: number;
  private readonly negInvShape: number;

  constructor(scale: number, shape: number) {
    this.scale = scale;
    this.shape = shape;
    this.negInvShape = -1 / shape;
    this.mean = shape > 1 ? (shape * scale) / (shape - 1) : Number.POSITIVE_INFINITY;
  }

  sample(rng: Rng): number {
    // 1 - u lies in (0, 1], so the power is finite.
    return this.scale * pow(1 - rng(), this.negInvShape);
  }

  cdf(x: number): number {
    return x <= this.scale ? 0 : -expm1(this.shape * log(this.scale / x));
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    return this.scale * pow(1 - p, this.negInvShape);
  }
}

/**
 * The Pareto (type I) distribution: minimum `scale` (x_m), tail index `shape`
 * (alpha). Heavy-tailed: the mean is Infinity for shape <= 1 and the variance
 * for shape <= 2.
 */
export function pareto(scale: number, shape: number): Distribution {
  requirePositive('pareto', 'scale', scale);
  requirePositive('pareto', 'shape', shape);
  return new Pareto(scale, shape);
}
