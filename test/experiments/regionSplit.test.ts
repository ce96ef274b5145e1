import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { TAG_ROOT } from '../../src/experiments/recorder.ts';
import { combineBlocks, splitPlan } from '../../src/experiments/regionSplit.ts';
import { partSteps, runReplication, simulationSteps } from '../../src/experiments/replication.ts';
import { replicationToJSON } from '../../src/experiments/replicationData.ts';
import type { ResolvedPoint } from '../../src/experiments/resolve.ts';
import type { Call } from '../../src/platform/call.ts';
import { buildWorld } from '../../src/platform/world.ts';
import { platformModel, prepare } from './experimentHelpers.ts';

// A small region that starts instances often (a short keep-alive), on a platform whose every hop
// takes time, so that every stream the calls draw from is in use; with the internet hop of a
// client outside the cloud.
const REGION = {
  duration: '2min',
  warmup: '20s',
  replications: 1,
  seed: 11,
  client: 'us-typical',
  platform: platformModel({
    coldStart: { sandbox: { lognormal: { median: '200ms', p99: '900ms' } } },
    keepAlive: '3s',
    gateway: { lognormal: { median: '3ms', p99: '20ms' } },
    network: { lognormal: { median: '1ms', p99: '5ms' } },
    frontEnd: { lognormal: { median: '2ms', p99: '8ms' } },
  }),
  workload: {
    population: {
      functions: 30,
      perDay: { uniform: { min: 43_200, max: 864_000 } },
      periodicShare: 0,
      iatCv: 1,
      execution: '40ms',
      executionSigma: 1,
    },
  },
};

function point(spec: Record<string, unknown> = REGION): ResolvedPoint {
  return prepare(spec).points[0].resolved;
}

function runAll<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** A replication's JSON without `events`, which a split run counts part by part. */
function bytes(d: ReturnType<typeof runReplication>): string {
  const { events: _events, ...rest } = replicationToJSON(d);
  return JSON.stringify(rest);
}

describe('per-function streams', () => {
  it("make a function's calls the same whether or not other functions are called", () => {
    const p = point();
    const [a, b] = p.functions.slice(1, 3);
    const hopsOf = (names: Set<string> | undefined, withOther: boolean): number[] => {
      const sim = new Simulation();
      const world = buildWorld(sim, {
        client: p.client,
        functions: [a, b],
        seed: 'x',
        sink: { ended: () => {} },
        ownStreams: names,
      });
      const out: number[] = [];
      const fa = world.functions.get(a.name)!;
      const fb = world.functions.get(b.name)!;
      for (let i = 0; i < 20; i++) {
        const call: Call = world.invoker.invoke(fa, null, true, TAG_ROOT);
        out.push(call.internet, call.gateway, call.network, call.frontEnd);
        if (withOther) world.invoker.invoke(fb, null, true, TAG_ROOT);
      }
      return out;
    };
    const own = new Set([a.name, b.name]);
    expect(hopsOf(own, true)).toEqual(hopsOf(own, false));
    // The client's and the platform's shared streams: the other function's calls take draws.
    expect(hopsOf(undefined, true)).not.toEqual(hopsOf(undefined, false));
  });
});

describe('a region split by function', () => {
  it('is in blocks of functions when nothing couples them, block 0 the graph', () => {
    const plan = splitPlan(point(), 8);
    expect(plan.kind).toBe('blocks');
    if (plan.kind !== 'blocks') return;
    expect(plan.blocks.map((b) => b.length)).toEqual([1, 8, 8, 8, 6]);
  });

  it('gives the same bytes from any grouping of its blocks into parts', () => {
    const p = point();
    const plan = splitPlan(p, 8);
    if (plan.kind !== 'blocks') throw new Error('expected blocks');
    const n = plan.blocks.length;
    // Several blocks in one simulation (partSteps runs one a simulation).
    const part = (run: number[]) => runAll(simulationSteps(p, 's', plan.blocks, run));
    const whole = combineBlocks([part([0, 1, 2, 3, 4])], n, p.duration);
    const groupings = [
      [[0], [1], [2], [3], [4]],
      [[4, 1], [0, 3], [2]],
      [
        [0, 2, 4],
        [1, 3],
      ],
    ];
    for (const grouping of groupings) {
      const split = combineBlocks(grouping.map(part), n, p.duration);
      expect(bytes(split)).toBe(bytes(whole));
    }
    // And a replication run the ordinary way is the whole of it (BLOCK_FUNCTIONS a block there:
    // its 30 functions in one).
    const ordinary = runReplication(p, 's');
    const planDefault = splitPlan(p);
    if (planDefault.kind !== 'blocks') throw new Error('expected blocks');
    expect(bytes(ordinary)).toBe(
      bytes(
        combineBlocks(
          [part([0]), runAll(partSteps(p, 's', planDefault.blocks, [1]))],
          2,
          p.duration,
        ),
      ),
    );
  });

  it('runs each block of a part in a simulation of its own, with the same bytes as one simulation', () => {
    const p = point();
    const plan = splitPlan(p, 8);
    if (plan.kind !== 'blocks') throw new Error('expected blocks');
    const run = [0, 1, 2, 3, 4];
    const n = plan.blocks.length;
    const part = runAll(partSteps(p, 's', plan.blocks, run));
    const one = runAll(simulationSteps(p, 's', plan.blocks, run));
    expect(bytes(combineBlocks([part], n, p.duration))).toBe(
      bytes(combineBlocks([one], n, p.duration)),
    );
    // Its events are the blocks' own simulations' (each with its own warm-up event), not one's.
    const own = run.map((b) => runAll(simulationSteps(p, 's', plan.blocks, [b])).data.events);
    expect(part.data.events).toBe(own.reduce((a, b) => a + b, 0));
    expect(part.data.events).not.toBe(one.data.events);
  });

  it('reads instances.max at fixed instants: above zero, at most the exact peak of the same run', () => {
    const p = point();
    const plan = splitPlan(p, 8);
    if (plan.kind !== 'blocks') throw new Error('expected blocks');
    const split = combineBlocks(
      [runAll(simulationSteps(p, 's', plan.blocks, [0, 1, 2, 3, 4]))],
      plan.blocks.length,
      p.duration,
    );
    // The same simulation as one block (the same streams): its recorder takes the exact peak.
    const all = [p.functions.map((f) => f.name)];
    const exact = runAll(partSteps(p, 's', all, [0])).data.instances;
    expect(exact.max).toBeGreaterThan(0);
    // Each block's recorder must tell its grid the changes, or the sampled peak is 0.
    expect(split.instances.max).toBeGreaterThan(0);
    expect(split.instances.max).toBeLessThanOrEqual(exact.max);
    expect(split.instances.mean).toBeCloseTo(exact.mean, 9);
  });

  it('stays whole when an account-wide limit couples the functions', () => {
    const coupled = {
      ...REGION,
      platform: platformModel({ keepAlive: '3s', limitScope: 'account', maxConcurrency: 50 }),
    };
    const plan = splitPlan(point(coupled));
    expect(plan).toEqual({
      kind: 'whole',
      why: 'its functions share platform "test-platform"\'s account-wide concurrency limit',
    });
  });

  it('is no region with one function', () => {
    expect(splitPlan(point({ ...REGION, workload: { poisson: { perSecond: 5 } } }))).toEqual({
      kind: 'whole',
      why: null,
    });
  });
});
