/**
 * One replication of a resolved sweep point, driven the way experiments/replication.ts drives
 * it, on the real platform (buildWorld, pools, invoker, graph bodies), with every hook a test
 * can reach checked as the run goes:
 *
 * - the clock never goes backwards (every event handler is wrapped);
 * - every call ends exactly once: roots and fire-and-forget calls reach the sink once, answers
 *   reach the waiting caller once (none of them twice, none lost), and a call still in flight
 *   at the end was never reported;
 * - each ended call has a finite latency >= 0, stages >= 0 that add up to it, and no more
 *   cold hops than hops;
 * - pool levels (starting, busy, idle) are whole numbers >= 0 and never exceed the function's
 *   instance limit; no instance serves more calls than its concurrency; a function never holds
 *   more calls at once than its maxConcurrency allows; instances ready on a cluster never
 *   outnumber its slots.
 *
 * A broken invariant throws at once, so fast-check shrinks to the smallest scenario.
 */
import { Simulation } from '../../src/engine/index.ts';
import { driveWorkload } from '../../src/experiments/driveWorkload.ts';
import { TAG_ROOT } from '../../src/experiments/recorder.ts';
import type { ResolvedPoint } from '../../src/experiments/resolve.ts';
import { Histogram } from '../../src/metrics/histogram.ts';
import { type Call, Outcome, STAGES } from '../../src/platform/call.ts';
import type { PlatformConfig } from '../../src/platform/config.ts';
import type { FunctionRuntime } from '../../src/platform/functionRuntime.ts';
import { type Instance, InstanceState } from '../../src/platform/instance.ts';
import { stageSum } from '../../src/platform/invoker.ts';
import type { PoolObserver } from '../../src/platform/poolObserver.ts';
import { buildWorld } from '../../src/platform/world.ts';
import { createStream } from '../../src/random/streams.ts';
import { GraphBody } from '../../src/workload/graph/graphBody.ts';

export class InvariantError extends Error {}

function check(ok: boolean, message: () => string): void {
  if (!ok) throw new InvariantError(message());
}

export interface CheckedRunSummary {
  roots: number;
  calls: number;
  ended: number;
  inFlight: number;
  byOutcome: Record<'completed' | 'throttled' | 'timedOut' | 'crashed', number>;
  /** Instances that crashed (a call's crash, or their host's failure). */
  crashes: number;
  events: number;
  /** The largest number of instances any function had at once. */
  peakInstances: number;
}

import { instanceLimit } from '../../src/platform/config.ts';

export { instanceLimit };

function describeCall(c: Call): string {
  const stages = STAGES.map((s) => `${s}=${c[s]}`).join(' ');
  return `${c.fn.name} tag=${c.tag} start=${c.start} end=${c.end} outcome=${c.outcome} ${stages}`;
}

