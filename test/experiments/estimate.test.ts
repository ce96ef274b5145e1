import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateWork, expectedHops } from '../../src/experiments/estimate.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { presetRegistry } from '../../src/models/registry.ts';
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
