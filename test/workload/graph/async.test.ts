import { describe, expect, it } from 'vitest';
import { Outcome } from '../../../src/platform/call.ts';
import { constant } from '../../../src/random/distributions/constant.ts';
import { TAG_ASYNC } from '../../../src/workload/graph/graphBody.ts';
import { toGraph } from '../../../src/workload/graph/graphSpec.ts';
import { platformModel, run } from '../../experiments/experimentHelpers.ts';
import { barePlatform } from '../../support/platformWorld.ts';
import { graphWorld } from './graphWorld.ts';

const NETWORK = 0.5;
const SCHEDULER = 1.5;
const EXECUTION = 6;
const HOP = 2 * NETWORK + SCHEDULER + EXECUTION;

describe('fire-and-forget calls', () => {
  it('an async chain: the caller answers after its own hop, and every child still runs', () => {
    const d = 4;
    const w = graphWorld(
      toGraph({ kind: 'chain', depth: d, async: true }, 'graph'),
      barePlatform({ network: constant(NETWORK), frontEnd: constant(SCHEDULER), keepAlive: null }),
      constant(EXECUTION),
    );
    const roots = 30;
    for (let i = 0; i < roots; i++) w.rootAt(i * 1000);
    w.sim.run();
    expect(w.roots.length).toBe(roots);
    for (const root of w.roots) {
      expect(root.outcome).toBe(Outcome.Completed);
      expect(root.end - root.start).toBe(HOP);
      expect(root.hops).toBe(1);
    }
    const fired = w.all.filter((c) => c.tag === TAG_ASYNC);
    expect(fired.length).toBe(roots * (d - 1));
    for (let k = 2; k <= d; k++) {
      const calls = fired.filter((c) => c.fn.name === `f${k}`);
      expect(calls.length).toBe(roots);
      // Each is sent when its caller's own work is done: the k-th function starts its call
      // (k - 1) times (network out + router + run) after the root was sent.
      calls.forEach((c, i) => {
        expect(c.outcome).toBe(Outcome.Completed);
        expect(c.start - w.roots[i].start).toBe((k - 1) * (NETWORK + SCHEDULER + EXECUTION));
        expect(c.end - c.start).toBe(HOP);
      });
      expect(w.functions.get(`f${k}`)!.invocations).toBe(roots);
    }
  });

  it('a step mixing sync and async: only the synchronous call is on the critical path', () => {
    const graph = toGraph(
      {
        kind: 'custom',
        entry: 'api',
        functions: {
          api: {
            steps: [
              { call: 'audit', async: true, probability: 1 },
              { call: 'db', async: false, probability: 1 },
            ],
          },
          audit: { steps: [{ call: 'archive', async: false, probability: 1 }] },
          archive: { steps: [] },
          db: { steps: [] },
        },
      },
      'graph',
    );
    const w = graphWorld(
      graph,
      barePlatform({ network: constant(NETWORK), frontEnd: constant(SCHEDULER) }),
      { api: constant(EXECUTION), audit: constant(50), archive: constant(400), db: constant(3) },
    );
    w.rootAt(0);
    w.sim.run();
    const root = w.roots[0];
    // api's hop plus one call to db; the slow audit and archive do not count.
    expect(root.end - root.start).toBe(HOP + 2 * NETWORK + SCHEDULER + 3);
    expect(root.hops).toBe(2);
    const audit = w.all.find((c) => c.fn.name === 'audit')!;
    expect(audit.end - audit.start).toBe(2 * (2 * NETWORK + SCHEDULER) + 50 + 400);
    expect(w.functions.get('archive')!.invocations).toBe(1);
  });

  it('through an experiment: the latency is one hop, the cost counts every invocation', () => {
    const d = 3;
    const common = {
      duration: '100s',
      replications: 2,
      // Arrivals stop at 90 s so that every call, fired ones included, has ended by 100 s.
      workload: {
        piecewise: {
          points: [
            { at: 0, perSecond: 5 },
            { at: '90s', perSecond: 0 },
          ],
        },
      },
      platform: platformModel({
        network: `${NETWORK}ms`,
        scheduler: `${SCHEDULER}ms`,
        price: { perMillionRequests: 0.2, perGBSecond: 0.0000166667 },
      }),
      function: { execution: `${EXECUTION}ms` },
    };
    const [fired] = run({ ...common, graph: { chain: { depth: d, async: true } } });
    const [waited] = run({ ...common, graph: { chain: { depth: d } } });
    for (const p of [fired, waited]) {
      expect(p.calls.inFlight).toBe(0);
      expect(p.calls.completed).toBe(p.calls.arrivals);
      // Every root's d invocations are billed (the cost is per replication).
      expect(p.cost.requests).toBe((p.calls.arrivals / 2) * d);
    }
    // The same arrivals (same seed): the async chain answers after one hop.
    expect(fired.calls.arrivals).toBe(waited.calls.arrivals);
    expect(fired.endToEnd.max).toBe(HOP);
    expect(fired.endToEnd.mean.value).toBe(HOP);
    expect(fired.cold.meanHops).toBe(1);
    expect(waited.endToEnd.max).toBe(d * HOP);
    // The same work is billed either way: each function runs EXECUTION ms per root.
    expect(fired.cost.gbSeconds).toBeCloseTo(
      ((fired.calls.arrivals / 2) * d * EXECUTION * 128) / 1024 / 1000,
      12,
    );
  });
});
