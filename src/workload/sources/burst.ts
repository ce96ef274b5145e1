import { duration } from '../../spec/duration.ts';
import type { Infer } from '../../spec/schema.ts';
import { object, transform, withDefault } from '../../spec/schema.ts';
import { burstRate } from '../arrivals/burstRate.ts';
import { RateFunctionArrivals } from '../arrivals/rateFunctionArrivals.ts';
import { tag } from '../kindTag.ts';
import { rate } from './rates.ts';
import type { SourceKind } from './sourceKind.ts';

const schema = transform(
  object({
    base: withDefault(rate, 0).describe('Calls per second before and after the burst'),
    peak: rate,
    at: duration(),
    duration: duration({ allowZero: false }),
  }),
  tag('burst'),
).describe('Poisson at `base`, jumping to `peak` per second at `at` for `duration`.');

export type BurstSource = Infer<typeof schema>;

export const burst: SourceKind<BurstSource> = {
  name: 'burst',
  schema,
  create: (s, rng) => RateFunctionArrivals.fromShape(burstRate(s), rng),
  expectedArrivals: (s, ms) => {
    const inBurst = Math.max(0, Math.min(ms, s.at + s.duration) - Math.min(ms, s.at));
    return s.base * (ms / 1000) + ((s.peak - s.base) * inBurst) / 1000;
  },
};
