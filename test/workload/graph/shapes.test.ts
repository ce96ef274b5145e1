import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/random/distributions/constant.ts';
import { uniform } from '../../../src/random/distributions/uniform.ts';
import { graphFunctions, toGraph } from '../../../src/workload/graph/graphSpec.ts';
import { barePlatform } from '../../support/platformWorld.ts';
import { graphWorld } from './graphWorld.ts';

/** Compositions: each call's critical path is the slowest call of each step, step after step. */
const NETWORK = 0.25;
const SCHEDULER = 0.5;
const CALL = 2 * NETWORK + SCHEDULER; // one call's cost besides the function's own run

const platform = () =>
  barePlatform({ network: constant(NETWORK), frontEnd: constant(SCHEDULER), keepAlive: null });

describe('invocation graph shapes', () => {
  it('map-reduce: root, then the slowest of the maps, then reduce', () => {
    const width = 8;
    const graph = toGraph({ kind: 'mapReduce', width }, 'graph');
    expect(graphFunctions(graph)).toEqual(['root', 'map', 'reduce']);
    const w = graphWorld(graph, platform(), {
      root: constant(1),
      map: uniform(5, 50),
      reduce: constant(7),
    });
    for (let i = 0; i < 200; i++) w.rootAt(i * 1000);
    w.sim.run();
    expect(w.roots.length).toBe(200);
    const byRoot = new Map<unknown, number>();
    for (const c of w.all) {
      if (c.fn.name !== 'map') continue;
      byRoot.set(c.parent, Math.max(byRoot.get(c.parent) ?? 0, c.end - c.start));
    }
    for (const root of w.roots) {
      expect(root.hops).toBe(1 + width + 1);
      const slowestMap = byRoot.get(root)!;
      expect(root.end - root.start).toBeCloseTo(CALL + 1 + slowestMap + CALL + 7, 9);
    }
    expect(w.functions.get('map')!.invocations).toBe(200 * width);
  });

  it('REST API: api calls list, then fetches every item in parallel', () => {
    for (const items of [0, 1, 20]) {
      const graph = toGraph({ kind: 'restApi', items }, 'graph');
      const w = graphWorld(graph, platform(), {
        api: constant(2),
        list: constant(3),
        item: constant(4),
      });
      w.rootAt(0);
      w.rootAt(1000);
      w.sim.run();
      const [, warm] = w.roots;
      expect(warm.hops).toBe(2 + items);
      expect(warm.end - warm.start).toBe(CALL + 2 + (CALL + 3) + (items > 0 ? CALL + 4 : 0));
    }
  });

  it('a custom graph: fan-out to two functions, first one answer, then a chain link', () => {
    const graph = toGraph(
      {
        kind: 'custom',
        entry: 'front',
        functions: {
          front: {
            steps: [
              {
                parallel: [
                  { call: 'fast', count: 1 },
                  { call: 'slow', count: 1 },
                ],
                async: false,
                waitFor: 1,
                probability: 1,
              },
              { call: 'tail', async: false, probability: 1 },
            ],
          },
          fast: { steps: [] },
          slow: { steps: [] },
          tail: { steps: [] },
        },
      },
      'graph',
    );
    const w = graphWorld(graph, platform(), {
      front: constant(1),
      fast: constant(3),
      slow: constant(300),
      tail: constant(5),
    });
    w.rootAt(0);
    w.sim.run();
    const root = w.roots[0];
    expect(root.end - root.start).toBe(CALL + 1 + (CALL + 3) + (CALL + 5));
    // The slow call still runs to its end, as a straggler.
    expect(w.all.find((c) => c.fn.name === 'slow')!.end).toBeGreaterThan(root.end);
    expect(root.hops).toBe(3);
  });
});
