import type { Distribution } from '../random/distribution.ts';
import type { SnapshotRestoreConfig } from './coldStart/snapshotRestore.ts';
import type { HybridHistogramSettings } from './keepAlive/hybridHistogram.ts';
import type { Billing, MemoryModel } from './memory.ts';
import type { InstancePick } from './queueing/instanceQueues.ts';
import type { RoutingName } from './routing/index.ts';
import type { KpaSettings } from './scaling/kpaScaling.ts';

/**
 * A platform, resolved: the stages of docs/DESIGN.md ("The domain in one picture") with their
 * distributions built. All times in milliseconds.
 */
export interface PlatformConfig {
  name: string;
  /** One way through an HTTPS front door, sampled per direction; null: none. */
  gateway: Distribution | null;
  /** One way across the cloud network, sampled per direction. */
  network: Distribution;
  /**
   * The platform's own overhead, once per call: its front end (authentication, limits, the
   * invoke API) and routing the call to an instance (models' `frontEnd`, once `scheduler`).
   */
  frontEnd: Distribution;
  routing: RoutingName;
  /** The phases of a cold start, summed; each may be a constant 0. */
  coldStart: Distribution[];
  /** Which of those phases run code (runtime and function init): they scale with CPU. */
  coldStartCpuBound: boolean[];
  /**
   * A snapshot of the initialised function (SnapStart): its restore replaces the phases that
   * run code (coldStartCpuBound); absent: none.
   */
  snapshot?: SnapshotRestoreConfig;
  /** Idle time before reclaim; null keeps idle instances forever. */
  keepAlive: Distribution | null;
  /** How idle instances are kept: the fixed `keepAlive` (absent) or learnt per function. */
  keepAlivePolicy?: KeepAlivePolicyConfig;
  /** When instances start: one per call that finds none free (absent) or Knative's KPA. */
  scaling?: ScalingConfig;
  /** Where calls wait: one queue per function at the front end (absent) or per instance. */
  queueing?: QueueingConfig;
  concurrencyPerInstance: number;
  /** Calls at once at most (instances x concurrency); Infinity: no limit. */
  maxConcurrency: number;
  onLimit: 'throttle' | 'queue';
  maxQueueWait: number;
  /** Instance starts: `initial` at once, then `perSecond`; null: unpaced. */
  /** whenEmpty: a call that needs a start when no token is left waits for one, or is throttled. */
  burst: { initial: number; perSecond: number; whenEmpty: 'wait' | 'throttle' } | null;
  /** Always-warm instances per function. */
  provisioned: number;
  /** Whether maxConcurrency and burst apply to each function or to all of the platform's together. */
  limitScope: 'function' | 'account';
  /** early: a call waits for the instance it started; late: for any that frees first. */
  binding: 'early' | 'late';
  /** Finite capacity for all the platform's functions; null: unlimited. */
  cluster: {
    hosts: number;
    slotsPerHost: number;
    evictIdle: boolean;
    /** Mean time between failures of one host, ms (absent: hosts never fail). */
    meanTimeBetweenFailures?: number;
  } | null;
  /**
   * Calls on one instance share its CPU: the CPU-bound share of each call's execution runs
   * at min(1, cores / calls in their CPU-bound part) of full speed; null: each call runs as
   * if alone (the default, as before).
   */
  processorSharing: { cpuBoundShare: number; cores: number } | null;
  /** Prices for the cost estimate. */
  price: { perMillionRequests: number; perGBSecond: number; perVcpuSecond?: number };
  /** How a call's duration and memory are rounded for the bill. */
  billing: Billing;
  /** The sizes offered and the CPU each gets; null: any size, CPU not modelled. */
  memory: MemoryModel | null;
}

/** Where calls come from: the internet hop, one way, per direction. */
export interface ClientConfig {
  name: string;
  /** null: a caller inside the cloud (no internet hop). */
  internet: Distribution | null;
  lossProbability: number;
  retransmitTimeout: number;
}

export interface FunctionConfig {
  name: string;
  platform: PlatformConfig;
  execution: Distribution;
  /** Infinity: none. */
  timeout: number;
  memoryMB: number;
  /**
   * The cold-start phases for this function, where they differ from the platform's (CPU-bound
   * phases scaled to its memory size); absent: the platform's.
   */
  coldStart?: Distribution[];
  /** Probability that a call crashes its instance (absent: 0). */
  crashProbability?: number;
  /** vCPU the function gets (for a per-vCPU-second price); 0 where the platform gives none. */
  vcpu?: number;
}

/** Calls one instance of the platform serves at once: never more than the whole limit. */
export function instanceConcurrency(p: PlatformConfig): number {
  return Math.min(p.concurrencyPerInstance, p.maxConcurrency);
}

/**
 * Instances one function may have: enough for every call the concurrency
 * limit allows (the limit itself is on calls, checked by the pool).
 */
export function instanceLimit(p: PlatformConfig): number {
  return p.maxConcurrency === Infinity
    ? Infinity
    : Math.ceil(p.maxConcurrency / instanceConcurrency(p));
}

/**
 * Instances all of an account's functions may have in use (limitScope "account"): one per call the
 * limit allows. Not instanceLimit's packed count: an instance serves one function only, so the
 * instances of many functions cannot share their calls (with 100 calls an instance, a limit of
 * 500 calls had allowed 5 instances in use for all the account's functions together).
 */
export function accountInstanceLimit(p: PlatformConfig): number {
  return p.maxConcurrency;
}

/** A platform's keep-alive policy: the fixed window of `keepAlive`, or the hybrid histogram. */
export type KeepAlivePolicyConfig =
  | { policy: 'fixed' }
  | ({ policy: 'hybrid' } & HybridHistogramSettings);

/**
 * A platform's queueing: one FIFO per function at the front end, served by whichever instance
 * frees first (perFunction), or a queue per instance that a call joins when it is routed
 * there on arrival (perInstance, as Knative's queue-proxy; see queueing/instanceQueues.ts).
 */
export type QueueingConfig =
  | { policy: 'perFunction' }
  | { policy: 'perInstance'; pick: InstancePick };

/** A platform's scaling policy: on demand (Lambda), or Knative's windowed autoscaler. */
export type ScalingConfig = { policy: 'onDemand' } | ({ policy: 'kpa' } & KpaSettings);
