/** Points grouped into series along a numeric sweep axis, each sorted by its x. */
import type { ExperimentResults, PointResult } from '../../experiments/results.ts';
import { type Axis, looksLikeDuration, numberAt, seriesOf, seriesOrder } from '../axes.ts';
import { formatMs } from '../format.ts';
import { atWords } from '../words.ts';

export interface SweepGroup {
  /** The other axes' values ("" without other axes). */
  series: string;
  points: { x: number; point: PointResult }[];
}

export function groupsAlong(results: ExperimentResults, axis: Axis): SweepGroup[] {
  const others = results.axes.filter((a) => a !== axis);
  return seriesOrder(results.points, others).map((series) => ({
    series: others.length === 0 ? '' : series,
    points: results.points
      .filter((p) => seriesOf(p, others) === series)
      .map((point) => ({ x: numberAt(point, axis), point }))
      .filter((r): r is { x: number; point: PointResult } => r.x !== null)
      .sort((a, b) => a.x - b.x),
  }));
}

/** A sweep value as written in a sentence: "8", or "10 min" on a duration axis. */
export function valueText(axis: Axis, x: number): string {
  return looksLikeDuration(axis) ? formatMs(x) : String(x);
}

/** "at depth 8", or "for aws-lambda at depth 8" when there are several series. */
export function where(group: SweepGroup, axis: Axis, x: number): string {
  const at = atWords(axis, valueText(axis, x));
  return group.series === '' ? at : `for ${group.series} ${at}`;
}
