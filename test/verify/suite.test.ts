/**
 * The built-in validation suite, in quick mode: every case's rows must pass, and every row must
 * be well formed. The cases are the tests: a failure names the case and the quantity.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ROWS, runVerify, VERIFY_CASES, type VerifyRow } from '../../src/verify/index.ts';

function checkRow(row: VerifyRow): void {
  const at = `${row.case}: ${row.quantity}`;
  for (const v of [row.expected, row.simulated, row.relativeError, row.tolerance]) {
    expect(Number.isFinite(v), at).toBe(true);
  }
  expect(row.low, at).not.toBeNull();
  expect(row.high, at).not.toBeNull();
  expect(row.low!, at).toBeLessThanOrEqual(row.simulated);
  expect(row.simulated, at).toBeLessThanOrEqual(row.high!);
  if (row.kind === 'between') expect(row.expectedHigh!, at).toBeGreaterThan(row.expected);
  else expect(row.expectedHigh, at).toBeUndefined();
  // Tolerances belong to approximate closed forms, and the note must say why.
  if (row.tolerance > 0) {
    expect(row.kind, at).toBe('equals');
    expect(row.note, at).toMatch(/tolerance/);
  }
  const got = `${row.simulated} [${row.low}, ${row.high}]`;
  expect(row.pass, `${at}: expected ${row.expected}, simulated ${got}`).toBe(true);
}

describe('coldtail verify, quick mode', () => {
  const told: string[] = [];
  let rows: VerifyRow[] = [];
  beforeAll(() => {
    rows = runVerify({ quick: true, onCase: (name) => told.push(name) });
  });

  it('runs every case once, in order, telling each name first', () => {
    const names = VERIFY_CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(told).toEqual(names);
  });

  it('has no more rows than its Bonferroni level allows for', () => {
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS);
  });

  for (const c of VERIFY_CASES) {
    it(c.name, () => {
      const mine = rows.filter((r) => r.case === c.name);
      expect(mine.length).toBeGreaterThan(0);
      mine.forEach(checkRow);
    });
  }
});
