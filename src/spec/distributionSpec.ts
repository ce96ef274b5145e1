/**
 * The JSON form of latency distributions, as people know latency: by
 * parameters, by percentiles, or by a table from a published benchmark.
 * Parsing yields a plain, validated DistributionSpec (durations converted to
 * milliseconds); turning it into a sampler is the job of another module.
 */

import { suggestion } from './didYouMean.ts';
import { duration } from './duration.ts';
import {
  array,
  describeValue,
  hasAnyKey,
  isPlainObject,
  lazy,
  number,
  object,
  oneKey,
  oneOfType,
  optional,
  probability,
  record,
  refine,
  type Schema,
  select,
  transform,
  tuple,
} from './schema.ts';
import { joinPath, SpecError } from './specError.ts';

/**
 * A latency distribution, validated. Every duration is in milliseconds;
 * shapes, sigmas and weights are dimensionless. The constraints listed are
 * guaranteed by the parser, so a converter need not check them again.
 */
export type DistributionSpec =
  /** Always `value` ms (>= 0). Written "5ms", 5 or {"constant": "5ms"}. */
  | { kind: 'constant'; value: number }
  /** Uniform on [min, max] ms; 0 <= min <= max. */
  | { kind: 'uniform'; min: number; max: number }
  /** Exponential with mean `mean` ms (> 0), i.e. rate 1 / mean per ms. */
  | { kind: 'exponential'; mean: number }
  /**
   * Normal with mean `mean` ms (>= 0) and standard deviation `sd` ms (> 0),
   * truncated at zero: conditioned on x >= 0 (not clamped), so the actual
   * mean is a little above `mean` when sd is large relative to it.
   */
  | { kind: 'normal'; mean: number; sd: number }
  /**
   * Lognormal: ln(x in ms) ~ Normal(mu, sigma); median e^mu ms; sigma > 0,
   * mu any finite number.
   */
  | { kind: 'lognormal'; mu: number; sigma: number }
  /**
   * Lognormal given by two quantiles: P(X <= x1) = p1 and P(X <= x2) = p2.
   * p1, p2 are probabilities (0.5 for p50, 0.999 for p99.9) with
   * 0 < p1 < p2 < 1; x1, x2 are ms with 0 < x1 < x2. With z the standard
   * normal quantile: sigma = (ln x2 - ln x1) / (z(p2) - z(p1)), mu = ln x1 - sigma z(p1).
   */
  | { kind: 'lognormalQuantiles'; p1: number; x1: number; p2: number; x2: number }
  /**
   * Gamma with `shape` k > 0 and `scale` theta ms > 0: mean k theta ms.
   * The {"shape", "mean"} form arrives here already as scale = mean / shape.
   */
  | { kind: 'gamma'; shape: number; scale: number }
  /** Weibull with `shape` k > 0 and `scale` lambda ms > 0: P(X > x) = exp(-(x / lambda)^k). */
  | { kind: 'weibull'; shape: number; scale: number }
  /**
   * Pareto (type I) with minimum `min` ms > 0 and `shape` alpha > 0:
   * P(X > x) = (min / x)^alpha for x >= min. The mean is infinite for alpha <= 1.
   */
  | { kind: 'pareto'; min: number; shape: number }
  /** `by` ms (>= 0) plus a draw from `dist`: a floor such as propagation delay. */
  | { kind: 'shifted'; by: number; dist: DistributionSpec }
  /**
   * A draw from one component chosen with probability `weight`. At least one
   * component; weights in [0, 1] summing to 1 within 1e-6 (not renormalised).
   */
  | { kind: 'mixture'; components: { weight: number; dist: DistributionSpec }[] }
  /**
   * A quantile table: `p` a probability in [0, 1], `value` in ms. At least two
   * points, sorted by strictly increasing p, values non-decreasing. Suggested
   * reading: the quantile function is linear between points and flat beyond
   * the first and last (so p0 and p100 give the range).
   */
  | { kind: 'empirical'; points: { p: number; value: number }[] };

export type DistributionKind = DistributionSpec['kind'];

const positive = () => number({ exclusiveMin: 0 });
const positiveDuration = () => duration({ allowZero: false });

/** Parses any distribution form; recursive through "shifted" and "mixture". */
export const distributionSchema: Schema<DistributionSpec> = lazy(
  () => distributionForms,
  'distribution',
);

/** Validates a distribution written in JSON and returns it as a DistributionSpec. */
export function parseDistributionSpec(value: unknown, path = ''): DistributionSpec {
  return distributionSchema.parse(value, path);
}

const constant = transform(duration(), (value): DistributionSpec => ({ kind: 'constant', value }));

const uniform = transform(
  refine(
    object({ min: duration(), max: duration() }),
    ({ min, max }) => max >= min || { path: 'max', reason: 'must not be less than min' },
  ),
  ({ min, max }): DistributionSpec => ({ kind: 'uniform', min, max }),
);

