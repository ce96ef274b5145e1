import { duration } from '../../spec/duration.ts';
import { enumOf } from '../../spec/primitives.ts';
import {
  array,
  boolean,
  type Infer,
  integer,
  number,
  object,
  oneOfType,
  optional,
  probability,
  refine,
} from '../../spec/schema.ts';

/** Outcomes of an attempt that a caller may retry. */
export const RETRY_ON = ['error', 'throttled', 'timeout'] as const;
export type RetryOn = (typeof RETRY_ON)[number];

/** How the backoff before a retry is drawn from v = min(cap, base x 2^(retry - 1)). */
export const JITTERS = ['full', 'equal', 'none'] as const;
export type Jitter = (typeof JITTERS)[number];

const backoffSchema = refine(
  object({
    base: duration().describe('Backoff before the first retry, before jitter (default 100 ms)'),
    cap: optional(duration()).describe('Largest backoff, before jitter (default 20 s)'),
    jitter: optional(enumOf(JITTERS)).describe(
      'full: uniform in [0, v] (the default, as the AWS Architecture Blog recommends); equal: v/2 + uniform in [0, v/2]; none: v',
    ),
  }),
  (b) =>
    b.cap !== undefined && b.cap < b.base
      ? { path: 'cap', reason: `is below base (${b.cap} ms < ${b.base} ms)` }
      : undefined,
).describe('Exponential backoff between attempts: v = min(cap, base x 2^(retry - 1))');

const retrySchema = object({
  attempts: integer({ min: 1, max: 100 }).describe(
    'Attempts at most, the first included (1: no retry)',
  ),
  on: optional(array(enumOf(RETRY_ON), { minItems: 1 })).describe(
    'Outcomes that are retried (default all: error, throttled, timeout)',
  ),
  backoff: optional(backoffSchema),
}).describe('Retries: a new attempt, a real call through the whole path, after a backoff');

const hedgeSchema = object({
  after: oneOfType({
    number: duration(),
    string: duration(),
    object: object({
      percentile: number({ exclusiveMin: 0, exclusiveMax: 100 }).describe(
        "Percentile (0-100, exclusive) of the attempts' latencies seen so far in the run",
      ),
    }),
  }).describe('When the second copy leaves: a duration, or {percentile} of latencies seen so far'),
  cancel: optional(boolean()).describe(
    'Withdraw the copy that lost, from its queue or its instance (default false: it runs on, billed)',
  ),
}).describe(
  'Hedged requests (Dean and Barroso): a second copy after a delay; the first answer wins',
);

const timeoutSchema = optional(duration({ allowZero: false })).describe(
  'The caller gives up on an attempt after this long; the call may still run, and is billed',
);

/**
 * What a function does about the tail of the calls it makes along one edge of a graph (a step's
 * calls): the caller's timeout, retries and hedging, per call. No `failure`: the callee's errors
 * are its own (its `crashProbability`, its timeout, its refusals).
 */
export const edgeCallerSchema = object({
  timeout: timeoutSchema,
  retry: optional(retrySchema),
  hedge: optional(hedgeSchema),
}).describe(
  "The calling function's policy for this step's calls: timeout, retries, hedging (as the root `caller`)",
);

export type EdgeCallerSpec = Infer<typeof edgeCallerSchema>;

/**
 * What the caller of a root call does about the tail: how long it waits, whether the function
 * errors, retries and hedging. Plain data from the experiment file (`caller`); durations in ms
 * once parsed.
 */
export const callerSchema = object({
  timeout: timeoutSchema,
  failure: optional(probability()).describe(
    "Probability that an attempt's call errors after running (the function's error, billed)",
  ),
  retry: optional(retrySchema),
  hedge: optional(hedgeSchema),
}).describe("The caller's policy for root calls: timeout, failures, retries, hedging");

export type CallerSpec = Infer<typeof callerSchema>;

/** Defaults of the AWS SDKs' standard retry mode (research notes 19.8). */
export const DEFAULT_BACKOFF = { base: 100, cap: 20_000, jitter: 'full' as Jitter };

/** The policy a caller follows, resolved: Infinity where it never gives up or never hedges. */
export interface CallerPolicy {
  timeout: number;
  failure: number;
  /** Attempts at most (1: no retry). */
  attempts: number;
  retryErrors: boolean;
  retryThrottled: boolean;
  retryTimeouts: boolean;
  backoffBase: number;
  backoffCap: number;
  jitter: Jitter;
  /** Fixed hedge delay (ms); Infinity without hedging or with a percentile. */
  hedgeDelay: number;
  /** Hedge after this percentile (0-100) of latencies seen; null for a fixed delay or none. */
  hedgePercentile: number | null;
  hedgeCancel: boolean;
}

export function toCallerPolicy(spec: CallerSpec): CallerPolicy {
  const on = new Set<RetryOn>(spec.retry?.on ?? RETRY_ON);
  const after = spec.hedge?.after;
  return {
    timeout: spec.timeout ?? Number.POSITIVE_INFINITY,
    failure: spec.failure ?? 0,
    attempts: spec.retry?.attempts ?? 1,
    retryErrors: on.has('error'),
    retryThrottled: on.has('throttled'),
    retryTimeouts: on.has('timeout'),
    backoffBase: spec.retry?.backoff?.base ?? DEFAULT_BACKOFF.base,
    backoffCap: spec.retry?.backoff?.cap ?? DEFAULT_BACKOFF.cap,
    jitter: spec.retry?.backoff?.jitter ?? DEFAULT_BACKOFF.jitter,
    hedgeDelay: typeof after === 'number' ? after : Number.POSITIVE_INFINITY,
    hedgePercentile: after !== undefined && typeof after === 'object' ? after.percentile : null,
    hedgeCancel: spec.hedge?.cancel ?? false,
  };
}

/** The backoff before retry `retry` (1 for the first), drawn with `u` uniform in [0, 1). */
export function backoffMs(policy: CallerPolicy, retry: number, u: number): number {
  const v = Math.min(policy.backoffCap, policy.backoffBase * 2 ** (retry - 1));
  if (policy.jitter === 'full') return u * v;
  if (policy.jitter === 'equal') return v / 2 + (u * v) / 2;
  return v;
}
