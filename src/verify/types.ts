/**
 * The shapes of `coldtail verify`: a case runs simulations and returns rows, each row compares
 * one simulated quantity with what theory or the founding article says it should be.
 */

/**
 * How a row's expectation reads:
 * - `equals`: the simulated value should equal `expected` (a closed form); the row passes when
 *   `expected` lies inside the interval, widened by `tolerance` where the formula is only an
 *   approximation.
 * - `atLeast` / `atMost`: `expected` is a bound ("over 100 ms", "under 10 ms"); the row passes
 *   when the whole interval lies on the right side of it.
 * - `between`: the whole interval lies inside [`expected`, `expectedHigh`].
 */
export type VerifyKind = 'equals' | 'atLeast' | 'atMost' | 'between';

export interface VerifyRow {
  /** The case's name, e.g. "M/M/1". */
  case: string;
  /** What is compared, e.g. "mean time in system". */
  quantity: string;
  kind: VerifyKind;
  /** The closed form's value, or the bound (the lower one for `between`). */
  expected: number;
  /** The upper bound of a `between` row. */
  expectedHigh?: number;
  /** Unit of expected, simulated, low and high ("ms", "x" for ratios; "" for shares). */
  unit: string;
  /** The mean over independent replications. */
  simulated: number;
  /**
   * The confidence interval of `simulated` (Student t over replications; see ROW_LEVEL for its
   * level); null only when it cannot be computed (fewer than two replications).
   */
  low: number | null;
  high: number | null;
  /**
   * `equals`: (simulated - expected) / |expected|. Bounds: 0 when the simulated value satisfies
   * the bound, else its relative distance past the bound it breaks (signed).
   */
  relativeError: number;
  /**
   * Relative model tolerance by which the interval was widened on each side (equals rows
   * only): non-zero only where the formula is an approximation, and the note says why.
   */
  tolerance: number;
  pass: boolean;
  /** How the quantity was measured, and the reason for any tolerance. */
  note?: string;
}

export interface CaseOptions {
  /** Fewer replications and shorter runs: wider intervals, a few seconds in all. */
  quick: boolean;
  seed: number | string;
}

/** One validation: runs its simulations and compares them with the expectations. */
export interface VerifyCase {
  name: string;
  run(options: CaseOptions): VerifyRow[];
}
