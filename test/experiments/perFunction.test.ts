import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  binMidpoint,
  COLD_SHARE_STEPS,
  functionRows,
  LATENCY_BINS,
  latencyBin,
} from '../../src/experiments/perFunction.ts';
import { replicationToJSON } from '../../src/experiments/replicationData.ts';
import { replicationDataSchema } from '../../src/experiments/replicationDataSchema.ts';
import { runExperiment, runUnit } from '../../src/experiments/runExperiment.ts';
import { writeOutputs } from '../../src/node/writeOutputs.ts';
import { createStream } from '../../src/random/streams.ts';
import { SpecError } from '../../src/spec/specError.ts';
import { platformModel, prepare } from './experimentHelpers.ts';

const region = (functions: number, extra: Record<string, unknown> = {}) => ({
  duration: '20min',
  warmup: '2min',
  replications: 2,
  platform: platformModel({ coldStart: { sandbox: '300ms' }, keepAlive: '1min' }),
  workload: {
    population: {
      functions,
      perDay: { uniform: { min: 100, max: 20_000 } },
      execution: '50ms',
      executionSigma: 0,
      ...extra,
    },
  },
});

describe('latency bins', () => {
  it('put every value within 3.2 % of its bin midpoint, in order', () => {
    const rng = createStream('bins', 'x');
    let previous = -1;
    for (let i = 0; i < 20_000; i++) {
      // 0.01 ms to 1e7 ms, log-uniform.
      const v = 10 ** (-2 + 9 * rng());
      const b = latencyBin(v);
      expect(Math.abs(binMidpoint(b) - v) / v).toBeLessThanOrEqual(1 / 32 + 1e-12);
      previous = Math.max(previous, b);
    }
    expect(latencyBin(0)).toBe(0);
    expect(latencyBin(1e12)).toBe(LATENCY_BINS - 1);
    for (let v = 0.01; v < 1e7; v *= 1.01)
      expect(latencyBin(v * 1.01)).toBeGreaterThanOrEqual(latencyBin(v));
  });
});

describe('results function by function', () => {
  const out = runExperiment(prepare(region(60)));
  const [p] = out.results.points;
  const rows = out.functionRows![0];

  it('adds up to the totals: calls, cold calls', () => {
    expect(rows).toHaveLength(60);
    expect(rows.reduce((n, r) => n + r.calls, 0)).toBe(p.calls.completed);
    const coldRoots = p.cold.hopsCold.slice(1).reduce((a, b) => a + b, 0);
    expect(rows.reduce((n, r) => n + r.cold, 0)).toBe(coldRoots);
  });

  it("gives each function the p99 of its own calls: its execution, or a cold start's", () => {
    for (const r of rows) {
      if (r.calls === 0) {
        expect(r.coldShare).toBeNull();
        expect(r.p99).toBeNull();
        continue;
      }
      // 50 ms warm, 350 ms cold (no other stage takes time), read within a bin's 3.2 %.
      const want = r.cold / r.calls > 0.01 ? 350 : 50;
      expect(Math.abs(r.p99! - want) / want).toBeLessThan(0.033);
    }
  });

  it('keeps the distribution across functions in a size that does not grow with them', () => {
    const s = p.functions!;
    expect(s.functions).toBe(60);
    expect(s.called).toBe(rows.filter((r) => r.calls > 0).length);
    for (const [x, share] of s.coldShareAbove) {
      const above = rows.filter((r) => r.calls > 0 && r.coldShare! > x).length / s.called;
      expect(share).toBe(above);
    }
    expect(s.coldShareAbove.map(([x]) => x)).toEqual(COLD_SHARE_STEPS);
    const bigger = runExperiment(prepare({ ...region(300), replications: 1, duration: '4min' }));
    const size = (o: unknown) =>
      JSON.stringify(o, (_k, v) => (typeof v === 'number' ? 0 : v)).length;
    expect(size(bigger.results.points[0].functions)).toBe(size(s));
  });

  it('counts wasted memory time: idle GB-seconds, alive minus the time busy or starting', () => {
    const s = p.functions!;
    expect(s.idleGbSeconds).toBeGreaterThan(0);
    expect(s.idleGbSeconds).toBeLessThan(s.aliveGbSeconds);
    // Busy and starting time, GB-weighted, mean per replication: calls x 50 ms plus cold x 300 ms
    // (a call still running at the end of the window counts only up to it: one exec per function).
    const gb = (r: (typeof rows)[number]) => r.memoryMB / 1024;
    const busy = rows.reduce((n, r) => n + (r.calls * 0.05 + r.cold * 0.3) * gb(r), 0) / 2;
    const slack = rows.reduce((n, r) => n + 0.35 * gb(r), 0);
    expect(Math.abs(s.aliveGbSeconds - s.idleGbSeconds - busy)).toBeLessThan(slack);
  });

  it('writes functions.csv, one row per function per point', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coldtail-fn-'));
    writeOutputs(dir, out);
    const lines = readFileSync(join(dir, 'functions.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'point,label,function,memoryMB,calls,cold,coldShare,p99Ms,throttled,timedOut,idleGbSeconds,aliveGbSeconds',
    );
    expect(lines).toHaveLength(61);
    expect(lines[1].split(',')[2]).toBe('fn00');
  });
});

describe('the per-function table of a replication, as JSON', () => {
  const prepared = prepare({ ...region(20), replications: 1 });
  const data = runUnit(prepared, { id: 0, point: 0, replication: 0 });
  const json = JSON.parse(JSON.stringify(replicationToJSON(data)));

  it('survives the trip (worker threads, shard files) and merges the same', () => {
    const parsed = replicationDataSchema.parse(json);
    expect(functionRows([parsed.functions!])).toEqual(functionRows([data.functions!]));
  });

  it('is refused with its field when damaged', () => {
    const i = json.functions.completed.findIndex((c: number) => c > 0);
    const bad = structuredClone(json);
    bad.functions.cold[i] = bad.functions.completed[i] + 1;
    expect(() => replicationDataSchema.parse(bad)).toThrow(SpecError);
    try {
      replicationDataSchema.parse(bad);
    } catch (e) {
      expect((e as SpecError).path).toBe(`functions.cold[${i}]`);
    }
    const short = structuredClone(json);
    short.functions.names.pop();
    expect(() => replicationDataSchema.parse(short)).toThrow(/one value per function/);
  });
});
