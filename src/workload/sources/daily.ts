import { duration } from '../../spec/duration.ts';
import type { Infer } from '../../spec/schema.ts';
import { object, probability, refine, transform, withDefault } from '../../spec/schema.ts';
import { dailyCycle } from '../arrivals/dailyCycle.ts';
import { RateFunctionArrivals } from '../arrivals/rateFunctionArrivals.ts';
import { tag } from '../kindTag.ts';
import { atLeastPhase, rate } from './rates.ts';
import type { SourceKind } from './sourceKind.ts';

const schema = transform(
  refine(
    object({
      mean: rate,
      amplitude: probability().describe('0: flat; 1: the rate falls to zero at the trough'),
      peakAt: withDefault(duration(), 14 * 3_600_000),
      period: withDefault(duration({ allowZero: false }), 86_400_000),
    }),
    ({ period }) => atLeastPhase('period', period),
  ),
  tag('daily'),
).describe('Poisson with a sinusoidal daily cycle.');

export type DailySource = Infer<typeof schema>;

export const daily: SourceKind<DailySource> = {
  name: 'daily',
  schema,
  create: (s, rng) =>
    RateFunctionArrivals.fromShape(
      dailyCycle({ mean: s.mean, amplitude: s.amplitude, peakAt: s.peakAt, periodMs: s.period }),
      rng,
    ),
  expectedArrivals: (s, ms) => s.mean * (ms / 1000),
};
