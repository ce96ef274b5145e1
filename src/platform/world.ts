import type { Simulation } from '../engine/index.ts';
import { Constant } from '../random/distributions/constant.ts';
import type { Rng } from '../random/rng.ts';
import { createStream } from '../random/streams.ts';
import { Cluster } from './cluster.ts';
import { phasedColdStart, snapshotRestore } from './coldStart/index.ts';
import {
  accountInstanceLimit,
  type ClientConfig,
  type FunctionConfig,
  instanceConcurrency,
  instanceLimit,
  type PlatformConfig,
} from './config.ts';
import { FunctionRuntime, type PlatformRuntime } from './functionRuntime.ts';
import { Hop, NO_HOP } from './hop.ts';
import { type CallSink, Invoker } from './invoker.ts';
import { fixedKeepAlive, HybridHistogram, keepForever } from './keepAlive/index.ts';
import { LimitGroup } from './limitGroup.ts';
import { OwnHops } from './ownHops.ts';
import { Pool, type PoolPolicies } from './pool.ts';
import { NULL_POOL_OBSERVER, type ObservedPool } from './poolObserver.ts';
import { FifoQueue, InstanceQueues } from './queueing/index.ts';
import { ROUTING_POLICIES } from './routing/index.ts';
import { bind } from './sampler.ts';
import { KpaScaling, onDemandScaling } from './scaling/index.ts';
import { SharedWatch } from './sharedWatch.ts';
import { TokenBucket } from './tokenBucket.ts';

export interface WorldOptions {
  client: ClientConfig;
  functions: FunctionConfig[];
  seed: number | string;
  sink: CallSink;
  /** Where each pool tells its levels, e.g. for instances over time. */
  observe?: (fn: FunctionRuntime) => ObservedPool;
  /** Reuse ended calls (see Invoker): only for a sink that keeps no calls. */
  reuseCalls?: boolean;
  /** Calls of every kind live at once at most (memory); above it `tooManyCalls` throws. */
  maxCallsInFlight?: number;
  tooManyCalls?: (live: number) => void;
  /**
   * Functions whose calls draw every hop (the client's internet hop, the platform's gateway,
   * network and front end) from a stream of their own, "fn:<name>/hops", instead of the
   * client's and the platform's streams shared by all functions: a function's calls are then
   * the same whether it runs alone or among others (a region split by function, see
   * docs/scale.md). The functions of a population or of a trace replayed function by function;
   * a graph's functions keep the shared streams (the numbers they have always drawn).
   */
  ownStreams?: ReadonlySet<string>;
  /** Replaces some of a function's policies (tests put the null variants here). */
  policies?: (fn: FunctionRuntime) => Partial<PoolPolicies>;
  /**
   * Watches what each platform's functions share, by platform name: its account-wide limit and
   * burst, its cluster (a SharedWatch of `cellMs` cells each, put in `watches`): a part of a
   * replication run in blocks on the condition that none of them runs short
   * (experiments/sharedCheck.ts).
   */
  watchShared?: { cellMs: number; watches: Map<string, SharedWatch> };
}

export interface World {
  invoker: Invoker;
  functions: Map<string, FunctionRuntime>;
}

/**
 * The one place where the platform is wired: each component gets its clock,
 * its own named random stream and its policies here.
 *
 * Streams are named after the component and purpose (e.g. "fn:api/execution")
 * so that changing one function's platform leaves the numbers every other
 * stream draws, and the arrivals, unchanged: common random numbers.
 */
