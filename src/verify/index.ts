/**
 * `coldtail verify` as a library: the simulator against closed forms of queueing theory and
 * against the founding article's figures. Plain computation, no I/O: it runs in a browser too.
 */
export { VERIFY_CASES } from './cases/index.ts';
export {
  type CoverageOptions,
  type CoverageRow,
  formatCoverage,
  runCoverage,
} from './coverage.ts';
export { type FormatOptions, formatVerifyTable, verifySummary } from './format.ts';
export { type Expectation, FAMILY_LEVEL, judge, judgeRow, MAX_ROWS, ROW_LEVEL } from './judge.ts';
export { DEFAULT_VERIFY_SEED, runVerify, type VerifyOptions } from './runVerify.ts';
export type { CaseOptions, VerifyCase, VerifyKind, VerifyRow } from './types.ts';
