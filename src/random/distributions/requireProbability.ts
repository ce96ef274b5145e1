/**
 * Rejects a quantile level outside [0, 1] (or NaN): a quantile silently
 * extrapolated from a bad level would look like a plausible duration.
 */
export function requireProbability(kind: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${kind}: p must be in [0, 1] (got ${p})`);
}
