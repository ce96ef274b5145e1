import { exp } from '../../special/exp.ts';
import { log } from '../../special/log.ts';
import { normalCdf } from '../../special/normalCdf.ts';
import { normalQuantile } from '../../special/normalQuantile.ts';
import { normalQuantileApprox } from '../../special/normalQuantileApprox.ts';
import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requireFinite } from './requireFinite.ts';
import { requirePositive } from './requirePositive.ts';
import { requireProbability } from './requireProbability.ts';

export class Lognormal implements Distribution {
  readonly kind = 'lognormal';
  readonly mean: number;
  /** Read by the invoker's hot path (FunctionRuntime.sampleExecution, the same expression). */
  readonly mu: number;
  readonly sigma: number;

  constructor(mu: number, sigma: number) {
    this.mu = mu;
    this.sigma = sigma;
    this.mean = exp(mu + 0.5 * sigma * sigma);
  }

  sample(rng: Rng): number {
    // Inversion rather than Box-Muller: one draw per sample, no cached second
    // normal tied to whichever rng came first, and monotone in u, which keeps
    // common random numbers aligned across a parameter sweep. Acklam's 1e-9
    // is far below sampling noise.
    return exp(this.mu + this.sigma * normalQuantileApprox(rng()));
  }

  cdf(x: number): number {
    return x <= 0 ? 0 : normalCdf((log(x) - this.mu) / this.sigma);
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    return exp(this.mu + this.sigma * normalQuantile(p));
  }
}

/**
 * The lognormal distribution: exp of a normal with mean `mu` and standard
 * deviation `sigma` (natural-log parameters; the median is exp(mu)).
 */
export function lognormal(mu: number, sigma: number): Distribution {
  requireFinite('lognormal', 'mu', mu);
  requirePositive('lognormal', 'sigma', sigma);
  return new Lognormal(mu, sigma);
}
