/**
 * The verdicts, and negative controls: a wrong expectation must fail, whether it is a row built
 * by hand or a case fed a wrong parameter.
 */
import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/metrics/confidence.ts';
import { mm1Case } from '../../src/verify/cases/mm1.ts';
import { judge, judgeRow, ROW_LEVEL } from '../../src/verify/index.ts';
import type { VerifyRow } from '../../src/verify/types.ts';

const values = [9.8, 10.1, 10.0, 9.9, 10.2];
const measured = { case: 'c', quantity: 'q', unit: 'ms', values };

describe('judgeRow', () => {
  it('estimates the mean with a Student t interval at ROW_LEVEL', () => {
    const row = judgeRow(measured, { kind: 'equals', expected: 10 });
    const ci = meanInterval(values, ROW_LEVEL);
    expect(row.simulated).toBeCloseTo(ci.mean!, 12);
    expect(row.low).toBeCloseTo(ci.low!, 12);
    expect(row.high).toBeCloseTo(ci.high!, 12);
    expect(row.relativeError).toBeCloseTo(0, 12);
    expect(row.pass).toBe(true);
  });

  it('fails an expected value outside the interval, and says by how much', () => {
    const row = judgeRow(measured, { kind: 'equals', expected: 11 });
    expect(row.high!).toBeLessThan(11);
    expect(row.pass).toBe(false);
    expect(row.relativeError).toBeCloseTo(-1 / 11, 12);
  });

  it('widens the interval by the relative tolerance of an approximate formula, no more', () => {
    const row = judgeRow(measured, { kind: 'equals', expected: 10 });
    const justOutside = row.high! * 1.01;
    expect(judgeRow(measured, { kind: 'equals', expected: justOutside }).pass).toBe(false);
    expect(
      judgeRow(measured, { kind: 'equals', expected: justOutside, tolerance: 0.02 }).pass,
    ).toBe(true);
    // Bounds take no tolerance.
    expect(judgeRow(measured, { kind: 'atLeast', expected: 10, tolerance: 0.5 }).tolerance).toBe(0);
  });

  it('passes a bound only when the whole interval satisfies it', () => {
    const row = judgeRow(measured, { kind: 'equals', expected: 10 });
    const { low, high } = row as { low: number; high: number };
    expect(judgeRow(measured, { kind: 'atLeast', expected: low - 0.01 }).pass).toBe(true);
    // The mean satisfies this bound but the interval does not: fail.
    expect(judgeRow(measured, { kind: 'atLeast', expected: low + 0.01 }).pass).toBe(false);
    expect(judgeRow(measured, { kind: 'atMost', expected: high + 0.01 }).pass).toBe(true);
    expect(judgeRow(measured, { kind: 'atMost', expected: high - 0.01 }).pass).toBe(false);
    const between = (lo: number, hi: number) =>
      judgeRow(measured, { kind: 'between', expected: lo, expectedHigh: hi });
    expect(between(low - 1, high + 1).pass).toBe(true);
    expect(between(low + 0.01, high + 1).pass).toBe(false);
    expect(between(low - 1, high - 0.01).pass).toBe(false);
    expect(between(low - 1, high + 1).expectedHigh).toBe(high + 1);
  });

  it('gives a bound row a relative error only when the estimate breaks the bound', () => {
    expect(judgeRow(measured, { kind: 'atLeast', expected: 5 }).relativeError).toBe(0);
    expect(judgeRow(measured, { kind: 'atLeast', expected: 20 }).relativeError).toBeCloseTo(-0.5);
    expect(judgeRow(measured, { kind: 'atMost', expected: 8 }).relativeError).toBeCloseTo(0.25);
    const high = judgeRow(measured, { kind: 'between', expected: 1, expectedHigh: 5 });
    expect(high.relativeError).toBeCloseTo(1);
  });

  it('averages ratios on a log scale: geometric mean inside its interval', () => {
    const ratios = [1.5, 3, 2, 6, 2.5];
    const row = judgeRow(
      { ...measured, values: ratios, scale: 'log' },
      { kind: 'atLeast', expected: 1 },
    );
    const geometric = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
    expect(row.simulated).toBeCloseTo(geometric, 12);
    expect(row.low!).toBeLessThan(geometric);
    expect(row.high!).toBeGreaterThan(geometric);
    expect(row.low!).toBeGreaterThan(0);
  });

  it('fails non-finite numbers and judges a row without an interval on its estimate', () => {
    const row = judgeRow({ ...measured, values: [10] }, { kind: 'equals', expected: 10 });
    expect(row.low).toBeNull();
    expect(row.pass).toBe(true);
    const nan: VerifyRow = { ...row, simulated: Number.NaN };
    expect(judge(nan)).toBe(false);
    expect(() => judgeRow({ ...measured, values: [] }, { kind: 'equals', expected: 1 })).toThrow(
      /no replications/,
    );
  });
});

describe('negative control: a case told the wrong arrival rate', () => {
  it('M/M/1 with the closed form fed lambda 60/s while 50/s arrive fails every row', () => {
    const rows = mm1Case({ lambda: 50, mu: 100, theoryLambda: 60 }).run({ quick: true, seed: 1 });
    expect(rows.length).toBe(3);
    for (const row of rows) {
      expect(row.pass, row.quantity).toBe(false);
      // 1/(100 - 60) against 1/(100 - 50): the simulation is 20% faster than the wrong theory.
      expect(row.relativeError).toBeLessThan(-0.1);
    }
  });

  it('the same case with the right rate passes', () => {
    const rows = mm1Case({ lambda: 50, mu: 100 }).run({ quick: true, seed: 1 });
    expect(rows.every((r) => r.pass)).toBe(true);
  });
});
