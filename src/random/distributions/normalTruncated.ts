import { erfcx } from '../../special/erfcx.ts';
import { exp } from '../../special/exp.ts';
import { invertCdf } from '../../special/invertCdf.ts';
import { log1p } from '../../special/log1p.ts';
import { normalCdf } from '../../special/normalCdf.ts';
import { normalQuantile } from '../../special/normalQuantile.ts';
import { normalQuantileApprox } from '../../special/normalQuantileApprox.ts';
import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requireFinite } from './requireFinite.ts';
import { requirePositive } from './requirePositive.ts';
import { requireProbability } from './requireProbability.ts';

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
// Beyond this many sds of truncation the kept mass Phi(mu/sd) approaches
// underflow (1e-268), so inversion gives way to rejection and bisection.
const FAR = 35;
// Beyond this the cheap quantile's 1e-9 error in t is amplified in
// x = sd * (t - alpha), since t is then close to alpha for every sample.
const NEAR = 3;

/*
 * In standard units t = (x - mu) / sd the support x >= 0 is t >= alpha, with
 * alpha = -mu / sd, and the kept mass is Q = 1 - Phi(alpha) = Phi(mu / sd).
 */
class NormalTruncated implements Distribution {
  readonly kind = 'normalTruncated';
  readonly mean: number;
  private readonly sd: number;
  private readonly alpha: number;
  private readonly kept: number;
  private readonly cut: number;
  private readonly erfcxAlpha: number;
  private readonly quantileFn: (p: number) => number;
  private readonly rate: number;

  constructor(mu: number, sd: number) {
    this.sd = sd;
    const alpha = -mu / sd;
    this.alpha = alpha;
    this.kept = normalCdf(-alpha);
    this.cut = normalCdf(alpha);
    this.erfcxAlpha = erfcx(alpha * Math.SQRT1_2);
    this.quantileFn = alpha <= NEAR ? normalQuantileApprox : normalQuantile;
    // Robert (1995)'s optimal exponential proposal rate, for alpha > FAR. Past 1e8 its
    // series alpha + 1/alpha is exact to double precision, and alpha^2 cannot overflow to an
    // infinite rate, whose proposals would all be refused (a run that never ends).
    this.rate = alpha > 1e8 ? alpha + 1 / alpha : 0.5 * (alpha + Math.sqrt(alpha * alpha + 4));
    // The inverse Mills ratio phi(alpha) / Q; via erfcx when alpha >= 0, where
    // phi and Q both underflow together far out.
    const mills =
      alpha >= 0
        ? SQRT_2_OVER_PI / this.erfcxAlpha
        : (INV_SQRT_2PI * exp(-0.5 * alpha * alpha)) / this.kept;
    this.mean = sd * (mills - alpha);
  }

  sample(rng: Rng): number {
    if (this.alpha <= FAR) {
      // Inversion from the upper tail: (1 - u) * Q lies in (0, Q], mapping to
      // t in [alpha, Infinity), with full precision however small Q is.
      const t = -this.quantileFn((1 - rng()) * this.kept);
      return Math.max(0, this.sd * (t - this.alpha));
    }
    // Far truncation: all the mass sits just above zero with an almost
    // exponential shape; Robert's exponential proposal accepts nearly always.
    for (;;) {
      const e = -log1p(-rng()) / this.rate;
      const z = this.alpha + e - this.rate;
      if (rng() <= exp(-0.5 * z * z)) return this.sd * e;
    }
  }

  cdf(x: number): number {
    if (x <= 0) return 0;
    if (x === Number.POSITIVE_INFINITY) return 1;
    const e = x / this.sd;
    const t = this.alpha + e;
    if (this.alpha >= 0) {
      // Survival Q(t) / Q(alpha) with the Gaussian factors cancelled
      // analytically: exp(-(t^2 - alpha^2) / 2), and t^2 - alpha^2 = e (t + alpha).
      const survival =
        (exp(-0.5 * e * (t + this.alpha)) * erfcx(t * Math.SQRT1_2)) / this.erfcxAlpha;
      return Math.max(0, 1 - survival);
    }
    const p = t > 0 ? 1 - normalCdf(-t) / this.kept : (normalCdf(t) - this.cut) / this.kept;
    return Math.min(1, Math.max(0, p));
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    if (p === 0) return 0;
    if (p === 1) return Number.POSITIVE_INFINITY;
    if (this.alpha > FAR) {
      // About exponential with rate alpha / sd; twice that quantile brackets it.
      const guess = (-2 * this.sd * log1p(-p)) / this.alpha;
      return invertCdf((x) => this.cdf(x), p, 0, guess);
    }
    // Whichever tail of the untruncated normal the answer is in, invert that
    // tail's (small) probability so it is not rounded to 1.
    const upper = (1 - p) * this.kept;
    const t = upper < 0.5 ? -normalQuantile(upper) : normalQuantile(this.cut + p * this.kept);
    return Math.max(0, this.sd * (t - this.alpha));
  }
}

/**
 * A normal(mu, sd) conditioned on being >= 0 (truncated, not clipped: no mass
 * piles up at zero). mu may be small or negative; the mean is the exact
 * truncated mean, not mu.
 */
export function normalTruncated(mu: number, sd: number): Distribution {
  requireFinite('normalTruncated', 'mu', mu);
  requirePositive('normalTruncated', 'sd', sd);
  return new NormalTruncated(mu, sd);
}