const exponential = transform(
  object({ mean: positiveDuration() }),
  ({ mean }): DistributionSpec => ({ kind: 'exponential', mean }),
);

const normal = transform(
  object({
    mean: duration().describe('mean before truncation at zero'),
    sd: positiveDuration().describe('standard deviation'),
  }),
  ({ mean, sd }): DistributionSpec => ({ kind: 'normal', mean, sd }),
);

// Percentile field names: p0 .. p100 with optional decimals (p99.9), and
// "median" for p50. Which of them a form accepts is checked after the pattern.
const PERCENTILE_KEY = /^(p(100|\d{1,2}(\.\d+)?)|median)$/;
const PERCENTILE_HINT = 'a percentile such as p50, p99 or p99.9, or median';

/** The percentile a field name stands for, in percent (0..100). */
function percentOf(key: string): number {
  return key === 'median' ? 50 : Number(key.slice(1));
}

/** p99.9 -> 0.999, computed in decimal so that it is the double nearest 0.999. */
function probabilityOf(key: string): number {
  return key === 'median' ? 0.5 : Number(`${key.slice(1)}e-2`);
}

interface Quantile {
  key: string;
  p: number;
  x: number;
}

/** The table as quantiles sorted by p, refusing a percentile given twice ("median" and "p50"). */
function sortedQuantiles(table: Record<string, number>, path: string): Quantile[] {
  const seen = new Map<number, string>();
  const out: Quantile[] = [];
  for (const [key, x] of Object.entries(table)) {
    const percent = percentOf(key);
    const first = seen.get(percent);
    if (first !== undefined) {
      throw new SpecError(joinPath(path, key), `same percentile as ${first}`);
    }
    seen.set(percent, key);
    out.push({ key, p: probabilityOf(key), x });
  }
  return out.sort((a, b) => a.p - b.p);
}

function keyList(table: Record<string, unknown>): string {
  const keys = Object.keys(table);
  return `${keys.length}: ${keys.join(', ')}`;
}

const lognormalParams = transform(
  object({
    mu: number().describe('mean of ln(milliseconds); the median is e^mu ms'),
    sigma: positive().describe('standard deviation of ln(milliseconds)'),
  }),
  ({ mu, sigma }): DistributionSpec => ({ kind: 'lognormal', mu, sigma }),
);

const lognormalQuantiles = transform(
  refine(
    transform(
      refine(
        record(positiveDuration(), { keyPattern: PERCENTILE_KEY, keyHint: PERCENTILE_HINT }),
        (table) =>
          Object.keys(table).length === 2 ||
          `needs exactly two percentiles such as "p50" and "p99" (got ${keyList(table)})`,
        { jsonSchema: { minProperties: 2, maxProperties: 2 } },
      ),
      (table, path) => {
        const points = sortedQuantiles(table, path);
        for (const { key, p } of points) {
          // A lognormal has no finite p0 or p100, so they cannot pin one down.
          if (p <= 0 || p >= 1) {
            throw new SpecError(
              joinPath(path, key),
              'must be a percentile above p0 and below p100',
            );
          }
        }
        return points;
      },
    ),
    ([low, high]) =>
      high.x > low.x || { path: high.key, reason: `must be greater than ${low.key}` },
  ),
  ([low, high]): DistributionSpec => ({
    kind: 'lognormalQuantiles',
    p1: low.p,
    x1: low.x,
    p2: high.p,
    x2: high.x,
  }),
);

const LOGNORMAL_FORMS = 'expected "mu" and "sigma", or two percentiles such as "p50" and "p99"';

const isPercentileKey = (key: string) => PERCENTILE_KEY.test(key);

const lognormal = select<DistributionSpec>(
  [
    {
      when: (v) => hasAnyKey('mu', 'sigma')(v) && !Object.keys(v as object).some(isPercentileKey),
      schema: lognormalParams,
    },
    {
      when: (v) =>
        isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every(isPercentileKey),
      schema: lognormalQuantiles,
    },
  ],
  (value) => {
    if (!isPlainObject(value)) return `must be an object (got ${describeValue(value)})`;
    const keys = Object.keys(value);
    if (keys.length === 0) return `${LOGNORMAL_FORMS}; got an empty object`;
    if (hasAnyKey('mu', 'sigma')(value)) {
      return 'give either "mu" and "sigma" or two percentiles, not both';
    }
    const bad = keys.find((k) => !isPercentileKey(k)) as string;
    const hint = suggestion(bad, ['mu', 'sigma', 'median']);
    return hint
      ? `unknown field ${JSON.stringify(bad)}${hint}`
      : `unknown field ${JSON.stringify(bad)} (${LOGNORMAL_FORMS})`;
  },
);

