import { duration } from '../../spec/duration.ts';
import {
  array,
  oneOfType,
  probability,
  record,
  refine,
  transform,
  tuple,
} from '../../spec/schema.ts';
import { joinPath, SpecError } from '../../spec/specError.ts';
import { empirical as empiricalDistribution } from '../distributions/empirical.ts';
import type { DistributionFamily } from './family.ts';
import { keyList, PERCENTILE_KEY, sortedQuantiles } from './percentileKeys.ts';

/**
 * A quantile table: `p` a probability in [0, 1], `value` in ms. At least two
 * points, sorted by strictly increasing p, values non-decreasing. Suggested
 * reading: the quantile function is linear between points and flat beyond
 * the first and last (so p0 and p100 give the range).
 */
export interface EmpiricalSpec {
  kind: 'empirical';
  points: { p: number; value: number }[];
}

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
  (table, path): EmpiricalSpec => {
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
  (pairs, path): EmpiricalSpec => {
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

const empiricalSchema = oneOfType(
  { object: empiricalTable, array: empiricalPairs },
  {
    expected:
      'a percentile table such as {"p50": "8ms", "p99": "40ms"} or [probability, duration] pairs',
  },
);

export const empirical: DistributionFamily<EmpiricalSpec> = {
  name: 'empirical',
  kinds: ['empirical'],
  words: 'A quantile table from a benchmark: percentiles, or [probability, duration] pairs.',
  schema: () => empiricalSchema,
  build: (s) => empiricalDistribution(s.points.map((pt) => [pt.p, pt.value] as const)),
};
