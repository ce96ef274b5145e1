/** Points grouped into series along a numeric sweep axis, each sorted by its x. */
import type { ExperimentResults, PointResult } from '../../experiments/results.ts';
import { type Axis, looksLikeDuration, numberAt, seriesOf, seriesOrder } from '../axes.ts';
import { formatMs } from '../format.ts';
import { atWords, labelWords } from '../words.ts';

export interface SweepGroup {
  /** The other axes' values ("" without other axes). */
  series: string;
  points: { x: number; point: PointResult }[];
}

export function groupsAlong(results: ExperimentResults, axis: Axis): SweepGroup[] {
  const others = results.axes.filter((a) => a !== axis);
  return seriesOrder(results.points, others).map((series) => {
    const mine = results.points.filter((p) => seriesOf(p, others) === series);
    // In words ("aws-lambda-2019, same-region"), not "platform=aws-lambda-2019, client=same-region".
    return {
      series: others.length === 0 || mine.length === 0 ? '' : labelWords(others, mine[0]),
      points: mine
        .map((point) => ({ x: numberAt(point, axis), point }))
        .filter((r): r is { x: number; point: PointResult } => r.x !== null)
        .sort((a, b) => a.x - b.x),
    };
  });
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
