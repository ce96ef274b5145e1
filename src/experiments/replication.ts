import { Simulation, type StopReason } from '../engine/index.ts';
import { Histogram } from '../metrics/histogram.ts';
import type { Call } from '../platform/call.ts';
import type { FunctionRuntime } from '../platform/functionRuntime.ts';
import type { CallSink } from '../platform/invoker.ts';
import { billedMemoryMB } from '../platform/memory.ts';
import { BUILD_CHUNK, buildWorldSteps } from '../platform/world.ts';
import { createStream } from '../random/streams.ts';
import { Caller, type RequestSink, TAG_RETRY } from '../workload/client/caller.ts';
import { GraphBody } from '../workload/graph/graphBody.ts';
import { driveWorkload } from './driveWorkload.ts';
import { FunctionRecorder } from './perFunction.ts';
import { Recorder, type ReplicationData, TAG_ROOT } from './recorder.ts';
import type { ResolvedPoint } from './resolve.ts';
import { RunLimitError } from './runLimitError.ts';

export interface ReplicationOptions {
  /** Reuse ended calls (default true; false only to test that reuse changes nothing). */
  reuseCalls?: boolean;
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
 */
export function* replicationSteps(
  point: ResolvedPoint,
  seed: string,
  options: ReplicationOptions = {},
): Generator<void, ReplicationData, void> {
  const sim = new Simulation();
  const recorder = new Recorder(
    point.warmup,
    point.duration,
    point.graph.entry,
    point.timelineWindow,
  );
  // With a caller's policy, root calls end at the caller, which reports its requests to the
  // recorder; it is made once the invoker exists.
  let caller: Caller | null = null;
  const toRecorder: CallSink =
    point.caller === null
      ? recorder
      : // Warmers' pings and fire-and-forget calls still end at the recorder.
        {
          ended: (call) =>
            call.tag === TAG_ROOT || call.tag === TAG_RETRY
              ? caller!.ended(call)
              : recorder.ended(call),
        };
  // Workloads of many functions are also recorded function by function (perFunction.ts).
  const regionNames = point.sources.flatMap((s) => s.functions?.map((f) => f.name) ?? []);
  const perFunction =
    regionNames.length > 0 ? new FunctionRecorder(regionNames, point.warmup, point.duration) : null;
  const world = yield* buildWorldSteps(sim, {
    client: point.client,
    functions: point.functions,
    seed,
    sink: perFunction
      ? {
          ended: (call) => {
            perFunction.ended(call);
            toRecorder.ended(call);
          },
        }
      : toRecorder,
    observe: (fn) => {
      const all = recorder.observer(fn.name, fn.memoryMB / 1024);
      // One closure for both (called twice a call): one object fewer to reach per function.
      return perFunction?.observer(fn, all) ?? all;
    },
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
    if (recorder.inFlight > maxInFlight) {
      throw new RunLimitError(
        `more than ${maxInFlight} root calls in flight at ${sim.now.toFixed(0)} ms: the platform cannot keep up with the workload (raise limits.maxInFlight to go on)`,
      );
    }
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
  driveWorkload(sim, point, seed, world, sent, caller);

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

  let requests = 0;
  let gbSeconds = 0;
  let usd = 0;
  let warmerUsd = 0;
  let extraUsd = 0;
  // By name through a map: a find per function was quadratic, 40 s of one uninterruptible
  // step for a graph of 60,000 functions.
  const configOf = new Map(point.functions.map((c) => [c.name, c]));
  for (const f of functions.values()) {
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
        (recorder.extraCalls * price.perMillionRequests) / 1e6 +
        (recorder.extraBilledMs / 1000) * perSecond;
    }
  }

  return {
    endToEnd: recorder.endToEnd,
    stages: recorder.stages,
    breakdown: recorder.breakdown,
    arrivals: recorder.arrivals,
    completed: recorder.completed,
    throttled: recorder.throttled,
    timedOut: recorder.timedOut,
    client:
      point.caller === null
        ? null
        : {
            clientTimedOut: recorder.clientTimedOut,
            failed: recorder.failed,
            requests: recorder.requests,
            attempts: recorder.attempts,
            hedges: recorder.hedges,
            cancelled: recorder.cancelled,
            extraCalls: recorder.extraCalls,
            billedMs: recorder.billedMs,
            extraBilledMs: recorder.extraBilledMs,
            extraUsd,
          },
    failures: modelsFailures(point)
      ? {
          crashed: recorder.crashed,
          instanceCrashes: pools.reduce((n, p) => n + p.crashes, 0),
          hostFailures: [...new Set(pools.map((p) => p.options.cluster))].reduce(
            (n, c) => n + (c?.hostFailures ?? 0),
            0,
          ),
          callsLost: invoker.crashedCalls,
        }
      : null,
    coldRoots: recorder.coldRoots,
    startWaitRoots: recorder.startWaitRoots,
    hopsCold: recorder.hopsCold,
    hops: recorder.hops,
    coldStarts: pools.reduce((n, p) => n + p.coldStarts, 0),
    warmers: point.warmers ? { calls: recorder.warmerCalls, cold: recorder.warmerCold } : null,
    cost: { requests, gbSeconds, usd: usd + warmerUsd, warmerUsd },
    instances: recorder.instances(point.duration),
    timeline: recorder.series
      ? { series: recorder.series.toJSON(point.duration), p99: recorder.windowP99 }
      : null,
    events: sim.processed,
    drainMs: drained - point.duration,
    mserMs: recorder.mserTruncation(),
    warmupMs: point.warmup,
    ...(perFunction ? { functions: perFunction.table() } : {}),
  };
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
