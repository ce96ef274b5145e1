import { VERIFY_CASES } from './cases/index.ts';
import type { VerifyRow } from './types.ts';

export interface VerifyOptions {
  /** Fewer replications and shorter runs: a few seconds instead of under a minute. */
  quick?: boolean;
  /** Told each case's name before it runs (for progress). */
  onCase?: (name: string) => void;
  /** The master seed; the same seed gives the same rows. Default 1, as in experiment files. */
  seed?: number | string;
}

export const DEFAULT_VERIFY_SEED = 1;

/** Runs every built-in case, in order, on this thread, and returns all their rows. */
export function runVerify(options: VerifyOptions = {}): VerifyRow[] {
  const quick = options.quick ?? false;
  const seed = options.seed ?? DEFAULT_VERIFY_SEED;
  const rows: VerifyRow[] = [];
  for (const c of VERIFY_CASES) {
    options.onCase?.(c.name);
    rows.push(...c.run({ quick, seed }));
  }
  return rows;
}
