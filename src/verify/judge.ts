import { meanInterval } from '../metrics/confidence.ts';
import type { VerifyKind, VerifyRow } from './types.ts';

/**
 * The suite's confidence: if the simulator is right, every row passes at once with at least
 * this probability.
 */
export const FAMILY_LEVEL = 0.95;

/** The most rows the built-in suite has (a test checks it): the Bonferroni denominator. */
export const MAX_ROWS = 55;

/**
 * The level of each row's interval. With forty-odd rows, separate 95% intervals would make a
 * correct simulator fail some row more often than not; Bonferroni's 1 - 0.05 / 50 per row makes
 * the intervals simultaneous 95% ones, whatever the dependence between rows.
 */
export const ROW_LEVEL = 1 - (1 - FAMILY_LEVEL) / MAX_ROWS;

export interface Expectation {
  kind: VerifyKind;
  expected: number;
  /** For `between`. */
  expectedHigh?: number;
  /** Relative widening for approximate formulas (equals only); say why in the note. */
  tolerance?: number;
}

export interface Measured {
  case: string;
  quantity: string;
  unit: string;
  /** One value per independent replication. */
  values: readonly number[];
  /**
   * `log` for ratios (positive, skewed): the interval is computed on the logs and mapped back,
   * and the estimate is the geometric mean. Default `linear`: the arithmetic mean.
   */
  scale?: 'linear' | 'log';
  note?: string;
}

/**
 * Builds a row from per-replication values: their mean, its Student t interval at ROW_LEVEL, the
 * verdict.
 */
export function judgeRow(m: Measured, e: Expectation): VerifyRow {
  if (m.values.length === 0) throw new RangeError(`${m.case}: ${m.quantity}: no replications`);
  const log = m.scale === 'log';
  const ci = meanInterval(log ? m.values.map(Math.log) : m.values, ROW_LEVEL);
  const back = (x: number | null) => (x === null || !log ? x : Math.exp(x));
  const row: VerifyRow = {
    case: m.case,
    quantity: m.quantity,
    kind: e.kind,
    expected: e.expected,
    unit: m.unit,
    simulated: back(ci.mean)!,
    low: back(ci.low),
    high: back(ci.high),
    relativeError: 0,
    tolerance: e.kind === 'equals' ? (e.tolerance ?? 0) : 0,
    pass: false,
  };
  if (e.kind === 'between') row.expectedHigh = e.expectedHigh;
  if (m.note !== undefined) row.note = m.note;
  row.relativeError = relativeError(row);
  row.pass = judge(row);
  return row;
}

/**
 * The verdict. Equals: the expected value lies in the interval widened by the tolerance.
 * Bounds: the whole interval satisfies the bound. A row without an interval is judged on its
 * simulated value alone (the suite always runs enough replications to have one).
 */
export function judge(row: VerifyRow): boolean {
  const low = row.low ?? row.simulated;
  const high = row.high ?? row.simulated;
  if (![row.expected, row.simulated, low, high].every(Number.isFinite)) return false;
  switch (row.kind) {
    case 'equals': {
      const slack = row.tolerance * Math.abs(row.expected);
      return low - slack <= row.expected && row.expected <= high + slack;
    }
    case 'atLeast':
      return low > row.expected;
    case 'atMost':
      return high < row.expected;
    case 'between':
      return row.expectedHigh !== undefined && low > row.expected && high < row.expectedHigh;
  }
}

function relativeError(row: VerifyRow): number {
  const { simulated: s, expected: lo } = row;
  const rel = (bound: number) => (s - bound) / Math.abs(bound);
  switch (row.kind) {
    case 'equals':
      return rel(lo);
    case 'atLeast':
      return s >= lo ? 0 : rel(lo);
    case 'atMost':
      return s <= lo ? 0 : rel(lo);
    case 'between': {
      const hi = row.expectedHigh ?? Number.NaN;
      return s < lo ? rel(lo) : s > hi ? rel(hi) : 0;
    }
  }
}
