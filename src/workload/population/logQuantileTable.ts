import type { Distribution } from '../../random/distribution.ts';
import type { Rng } from '../../random/rng.ts';
import { exp } from '../../special/exp.ts';
import { log } from '../../special/log.ts';

const LN10 = log(10);

/**
 * A distribution given by points of its quantile function on a log scale: between two points
 * (p, log10 x) the log of the quantile is linear in p, which is how a CDF read off a plot with
 * a log axis (invocations per day over eight orders of magnitude) is best interpolated. Equal
 * values at two points make an atom (e.g. the functions called once in the whole trace).
 */
export class LogQuantileTable implements Distribution {
  readonly kind = 'logQuantileTable';
  readonly mean: number;
  private readonly ps: number[];
  private readonly logs: number[];

  /** `points`: [p, x] with p from 0 to 1 increasing and x > 0 non-decreasing. */
  constructor(points: readonly (readonly [number, number])[]) {
    if (points.length < 2 || points[0][0] !== 0 || points[points.length - 1][0] !== 1) {
      throw new RangeError('LogQuantileTable: needs points from p = 0 to p = 1');
    }
    for (let i = 0; i < points.length; i++) {
      const [p, x] = points[i];
      if (!(x > 0) || !Number.isFinite(x))
        throw new RangeError(`LogQuantileTable: x must be positive (got ${x})`);
      if (i > 0 && !(p > points[i - 1][0] && x >= points[i - 1][1])) {
        throw new RangeError('LogQuantileTable: p must increase and x must not decrease');
      }
    }
    this.ps = points.map((pt) => pt[0]);
    this.logs = points.map((pt) => log(pt[1]) / LN10);
    // E[X] is the integral of Q(p) = 10^(a + b p) over each segment, in closed form.
    let mean = 0;
    for (let i = 0; i + 1 < this.ps.length; i++) {
      const dp = this.ps[i + 1] - this.ps[i];
      const x0 = exp(this.logs[i] * LN10);
      const x1 = exp(this.logs[i + 1] * LN10);
      const dl = (this.logs[i + 1] - this.logs[i]) * LN10;
      mean += dl === 0 ? x0 * dp : ((x1 - x0) * dp) / dl;
    }
    this.mean = mean;
  }

  sample(rng: Rng): number {
    return this.quantile(rng());
  }

  quantile(p: number): number {
    const { ps, logs } = this;
    let i = 0;
    while (i + 2 < ps.length && p > ps[i + 1]) i++;
    const f = (p - ps[i]) / (ps[i + 1] - ps[i]);
    const l = logs[i] + Math.min(1, Math.max(0, f)) * (logs[i + 1] - logs[i]);
    return exp(l * LN10);
  }

  cdf(x: number): number {
    if (!(x > 0)) return 0;
    const l = log(x) / LN10;
    const { ps, logs } = this;
    if (l < logs[0]) return 0;
    if (l >= logs[logs.length - 1]) return 1;
    // The last point at or below l: an atom counts in full (right-continuous).
    let i = logs.length - 2;
    while (i > 0 && logs[i] > l) i--;
    while (i + 1 < logs.length - 1 && logs[i + 1] <= l) i++;
    const span = logs[i + 1] - logs[i];
    return span === 0 ? ps[i + 1] : ps[i] + ((l - logs[i]) / span) * (ps[i + 1] - ps[i]);
  }
}
