import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { TAG_ROOT } from '../../src/experiments/recorder.ts';
import { combineBlocks, mergeParts, splitPlan } from '../../src/experiments/regionSplit.ts';
import {
  partSteps,
  runReplication,
  simulationSteps,
  togetherSteps,
} from '../../src/experiments/replication.ts';
import { replicationToJSON } from '../../src/experiments/replicationData.ts';
import type { ResolvedPoint } from '../../src/experiments/resolve.ts';
import { sharedBound } from '../../src/experiments/sharedCheck.ts';
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

  it('runs in blocks when only an account-wide limit couples the functions, watching it', () => {
    const coupled = {
      ...REGION,
      platform: platformModel({ keepAlive: '3s', limitScope: 'account', maxConcurrency: 50 }),
    };
    const plan = splitPlan(point(coupled));
    if (plan.kind !== 'blocks') throw new Error('expected blocks');
    expect(plan.watch?.platforms).toEqual([
      { platform: 'test-platform', maxCalls: 50, maxInstances: 50, burst: null, slots: Infinity },
    ]);
  });

  it('is no region with one function', () => {
    expect(splitPlan(point({ ...REGION, workload: { poisson: { perSecond: 5 } } }))).toEqual({
      kind: 'whole',
      why: null,
    });
  });
});

describe('a region under an account-wide limit', () => {
  // REGION's platform with the account's limits of each case: the blocks run apart, watched, give
  // the bytes of all of them in one simulation where the check passes; where a limit binds, the
  // check must refuse (the blocks apart then give other numbers: what the check is for).
  const cases = [
    { name: 'a call limit never reached', limits: { maxConcurrency: 10_000 }, binds: false },
    {
      name: 'a burst never emptied',
      limits: { burst: { initial: 100_000, perSecond: 1 } },
      binds: false,
    },
    { name: 'a call limit that throttles', limits: { maxConcurrency: 4 }, binds: true },
    {
      name: 'a burst that runs dry',
      limits: { burst: { initial: 3, perSecond: 2 } },
      binds: true,
    },
  ];
  for (const c of cases) {
    it(`gives the bytes of one simulation: ${c.name}`, () => {
      const p = point({
        ...REGION,
        platform: platformModel({
          coldStart: { sandbox: { lognormal: { median: '200ms', p99: '900ms' } } },
          keepAlive: '3s',
          limitScope: 'account',
          ...c.limits,
        }),
      });
      const plan = splitPlan(p, 8);
      if (plan.kind !== 'blocks' || plan.watch === undefined) throw new Error('expected a watch');
      const parts = plan.blocks.map((_, b) =>
        runAll(simulationSteps(p, 's', plan.blocks, [b], {}, plan.watch)),
      );
      const bound = sharedBound(plan.watch, mergeParts(parts, p.duration).watches!);
      const apart = combineBlocks(parts, plan.blocks.length, p.duration);
      const together = runAll(togetherSteps(p, 's', plan.blocks));
      expect(together.completed).toBeGreaterThan(1000);
      if (c.binds) {
        expect(bound).not.toBeNull();
        expect(bytes(apart)).not.toBe(bytes(together));
      } else {
        expect(bound).toBeNull();
        expect(bytes(apart)).toBe(bytes(together));
      }
      // A replication itself (its own blocks, BLOCK_FUNCTIONS): the same as them in one simulation.
      const own = splitPlan(p);
      if (own.kind !== 'blocks') throw new Error('expected blocks');
      expect(bytes(runReplication(p, 's'))).toBe(bytes(runAll(togetherSteps(p, 's', own.blocks))));
    });
  }
});

