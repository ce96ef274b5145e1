import type { ResolvedPoint } from './resolve.ts';

/*
 * Its own module, apart from regionSplit.ts, because the work estimate (estimate.ts) asks it too,
 * and `coldtail validate` runs the estimate without loading the recorder that regionSplit needs.
 */

/**
 * What couples a region's functions, in words; null when nothing does. `withAccount` false leaves
 * out an account-wide limit, which a run may see through (accountCheck.ts).
 */
export function regionCoupling(point: ResolvedPoint, withAccount = true): string | null {
  for (const f of point.functions) {
    const p = f.platform;
    if (p.cluster) {
      return `its functions share the hosts of platform "${p.name}"'s cluster`;
    }
    if (withAccount && p.limitScope === 'account') {
      return `its functions share platform "${p.name}"'s account-wide concurrency limit`;
    }
  }
  if (Object.values(point.graph.steps).some((steps) => steps.length > 0)) {
    return 'its graph calls functions from functions';
  }
  if (point.caller !== null) {
    return "a caller's policy (retries, hedges) keeps state across calls";
  }
  if (point.timelineWindow !== null) {
    return 'it draws a timeline of the whole run';
  }
  return null;
}
