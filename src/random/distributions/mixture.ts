import { invertCdf } from '../../special/invertCdf.ts';
import type { Distribution } from '../distribution.ts';
import type { Rng } from '../rng.ts';
import { requireNonNegative } from './requireNonNegative.ts';
import { requireProbability } from './requireProbability.ts';

class Mixture implements Distribution {
  readonly kind = 'mixture';
  readonly mean: number;
  private readonly weights: Float64Array;
  // thresholds[i] is the total weight of components 0..i.
  private readonly thresholds: Float64Array;
  private readonly dists: Distribution[];
  // tops[i]: the top of component i's support (Infinity when unbounded).
  private readonly tops: Float64Array;

  constructor(weights: Float64Array, dists: Distribution[]) {
    this.weights = weights;
    this.dists = dists;
    this.tops = Float64Array.from(dists, (d) => d.quantile(1));
    this.thresholds = new Float64Array(weights.length);
    let total = 0;
    let mean = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i];
      this.thresholds[i] = total;
      mean += weights[i] * dists[i].mean;
    }
    this.mean = mean;
  }

  sample(rng: Rng): number {
    const u = rng();
    const last = this.dists.length - 1;
    // A linear scan: mixtures have a handful of components. The last one also
    // catches u above a threshold total that rounded to just under 1.
    let i = 0;
    while (i < last && u >= this.thresholds[i]) i++;
    return this.dists[i].sample(rng);
  }

  cdf(x: number): number {
    let p = 0;
    for (let i = 0; i < this.dists.length; i++) p += this.weights[i] * this.dists[i].cdf(x);
    return Math.min(1, p);
  }

  quantile(p: number): number {
    requireProbability(this.kind, p);
    // The mixture's p-quantile lies between the smallest and the largest of the
    // components' p-quantiles (below all of them every component CDF is < p,
    // at the largest every one is >= p), an exact bracket for bisection.
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const dist of this.dists) {
      const q = dist.quantile(p);
      if (q < lo) lo = q;
      if (q > hi) hi = q;
    }
    if (p === 0 || p === 1 || lo === hi) return p === 0 ? lo : hi;
    return invertCdf((x) => (this.reaches(x, p) ? 1 : 0), 1, lo, hi);
  }

  /**
   * Whether cdf(x) >= p, exactly where rounding would say otherwise: far in an unbounded
   * component's tail its CDF rounds to 1 while it still has mass beyond x, and when the other
   * components' weights then make up p exactly (0.9 lognormal + 0.1 at 1 s, p = 0.9), the sum
   * meets p in the tail, well before the jump at 1 s where the true CDF first reaches it.
   */
  private reaches(x: number, p: number): boolean {
    let sum = 0;
    let saturated = false;
    for (let i = 0; i < this.dists.length; i++) {
      const f = this.dists[i].cdf(x);
      sum += this.weights[i] * f;
      if (f >= 1 && x < this.tops[i]) saturated = true;
    }
    if (sum < p) return false;
    // Only a sum within rounding of p (an ulp per term) is in doubt; a saturated
    // component's missing mass then decides, and it keeps the true CDF below p.
    return !(saturated && sum - p <= this.dists.length * Number.EPSILON);
  }
}

/**
 * A finite mixture: each sample comes from component i with probability
 * weight_i, e.g. 90% warm invocations and 10% slow ones. Weights must be >= 0
 * and sum to 1 (within 1e-9); they are renormalised to remove the slack.
 */
export function mixture(
  components: readonly { weight: number; dist: Distribution }[],
): Distribution {
  if (!Array.isArray(components) || components.length === 0) {
    throw new RangeError('mixture: needs at least one component');
  }
  let sum = 0;
  components.forEach(({ weight, dist }, i) => {
    requireNonNegative('mixture', `weight of component ${i}`, weight);
    if (typeof dist?.sample !== 'function') {
      throw new RangeError(`mixture: component ${i} has no dist`);
    }
    sum += weight;
  });
  if (!(Math.abs(sum - 1) <= 1e-9)) {
    throw new RangeError(`mixture: weights must sum to 1 (got ${sum})`);
  }
  // Zero-weight components are dropped: never drawn, and an Infinity mean
  // times zero would make the mixture's mean NaN.
  const kept = components.filter((c) => c.weight > 0);
  return new Mixture(
    Float64Array.from(kept, (c) => c.weight / sum),
    kept.map((c) => c.dist),
  );
}
