import { invertCdf } from '../../special/invertCdf.ts';
import { log } from '../../special/log.ts';
import { normalQuantileApprox } from '../../special/normalQuantileApprox.ts';
import { pow } from '../../special/pow.ts';
import { regularizedGammaP } from '../../special/regularizedGammaP.ts';
import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { aleaNext } from '../streams.ts';
import { requirePositive } from './requirePositive.ts';
import { requireProbability } from './requireProbability.ts';

export class Gamma implements Distribution {
  readonly kind = 'gamma';
  readonly mean: number;
  private readonly shape: number;
  private readonly scale: number;
  // Marsaglia-Tsang constants, for shape + 1 when shape < 1 (see sample).
  private readonly d: number;
  private readonly c: number;
  private readonly boost: boolean;
  private readonly invShape: number;

  constructor(shape: number, scale: number) {
    this.shape = shape;
    this.scale = scale;
    this.mean = shape * scale;
    this.boost = shape < 1;
    this.d = (this.boost ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.invShape = 1 / shape;
  }

  sample(rng: Rng): number {
    // Marsaglia & Tsang (2000): rejection from a transformed normal, accepting
    // about 96% or more of proposals for any shape >= 1.
    const d = this.d;
    const c = this.c;
    for (;;) {
      const x = normalQuantileApprox(rng());
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = rng();
      const x2 = x * x;
      // The cheap squeeze accepts most proposals without a log.
      if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) {
        // For shape < 1 the method needs d >= 2/3: draw Gamma(shape + 1) and
        // scale by U^(1/shape), which gives Gamma(shape).
        const g = this.boost ? d * v * pow(rng(), this.invShape) : d * v;
        return g * this.scale;
      }
    }
  }

  /**
   * sample() drawing from the alea stream whose state is st[si..si + 3] (see claimStreamState):
   * the same numbers as sample() given that stream, without a call through the stream's closure
   * per draw (a region's arrivals: with 10,000 functions each draw's closure is out of cache).
   * The same steps as sample(), written out again for the hot path: test/random/distributions
   * checks that the two agree draw for draw.
   */
  sampleAlea(st: Float64Array, si: number): number {
    const d = this.d;
    const c = this.c;
    for (;;) {
      const x = normalQuantileApprox(aleaNext(st, si));
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = aleaNext(st, si);
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) {
        const g = this.boost ? d * v * pow(aleaNext(st, si), this.invShape) : d * v;
        return g * this.scale;
      }
    }
  }

  cdf(x: number): number {
    return x <= 0 ? 0 : regularizedGammaP(this.shape, x / this.scale);
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    if (p === 0) return 0;
    if (p === 1) return Number.POSITIVE_INFINITY;
    // Wilson-Hilferty's cube-root normal approximation as the first bracket;
    // invertCdf widens it if it falls short.
    const k = this.shape;
    const wh = 1 - 1 / (9 * k) + normalQuantileApprox(p) / (3 * Math.sqrt(k));
    const guess = wh > 0 ? k * wh * wh * wh * this.scale : this.mean;
    return invertCdf((x) => this.cdf(x), p, 0, 2 * guess);
  }
}

/**
 * The gamma distribution with the given shape (k) and scale (theta): mean
 * k * theta, variance k * theta^2.
 */
export function gamma(shape: number, scale: number): Distribution {
  requirePositive('gamma', 'shape', shape);
  requirePositive('gamma', 'scale', scale);
  return new Gamma(shape, scale);
}
