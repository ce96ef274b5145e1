import type { PlatformConfig } from '../platform/config.ts';
import type { ResolvedPoint } from './resolve.ts';

/*
 * Its own module, apart from regionSplit.ts, because the work estimate (estimate.ts) asks it too,
 * and `coldtail validate` runs the estimate without loading the recorder that regionSplit needs.
 */

/**
 * What couples a region's functions, in words; null when nothing does. `watchable` false leaves
 * out what a run in blocks may see through (sharedCheck.ts): an account-wide limit, and a
 * cluster whose hosts never fail (one whose hosts fail couples its functions always: which
 * instances a failure takes depends on where every function's instances were placed), on a
 * platform that starts no instance on a timer (see timerStarts).
 */
export function regionCoupling(point: ResolvedPoint, watchable = true): string | null {
  for (const f of point.functions) {
    const p = f.platform;
    const shares = p.cluster
      ? `the hosts of platform "${p.name}"'s cluster`
      : p.limitScope === 'account'
        ? `platform "${p.name}"'s account-wide concurrency limit`
        : null;
    if (shares === null) continue;
    if (p.cluster?.meanTimeBetweenFailures !== undefined) {
      return `its functions share ${shares}, and hosts fail`;
    }
    // A policy that starts instances on a timer goes on after its own calls have ended: in one
    // simulation of the region it acts while the other blocks drain, in its block's own it does
    // not, so the two differ even where nothing ran short (a start during the drain).
    const timer = timerStarts(p);
    if (timer !== null)
      return `its functions share ${shares}, and its ${timer} starts instances on a timer`;
    if (watchable) return `its functions share ${shares}`;
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

/** What of a platform starts instances on a timer (an autoscaler, a pre-warming keep-alive), or null. */
function timerStarts(p: PlatformConfig): string | null {
  if (p.scaling?.policy === 'kpa') return 'autoscaler (kpa)';
  if (p.keepAlivePolicy?.policy === 'hybrid') return 'hybrid keep-alive policy';
  return null;
}
