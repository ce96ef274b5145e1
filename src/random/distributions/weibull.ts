import { exp } from '../../special/exp.ts';
import { expm1 } from '../../special/expm1.ts';
import { log1p } from '../../special/log1p.ts';
import { logGamma } from '../../special/logGamma.ts';
import { pow } from '../../special/pow.ts';
import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requirePositive } from './requirePositive.ts';
import { requireProbability } from './requireProbability.ts';

class Weibull implements Distribution {
  readonly kind = 'weibull';
  readonly mean: number;
  private readonly shape: number;
  private readonly scale: number;
  private readonly invShape: number;

  constructor(shape: number, scale: number) {
    this.shape = shape;
    this.scale = scale;
    this.invShape = 1 / shape;
    // Via logGamma: Gamma(1 + 1/k) overflows for shapes below about 0.006.
    this.mean = scale * exp(logGamma(1 + this.invShape));
  }

  sample(rng: Rng): number {
    // log1p(-u) = log(1 - u), finite for u in [0, 1), and +0 (not -0) at u = 0.
    return this.scale * pow(-log1p(-rng()), this.invShape);
  }

  cdf(x: number): number {
    return x <= 0 ? 0 : -expm1(-pow(x / this.scale, this.shape));
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    return this.scale * pow(-log1p(-p), this.invShape);
  }
}

/** The Weibull distribution, CDF 1 - exp(-(x/scale)^shape). */
export function weibull(shape: number, scale: number): Distribution {
  requirePositive('weibull', 'shape', shape);
  requirePositive('weibull', 'scale', scale);
  return new Weibull(shape, scale);
}
