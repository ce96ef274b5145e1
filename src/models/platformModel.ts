import type { KeepAlivePolicyConfig, PlatformConfig, ScalingConfig } from '../platform/config.ts';
import { EXACT_BILLING } from '../platform/memory.ts';
import { constant } from '../random/distributions/constant.ts';
import { fromSpec } from '../random/fromSpec.ts';
import { duration } from '../spec/duration.ts';
import {
  boolean,
  enumOf,
  type Infer,
  integer,
  literal,
  number,
  object,
  optional,
  refine,
  string,
  withDefault,
} from '../spec/schema.ts';
import {
  countOrUnlimited,
  distributionOrForever,
  durationOrForever,
  latencySchema,
  NAME,
  ROUTING,
  SOURCES,
} from './common.ts';
import { billingSchema, memorySchema } from './memory.ts';
import {
  type KeepAlivePolicySpec,
  keepAlivePolicySchema,
  queueingSchema,
  type ScalingSpec,
  scalingSchema,
} from './policies.ts';

const dist = latencySchema;

/** The highest price in USD a platform model may give (per million requests, per GB-second). */
export const MAX_PRICE = 1e6;

/**
 * A platform model file (`models/platforms/*.json`): the stages of a call
 * between the client's internet hop and the function's own code. The schema
 * is the type: what this parses to is what the rest of coldtail reads.
 * These are the fields, also used for overrides checked field by field.
 */
export const platformModelFields = object({
  $schema: optional(string()),
  kind: literal('platform'),
  name: NAME,
  description: string({ minLength: 1 }).describe('One line: what this platform is.'),
  source: SOURCES,
  gateway: optional(dist).describe(
    'An HTTPS front door (API gateway): added latency one way, sampled per direction. Absent: none.',
  ),
  network: withDefault(dist, { kind: 'constant', value: 0 }).describe(
    'The cloud network, one way (also function to function), sampled per direction.',
  ),
  frontEnd: optional(dist).describe(
    "The platform's own fixed overhead per call, once: its front end (authentication, limits, the invoke API) and the routing of the call to an instance. Absent: none.",
  ),
  scheduler: optional(dist).describe(
    'The old name of frontEnd (the same stage), read from older model files.',
  ),
  routing: withDefault(ROUTING, 'mru').describe(
    'Which idle instance gets a call: most recently used (mru), least (lru), or random.',
  ),
  coldStart: withDefault(
    object({
      placement: optional(dist),
      sandbox: optional(dist),
      codeLoad: optional(dist),
      runtimeInit: optional(dist),
      functionInit: optional(dist),
    }),
    {},
  ).describe('The phases of a cold start; absent phases take no time.'),
  keepAlive: withDefault(distributionOrForever('keepAlive'), {
    kind: 'constant',
    value: 600_000,
  }).describe('Idle time before an instance is reclaimed.'),
  keepAlivePolicy: optional(keepAlivePolicySchema),
  snapshot: optional(
    object({
      restore: dist.describe(
        'Restoring the initialised runtime and function from the snapshot (its cache warm), instead of runtimeInit and functionInit.',
      ),
      firstRestores: optional(
        object({
          count: integer({ min: 1, max: 1e9 }).describe(
            "How many of the function's first restores come from a cold snapshot cache.",
          ),
          restore: dist.describe('A restore from the cold cache.'),
        }),
      ).describe(
        'The first restores are slower: the snapshot is paged in from slower tiers of its cache. Absent: all alike.',
      ),
    }),
  ).describe(
    'A snapshot of the initialised function (Lambda SnapStart, Firecracker snapshots): a cold start restores it in place of the runtime and function initialisation phases. Absent: none.',
  ),
  scaling: optional(scalingSchema),
  queueing: optional(queueingSchema),
  concurrencyPerInstance: withDefault(integer({ min: 1 }), 1),
  maxConcurrency: withDefault(countOrUnlimited('maxConcurrency'), Infinity).describe(
    'Calls of one function at once at most (idle instances do not count); beyond it calls are throttled or queued.',
  ),
  onLimit: withDefault(enumOf(['throttle', 'queue'] as const), 'throttle').describe(
    'At the limit: refuse the call (like HTTP 429) or queue it.',
  ),
  maxQueueWait: withDefault(durationOrForever('maxQueueWait'), Infinity).describe(
    'A queued call waiting longer than this is throttled.',
  ),
  limitScope: withDefault(enumOf(['function', 'account'] as const), 'function').describe(
    'function: maxConcurrency and burst apply to each function; account: to all the functions on this platform together (as Lambda counts them per account)',
  ),
  coldStartBinding: withDefault(enumOf(['early', 'late'] as const), 'early').describe(
    'early: a call that starts an instance waits for that instance (as on Lambda); late: it takes whichever instance frees or becomes ready first (a shared queue), so a start may serve no one',
  ),
  burst: optional(
    object({
      initial: integer({ min: 1 }).describe('Instances that may start at once.'),
      perSecond: number({ exclusiveMin: 0 }).describe('Further starts per second after that.'),
      whenEmpty: withDefault(enumOf(['wait', 'throttle'] as const), 'wait').describe(
        'A call that needs a new instance when the bucket is empty: wait for the next token (the start is paced), or be throttled (HTTP 429, as on Lambda).',
      ),
    }),
  ).describe('Paces new instances (a token bucket). Absent: no limit.'),
  provisioned: withDefault(integer({ min: 0 }), 0).describe(
    'Always-warm instances per function, never reclaimed.',
  ),
  cluster: optional(
    object({
      hosts: integer({ min: 1 }),
      slotsPerHost: integer({ min: 1 }),
      evictIdle: withDefault(boolean(), true).describe(
        'A new instance in a full cluster evicts the instance idle longest, as a FaaS invoker evicts idle containers (true), or waits until a slot frees, as a pending Kubernetes pod does (false).',
      ),
      meanTimeBetweenFailures: optional(duration({ allowZero: false })).describe(
        'Each host fails after an exponential time of this mean, taking down every instance on it with the calls they serve; it is replaced at once. Absent: hosts never fail.',
      ),
    }),
  ).describe(
    'Finite capacity shared by the functions on this platform: when it is full, a new instance evicts an idle one (see evictIdle) or waits for a slot. Absent: unlimited.',
  ),
  processorSharing: optional(
    object({
      cpuBoundShare: number({ exclusiveMin: 0, max: 1 }).describe(
        "The share of a call's execution time that is CPU-bound (1: all of it); the rest (waiting on I/O, the network) takes its own time however many calls run.",
      ),
      cores: withDefault(number({ exclusiveMin: 0, max: 1024 }), 1).describe(
        'vCPUs of one instance: up to this many calls run their CPU-bound part at full speed.',
      ),
    }),
  ).describe(
    'Calls on one instance share its CPU (processor sharing): with n calls in their CPU-bound part on c cores, each runs it at min(1, c / n) of full speed, so a concurrency above 1 is not free. Absent: each call runs as if alone (as before).',
  ),
  price: withDefault(
    object({
      // Bounded so that a run's cost stays a finite number (1e308 made it Infinity, written
      // as null): $1e6 a million requests or a GB-second is a million times any real price.
      perMillionRequests: number({ min: 0, max: MAX_PRICE }),
      perGBSecond: number({ min: 0, max: MAX_PRICE }),
      perVcpuSecond: withDefault(number({ min: 0, max: MAX_PRICE }), 0).describe(
        'A CPU price on top of memory, per vCPU-second billed (Google Cloud Functions 1st gen bills GHz-seconds: 1 vCPU = 2.4 GHz)',
      ),
    }),
    { perMillionRequests: 0, perGBSecond: 0, perVcpuSecond: 0 },
  ).describe('Prices in USD, for the cost estimate.'),
  billing: withDefault(billingSchema, EXACT_BILLING),
  memory: optional(memorySchema),
});