export function buildWorld(sim: Simulation, options: WorldOptions): World {
  const steps = buildWorldSteps(sim, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Functions wired between two yields of buildWorldSteps: a few tens of milliseconds even on
 * a loaded machine (each costs some 100 us, most of it seeding its streams).
 */
export const BUILD_CHUNK = 500;

/** A pool no one observes. */
const UNOBSERVED: ObservedPool = { observer: NULL_POOL_OBSERVER, at: 0 };

/**
 * buildWorld as steps: it yields after every BUILD_CHUNK functions, so that a caller can let
 * the event loop see Ctrl-C while a graph of tens of thousands of functions is wired (60,000
 * took several seconds in one piece). The world is the same however it is stepped.
 */
export function* buildWorldSteps(sim: Simulation, options: WorldOptions): Generator<void, World> {
  const { seed } = options;
  const stream = (name: string): Rng => createStream(seed, name);
  const client = options.client;
  const internet =
    client.internet === null
      ? NO_HOP
      : new Hop(
          client.internet,
          stream(`client:${client.name}/internet`),
          client.lossProbability,
          client.retransmitTimeout,
        );
  const invoker = new Invoker(
    sim,
    options.sink,
    options.reuseCalls ?? false,
    options.maxCallsInFlight,
    options.tooManyCalls,
  );
  const platforms = new Map<
    PlatformConfig,
    {
      runtime: PlatformRuntime;
      cluster: Cluster | null;
      account: { limits: LimitGroup; burst: TokenBucket | null } | null;
    }
  >();
  const platformOf = (p: PlatformConfig) => {
    let entry = platforms.get(p);
    if (!entry) {
      const prefix = `platform:${p.name}`;
      entry = {
        runtime: {
          name: p.name,
          gateway: p.gateway ? new Hop(p.gateway, stream(`${prefix}/gateway`)) : NO_HOP,
          network: new Hop(p.network, stream(`${prefix}/network`)),
          // The stream keeps the stage's old name: the same seed draws the same times.
          frontEnd: new Hop(p.frontEnd, stream(`${prefix}/scheduler`)),
        },
        cluster: p.cluster
          ? new Cluster(
              p.cluster.hosts * p.cluster.slotsPerHost,
              p.cluster.evictIdle,
              p.cluster.hosts,
              p.cluster.meanTimeBetweenFailures === undefined
                ? null
                : {
                    sim,
                    meanTimeBetween: p.cluster.meanTimeBetweenFailures,
                    rng: stream(`${prefix}/hostFailure`),
                  },
            )
          : null,
        // Account-wide limits: one group and one token bucket for all the platform's functions.
        account:
          p.limitScope === 'account'
            ? {
                limits: new LimitGroup(p.maxConcurrency, accountInstanceLimit(p)),
                burst: p.burst ? new TokenBucket(p.burst.initial, p.burst.perSecond / 1000) : null,
              }
            : null,
      };
      if ((entry.account !== null || entry.cluster !== null) && options.watchShared) {
        const watch = new SharedWatch(options.watchShared.cellMs, sim);
        options.watchShared.watches.set(p.name, watch);
        if (entry.account !== null) {
          entry.account.limits.watch = watch;
          if (entry.account.burst !== null) entry.account.burst.watch = watch;
        }
        if (entry.cluster !== null) entry.cluster.watch = watch;
      }
      platforms.set(p, entry);
    }
    return entry;
  };
  const functions = new Map<string, FunctionRuntime>();
  let wired = 0;
  for (const f of options.functions) {
    if (++wired % BUILD_CHUNK === 0) yield;
    const p = f.platform;
    const { runtime, cluster, account } = platformOf(p);
    const prefix = `fn:${f.name}`;
    // One stream for all of a call's hops: a call draws them in a fixed order (Invoker.invoke).
    const hops = options.ownStreams?.has(f.name) ? stream(`${prefix}/hops`) : null;
    const fn = new FunctionRuntime(
      f.name,
      hops === null
        ? runtime
        : {
            name: p.name,
            gateway: p.gateway ? new Hop(p.gateway, hops) : NO_HOP,
            network: new Hop(p.network, hops),
            frontEnd: new Hop(p.frontEnd, hops),
          },
      f.execution,
      stream(`${prefix}/execution`),
      f.timeout,
      f.memoryMB,
      p.billing,
    );
    fn.index = functions.size;
    fn.internet =
      hops === null || client.internet === null
        ? internet
        : new Hop(client.internet, hops, client.lossProbability, client.retransmitTimeout);
    if (hops !== null) {
      // What the Hops above draw, from one object (the invoker's hot path; see OwnHops).
      fn.ownHops = new OwnHops(
        hops,
        client.internet,
        client.internet !== null && client.lossProbability > 0,
        client.lossProbability,
        client.retransmitTimeout,
        p.gateway ?? null,
        p.network,
        p.frontEnd,
      );
    }
    // Read by the pool as it is made (whether its instances list their calls).
    if ((f.crashProbability ?? 0) > 0) {
      fn.crashProbability = f.crashProbability!;
      fn.crashRng = stream(`${prefix}/crash`);
    }
    // An instance never serves more calls than the function may have at once.
    const conc = instanceConcurrency(p);
    // One stream routes both to instances with room and, per instance, to queues.
    const routingRng = stream(`${prefix}/routing`);
    const observed = options.observe ? options.observe(fn) : UNOBSERVED;
    fn.pool = new Pool(
      sim,
      fn,
      {
        concurrencyPerInstance: conc,
        limits: account?.limits ?? new LimitGroup(p.maxConcurrency, instanceLimit(p)),
        onLimit: p.onLimit,
        maxQueueWait: p.maxQueueWait,
        provisioned: p.provisioned,
        keepAlive:
          p.keepAlivePolicy?.policy === 'hybrid'
            ? // One histogram per function: each learns its own idle times.
              new HybridHistogram(p.keepAlivePolicy)
            : p.keepAlive
              ? fixedKeepAlive(
                  bind(p.keepAlive, stream(`${prefix}/keepAlive`)),
                  p.keepAlive instanceof Constant ? p.keepAlive.value : undefined,
                )
              : keepForever,
        coldStart: p.snapshot
          ? snapshotRestore(
              (f.coldStart ?? p.coldStart).filter((_, i) => !p.coldStartCpuBound[i]),
              p.snapshot,
              stream(`${prefix}/coldStart`),
            )
          : phasedColdStart(f.coldStart ?? p.coldStart, stream(`${prefix}/coldStart`)),
        // A KPA per function: each keeps its own window of concurrency.
        // A hard limit per instance below the target is the target (Knative: containerConcurrency).
        scaling:
          p.scaling?.policy === 'kpa'
            ? new KpaScaling({ ...p.scaling, target: Math.min(p.scaling.target, conc) })
            : onDemandScaling,
        queue:
          p.queueing?.policy === 'perInstance'
            ? new InstanceQueues(p.queueing.pick, conc, routingRng)
            : new FifoQueue(),
        routing: ROUTING_POLICIES[p.routing],
        routingRng,
        burst: account
          ? account.burst
          : p.burst
            ? new TokenBucket(p.burst.initial, p.burst.perSecond / 1000)
            : null,
        burstWhenEmpty: p.burst?.whenEmpty ?? 'wait',
        cluster,
        processorSharing: p.processorSharing,
        binding: p.binding,
        ...options.policies?.(fn),
      },
      invoker,
      observed.observer,
      observed.at,
    );
    functions.set(f.name, fn);
  }
  return { invoker, functions };
}
