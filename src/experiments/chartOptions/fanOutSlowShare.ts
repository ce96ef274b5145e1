import { number, object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis } from './common.ts';

export const fanOutSlowShare = chartOptionsKind(
  'fanOutSlowShare',
  object({
    x: optional(axis).describe(
      'The fan-out axis (default: the first numeric axis named like a fan-out: fan-out, width, leaves, parallel, breadth)',
    ),
    p: optional(number({ exclusiveMin: 0, exclusiveMax: 1 })).describe(
      'The chance that one leaf is slow, for the 1 - (1 - p)^n curve, between 0 and 1 (default: the slow share at width 1)',
    ),
    thresholdMs: optional(number({ exclusiveMin: 0 })).describe(
      'Slower than this (ms) is slow (default: between the fast and slow modes of the narrowest point, else its p99)',
    ),
  }),
);
