import { describe, expect, it } from 'vitest';
import {
  BIN_ROW,
  COMPLETED,
  FunctionRows,
  POSITION,
  STRIDE,
} from '../../src/experiments/functionRows.ts';

describe('FunctionRows', () => {
  it('makes a row per function index, keeps the rows made as it grows, and finds only those', () => {
    const rows = new FunctionRows();
    const made = [3, 0, 200, 64, 1_000];
    for (const [k, index] of made.entries()) {
      const at = rows.row(index);
      expect(at).toBe(index * STRIDE);
      // A new row follows no table and has no latency bins yet.
      expect(rows.data[at + POSITION]).toBe(-1);
      expect(rows.data[at + BIN_ROW]).toBe(-1);
      rows.data[at + COMPLETED] = k + 1;
    }
    // Rows made earlier kept their numbers through the growth, and making one again keeps them.
    for (const [k, index] of made.entries()) {
      expect(rows.row(index)).toBe(index * STRIDE);
      expect(rows.data[index * STRIDE + COMPLETED]).toBe(k + 1);
      expect(rows.find(index)).toBe(index * STRIDE);
    }
    for (const index of [1, 2, 65, 999, 1_001, 50_000]) expect(rows.find(index)).toBe(-1);
  });
});
