import { number, object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis } from './common.ts';

export const fanOutSlowShare = chartOptionsKind(
  'fanOutSlowShare',
  object({
    x: optional(axis),
    p: optional(number({ exclusiveMin: 0, exclusiveMax: 1 })).describe(
      'Probability that one leaf is slow, for the analytic curve',
    ),
    thresholdMs: optional(number({ exclusiveMin: 0 })).describe('"Slow": slower than this (ms)'),
  }),
);
