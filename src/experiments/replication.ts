import { Simulation, type StopReason } from '../engine/index.ts';
import { Histogram } from '../metrics/histogram.ts';
import type { Call } from '../platform/call.ts';
import type { FunctionRuntime } from '../platform/functionRuntime.ts';
import type { CallSink } from '../platform/invoker.ts';
import { billedMemoryMB } from '../platform/memory.ts';
import type { SharedWatch } from '../platform/sharedWatch.ts';
import { BUILD_CHUNK, buildWorldSteps } from '../platform/world.ts';
import { createStream } from '../random/streams.ts';
import { Caller, type RequestSink, TAG_RETRY } from '../workload/client/caller.ts';
import { GraphBody } from '../workload/graph/graphBody.ts';
import { driveWorkload } from './driveWorkload.ts';
import { FunctionRecorder } from './perFunction.ts';
import { Recorder, type ReplicationData, TAG_ROOT } from './recorder.ts';
import {
  type BlockData,
  combineBlocks,
  LevelGrid,
  mergeParts,
  type PartData,
  partData,
  splitPlan,
} from './regionSplit.ts';
import type { ResolvedPoint } from './resolve.ts';
import { RunLimitError } from './runLimitError.ts';
import { type SharedWatchPlan, sharedBound } from './sharedCheck.ts';

export interface ReplicationOptions {
  /** Reuse ended calls (default true; false only to test that reuse changes nothing). */
  reuseCalls?: boolean;
  /**
   * Told when a region whose functions share an account-wide limit or a cluster runs again with
   * all its blocks in one simulation: a run says so once it is done.
   */
  onRunAgain?: () => void;
}

// Re-exported: callers of the run find it here, where it is thrown.
export { RunLimitError };

// Events run between checks of the stop flag and the limits. The chunk adapts so that each
// takes about CHUNK_MS of wall time: a stream of cheap events runs in large chunks (the
// check then costs nothing), costly events (a huge fan-out, a deep chain) in small ones, so
// that a caller stepping the run sees Ctrl-C within a fraction of a second either way, not
// after a fixed count of events that may take seconds. Chunk sizes do not change results.
// The first chunk is small: events that each cost a millisecond (a call among tens of
// thousands of functions) made a first chunk of 10,000 take ten seconds before any check.
const FIRST_CHUNK = 1_000;
const MIN_CHUNK = 100;
const MAX_CHUNK = 1_000_000;
const CHUNK_MS = 50;

/**
 * One replication of one sweep point: builds the world from the resolved
 * models with this replication's seed, drives it, and returns what the
 * recorder measured.
 *
 * Streams are named by purpose, so the same replication seed gives every
 * sweep point the same arrivals (common random numbers).
 */
