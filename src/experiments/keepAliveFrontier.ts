import type { ExperimentResults } from './results.ts';

/** One policy's point in Shahrad et al.'s comparison (Serverless in the Wild, section 4). */
export interface FrontierPoint {
  /** The sweep point's label, e.g. "keepAlive=30min" (a hybrid policy point labels itself alike). */
  label: string;
  /** The cold-start share of the 75th-percentile function (nearest rank over called functions). */
  coldShareP75: number | null;
  /** Wasted memory time: GB-seconds of idle instances, all functions, mean per replication. */
  wastedGbSeconds: number;
  /** The same divided by the reference point's (the 10-minute fixed keep-alive): 1 = 100 %. */
  wastedNormalised: number | null;
}

/**
 * The points of the cold-start vs wasted-memory comparison from a region experiment's results
 * (each point's `functions` summary), wasted memory normalised to the point at `reference`
 * (index into the points; the paper normalises to the 10-minute fixed keep-alive). Any sweep
 * point is a policy: fixed windows today, a hybrid policy when the platform offers one.
 */
export function keepAliveFrontier(results: ExperimentResults, reference = 0): FrontierPoint[] {
  const ref = results.points[reference]?.functions?.idleGbSeconds;
  return results.points.flatMap((p) => {
    const f = p.functions;
    if (f === undefined) return [];
    const p75 = f.coldShareAt.find(([q]) => q === 0.75);
    return [
      {
        label: p.label,
        coldShareP75: p75 === undefined ? null : p75[1],
        wastedGbSeconds: f.idleGbSeconds,
        wastedNormalised: ref !== undefined && ref > 0 ? f.idleGbSeconds / ref : null,
      },
    ];
  });
}
