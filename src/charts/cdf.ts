/** Reading a point's stored CDF: [p, latency] pairs at fixed percentiles. */

/**
 * The pairs that can be drawn: finite, latency > 0 (log axes), p in [0, 1],
 * sorted by p. A p above 1 is read as a percentage, so that results written
 * as [99.9, latency] still plot correctly.
 */
export function cleanCdf(cdf: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [rawP, latency] of cdf) {
    if (!Number.isFinite(rawP) || !Number.isFinite(latency) || latency <= 0) continue;
    const p = rawP > 1 ? rawP / 100 : rawP;
    if (p < 0 || p > 1) continue;
    out.push([p, latency]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * The share of calls slower than a threshold, interpolated between the
 * stored percentiles; null when the threshold lies outside them, where the
 * CDF says only that the share is above or below some bound.
 */
export function shareAbove(
  cdf: readonly (readonly [number, number])[],
  thresholdMs: number,
): number | null {
  const pts = cleanCdf(cdf);
  if (pts.length === 0) return null;
  const [p0, x0] = pts[0];
  if (thresholdMs < x0) return null;
  if (thresholdMs === x0) return 1 - p0;
  for (let i = 1; i < pts.length; i += 1) {
    const [pa, xa] = pts[i - 1];
    const [pb, xb] = pts[i];
    if (thresholdMs <= xb) {
      const f = xb === xa ? pb : pa + ((pb - pa) * (thresholdMs - xa)) / (xb - xa);
      return clean(1 - f);
    }
  }
  return null;
}

/** 1 - p without binary noise: 1 - 0.999 is 0.0010000000000000009. */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}
