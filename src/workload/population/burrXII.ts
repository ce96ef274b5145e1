import type { Distribution } from '../../random/distribution.ts';
import type { Rng } from '../../random/rng.ts';
import { pow } from '../../special/pow.ts';

/**
 * The Burr type XII distribution, F(x) = 1 - (1 + (x / lambda)^c)^(-k): the fit Shahrad et al.
 * give for the average memory an Azure application allocates (c 11.652, k 0.221, lambda
 * 107.083 MB). Sampled by inversion, one draw per value.
 */
export class BurrXII implements Distribution {
  readonly kind = 'burrXII';
  #mean: number | undefined;

  constructor(
    private readonly c: number,
    private readonly k: number,
    private readonly lambda: number,
  ) {
    if (!(c > 0 && k > 0 && lambda > 0))
      throw new RangeError('BurrXII: c, k and lambda must be positive');
  }

  /**
   * The mean exists only when c * k > 1; a mean of Infinity says so (as Distribution asks).
   * Worked out on first use: the memory fit (c * k = 2.6) is built when its module loads, and
   * 10,000 quantiles there cost every start of the CLI about 30 ms, used or not.
   */
  get mean(): number {
    this.#mean ??= this.c * this.k > 1 ? this.numericMean() : Number.POSITIVE_INFINITY;
    return this.#mean;
  }

  sample(rng: Rng): number {
    return this.quantile(rng());
  }

  quantile(p: number): number {
    if (p <= 0) return 0;
    if (p >= 1) return Number.POSITIVE_INFINITY;
    return this.lambda * pow(pow(1 - p, -1 / this.k) - 1, 1 / this.c);
  }

  cdf(x: number): number {
    return x <= 0 ? 0 : 1 - pow(1 + pow(x / this.lambda, this.c), -this.k);
  }

  private numericMean(): number {
    // Midpoint rule over p; only used for c * k > 1.
    let s = 0;
    const n = 10_000;
    for (let i = 0; i < n; i++) s += this.quantile((i + 0.5) / n);
    return s / n;
  }
}
