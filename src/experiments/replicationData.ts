import { Histogram, type HistogramJSON } from '../metrics/histogram.ts';
import type { ReplicationData } from './recorder.ts';

/** ReplicationData as JSON: what a worker thread or a shard hands back, losslessly. */
export interface ReplicationDataJSON
  extends Omit<ReplicationData, 'endToEnd' | 'stages' | 'breakdown' | 'timeline'> {
  endToEnd: HistogramJSON;
  stages: HistogramJSON[];
  /** Sparse: [index, value] of the non-zero cells. */
  breakdown: [number, number][];
  breakdownLength: number;
  timeline: {
    series: NonNullable<ReplicationData['timeline']>['series'];
    p99: (HistogramJSON | null)[];
  } | null;
}

export function replicationToJSON(d: ReplicationData): ReplicationDataJSON {
  const breakdown: [number, number][] = [];
  d.breakdown.forEach((v, i) => {
    if (v !== 0) breakdown.push([i, v]);
  });
  return {
    ...d,
    endToEnd: d.endToEnd.toJSON(),
    stages: d.stages.map((h) => h.toJSON()),
    breakdown,
    breakdownLength: d.breakdown.length,
    timeline: d.timeline
      ? {
          series: d.timeline.series,
          p99: Array.from({ length: d.timeline.series.windows }, (_, w) =>
            d.timeline!.p99[w] ? d.timeline!.p99[w].toJSON() : null,
          ),
        }
      : null,
  };
}

export function replicationFromJSON(j: ReplicationDataJSON): ReplicationData {
  const breakdown = new Float64Array(j.breakdownLength);
  for (const [i, v] of j.breakdown) breakdown[i] = v;
  return {
    ...j,
    endToEnd: Histogram.fromJSON(j.endToEnd),
    stages: j.stages.map((h) => Histogram.fromJSON(h)),
    breakdown,
    timeline: j.timeline
      ? {
          series: j.timeline.series,
          p99: j.timeline.p99.map((h) => (h ? Histogram.fromJSON(h) : (undefined as never))),
        }
      : null,
  };
}