/** A model names its front end once: by its name, or by the old one. */
export const platformModelSchema = refine(platformModelFields, (m) =>
  m.frontEnd !== undefined && m.scheduler !== undefined
    ? {
        path: 'scheduler',
        reason: 'is the old name of frontEnd: give one of them, not both',
      }
    : true,
);

export type PlatformModel = Infer<typeof platformModelSchema>;

const ZERO = constant(0);

export function toPlatformConfig(m: PlatformModel): PlatformConfig {
  // runtimeInit and functionInit run code: they are the CPU-bound phases, which scale with
  // the CPU a memory size gets (see FunctionConfig.coldStart).
  const all = [
    [m.coldStart.placement, false],
    [m.coldStart.sandbox, false],
    [m.coldStart.codeLoad, false],
    [m.coldStart.runtimeInit, true],
    [m.coldStart.functionInit, true],
  ] as const;
  const present = all.filter(([p]) => p !== undefined);
  const phases = present.map(([p]) => fromSpec(p!));
  return {
    name: m.name,
    gateway: m.gateway ? fromSpec(m.gateway) : null,
    network: fromSpec(m.network),
    frontEnd: (m.frontEnd ?? m.scheduler) ? fromSpec((m.frontEnd ?? m.scheduler)!) : ZERO,
    routing: m.routing,
    coldStart: phases.length > 0 ? phases : [ZERO],
    coldStartCpuBound: phases.length > 0 ? present.map(([, cpu]) => cpu) : [false],
    keepAlive: m.keepAlive === null ? null : fromSpec(m.keepAlive),
    ...(m.snapshot
      ? {
          snapshot: {
            restore: fromSpec(m.snapshot.restore),
            firstRestores: m.snapshot.firstRestores
              ? {
                  count: m.snapshot.firstRestores.count,
                  restore: fromSpec(m.snapshot.firstRestores.restore),
                }
              : null,
          },
        }
      : {}),
    ...(m.keepAlivePolicy ? { keepAlivePolicy: keepAlivePolicyConfig(m.keepAlivePolicy) } : {}),
    ...(m.scaling ? { scaling: scalingConfig(m.scaling) } : {}),
    ...(m.queueing ? { queueing: m.queueing } : {}),
    concurrencyPerInstance: m.concurrencyPerInstance,
    maxConcurrency: m.maxConcurrency,
    onLimit: m.onLimit,
    maxQueueWait: m.maxQueueWait,
    burst: m.burst ?? null,
    binding: m.coldStartBinding,
    limitScope: m.limitScope,
    provisioned: m.provisioned,
    cluster: m.cluster ?? null,
    processorSharing: m.processorSharing ?? null,
    price: m.price,
    billing: m.billing,
    memory: m.memory ?? null,
  };
}

function keepAlivePolicyConfig(spec: KeepAlivePolicySpec): KeepAlivePolicyConfig {
  if (spec.policy === 'fixed') return { policy: 'fixed' };
  const { fallback, ...rest } = spec;
  return { ...rest, fallback: fallback ?? spec.range };
}

function scalingConfig(spec: ScalingSpec): ScalingConfig {
  if (spec.policy === 'onDemand') return { policy: 'onDemand' };
  const { panicWindow, ...rest } = spec;
  // Knative: 10 % of the stable window, rounded to a whole second, at least 1 s.
  const derived = Math.max(1000, Math.round(spec.stableWindow / 10_000) * 1000);
  return { ...rest, panicWindow: panicWindow ?? derived };
}
