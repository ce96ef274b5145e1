import type { Distribution } from '../../../random/distribution.ts';

/**
 * What a published characterisation says of the functions of a region, as distributions to
 * draw each function from. Each figure is cited in models/CALIBRATION.md ("A region of
 * functions"). Adding one is a file exporting one of these, and its line in ./index.ts.
 */
export interface Characterisation {
  /** The name in an experiment file: {"population": {"like": "azure-2019"}}. */
  readonly name: string;
  /** Where the figures come from, for `coldtail models` and the docs. */
  readonly source: string;
  /** Invocations per day of one function (its long-run average). */
  readonly perDay: Distribution;
  /** Share of functions called like a timer: periodic, inter-arrival CV 0. */
  readonly periodicShare: number;
  /** Inter-arrival coefficient of variation of the others (above 0). */
  readonly iatCv: Distribution;
  /** A function's average execution time, ms. */
  readonly meanExecutionMs: Distribution;
  /** Spread of one function's execution times: sigma of ln(ms) of a lognormal around its mean. */
  readonly executionSigma: number;
  /** Memory one function holds, MB. */
  readonly memoryMB: Distribution;
}
