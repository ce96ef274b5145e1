/**
 * The smallest and largest of a list, by a loop: Math.min(...list) passes the
 * list as arguments and overflows the stack beyond about 100,000 of them, and
 * a results file may hold millions of CDF pairs.
 */
export function minOf(values: readonly number[]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < m) m = v;
  return m;
}

export function maxOf(values: readonly number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > m) m = v;
  return m;
}