export function runReplication(
  point: ResolvedPoint,
  seed: string,
  options: ReplicationOptions = {},
): ReplicationData {
  const steps = replicationSteps(point, seed, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same run, as steps: it yields after every chunk of events so that an
 * asynchronous caller can let the event loop breathe (and see Ctrl-C).
 *
 * A region whose functions nothing couples is recorded block by block and the blocks combined
 * (regionSplit.ts): the same path, and the same bytes, as when its blocks run in parts.
 */
export function* replicationSteps(
  point: ResolvedPoint,
  seed: string,
  options: ReplicationOptions = {},
): Generator<void, ReplicationData, void> {
  const plan = splitPlan(point);
  if (plan.kind === 'whole') {
    const part = yield* partSteps(point, seed, [point.functions.map((f) => f.name)], [0], options);
    return part.data;
  }
  const all = plan.blocks.map((_, b) => b);
  const part = yield* partSteps(point, seed, plan.blocks, all, options, plan.watch);
  // Sharing an account-wide limit or a cluster: all the blocks in one simulation where their
  // counts show it may have run short (sharedCheck.ts; partSteps stopped at that block).
  if (plan.watch !== undefined && sharedBound(plan.watch, part.watches!) !== null) {
    options.onRunAgain?.();
    return yield* togetherSteps(point, seed, plan.blocks, options);
  }
  return combineBlocks([part], plan.blocks.length, point.duration);
}

/**
 * All the blocks of a plan in one simulation, combined: what a replication of a region under an
 * account-wide limit or a cluster gives where they may run short (and, where they cannot, the
 * same bytes as its blocks run apart).
 */
export function* togetherSteps(
  point: ResolvedPoint,
  seed: string,
  blocks: string[][],
  options: ReplicationOptions = {},
): Generator<void, ReplicationData, void> {
  const all = blocks.map((_, b) => b);
  const part = yield* simulationSteps(point, seed, blocks, all, options);
  return combineBlocks([part], blocks.length, point.duration);
}

/**
 * Runs the blocks `run` of `blocks` (functions by name; block 0 holds the graph's functions):
 * with one block of every function (a point that is not split), the replication itself in one
 * simulation, its numbers the part's data; with blocks of a split plan, each block in a
 * simulation of its own, one after the other, their parts merged (mergeParts: the part's
 * integers and each block's sums as combineBlocks adds them).
 *
 * One simulation per block because a call's cost is mostly its function's state out of cache
 * (docs/scale.md, "What a call costs"): a simulation of 256 functions keeps its pools, streams
 * and recorders' rows in a few MB, one of 5,000 (half a region of 10,000 on each of two
 * threads) in some 100 MB. Measured on a region of 10,000 functions over 2 simulated hours on 2
 * threads: 27-33 s of CPU against 51-54 s with all of a thread's blocks in one simulation. The
 * bytes are the same either way: the blocks' sums do not depend on how they are grouped.
 *
 * With a `watch`, it stops after the first block whose counts, added to the ones before, show
 * that what the blocks share may have run short (the sums only grow): the part is then
 * incomplete, and the replication runs whole instead (replicationSteps).
 */
export function* partSteps(
  point: ResolvedPoint,
  seed: string,
  blocks: string[][],
  run: number[],
  options: ReplicationOptions = {},
  watch?: SharedWatchPlan,
): Generator<void, PartData, void> {
  if (blocks.length === 1 || run.length === 1) {
    return yield* simulationSteps(point, seed, blocks, run, options, watch);
  }
  // Merged as they come: one part's integers (its histograms) held at a time, not one per block.
  let merged: PartData | null = null;
  for (const b of run) {
    const part = yield* simulationSteps(point, seed, blocks, [b], options, watch);
    merged = merged === null ? part : mergeParts([merged, part], point.duration);
    if (watch !== undefined && sharedBound(watch, merged.watches!) !== null) break;
  }
  return merged!;
}

/**
 * Runs the blocks `run` of `blocks` in one simulation, with one recorder that keeps each block's
 * floating-point sums apart (Recorder). partSteps runs a split plan's blocks one to a
 * simulation; tests run several in one to check that the grouping changes no byte. With a
 * `watch`, the part says what its share of each shared limit and cluster reached
 * (PartData.watches).
 */
export function* simulationSteps(
  point: ResolvedPoint,
  seed: string,
  blocks: string[][],
  run: number[],
  options: ReplicationOptions = {},
  watch?: SharedWatchPlan,
): Generator<void, PartData, void> {
  const sim = new Simulation();
  const whole = blocks.length === 1;
  // Each function's place among the blocks run here.
  const localBlock = new Map<string, number>();
  run.forEach((b, k) => {
    for (const name of blocks[b]) localBlock.set(name, k);
  });
  const withGraph = run.includes(0);
  const sub: ResolvedPoint =
    localBlock.size === point.functions.length
      ? point
      : {
          ...point,
          functions: point.functions.filter((f) => localBlock.has(f.name)),
          // Sources keep their places (their streams are named by them); the entry function's
          // sources and warmers go with block 0.
          sources: point.sources.map((s) =>
            s.functions
              ? { ...s, functions: s.functions.filter((r) => localBlock.has(r.name)) }
              : withGraph
                ? s
                : { ...s, functions: [] },
          ),
          warmers: withGraph ? point.warmers : null,
        };
  const recorder = new Recorder(
    point.warmup,
    point.duration,
    point.graph.entry,
    point.timelineWindow,
    run.length,
  );
  // A split plan reads instances alive at fixed instants, all the part's blocks together
  // (LevelGrid: integers, added across parts exactly).
  const grid = whole ? null : new LevelGrid(point.warmup, point.duration);
  recorder.aliveSampler = grid;
  // With a caller's policy, root calls end at the caller, which reports its requests to the
  // recorder; it is made once the invoker exists (a caller keeps a region whole: one block).
  let caller: Caller | null = null;
  // Workloads of many functions are also recorded function by function (perFunction.ts): one
  // table for the part, its rows block after block in `run` order, cut into the blocks' tables.
  const regionNames = new Set(point.sources.flatMap((s) => s.functions?.map((f) => f.name) ?? []));
  const rowsOf = run.map((b) => blocks[b].filter((n) => regionNames.has(n)));
  const rowFrom: number[] = [];
  let rows = 0;
  for (const names of rowsOf) {
    rowFrom.push(rows);
    rows += names.length;
  }
  const perFunction =
    rows > 0 ? new FunctionRecorder(rowsOf.flat(), point.warmup, point.duration) : null;
  recorder.perFunction = perFunction;
  const sink: CallSink =
    point.caller === null
      ? // The recorder feeds the per-function table itself (Recorder.ended).
        recorder
      : // Warmers' pings and fire-and-forget calls still end at the recorder.
        {
          ended: (call) => {
            if (call.tag === TAG_ROOT || call.tag === TAG_RETRY) {
              perFunction?.ended(call);
              caller!.ended(call);
            } else {
              recorder.ended(call);
            }
          },
        };
  const watches = watch === undefined ? null : new Map<string, SharedWatch>();
  const world = yield* buildWorldSteps(sim, {
    client: point.client,
    functions: sub.functions,
    seed,
    sink,
    observe: (fn) => recorder.observer(fn, localBlock.get(fn.name)!),
    // The functions of a population or trace draw their hops from their own streams.
    ownStreams: regionNames,
    ...(watches === null ? {} : { watchShared: { cellMs: watch!.cellMs, watches } }),
    // The recorder reads each call as it ends and keeps none; a caller keeps its attempts.
    reuseCalls: point.caller === null && (options.reuseCalls ?? true),
    maxCallsInFlight: point.limits.maxCallsInFlight,
    tooManyCalls: () => {
      throw new RunLimitError(tooManyCallsMessage(point.limits.maxCallsInFlight, sim.now));
    },
  });
  const { invoker, functions } = world;
  let bodies = 0;
  for (const [name, steps] of Object.entries(point.graph.steps)) {
    if (steps.length === 0) continue;
    // Each body seeds a stream: yield as the world build does (a graph of 60,000 functions).
    if (++bodies % BUILD_CHUNK === 0) yield;
    functions.get(name)!.body = new GraphBody(
      steps,
      invoker,
      functions,
      createStream(seed, `graph:${name}`),
      // Used only where a step's calls have a caller's policy (the stream is made then).
      {
        sim,
        backoffRng: () => createStream(seed, `graph:${name}/backoff`),
        samples: () => new Histogram(),
      },
    );
  }
  const maxInFlight = point.limits.maxInFlight;
  const sent = (call: Call): void => {
    recorder.sent(call);
    if (recorder.inFlight > maxInFlight) tooManyRoots(maxInFlight, sim.now);
  };
  if (point.caller !== null) {
    const requests: RequestSink = {
      opened: () => recorder.opened(),
      sent,
      attemptEnded: (call, start, extra) => recorder.attemptEnded(call, start, extra),
      requestEnded: (call, start, end, outcome, attempts, hedges) =>
        recorder.requestEnded(call, start, end, outcome, attempts, hedges),
    };
    const entry = functions.get(point.graph.entry)!;
    const external = point.client.internet !== null;
    caller = new Caller(
      sim,
      invoker,
      entry,
      external,
      point.caller,
      requests,
      TAG_ROOT,
      createStream(seed, 'caller:failure'),
      createStream(seed, 'caller:backoff'),
      point.caller.hedgePercentile === null ? null : new Histogram(),
    );
  }
  driveWorkload(sim, sub, seed, world, sent, caller);

  const pools = [...functions.values()].map((f) => f.pool);
  if (point.warmup > 0) {
    sim.scheduleAt(
      point.warmup,
      () => {
        recorder.startWindow(sim.now);
        for (const f of functions.values()) resetCounters(f, sim.now);
        for (const p of pools) {
          p.coldStarts = 0;
          p.crashes = 0;
          if (p.options.cluster !== null) p.options.cluster.hostFailures = 0;
        }
        invoker.crashedCalls = 0;
      },
      null,
    );
  }

  // The run: arrivals until `duration`; then, with calls still in flight, the
  // drain, until the last of them answers or the drain limit is reached.
  // A call is recorded by its start, so ending the run at `duration` would
  // leave out the longest calls and bias every percentile low.
  const chunks = { size: FIRST_CHUNK };
  yield* runUntil(sim, point.duration, point.limits.maxEvents, chunks);
  let drained = point.duration;
  if (recorder.inFlight > 0 && point.limits.drain > 0) {
    recorder.onDrained = () => sim.stop();
    const limit = point.duration + point.limits.drain;
    const reason = yield* runUntil(sim, limit, point.limits.maxEvents, chunks);
    recorder.onDrained = null;
    // Stopped: the last call answered now. Otherwise the limit cut the drain
    // short, or nothing was left to happen (calls stuck for good).
    drained = reason === 'stopped' ? Math.max(sim.now, recorder.lastEnd) : limit;
  }

  // By name through a map: a find per function was quadratic, 40 s of one uninterruptible
  // step for a graph of 60,000 functions.
  const configOf = new Map(point.functions.map((c) => [c.name, c]));
  const byBlock: FunctionRuntime[][] = run.map(() => []);
  for (const f of functions.values()) byBlock[localBlock.get(f.name)!].push(f);
  const rec = recorder;
  // Each block's cost: floating-point sums over its functions, in their order.
  const costOf = (k: number) => {
    let requests = 0;
    let gbSeconds = 0;
    let usd = 0;
    let warmerUsd = 0;
    let extraUsd = 0;
    for (const f of byBlock[k]) {
      const config = configOf.get(f.name)!;
      const { price, billing } = config.platform;
      // Billed memory is rounded as the platform rounds it (Azure: up to 128 MB); billed time was
      // rounded per call as the calls ended (FunctionRuntime.billStep).
      const gb = billedMemoryMB(f.memoryMB, billing) / 1024;
      // Seconds billed cost memory and, where the platform prices CPU too, the vCPU it gave.
      const perSecond = gb * price.perGBSecond + (config.vcpu ?? 0) * (price.perVcpuSecond ?? 0);
      // Billed per instance (Cloud Run): the instances' busy and starting time, once however
      // many calls shared it, pings' included; per call: each call's own time.
      const fnMs = f.billsInstances ? f.instanceBilledMs : f.billedMs;
      const pingMs = f.billsInstances ? 0 : f.pingBilledMs;
      requests += f.invocations + f.pings;
      gbSeconds += ((fnMs + pingMs) / 1000) * gb;
      usd += (f.invocations * price.perMillionRequests) / 1e6 + (fnMs / 1000) * perSecond;
      warmerUsd += (f.pings * price.perMillionRequests) / 1e6 + (pingMs / 1000) * perSecond;
      // A caller's retries and hedges, at the entry function's prices (the calls they make
      // further down, in a graph, are in usd but not here).
      if (point.caller !== null && f.name === point.graph.entry) {
        extraUsd =
          (rec.extraCalls * price.perMillionRequests) / 1e6 +
          (rec.extraBilledMs / 1000) * perSecond;
      }
    }
    return { requests, gbSeconds, usd: usd + warmerUsd, warmerUsd, extraUsd };
  };
  const costs = run.map((_, k) => costOf(k));
  const blockSums = run.map((b, k): BlockData => {
    const { mean, gbSeconds, idleGbSeconds } = rec.instances(point.duration, k);
    const c = costs[k];
    const from = rowFrom[k];
    const to = from + rowsOf[k].length;
    return {
      block: b,
      breakdown: rec.breakdownOf(k),
      mserSums: Array.from(rec.mserSumsOf(k)),
      instances: { mean, gbSeconds, idleGbSeconds },
      cost: { gbSeconds: c.gbSeconds, usd: c.usd, warmerUsd: c.warmerUsd },
      ...(perFunction !== null && to > from ? { functions: perFunction.table(from, to) } : {}),
    };
  });
  // The part's own numbers: what is integers, recorded once for all its blocks; the floating-
  // point sums are block 0's (a whole run: its only block), or left to combineBlocks (a split).
  const counts: ReplicationData = {
    endToEnd: rec.endToEnd,
    stages: rec.stages,
    breakdown: blockSums[0].breakdown,
    arrivals: rec.arrivals,
    completed: rec.completed,
    throttled: rec.throttled,
    timedOut: rec.timedOut,
    client:
      point.caller === null
        ? null
        : {
            clientTimedOut: rec.clientTimedOut,
            failed: rec.failed,
            requests: rec.requests,
            attempts: rec.attempts,
            hedges: rec.hedges,
            cancelled: rec.cancelled,
            extraCalls: rec.extraCalls,
            billedMs: rec.billedMs,
            extraBilledMs: rec.extraBilledMs,
            extraUsd: costs[0].extraUsd,
          },
    failures: modelsFailures(point)
      ? {
          crashed: rec.crashed,
          instanceCrashes: pools.reduce((n, p) => n + p.crashes, 0),
          hostFailures: [...new Set(pools.map((p) => p.options.cluster))].reduce(
            (n, c) => n + (c?.hostFailures ?? 0),
            0,
          ),
          callsLost: invoker.crashedCalls,
        }
      : null,
    coldRoots: rec.coldRoots,
    startWaitRoots: rec.startWaitRoots,
    hopsCold: rec.hopsCold,
    hops: rec.hops,
    coldStarts: pools.reduce((n, p) => n + p.coldStarts, 0),
    warmers: point.warmers ? { calls: rec.warmerCalls, cold: rec.warmerCold } : null,
    cost: {
      requests: costs.reduce((n, c) => n + c.requests, 0),
      gbSeconds: costs[0].gbSeconds,
      usd: costs[0].usd,
      warmerUsd: costs[0].warmerUsd,
    },
    instances: { ...rec.instances(point.duration, 0) },
    timeline: rec.series ? { series: rec.series.toJSON(point.duration), p99: rec.windowP99 } : null,
    events: sim.processed,
    drainMs: drained - point.duration,
    mserMs: rec.mserTruncation(),
    warmupMs: point.warmup,
    ...(blockSums[0].functions ? { functions: blockSums[0].functions } : {}),
  };
  const mserCounts = Array.from(rec.mserCounts);
  if (grid === null) return { blocks: blockSums, data: counts, mserCounts, levels: [] };
  const levels = Array.from(grid.finish());
  const part: PartData = {
    blocks: blockSums,
    data: partData(blockSums, counts, mserCounts, levels, point.duration),
    mserCounts,
    levels,
  };
  if (watches !== null) {
    part.watches = {};
    for (const [name, w] of watches) part.watches[name] = w.finish();
  }
  return part;
}

function tooManyRoots(max: number, now: number): never {
  throw new RunLimitError(
    `more than ${max} root calls in flight at ${now.toFixed(0)} ms: the platform cannot keep up with the workload (raise limits.maxInFlight to go on)`,
  );
}

/** Bytes a call in flight holds, with its events (measured: 544 with 2e6 in flight). */
export const BYTES_PER_CALL = 550;

function tooManyCallsMessage(max: number, now: number): string {
  const gb = (max * BYTES_PER_CALL) / 1e9;
  return `more than ${max} calls in flight at ${now.toFixed(0)} ms, calls between functions included (about ${gb < 10 ? gb.toFixed(1) : Math.round(gb)} GB of memory at ${BYTES_PER_CALL} bytes each): raise limits.maxCallsInFlight to go on, where the memory is there`;
}

/**
 * Runs events up to `until` in chunks, yielding between them, within the
 * run's budget of `maxEvents` in all; returns why it stopped. The chunk size
 * adapts so that a chunk takes about CHUNK_MS of wall time (shared across calls
 * through `chunks`); where the chunks end changes nothing in the results.
 */
function* runUntil(
  sim: Simulation,
  until: number,
  maxEvents: number,
  chunks: { size: number },
): Generator<void, StopReason, void> {
  for (;;) {
    const chunk = Math.min(chunks.size, maxEvents - sim.processed);
    const t0 = performance.now();
    const r = sim.run({ until, maxEvents: chunk });
    const ms = performance.now() - t0;
    // Shrunk at once to what fits in CHUNK_MS (halving took several chunks of seconds each),
    // grown by doubling.
    if (ms > CHUNK_MS) chunks.size = Math.max(MIN_CHUNK, Math.floor((chunks.size * CHUNK_MS) / ms));
    else if (ms < CHUNK_MS / 4) chunks.size = Math.min(MAX_CHUNK, chunks.size * 2);
    if (r.reason !== 'maxEvents') return r.reason;
    if (sim.processed >= maxEvents) {
      if (sim.peekTime() <= until) {
        throw new RunLimitError(
          `more than ${maxEvents} events by ${sim.now.toFixed(0)} ms of simulated time (raise limits.maxEvents to go on)`,
        );
      }
      // Exactly maxEvents: nothing is left before the end, and this moves the clock there.
      return sim.run({ until }).reason;
    }
    yield;
  }
}

/** Whether a point's functions can crash, or its clusters' hosts fail. */
export function modelsFailures(point: ResolvedPoint): boolean {
  return point.functions.some(
    (f) =>
      (f.crashProbability ?? 0) > 0 || f.platform.cluster?.meanTimeBetweenFailures !== undefined,
  );
}

function resetCounters(f: FunctionRuntime, now: number): void {
  f.billSince = now;
  f.invocations = 0;
  f.billedMs = 0;
  f.pings = 0;
  f.pingBilledMs = 0;
  f.instanceBilledMs = 0;
}
