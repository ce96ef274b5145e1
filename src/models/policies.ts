import { HYBRID_DEFAULTS } from '../platform/keepAlive/hybridHistogram.ts';
import { duration } from '../spec/duration.ts';
import {
  discriminated,
  type Infer,
  integer,
  literal,
  number,
  object,
  optional,
  refine,
  withDefault,
} from '../spec/schema.ts';
import { durationOrForever } from './common.ts';

/** Bins a hybrid histogram may have at most: memory per function stays small. */
export const MAX_HISTOGRAM_BINS = 100_000;

const percentile = number({ exclusiveMin: 0, exclusiveMax: 100 });

const hybridFields = object({
  policy: literal('hybrid'),
  range: withDefault(duration({ allowZero: false }), HYBRID_DEFAULTS.range).describe(
    'Idle times up to this are kept in the histogram; longer ones count as out of bounds (paper: 4h).',
  ),
  bin: withDefault(duration({ allowZero: false }), HYBRID_DEFAULTS.bin).describe(
    'Width of a histogram bin (paper: 1min).',
  ),
  headPercentile: withDefault(percentile, HYBRID_DEFAULTS.headPercentile).describe(
    'Percentile of idle times, rounded down to a bin, that sets the pre-warm window (paper: 5).',
  ),
  tailPercentile: withDefault(percentile, HYBRID_DEFAULTS.tailPercentile).describe(
    'Percentile of idle times, rounded up to a bin, that sets the end of the keep-alive window (paper: 99).',
  ),
  margin: withDefault(number({ min: 0, exclusiveMax: 1 }), HYBRID_DEFAULTS.margin).describe(
    'The pre-warm window shrinks, and the keep-alive end grows, by this share (paper: 0.1).',
  ),
  cvThreshold: withDefault(number({ min: 0 }), HYBRID_DEFAULTS.cvThreshold).describe(
    'The histogram is used only when the coefficient of variation of its bin counts is at least this (paper: 2).',
  ),
  minSamples: withDefault(integer({ min: 1 }), HYBRID_DEFAULTS.minSamples).describe(
    'The histogram is used only once it holds this many idle times (the paper gives no number; 10 as in a reproduction).',
  ),
  outOfBoundsShare: withDefault(
    number({ min: 0, max: 1 }),
    HYBRID_DEFAULTS.outOfBoundsShare,
  ).describe(
    'The histogram is not used when more than this share of idle times exceed the range (the paper then forecasts with ARIMA, not modelled: the fallback applies).',
  ),
  fallback: optional(durationOrForever('fallback')).describe(
    'The fixed keep-alive, with no pre-warming, while the histogram is not used. Absent: the range (paper).',
  ),
});

const hybridSchema = refine(hybridFields, (h) => {
  if (h.headPercentile >= h.tailPercentile) {
    return {
      path: 'headPercentile',
      reason: `must be below tailPercentile (${h.tailPercentile}), got ${h.headPercentile}`,
    };
  }
  if (h.bin > h.range) {
    return { path: 'bin', reason: `must be at most the range (${h.range} ms), got ${h.bin} ms` };
  }
  const bins = Math.ceil(h.range / h.bin);
  if (bins > MAX_HISTOGRAM_BINS) {
    return {
      path: 'bin',
      reason: `gives ${bins} bins over the range; at most ${MAX_HISTOGRAM_BINS} (use a wider bin or a shorter range)`,
    };
  }
  return true;
});

/**
 * A platform's keep-alive policy: `fixed` (the `keepAlive` field's window, the default) or
 * `hybrid` (Shahrad et al.'s histogram policy, with the paper's settings as defaults).
 */
export const keepAlivePolicySchema = discriminated('policy', {
  fixed: object({ policy: literal('fixed') }),
  hybrid: hybridSchema,
}).describe(
  'How long idle instances are kept: "fixed" (the keepAlive window) or "hybrid" (the histogram policy of Serverless in the Wild, USENIX ATC 2020: pre-warm and keep-alive windows learnt per function from its idle times).',
);

export type KeepAlivePolicySpec = Infer<typeof keepAlivePolicySchema>;
