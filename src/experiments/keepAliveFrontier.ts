import { parseDuration } from '../spec/duration.ts';
import type { ExperimentResults, PointResult } from './results.ts';

/** One policy's point in Shahrad et al.'s comparison (Serverless in the Wild, section 4). */
export interface FrontierPoint {
  /** The sweep point's index. */
  index: number;
  /** The sweep point's label, e.g. "keepAlive=30min" or "platformOverrides=hybrid". */
  label: string;
  /** The cold-start share of the 75th-percentile function (nearest rank over called functions). */
  coldShareP75: number | null;
  /** Wasted memory time: GB-seconds of idle instances, all functions, mean per replication. */
  wastedGbSeconds: number;
  /** The same divided by the reference point's (the 10-minute fixed keep-alive): 1 = 100 %. */
  wastedNormalised: number | null;
  /** Functions with at least one completed call: the ones the 75th percentile is taken over. */
  called: number;
}

/** The paper's reference: the fixed 10-minute keep-alive, AWS Lambda's of the time. */
export const REFERENCE_WINDOW_MS = 600_000;

/** A sweep value read as a duration: "10min", "10 min", or a number (ms) on a keep-alive axis. */
function windowOf(value: unknown, path: string): number | null {
  if (typeof value === 'number' && !/keep.?alive/i.test(path)) return null;
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  try {
    return parseDuration(value);
  } catch {
    return null;
  }
}

/**
 * The index of the point wasted memory is normalised to: the first point, in sweep order,
 * with a sweep value of 10 minutes (a keep-alive of "10min", or a named value "10min" or
 * "10 min"); null when no point has one. A sweep of fixed windows against a hybrid policy has
 * the fixed 10-minute point first when the policy axis lists "fixed" first, as the shipped ones do.
 */
export function referencePoint(results: ExperimentResults): number | null {
  for (const p of results.points) {
    for (const axis of results.axes) {
      if (windowOf(p.params[axis.path], axis.path) === REFERENCE_WINDOW_MS) return p.index;
    }
  }
  return null;
}

function p75(p: PointResult): number | null {
  const at = p.functions?.coldShareAt.find(([q]) => q === 0.75);
  return at === undefined ? null : at[1];
}

/**
 * The points of the cold-start vs wasted-memory comparison from a region experiment's results
 * (each point's `functions` summary), wasted memory normalised to the point of index
 * `reference` (default: referencePoint, the 10-minute fixed keep-alive, as the paper does).
 * Points without a functions summary are left out; a reference without idle memory (or
 * absent) leaves every `wastedNormalised` null rather than dividing by zero.
 */
export function keepAliveFrontier(
  results: ExperimentResults,
  reference: number | null = referencePoint(results),
): FrontierPoint[] {
  const refPoint = results.points.find((p) => p.index === reference);
  const ref = refPoint?.functions?.idleGbSeconds;
  return results.points.flatMap((p) => {
    const f = p.functions;
    if (f === undefined) return [];
    return [
      {
        index: p.index,
        label: p.label,
        coldShareP75: p75(p),
        wastedGbSeconds: f.idleGbSeconds,
        wastedNormalised:
          ref !== undefined && ref > 0 && Number.isFinite(f.idleGbSeconds)
            ? f.idleGbSeconds / ref
            : null,
        called: f.called,
      },
    ];
  });
}
