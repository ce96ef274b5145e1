import { describe, expect, it } from 'vitest';
import { Outcome, STAGES } from '../../../src/platform/call.ts';
import { constant } from '../../../src/random/distributions/constant.ts';
import { toGraph } from '../../../src/workload/graph/graphSpec.ts';
import { platformModel, run } from '../../experiments/experimentHelpers.ts';
import { barePlatform } from '../../support/platformWorld.ts';
import { graphWorld } from './graphWorld.ts';

/**
 * A chain f1 -> f2 -> ... -> fd with every stage constant: each hop costs the same, so a
 * root's latency is the sum of its hops, exactly. The constants are binary fractions so
 * that the sums are exact in floating point and in the histograms' 2^-20 ms sums.
 */
const INTERNET = 3.5; // one way, client to cloud
const GATEWAY = 0.75; // one way
const NETWORK = 1.25; // one way
const SCHEDULER = 2.5;
const EXECUTION = 4.25;
const COLD_START = 100;

/** One call inside the cloud: out and back across the network, the router, the function. */
const HOP = 2 * NETWORK + SCHEDULER + EXECUTION;
/** What the root alone adds, coming from outside: both ways over the internet and the gateway. */
const FRONT = 2 * INTERNET + 2 * GATEWAY;

const DEPTHS = [1, 3, 6];

describe('chain of depth d: d sequential hops', () => {
  for (const d of DEPTHS) {
    it(`depth ${d}: every call's latency is the sum of its hops, and its stages add up`, () => {
      const w = graphWorld(
        toGraph({ kind: 'chain', depth: d, async: false }, 'graph'),
        barePlatform({
          gateway: constant(GATEWAY),
          network: constant(NETWORK),
          frontEnd: constant(SCHEDULER),
          coldStart: [constant(COLD_START)],
          keepAlive: null,
        }),
        constant(EXECUTION),
        {
          client: {
            name: 'fixed',
            internet: constant(INTERNET),
            lossProbability: 0,
            retransmitTimeout: 0,
          },
        },
      );
      // One root a second: a chain takes well under a second, so calls never overlap and
      // each function keeps one instance, cold for the first root only.
      const roots = 50;
      for (let i = 0; i < roots; i++) w.rootAt(i * 1000);
      w.sim.run();

      expect(w.roots.length).toBe(roots);
      // d calls per root, each checked by the sink (stages add up to end - start).
      expect(w.all.length).toBe(roots * d);
      w.roots.forEach((root, i) => {
        expect(root.outcome).toBe(Outcome.Completed);
        expect(root.hops).toBe(d);
        const cold = i === 0 ? d : 0;
        expect(root.coldHops).toBe(cold);
        expect(root.end - root.start).toBe(FRONT + d * HOP + cold * COLD_START);
        expect(root.internet).toBe(2 * INTERNET);
        expect(root.gateway).toBe(2 * GATEWAY);
        expect(root.network).toBe(d * 2 * NETWORK);
        expect(root.frontEnd).toBe(d * SCHEDULER);
        expect(root.execution).toBe(d * EXECUTION);
        expect(root.coldStart).toBe(cold * COLD_START);
        expect(root.queue).toBe(0);
      });
      // A call to f(k+1) sits k hops below the root and waits for the rest of the chain.
      for (const c of w.all) {
        if (c.parent === null) continue;
        const below = d - c.depth;
        const cold = c.cold ? below * COLD_START : 0;
        expect(c.fn.name).toBe(`f${c.depth + 1}`);
        expect(c.end - c.start).toBe(below * HOP + cold);
        expect(c.internet + c.gateway).toBe(0);
      }
      for (let k = 1; k <= d; k++) expect(w.functions.get(`f${k}`)!.pool.coldStarts).toBe(1);
    });

    it(`depth ${d}: each caller is billed for the whole time it holds its instance`, () => {
      const w = graphWorld(
        toGraph({ kind: 'chain', depth: d, async: false }, 'graph'),
        barePlatform({
          network: constant(NETWORK),
          frontEnd: constant(SCHEDULER),
          coldStart: [constant(COLD_START)],
          keepAlive: null,
        }),
        constant(EXECUTION),
      );
      const roots = 5;
      for (let i = 0; i < roots; i++) w.rootAt(i * 1000);
      w.sim.run();
      // f(k) holds its instance while it runs and while its call to f(k+1) travels, waits
      // for a cold start (the first root only) and is held in turn: the waits of the calls
      // below are its own time on the instance, not part of its queue or cold start.
      const held = (k: number, cold: boolean): number =>
        k === d
          ? EXECUTION
          : EXECUTION + 2 * NETWORK + SCHEDULER + (cold ? COLD_START : 0) + held(k + 1, cold);
      for (let k = 1; k <= d; k++) {
        const f = w.functions.get(`f${k}`)!;
        expect(f.invocations).toBe(roots);
        expect(f.billedMs).toBe(held(k, true) + (roots - 1) * held(k, false));
      }
    });
  }

  it('through an experiment: end-to-end and per-stage results are the sums of the hops', () => {
    for (const d of DEPTHS) {
      const [p] = run({
        duration: '61s',
        warmup: '900ms',
        replications: 2,
        client: {
          kind: 'client',
          name: 'fixed',
          description: 'a client at a fixed distance',
          source: ['test'],
          internet: `${INTERNET}ms`,
        },
        platform: platformModel({
          gateway: `${GATEWAY}ms`,
          network: `${NETWORK}ms`,
          scheduler: `${SCHEDULER}ms`,
          coldStart: { sandbox: `${COLD_START}ms` },
        }),
        function: { execution: `${EXECUTION}ms` },
        graph: { chain: { depth: d } },
        workload: { constant: { perSecond: 1 } },
      });
      // Roots at 1 s, 2 s, ..., 60 s in each replication; the cold one at 0 is in the warm-up.
      expect(p.calls).toEqual({
        arrivals: 120,
        completed: 120,
        throttled: 0,
        timedOut: 0,
        inFlight: 0,
      });
      const latency = FRONT + d * HOP;
      expect(p.endToEnd.max).toBe(latency);
      expect(p.endToEnd.mean.value).toBe(latency);
      // Percentiles come from histogram buckets 1/2048 wide (relative).
      expect(Math.abs(p.endToEnd.p50.value! - latency)).toBeLessThanOrEqual(latency / 2048);
      expect(Math.abs(p.endToEnd.p99.value! - latency)).toBeLessThanOrEqual(latency / 2048);
      const stageMeans = {
        internet: 2 * INTERNET,
        gateway: 2 * GATEWAY,
        network: d * 2 * NETWORK,
        frontEnd: d * SCHEDULER,
        queue: 0,
        coldStart: 0,
        execution: d * EXECUTION,
      };
      for (const s of STAGES) expect(p.stages[s].mean.value).toBe(stageMeans[s]);
      expect(STAGES.reduce((sum, s) => sum + stageMeans[s], 0)).toBe(latency);
      const b = p.breakdown.p50!;
      expect(STAGES.reduce((sum, s) => sum + b[s], 0)).toBeCloseTo(latency, 9);
      expect(p.cold.meanHops).toBe(d);
      expect(p.cold.share.value).toBe(0);
      expect(p.cost.requests).toBe((120 / 2) * d);
    }
  });
});
