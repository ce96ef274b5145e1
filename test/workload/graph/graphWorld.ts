import { Simulation } from '../../../src/engine/index.ts';
import { type Call, Outcome } from '../../../src/platform/call.ts';
import type { ClientConfig, PlatformConfig } from '../../../src/platform/config.ts';
import type { FunctionBody } from '../../../src/platform/functionRuntime.ts';
import { stageSum } from '../../../src/platform/invoker.ts';
import { buildWorld, type World } from '../../../src/platform/world.ts';
import type { Distribution } from '../../../src/random/distribution.ts';
import { createStream } from '../../../src/random/streams.ts';
import type { Graph } from '../../../src/workload/graph/graph.ts';
import { GraphBody } from '../../../src/workload/graph/graphBody.ts';
import { graphFunctions } from '../../../src/workload/graph/graphSpec.ts';
import { INSIDE } from '../../support/platformWorld.ts';

/** Tag of the roots a GraphWorld sends (the graph body tags its own calls below zero). */
export const TAG_TEST_ROOT = 0;

export interface GraphWorld extends World {
  sim: Simulation;
  /** Root calls, in the order they ended. */
  roots: Call[];
  /** Every call that ended (roots, children and fire-and-forget calls), in the order they ended. */
  all: Call[];
  /** Sends a root call to the graph's entry at time `at`. */
  rootAt(at: number): void;
}

/**
 * A world running `graph`, wired as an experiment's replication wires it, with a sink that
 * checks every call as it ends: its outcome is final, its latency finite, and its stage fields
 * add up to `end - start` (children are checked as their caller hears their answer).
 */
export function graphWorld(
  graph: Graph,
  platform: PlatformConfig,
  execution: Distribution | Record<string, Distribution>,
  options: { client?: ClientConfig; seed?: string; timeout?: number } = {},
): GraphWorld {
  const sim = new Simulation();
  const roots: Call[] = [];
  const all: Call[] = [];
  const client = options.client ?? INSIDE;
  const seed = options.seed ?? 'graph-test';
  const executionOf = (name: string): Distribution =>
    'sample' in execution
      ? (execution as Distribution)
      : (execution as Record<string, Distribution>)[name];
  const world = buildWorld(sim, {
    client,
    functions: graphFunctions(graph).map((name) => ({
      name,
      platform,
      execution: executionOf(name),
      timeout: options.timeout ?? Infinity,
      memoryMB: 128,
    })),
    seed,
    sink: {
      ended: (c) => {
        checkCall(c);
        all.push(c);
        if (c.tag === TAG_TEST_ROOT) roots.push(c);
      },
    },
  });
  for (const [name, steps] of Object.entries(graph.steps)) {
    if (steps.length === 0) continue;
    const fn = world.functions.get(name)!;
    const inner = new GraphBody(
      steps,
      world.invoker,
      world.functions,
      createStream(seed, `graph:${name}`),
    );
    const checked: FunctionBody = {
      run: (call) => inner.run(call),
      childEnded: (child) => {
        checkCall(child);
        all.push(child);
        inner.childEnded(child);
      },
    };
    fn.body = checked;
  }
  const entry = world.functions.get(graph.entry)!;
  const external = client.internet !== null;
  return {
    ...world,
    sim,
    roots,
    all,
    rootAt(at) {
      sim.scheduleAt(at, () => world.invoker.invoke(entry, null, external, TAG_TEST_ROOT), null);
    },
  };
}

/** Throws unless the call has ended with a finite latency that its stages add up to. */
export function checkCall(c: Call): void {
  if (c.outcome === Outcome.InFlight) throw new Error(`a call to ${c.fn.name} ended in flight`);
  const latency = c.end - c.start;
  if (!(latency >= 0) || !Number.isFinite(latency)) {
    throw new Error(`a call to ${c.fn.name} has latency ${latency}`);
  }
  const sum = stageSum(c);
  if (Math.abs(sum - latency) > 1e-9 * Math.max(1, latency)) {
    throw new Error(`a call to ${c.fn.name}: stages sum to ${sum}, latency is ${latency}`);
  }
}
