import { HYBRID_DEFAULTS } from '../platform/keepAlive/hybridHistogram.ts';
import { KPA_DEFAULTS } from '../platform/scaling/kpaScaling.ts';
import { duration } from '../spec/duration.ts';
import {
  discriminated,
  enumOf,
  type Infer,
  integer,
  literal,
  number,
  object,
  optional,
  refine,
  withDefault,
} from '../spec/schema.ts';
import { countOrUnlimited, durationOrForever } from './common.ts';

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

/** Knative's window limits (pkg/apis/autoscaling: WindowMin 6 s, WindowMax 1 h). */
const WINDOW_MIN = 6_000;
const WINDOW_MAX = 3_600_000;

const wholeSeconds = (what: string) =>
  refine(duration({ min: 1000 }), (v) =>
    Number.isInteger(v / 1000) ? true : `${what} must be whole seconds (got ${v} ms)`,
  );

const kpaFields = object({
  policy: literal('kpa'),
  target: withDefault(number({ exclusiveMin: 0, max: 1e6 }), KPA_DEFAULTS.target).describe(
    'Concurrent calls per instance the autoscaler aims at (Knative container-concurrency-target-default: 100; a hard concurrencyPerInstance below it is what Knative uses instead).',
  ),
  utilisation: withDefault(number({ exclusiveMin: 0, max: 1 }), KPA_DEFAULTS.utilisation).describe(
    'Share of the target aimed at (container-concurrency-target-percentage: 0.7).',
  ),
  stableWindow: withDefault(wholeSeconds('stableWindow'), KPA_DEFAULTS.stableWindow).describe(
    'The window whose average concurrency sets the instance count (60s; 6s to 1h, whole seconds).',
  ),
  panicWindow: optional(wholeSeconds('panicWindow')).describe(
    'The short window that triggers panic (absent: 10% of the stable window, at least 1s, as Knative).',
  ),
  panicThreshold: withDefault(number({ min: 1.1, max: 10 }), KPA_DEFAULTS.panicThreshold).describe(
    'Panic when the panic window asks for this multiple of the ready instances (2 = 200%).',
  ),
  tick: withDefault(wholeSeconds('tick'), KPA_DEFAULTS.tick).describe(
    'Time between scaling decisions (2s).',
  ),
  maxScaleUpRate: withDefault(
    number({ exclusiveMin: 1, max: 1e6 }),
    KPA_DEFAULTS.maxScaleUpRate,
  ).describe('At most this times the ready instances after one decision (1000).'),
  maxScaleDownRate: withDefault(
    number({ exclusiveMin: 1, max: 1e6 }),
    KPA_DEFAULTS.maxScaleDownRate,
  ).describe('At least the ready instances divided by this after one decision (2).'),
  scaleToZeroGrace: withDefault(duration(), KPA_DEFAULTS.scaleToZeroGrace).describe(
    'How long the last instance stays once the autoscaler wants none (30s).',
  ),
  minScale: withDefault(integer({ min: 0 }), 0).describe('Instances kept at least (0).'),
  maxScale: withDefault(countOrUnlimited('maxScale'), Infinity).describe(
    'Instances at most ("unlimited").',
  ),
});

const kpaSchema = refine(kpaFields, (k) => {
  if (k.stableWindow < WINDOW_MIN || k.stableWindow > WINDOW_MAX) {
    return { path: 'stableWindow', reason: `must be between 6s and 1h (got ${k.stableWindow} ms)` };
  }
  if (k.panicWindow !== undefined && k.panicWindow > k.stableWindow) {
    return {
      path: 'panicWindow',
      reason: `must be at most the stable window (${k.stableWindow} ms), got ${k.panicWindow} ms`,
    };
  }
  if (k.minScale > k.maxScale) {
    return {
      path: 'minScale',
      reason: `must be at most maxScale (${k.maxScale}), got ${k.minScale}`,
    };
  }
  return true;
});

/**
 * A platform's scaling policy: `onDemand` (an instance per call that finds none free, the
 * default) or `kpa` (Knative's windowed autoscaler, Knative's defaults as defaults).
 */
export const scalingSchema = discriminated('policy', {
  onDemand: object({ policy: literal('onDemand') }),
  kpa: kpaSchema,
}).describe(
  'When instances start: "onDemand" (one per call that finds no instance with room, as Lambda) or "kpa" (Knative\'s Pod Autoscaler: windowed average concurrency over target x utilisation, panic mode, scale to zero after a grace period).',
);

export type ScalingSpec = Infer<typeof scalingSchema>;

/**
 * Where calls wait for an instance: `perFunction` (one FIFO at the front end, served by the
 * first instance with room: the default) or `perInstance` (routed to an instance on arrival
 * and waiting in its queue, as Knative's queue-proxy).
 */
export const queueingSchema = discriminated('policy', {
  perFunction: object({ policy: literal('perFunction') }),
  perInstance: object({
    policy: literal('perInstance'),
    pick: withDefault(enumOf(['leastLoaded', 'random'] as const), 'leastLoaded').describe(
      'Which instance a call is routed to on arrival: the one with the fewest calls running and waiting (leastLoaded; a starting instance counts as full) or any, uniformly (random).',
    ),
  }),
}).describe(
  'Where calls wait for an instance: "perFunction" (one queue per function at the front end, served by whichever instance has room first: Lambda, Cloud Run) or "perInstance" (a call is routed to an instance when it arrives and waits in that instance\'s queue even if another frees first, as Knative\'s queue-proxy; with no instance at all it waits at the front end, as in Knative\'s activator).',
);

export type QueueingSpec = Infer<typeof queueingSchema>;
