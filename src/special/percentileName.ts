/**
 * The conventional short name of a percentile: 0.99 -> "p99", 0.999 -> "p99.9",
 * 0.5 -> "p50", 0.0001 -> "p0.01".
 *
 * Rounded to 12 significant digits so that binary noise (0.999 * 100 =
 * 99.89999999999999) does not show up in user-facing messages.
 */
export function percentileName(p: number): string {
  return `p${Number((p * 100).toPrecision(12))}`;
}