const gamma = transform(
  refine(
    object({
      shape: positive().describe('shape k'),
      scale: optional(positiveDuration().describe('scale theta; give this or mean')),
      mean: optional(positiveDuration().describe('mean (shape times scale); give this or scale')),
    }),
    ({ scale, mean }) => {
      if (scale !== undefined && mean !== undefined) {
        return 'give either "scale" or "mean", not both';
      }
      return (
        scale !== undefined || mean !== undefined || 'missing required field "scale" (or "mean")'
      );
    },
    { jsonSchema: { oneOf: [{ required: ['scale'] }, { required: ['mean'] }] } },
  ),
  ({ shape, scale, mean }): DistributionSpec => ({
    kind: 'gamma',
    shape,
    scale: scale ?? (mean as number) / shape,
  }),
);

const weibull = transform(
  object({ shape: positive().describe('shape k'), scale: positiveDuration() }),
  ({ shape, scale }): DistributionSpec => ({ kind: 'weibull', shape, scale }),
);

const pareto = transform(
  object({
    min: positiveDuration().describe('the smallest value (scale x_m)'),
    shape: positive().describe('tail index alpha; the mean is infinite for alpha <= 1'),
  }),
  ({ min, shape }): DistributionSpec => ({ kind: 'pareto', min, shape }),
);

const shifted = transform(
  object({
    by: duration().describe('added to every draw'),
    dist: distributionSchema,
  }),
  ({ by, dist }): DistributionSpec => ({ kind: 'shifted', by, dist }),
);

const WEIGHT_TOLERANCE = 1e-6;

const mixture = transform(
  refine(
    array(object({ weight: probability(), dist: distributionSchema }), { minItems: 1 }),
    (components) => {
      const sum = components.reduce((s, c) => s + c.weight, 0);
      return (
        Math.abs(sum - 1) <= WEIGHT_TOLERANCE ||
        // toPrecision hides float noise: 0.1 + 0.2 + 0.65 reads "0.95".
        `weights must sum to 1 (got ${Number(sum.toPrecision(12))})`
      );
    },
  ),
  (components): DistributionSpec => ({ kind: 'mixture', components }),
);

const empiricalTable = transform(
  refine(
    record(duration(), {
      keyPattern: PERCENTILE_KEY,
      keyHint: 'a percentile such as p0, p50, p99.9 or p100, or median',
    }),
    (table) =>
      Object.keys(table).length >= 2 ||
      `needs at least two percentiles such as "p50" and "p99" (got ${keyList(table)})`,
    { jsonSchema: { minProperties: 2 } },
  ),
  (table, path): DistributionSpec => {
    const points = sortedQuantiles(table, path);
    for (let i = 1; i < points.length; i++) {
      if (points[i].x < points[i - 1].x) {
        throw new SpecError(
          joinPath(path, points[i].key),
          `must not be less than ${points[i - 1].key}`,
        );
      }
    }
    return { kind: 'empirical', points: points.map(({ p, x }) => ({ p, value: x })) };
  },
);

const empiricalPairs = transform(
  array(tuple(probability(), duration()), { minItems: 2 }),
  (pairs, path): DistributionSpec => {
    const order = pairs.map((_, i) => i).sort((a, b) => pairs[a][0] - pairs[b][0]);
    for (let k = 1; k < order.length; k++) {
      const [prev, i] = [order[k - 1], order[k]];
      if (pairs[i][0] === pairs[prev][0]) {
        throw new SpecError(
          joinPath(path, Math.max(i, prev), 0),
          `same probability as [${Math.min(i, prev)}]`,
        );
      }
      if (pairs[i][1] < pairs[prev][1]) {
        throw new SpecError(
          joinPath(path, i, 1),
          `must not be less than the value at probability ${pairs[prev][0]}`,
        );
      }
    }
    return {
      kind: 'empirical',
      points: order.map((i) => ({ p: pairs[i][0], value: pairs[i][1] })),
    };
  },
);

const empirical = oneOfType(
  { object: empiricalTable, array: empiricalPairs },
  {
    expected:
      'a percentile table such as {"p50": "8ms", "p99": "40ms"} or [probability, duration] pairs',
  },
);

const families = oneKey({
  constant,
  uniform,
  exponential,
  normal,
  lognormal,
  gamma,
  weibull,
  pareto,
  shifted,
  mixture,
  empirical,
});

/** The families' names, as an object form's one key. */
export const DISTRIBUTION_FAMILIES: readonly string[] = Object.keys(families.alternatives);

const distributionForms = oneOfType(
  {
    number: constant,
    string: constant,
    object: families,
  },
  {
    expected:
      'a duration such as "5ms" or a distribution such as {"lognormal": {"p50": "8ms", "p99": "40ms"}}',
  },
).describe(
  'a latency distribution: a constant duration ("5ms", or 5 for milliseconds) or an object with one key naming the family',
);
