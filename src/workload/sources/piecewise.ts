import { duration, formatDuration } from '../../spec/duration.ts';
import type { Infer } from '../../spec/schema.ts';
import { array, object, refine, transform } from '../../spec/schema.ts';
import { piecewiseRate } from '../arrivals/piecewiseRate.ts';
import { RateFunctionArrivals } from '../arrivals/rateFunctionArrivals.ts';
import { tag } from '../kindTag.ts';
import { rate } from './rates.ts';
import type { SourceKind } from './sourceKind.ts';

const schema = transform(
  refine(
    object({
      points: array(object({ at: duration(), perSecond: rate }), { minItems: 1 }),
    }),
    ({ points }) => {
      for (let i = 1; i < points.length; i++) {
        if (!(points[i].at > points[i - 1].at)) {
          return {
            path: ['points', i, 'at'],
            reason: `must be later than points[${i - 1}].at (${formatDuration(points[i - 1].at)})`,
          };
        }
      }
      return undefined;
    },
  ),
  tag('piecewise'),
).describe('Poisson whose rate steps to `perSecond` at each `at`.');

export type PiecewiseSource = Infer<typeof schema>;

export const piecewise: SourceKind<PiecewiseSource> = {
  name: 'piecewise',
  schema,
  create: (s, rng) => RateFunctionArrivals.fromShape(piecewiseRate(s.points), rng),
  expectedArrivals: (s, ms) => {
    let total = 0;
    s.points.forEach((p, i) => {
      const end = Math.min(ms, i + 1 < s.points.length ? s.points[i + 1].at : ms);
      if (end > p.at) total += (p.perSecond * (end - p.at)) / 1000;
    });
    return total;
  },
};
