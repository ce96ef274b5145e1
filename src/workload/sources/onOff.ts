import { duration } from '../../spec/duration.ts';
import type { Infer } from '../../spec/schema.ts';
import { object, refine, transform, withDefault } from '../../spec/schema.ts';
import { onOffRate } from '../arrivals/onOffRate.ts';
import { RateFunctionArrivals } from '../arrivals/rateFunctionArrivals.ts';
import { tag } from '../kindTag.ts';
import { atLeastPhase, rate } from './rates.ts';
import type { SourceKind } from './sourceKind.ts';

const schema = transform(
  refine(
    object({
      on: rate,
      onDuration: duration({ allowZero: false }),
      offDuration: duration({ allowZero: false }),
      off: withDefault(rate, 0),
    }),
    // The arrivals step through every phase: sub-millisecond phases would take for ever.
    ({ onDuration, offDuration }) =>
      atLeastPhase('onDuration', onDuration) ?? atLeastPhase('offDuration', offDuration),
  ),
  tag('onOff'),
).describe('Poisson, alternating between an on rate and an off rate.');

export type OnOffSource = Infer<typeof schema>;

export const onOff: SourceKind<OnOffSource> = {
  name: 'onOff',
  schema,
  create: (s, rng) => RateFunctionArrivals.fromShape(onOffRate(s), rng),
  expectedArrivals: (s, ms) => {
    const cycle = s.onDuration + s.offDuration;
    return ((s.on * s.onDuration + s.off * s.offDuration) / cycle) * (ms / 1000);
  },
};
