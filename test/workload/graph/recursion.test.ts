import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/random/distributions/constant.ts';
import { exponential } from '../../../src/random/distributions/exponential.ts';
import { type GraphSpec, toGraph } from '../../../src/workload/graph/graphSpec.ts';
import { platformModel, run } from '../../experiments/experimentHelpers.ts';
import { barePlatform } from '../../support/platformWorld.ts';
import { graphWorld } from './graphWorld.ts';

const recursion = (probability: number, maxDepth: number): GraphSpec => ({
  kind: 'recursion',
  probability,
  maxDepth,
});

describe('recursion stops at its limit', () => {
  for (const maxDepth of [1, 2, 5]) {
    it(`probability 1, maxDepth ${maxDepth}: exactly maxDepth nested calls per root`, () => {
      const w = graphWorld(
        toGraph(recursion(1, maxDepth), 'graph'),
        barePlatform({ network: constant(0.5) }),
        constant(2),
      );
      for (let i = 0; i < 20; i++) w.rootAt(i * 1000);
      w.sim.run();
      expect(w.roots.length).toBe(20);
      for (const root of w.roots) {
        expect(root.hops).toBe(maxDepth);
        expect(root.end - root.start).toBe(maxDepth * (2 * 0.5 + 2));
      }
      expect(w.all.length).toBe(20 * maxDepth);
      expect(Math.max(...w.all.map((c) => c.depth))).toBe(maxDepth - 1);
    });
  }

  it('probability p: hops are a geometric number truncated at maxDepth', () => {
    // Each call recurses with probability p until the limit: P(hops = h) = p^(h-1) (1 - p) for
    // h < maxDepth and p^(maxDepth-1) at the limit; the mean is (1 - p^maxDepth) / (1 - p).
    const p = 0.7;
    const maxDepth = 6;
    const roots = 20_000;
    const w = graphWorld(toGraph(recursion(p, maxDepth), 'graph'), barePlatform(), exponential(1));
    for (let i = 0; i < roots; i++) w.rootAt(i * 100);
    w.sim.run();
    expect(w.roots.length).toBe(roots);
    const hops = w.roots.map((c) => c.hops);
    expect(Math.max(...hops)).toBe(maxDepth);
    expect(Math.min(...hops)).toBe(1);
    for (let h = 1; h <= maxDepth; h++) {
      const share = hops.filter((x) => x === h).length / roots;
      const theory = h < maxDepth ? p ** (h - 1) * (1 - p) : p ** (maxDepth - 1);
      expect(Math.abs(share - theory), `hops = ${h}`).toBeLessThanOrEqual(
        4 * Math.sqrt((theory * (1 - theory)) / roots),
      );
    }
  });

  it('through an experiment: mean hops per root', () => {
    const p = 0.5;
    const maxDepth = 4;
    const [point] = run({
      duration: '200s',
      replications: 1,
      workload: { constant: { perSecond: 50 } },
      platform: platformModel(),
      function: { execution: '1ms' },
      graph: { recursion: { probability: p, maxDepth } },
    });
    const n = point.calls.completed;
    expect(n).toBe(10_000);
    const mean = (1 - p ** maxDepth) / (1 - p);
    // Variance of the truncated geometric number of hops, from its distribution.
    let second = 0;
    for (let h = 1; h <= maxDepth; h++) {
      second += h * h * (h < maxDepth ? p ** (h - 1) * (1 - p) : p ** (maxDepth - 1));
    }
    const sd = Math.sqrt(second - mean * mean);
    expect(Math.abs(point.cold.meanHops! - mean)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(n));
    expect(point.cold.hopsCold.length).toBeLessThanOrEqual(maxDepth + 1);
  });

  it('a custom self-call with maxDepth m runs its step only in calls fewer than m hops deep', () => {
    const graph = toGraph(
      {
        kind: 'custom',
        entry: 'fn',
        functions: { fn: { steps: [{ call: 'fn', async: false, probability: 1, maxDepth: 3 }] } },
      },
      'graph',
    );
    const w = graphWorld(graph, barePlatform(), constant(1));
    w.rootAt(0);
    w.sim.run();
    // Depths 0, 1, 2 call on; the call at depth 3 does not.
    expect(w.roots[0].hops).toBe(4);
    expect(Math.max(...w.all.map((c) => c.depth))).toBe(3);
  });

  it('a fire-and-forget recursion also stops at its maxDepth', () => {
    const graph = toGraph(
      {
        kind: 'custom',
        entry: 'fn',
        functions: { fn: { steps: [{ call: 'fn', async: true, probability: 1, maxDepth: 3 }] } },
      },
      'graph',
    );
    const w = graphWorld(graph, barePlatform(), constant(1));
    for (let i = 0; i < 10; i++) w.rootAt(i * 1000);
    // Without the limit this would never run dry: every call would fire another.
    w.sim.run({ maxEvents: 1_000_000 });
    // Each root fires one call at depths 1, 2 and 3, then the chain of calls ends.
    expect(w.roots.length).toBe(10);
    expect(w.all.length).toBe(10 * 4);
    expect(w.sim.pending).toBe(0);
    expect(w.sim.now).toBeLessThan(20_000 + 600_000);
    expect(Math.max(...w.all.map((c) => c.depth))).toBe(3);
    for (const root of w.roots) expect(root.end - root.start).toBe(1);
  });
});