export function checkedRun(point: ResolvedPoint, seed: string): CheckedRunSummary {
  const sim = new Simulation();
  let last = 0;
  const guard =
    <P>(handler: (payload: P) => void) =>
    (payload: P) => {
      check(sim.now >= last, () => `time went back from ${last} to ${sim.now}`);
      check(Number.isFinite(sim.now), () => `an event ran at ${sim.now}`);
      last = sim.now;
      handler(payload);
    };
  const schedule = sim.schedule.bind(sim);
  const scheduleAt = sim.scheduleAt.bind(sim);
  sim.schedule = (delay, handler, payload) => schedule(delay, guard(handler), payload);
  sim.scheduleAt = (time, handler, payload) => scheduleAt(time, guard(handler), payload);

  const configOf = new Map(point.functions.map((f) => [f.name, f]));
  const all: Call[] = [];
  const sunk = new Set<Call>();
  const answered = new Map<Call, number>();
  const levels = new Map<string, { starting: number; busy: number; idle: number }>();
  const holding = new Map<string, number>();
  let peakInstances = 0;

  // Functions on the same platform object share its cluster (see buildWorld).
  const clusterMembers = new Map<PlatformConfig, string[]>();
  for (const f of point.functions) {
    if (f.platform.cluster === null) continue;
    const list = clusterMembers.get(f.platform) ?? [];
    list.push(f.name);
    clusterMembers.set(f.platform, list);
  }

  const checkEnded = (c: Call): void => {
    const latency = c.end - c.start;
    check(c.outcome !== Outcome.InFlight, () => `reported while in flight: ${describeCall(c)}`);
    check(Number.isFinite(latency) && latency >= 0, () => `bad latency: ${describeCall(c)}`);
    for (const s of STAGES) {
      check(Number.isFinite(c[s]) && c[s] >= -1e-9, () => `bad stage ${s}: ${describeCall(c)}`);
    }
    const sum = stageSum(c);
    check(
      Math.abs(sum - latency) <= 1e-9 * Math.max(1, latency),
      () => `stages sum to ${sum}, latency ${latency}: ${describeCall(c)}`,
    );
    check(c.coldHops <= c.hops, () => `${c.coldHops} cold hops of ${c.hops}`);
  };

  const world = buildWorld(sim, {
    client: point.client,
    functions: point.functions,
    seed,
    sink: {
      ended(call) {
        check(call.parent === null, () => `a call with a caller reached the sink`);
        check(!sunk.has(call), () => `ended twice: ${describeCall(call)}`);
        sunk.add(call);
        checkEnded(call);
      },
    },
    observe: (fn: FunctionRuntime) => {
      const platform = configOf.get(fn.name)!.platform;
      const limit = instanceLimit(platform);
      const observer: PoolObserver = {
        levels(_at, t, starting, busy, idle) {
          check(t === sim.now, () => `levels at ${t}, now ${sim.now}`);
          for (const v of [starting, busy, idle]) {
            check(Number.isInteger(v) && v >= 0, () => `${fn.name}: level ${v} at ${t}`);
          }
          const total = starting + busy + idle;
          check(
            total <= limit,
            () =>
              `${fn.name}: ${total} instances (${starting} starting, ${busy} busy, ${idle} idle) over the limit ${limit}`,
          );
          peakInstances = Math.max(peakInstances, total);
          levels.set(fn.name, { starting, busy, idle });
          const members = clusterMembers.get(platform);
          if (members) {
            const c = platform.cluster!;
            const slots = c.hosts * c.slotsPerHost;
            let ready = 0;
            for (const m of members) {
              const l = levels.get(m);
              if (l) ready += l.busy + l.idle;
            }
            check(ready <= slots, () => `${ready} ready instances on a cluster of ${slots} slots`);
          }
        },
      };
      return { observer, at: 0 };
    },
  });
  const { invoker, functions } = world;

  // Every call, and the instances' load as calls take and leave them.
  const invoke = invoker.invoke.bind(invoker);
  invoker.invoke = (...args: Parameters<typeof invoker.invoke>) => {
    const call = invoke(...args);
    all.push(call);
    return call;
  };
  // Instances that crashed: gone for good, they never serve another call.
  const crashed = new Set<Instance>();
  const execute = invoker.execute.bind(invoker);
  invoker.execute = (call: Call) => {
    const inst = call.instance!;
    check(!crashed.has(inst), () => `${call.fn.name}: a crashed instance got a call`);
    check(
      inst.calls === null || inst.calls.length === inst.active - 1,
      () => `${call.fn.name}: an instance lists ${inst.calls!.length} calls, serves ${inst.active}`,
    );
    const p = configOf.get(call.fn.name)!.platform;
    const conc = Math.min(p.concurrencyPerInstance, p.maxConcurrency);
    check(
      inst.active >= 1 && inst.active <= conc,
      () => `${call.fn.name}: an instance serves ${inst.active} calls, concurrency ${conc}`,
    );
    const held = (holding.get(call.fn.name) ?? 0) + 1;
    holding.set(call.fn.name, held);
    check(
      held <= p.maxConcurrency,
      () => `${call.fn.name}: ${held} calls at once, maxConcurrency ${p.maxConcurrency}`,
    );
    execute(call);
  };
  for (const fn of functions.values()) {
    const release = fn.pool.release.bind(fn.pool);
    const crash = fn.pool.crash.bind(fn.pool);
    fn.pool.crash = (inst: Instance) => {
      if (inst.state === InstanceState.Ready) crashed.add(inst);
      crash(inst);
      check(
        !crashed.has(inst) || (inst.active === 0 && inst.state === InstanceState.Reclaimed),
        () => `${fn.name}: a crashed instance still serves ${inst.active} calls`,
      );
    };
    fn.pool.release = (inst: Instance) => {
      check(inst.active >= 1, () => `${fn.name}: released an instance with no call`);
      check(
        inst.calls === null || inst.calls.length === inst.active - 1,
        () => `${fn.name}: an instance lists ${inst.calls!.length} calls after one left`,
      );
      holding.set(fn.name, holding.get(fn.name)! - 1);
      release(inst);
    };
  }

  for (const [name, steps] of Object.entries(point.graph.steps)) {
    if (steps.length === 0) continue;
    const body = new GraphBody(steps, invoker, functions, createStream(seed, `graph:${name}`), {
      sim,
      backoffRng: () => createStream(seed, `graph:${name}/backoff`),
      samples: () => new Histogram(),
    });
    functions.get(name)!.body = {
      run: (call) => body.run(call),
      childEnded: (child) => {
        const n = (answered.get(child) ?? 0) + 1;
        answered.set(child, n);
        check(n === 1, () => `answered twice: ${describeCall(child)}`);
        check(child.parent !== null, () => 'an answer without a caller');
        check(sim.now === child.end, () => `answer at ${sim.now}, call ended at ${child.end}`);
        checkEnded(child);
        body.childEnded(child);
      },
    };
  }

  let roots = 0;
  driveWorkload(sim, point, seed, world, (call) => {
    if (call.tag === TAG_ROOT) roots++;
  });

  sim.run({ until: point.duration });

  const byOutcome = { completed: 0, throttled: 0, timedOut: 0, crashed: 0 };
  let inFlight = 0;
  let ended = 0;
  for (const c of all) {
    const reported = (c.parent === null ? (sunk.has(c) ? 1 : 0) : answered.get(c)) ?? 0;
    if (c.outcome === Outcome.InFlight) {
      inFlight++;
      check(reported === 0, () => `in flight but reported: ${describeCall(c)}`);
      continue;
    }
    ended++;
    if (c.outcome === Outcome.Completed) byOutcome.completed++;
    else if (c.outcome === Outcome.Throttled) byOutcome.throttled++;
    else if (c.outcome === Outcome.Crashed) byOutcome.crashed++;
    else byOutcome.timedOut++;
    checkEnded(c);
    // A root is reported when it ends; an answer reaches its caller when it gets back (at end).
    const due = c.parent === null || c.end <= point.duration ? 1 : 0;
    check(reported === due, () => `reported ${reported} times, due ${due}: ${describeCall(c)}`);
  }
  const rootCalls = all.filter((c) => c.parent === null && c.tag === TAG_ROOT).length;
  check(rootCalls === roots, () => `${roots} roots sent, ${rootCalls} made`);
  for (const [name, held] of holding) {
    const l = levels.get(name);
    check(held >= 0, () => `${name}: ${held} calls held`);
    const p = configOf.get(name)!.platform;
    const conc = Math.min(p.concurrencyPerInstance, p.maxConcurrency);
    check(
      l === undefined || held <= l.busy * conc,
      () => `${name}: ${held} calls held by ${l!.busy} busy instances`,
    );
  }
  return {
    roots,
    calls: all.length,
    ended,
    inFlight,
    byOutcome,
    crashes: crashed.size,
    events: sim.processed,
    peakInstances,
  };
}
