import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateWork, expectedHops } from '../../src/experiments/estimate.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { createStream } from '../../src/random/streams.ts';
import type { Graph, GraphStep } from '../../src/workload/graph/graph.ts';
import { parseTimestampCsv } from '../../src/workload/trace/parseTimestampCsv.ts';

const base = { name: 'e', description: 'd', client: 'same-region' };
const prepare = (x: Record<string, unknown>) =>
  prepareExperiment(
    { ...base, ...x },
    { models: presetRegistry(), readText: (f) => readFileSync(f, 'utf8') },
  );

describe('work estimate', () => {
  it('multiplies rate, duration, hops, points and replications', () => {
    const p = prepare({
      duration: '100s',
      replications: 2,
      workload: { poisson: { perSecond: 10 } },
      graph: { chain: { depth: 3 } },
      sweep: { platform: ['aws-lambda-2019', 'azure-functions'] },
    });
    expect(estimateWork(p).calls).toBeCloseTo(10 * 100 * 3 * 2 * 2, 6);
  });

  it('counts the expected calls of recursion, fan-out and map-reduce graphs', () => {
    const hops = (graph: unknown) =>
      expectedHops(
        prepare({ duration: '1s', workload: { poisson: { perSecond: 1 } }, graph }).points[0]
          .resolved.graph,
      );
    expect(hops({ fanOut: { width: 10 } })).toBe(11);
    expect(hops({ mapReduce: { width: 4 } })).toBe(6);
    // maxDepth 3 with probability 1/2: 1 + 1/2 + 1/4 calls.
    expect(hops({ recursion: { probability: 0.5, maxDepth: 3 } })).toBeCloseTo(1.75, 12);
  });

  it('counts only the replayed function of a trace, within the duration', () => {
    const file = 'models/traces/timestamps-sample.csv';
    const trace = parseTimestampCsv(readFileSync(file, 'utf8'), file);
    const [name, times] = [...trace.entries()][0];
    const until = times[Math.floor(times.length / 2)];
    const p = prepare({
      duration: until,
      replications: 1,
      workload: { trace: { file, format: 'timestamps', function: name } },
    });
    expect(estimateWork(p).calls).toBe(times.filter((t) => t < until).length);
  });

  it('counts warmer pings', () => {
    const p = prepare({
      duration: '1h',
      replications: 1,
      workload: { poisson: { perSecond: 0 } },
      warmers: { period: '5min', instances: 3 },
    });
    expect(estimateWork(p).calls).toBeCloseTo(12 * 3, 9);
  });
});

/** E(f, d) by its definition, recursively: the reference for small graphs. */
function referenceHops(graph: Graph, fn = graph.entry, depth = 0): number {
  let n = 1;
  for (const step of graph.steps[fn] ?? []) {
    if (depth >= step.maxDepth) continue;
    for (const c of step.calls) {
      n += step.probability * c.count * referenceHops(graph, c.target, depth + 1);
    }
  }
  return n;
}

const customStep = (target: string, extra: Partial<GraphStep> = {}): GraphStep => ({
  calls: [{ target, count: 1, async: false }],
  waitFor: 1,
  probability: 1,
  maxDepth: Infinity,
  ...extra,
});

describe('expected calls per root, at every depth', () => {
  it('matches the definition on random graphs with limits at several depths', () => {
    const rng = createStream('estimate', 'graphs');
    const pick = (n: number) => Math.floor(rng() * n);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + pick(5);
      const names = Array.from({ length: n }, (_, i) => `f${i}`);
      const steps: Graph['steps'] = {};
      for (let i = 0; i < n; i++) {
        steps[names[i]] = Array.from({ length: pick(3) }, () => {
          // Without a limit only calls forward, so that every cycle has one.
          const limited = rng() < 0.5;
          const target = limited ? names[pick(n)] : names[i + 1 + pick(n - i)];
          if (target === undefined) return customStep(names[i], { maxDepth: 1 + pick(6) });
          return {
            calls: [{ target, count: 1 + pick(3), async: rng() < 0.2 }],
            waitFor: 0,
            probability: rng() < 0.5 ? 1 : rng(),
            maxDepth: limited ? 1 + pick(6) : Infinity,
          };
        });
      }
      const graph = { entry: names[pick(n)], steps };
      const want = referenceHops(graph);
      expect(Math.abs(expectedHops(graph) - want)).toBeLessThanOrEqual(1e-12 * want);
    }
  });

  it('counts a chain of the longest depth allowed to its end (the old estimate stopped at 1,000)', () => {
    const hops = (graph: unknown) =>
      expectedHops(
        prepare({ duration: '1s', workload: { poisson: { perSecond: 1 } }, graph }).points[0]
          .resolved.graph,
      );
    expect(hops({ chain: { depth: 10_000 } })).toBe(10_000);
    expect(hops({ recursion: { probability: 1, maxDepth: 10_000 } })).toBe(10_000);
    // 1 + p + ... + p^(n-1), every term counted.
    const p = 0.9999;
    expect(hops({ recursion: { probability: p, maxDepth: 10_000 } })).toBeCloseTo(
      (1 - p ** 10_000) / (1 - p),
      6,
    );
  });

  it('counts a fan-out repeated at every depth of a recursion, up to more calls than a double holds', () => {
    const graph = (count: number, maxDepth: number): Graph => ({
      entry: 'fn',
      steps: {
        fn: [{ ...customStep('fn', { maxDepth }), calls: [{ target: 'fn', count, async: false }] }],
      },
    });
    // Depths 0 to 40: 1 + 2 + ... + 2^40 calls.
    expect(expectedHops(graph(2, 40))).toBe(2 ** 41 - 1);
    expect(expectedHops(graph(2, 5000))).toBe(Number.POSITIVE_INFINITY);
    expect(expectedHops(graph(100_000, 10_000))).toBe(Number.POSITIVE_INFINITY);
  });

  it('walks a graph of 20,000 functions in a line without running out of stack', () => {
    const steps: Graph['steps'] = {};
    for (let i = 0; i < 20_000; i++) steps[`f${i}`] = i < 19_999 ? [customStep(`f${i + 1}`)] : [];
    expect(expectedHops({ entry: 'f0', steps })).toBe(20_000);
  });

  it('answers Infinity, at bounded cost, when too many calls must be followed through too many depths', () => {
    // 2,000 functions called at every other one of 10,000 depths: 2e7 call entries to visit.
    const leaves = Array.from({ length: 2_000 }, (_, i) => `g${i}`);
    const steps: Graph['steps'] = {
      root: [
        {
          calls: leaves.map((target) => ({ target, count: 1, async: false })),
          waitFor: 0,
          probability: 0.5,
          maxDepth: 10_000,
        },
      ],
    };
    // Each round trip keeps the expected calls at a depth at 1 (0.5 x 2,000 x 1e-3), so none dies out.
    for (const g of leaves)
      steps[g] = [customStep('root', { maxDepth: 10_000, probability: 1e-3 })];
    expect(expectedHops({ entry: 'root', steps })).toBe(Number.POSITIVE_INFINITY);
  });
});
