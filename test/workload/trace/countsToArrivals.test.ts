import { readFileSync } from 'node:fs';
import { sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import type { Rng } from '../../../src/random/rng.ts';
import { createStream } from '../../../src/random/streams.ts';
import type { ArrivalProcess } from '../../../src/workload/arrivals/index.ts';
import { countsToArrivals, parseAzureCountsCsv } from '../../../src/workload/trace/index.ts';

const MINUTE = 60_000;

function collect(process: ArrivalProcess, from = 0): number[] {
  const times: number[] = [];
  for (let t = process.next(from); t < Infinity; t = process.next(t)) times.push(t);
  return times;
}

function perMinute(times: number[], minutes: number): Uint32Array {
  const counts = new Uint32Array(minutes);
  for (const t of times) counts[Math.floor(t / MINUTE)]++;
  return counts;
}

function isSorted(times: number[]): boolean {
  return times.every((t, i) => i === 0 || t >= times[i - 1]);
}

describe('countsToArrivals', () => {
  it("'uniform' reproduces every minute of the shipped Azure sample exactly", () => {
    const url = new URL('../../../models/traces/azure-sample.csv', import.meta.url);
    const rows = parseAzureCountsCsv(readFileSync(url, 'utf8'), 'azure-sample.csv');
    for (const row of rows) {
      const times = collect(
        countsToArrivals(row.counts, { spread: 'uniform' }, createStream(12, row.function)),
      );
      expect(isSorted(times)).toBe(true);
      expect(times.every((t) => t >= 0 && t < row.counts.length * MINUTE)).toBe(true);
      expect(perMinute(times, row.counts.length)).toEqual(row.counts);
    }
  });

  it("'uniform' spreads a minute uniformly (KS test) and handles a million in one minute", () => {
    const counts = Uint32Array.from([0, 1_000_000, 3]);
    const times = collect(countsToArrivals(counts, { spread: 'uniform' }, createStream(13, 'big')));
    expect(perMinute(times, 3)).toEqual(counts);
    expect(isSorted(times)).toBe(true);
    const n = 1_000_000;
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = (times[i] - MINUTE) / MINUTE;
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it("'uniform' keeps arrivals inside their minute even when the draws are extreme", () => {
    const extremes = [0, 1 - Number.EPSILON / 2, 0.5, 1 - Number.EPSILON / 2];
    let i = 0;
    const rng: Rng = () => extremes[i++ % extremes.length];
    const counts = Uint32Array.from([4, 4, 4]);
    const times = collect(countsToArrivals(counts, { spread: 'uniform' }, rng));
    expect(perMinute(times, 3)).toEqual(counts);
  });

  it("'poisson' adds count noise: Poisson per minute, mean counts[m]", () => {
    const counts = new Uint32Array(200).fill(500);
    counts[7] = 0;
    const times = collect(countsToArrivals(counts, { spread: 'poisson' }, createStream(14, 'p')));
    expect(isSorted(times)).toBe(true);
    const got = perMinute(times, counts.length);
    expect(got[7]).toBe(0);
    expect(Math.abs(times.length - 199 * 500)).toBeLessThan(4 * Math.sqrt(199 * 500));
    const others = [...got].filter((_, m) => m !== 7);
    const variance = sampleVariance(others);
    // A Poisson count has variance = mean; 'uniform' would have variance 0.
    expect(variance).toBeGreaterThan(250);
    expect(variance).toBeLessThan(1000);
  });

  it('is deterministic at a fixed seed and skips minutes before a late first call', () => {
    const counts = Uint32Array.from([5, 5, 5]);
    for (const spread of ['uniform', 'poisson'] as const) {
      const a = collect(countsToArrivals(counts, { spread }, createStream(15, spread)));
      const b = collect(countsToArrivals(counts, { spread }, createStream(15, spread)));
      expect(a).toEqual(b);
      const late = collect(
        countsToArrivals(counts, { spread }, createStream(15, spread)),
        2 * MINUTE,
      );
      expect(late.every((t) => t >= 2 * MINUTE)).toBe(true);
    }
  });

  it('rejects an unknown spread', () => {
    const spread = 'even' as unknown as 'uniform';
    expect(() => countsToArrivals(new Uint32Array(1), { spread }, createStream(1, 'x'))).toThrow(
      `countsToArrivals: spread must be 'uniform' or 'poisson' (got "even")`,
    );
  });
});