describe('a replication of a region whose account-wide limit binds', () => {
  it('runs again with all its blocks in one simulation', () => {
    // 300 functions: the graph's block and two of the region's (BLOCK_FUNCTIONS), so that the
    // blocks run apart miss each other's calls at the limit.
    const p = point({
      ...REGION,
      platform: platformModel({ keepAlive: '3s', limitScope: 'account', maxConcurrency: 6 }),
      workload: {
        population: {
          ...REGION.workload.population,
          functions: 300,
          perDay: { uniform: { min: 43_200, max: 86_400 } },
        },
      },
    });
    const plan = splitPlan(p);
    if (plan.kind !== 'blocks' || plan.watch === undefined) throw new Error('expected a watch');
    expect(plan.blocks.length).toBe(3);
    const all = plan.blocks.map((_, b) => b);
    // Every block apart, to the end: what the replication would give without the check.
    const parts = all.map((b) => runAll(simulationSteps(p, 's', plan.blocks, [b], {}, plan.watch)));
    const apart = mergeParts(parts, p.duration);
    expect(sharedBound(plan.watch, apart.watches!)).not.toBeNull();
    // A part watching what its blocks share stops at the block after which that may have run
    // short: here before the last.
    const stopped = runAll(partSteps(p, 's', plan.blocks, all, {}, plan.watch));
    expect(sharedBound(plan.watch, stopped.watches!)).not.toBeNull();
    expect(stopped.blocks.length).toBeLessThan(all.length);
    const together = runAll(togetherSteps(p, 's', plan.blocks));
    expect(together.throttled).toBeGreaterThan(0);
    const replication = runReplication(p, 's');
    expect(bytes(replication)).toBe(bytes(together));
    expect(bytes(replication)).not.toBe(
      bytes(combineBlocks([apart], plan.blocks.length, p.duration)),
    );
  });
});

describe('an account-wide limit on instances of many calls each', () => {
  it('bounds the instances in use by one per call, not by packed instances', () => {
    // 30 functions, 10 calls an instance, 60 calls at most: instances of different functions
    // cannot share calls, so the account allows 60 in use, not 6 (which the functions called at
    // once exceed: the test fails with 6). Short of 60, the account's limit changes nothing: the
    // same bytes as the limit per function.
    const run = (limitScope: 'account' | 'function') =>
      runReplication(
        point({
          ...REGION,
          platform: platformModel({
            coldStart: { sandbox: { lognormal: { median: '200ms', p99: '900ms' } } },
            keepAlive: '3s',
            concurrencyPerInstance: 10,
            maxConcurrency: 60,
            limitScope,
          }),
        }),
        's',
      );
    const account = run('account');
    expect(account.completed).toBeGreaterThan(1000);
    expect(bytes(account)).toBe(bytes(run('function')));
  });
});

describe('what a region shares, and whether it runs in blocks', () => {
  const planOf = (fields: Record<string, unknown>) =>
    splitPlan(point({ ...REGION, platform: platformModel({ keepAlive: '3s', ...fields }) }));
  const cluster = { hosts: 2, slotsPerHost: 30 };

  it('runs a cluster whose hosts never fail in blocks, watching its slots', () => {
    const plan = planOf({ cluster });
    if (plan.kind !== 'blocks') throw new Error('expected blocks');
    expect(plan.watch?.platforms).toEqual([
      {
        platform: 'test-platform',
        maxCalls: Infinity,
        maxInstances: Infinity,
        burst: null,
        slots: 60,
      },
    ]);
  });

  it('keeps whole a cluster whose hosts fail, and a timer that starts instances', () => {
    const whyOf = (fields: Record<string, unknown>) => {
      const plan = planOf(fields);
      return plan.kind === 'whole' ? plan.why : null;
    };
    expect(whyOf({ cluster: { ...cluster, meanTimeBetweenFailures: '1h' } })).toBe(
      `its functions share the hosts of platform "test-platform"'s cluster, and hosts fail`,
    );
    expect(whyOf({ limitScope: 'account', maxConcurrency: 50, scaling: { policy: 'kpa' } })).toBe(
      `its functions share platform "test-platform"'s account-wide concurrency limit, and its autoscaler (kpa) starts instances on a timer`,
    );
    expect(whyOf({ cluster, keepAlivePolicy: { policy: 'hybrid' } })).toBe(
      `its functions share the hosts of platform "test-platform"'s cluster, and its hybrid keep-alive policy starts instances on a timer`,
    );
    // A timer alone couples nothing: each function's policy is its own.
    expect(planOf({ scaling: { policy: 'kpa' } }).kind).toBe('blocks');
  });
});
