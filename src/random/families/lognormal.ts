import { suggestion } from '../../spec/didYouMean.ts';
import { duration } from '../../spec/duration.ts';
import {
  describeValue,
  hasAnyKey,
  isPlainObject,
  number,
  object,
  record,
  refine,
  select,
  transform,
} from '../../spec/schema.ts';
import { joinPath, SpecError } from '../../spec/specError.ts';
import { lognormal as lognormalDistribution } from '../distributions/lognormal.ts';
import { lognormalFromQuantiles } from '../distributions/lognormalFromQuantiles.ts';
import type { DistributionFamily } from './family.ts';
import { keyList, PERCENTILE_HINT, PERCENTILE_KEY, sortedQuantiles } from './percentileKeys.ts';

/**
 * Lognormal: ln(x in ms) ~ Normal(mu, sigma); median e^mu ms; sigma > 0,
 * mu any finite number.
 */
export interface LognormalSpec {
  kind: 'lognormal';
  mu: number;
  sigma: number;
}

/**
 * Lognormal given by two quantiles: P(X <= x1) = p1 and P(X <= x2) = p2.
 * p1, p2 are probabilities (0.5 for p50, 0.999 for p99.9) with
 * 0 < p1 < p2 < 1; x1, x2 are ms with 0 < x1 < x2. With z the standard
 * normal quantile: sigma = (ln x2 - ln x1) / (z(p2) - z(p1)), mu = ln x1 - sigma z(p1).
 */
export interface LognormalQuantilesSpec {
  kind: 'lognormalQuantiles';
  p1: number;
  x1: number;
  p2: number;
  x2: number;
}

const lognormalParams = transform(
  object({
    mu: number().describe('mean of ln(milliseconds); the median is e^mu ms'),
    sigma: number({ exclusiveMin: 0 }).describe('standard deviation of ln(milliseconds)'),
  }),
  ({ mu, sigma }): LognormalSpec | LognormalQuantilesSpec => ({ kind: 'lognormal', mu, sigma }),
);

const lognormalQuantiles = transform(
  refine(
    transform(
      refine(
        record(duration({ allowZero: false }), {
          keyPattern: PERCENTILE_KEY,
          keyHint: PERCENTILE_HINT,
        }),
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
  ([low, high]): LognormalSpec | LognormalQuantilesSpec => ({
    kind: 'lognormalQuantiles',
    p1: low.p,
    x1: low.x,
    p2: high.p,
    x2: high.x,
  }),
);

const LOGNORMAL_FORMS = 'expected "mu" and "sigma", or two percentiles such as "p50" and "p99"';

const isPercentileKey = (key: string) => PERCENTILE_KEY.test(key);

const lognormalSchema = select<LognormalSpec | LognormalQuantilesSpec>(
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

export const lognormal: DistributionFamily<LognormalSpec | LognormalQuantilesSpec> = {
  name: 'lognormal',
  kinds: ['lognormal', 'lognormalQuantiles'],
  words: 'Lognormal, by mu and sigma of ln(ms) or by two percentiles such as p50 and p99.',
  schema: () => lognormalSchema,
  build: (s) =>
    s.kind === 'lognormal'
      ? lognormalDistribution(s.mu, s.sigma)
      : lognormalFromQuantiles(s.p1, s.x1, s.p2, s.x2),
};
