/**
 * Reading the sweep: which axes are numeric (a line can run along them) and
 * which are categories (platforms, clients: compared side by side).
 */
import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import { parseDuration } from '../spec/duration.ts';
import { formatMs } from './format.ts';

export type Axis = ExperimentResults['axes'][number];

/**
 * An axis a line can run along: its values are numbers, or durations as
 * written ("10min"), which the results also give in ms (`axis.ms`).
 */
export function isNumericAxis(axis: Axis): boolean {
  const values = axis.values.filter((v) => v !== NONE);
  if (values.length === 0) return false;
  return hasMs(axis) || durationsMs(axis) !== null || values.every((v) => typeof v === 'number');
}

/**
 * A sweep value that switches a feature off (`"warmers.period": ["none",
 * "2min", ...]`): not a point on the axis, but a reference the charts draw
 * beside it, labelled in words.
 */
export const NONE = 'none';

/** Whether the axis carries its values in ms, one per value (durations written as text). */
function hasMs(axis: Axis): axis is Axis & { ms: number[] } {
  return (
    Array.isArray(axis.ms) &&
    axis.ms.length === axis.values.length &&
    axis.ms.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}

/**
 * The axis' values in ms when they are durations and "none" (the results
 * give `ms` only when every value is a duration); NaN marks "none". Null
 * when the values are not such a mix.
 */
function durationsMs(axis: Axis): number[] | null {
  if (!axis.values.includes(NONE)) return null;
  const out: number[] = [];
  let any = false;
  for (const v of axis.values) {
    if (v === NONE) {
      out.push(Number.NaN);
      continue;
    }
    try {
      out.push(parseDuration(v));
      any = true;
    } catch {
      return null;
    }
  }
  return any ? out : null;
}

/** The values of a numeric axis as numbers (durations in ms), in sweep order; [] otherwise. */
export function axisNumbers(axis: Axis): number[] {
  if (hasMs(axis)) return [...axis.ms];
  const mixed = durationsMs(axis);
  if (mixed) return mixed.filter((v) => Number.isFinite(v));
  return axis.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

export function numericAxes(results: ExperimentResults): Axis[] {
  return results.axes.filter(isNumericAxis);
}

/** An axis by its path or its short name; undefined if there is none. */
export function findAxis(results: ExperimentResults, pathOrName: string): Axis | undefined {
  // The name as the results store it is the path's last field; charts may rename it in words.
  return (
    results.axes.find((a) => a.path === pathOrName) ??
    results.axes.find((a) => a.name === pathOrName) ??
    results.axes.find((a) => a.path.split('.').pop() === pathOrName)
  );
}

/** The first numeric axis whose path or name matches, else undefined. */
export function matchNumericAxis(results: ExperimentResults, pattern: RegExp): Axis | undefined {
  return numericAxes(results).find((a) => pattern.test(a.path) || pattern.test(a.name));
}

/**
 * The x axis a chart asked for, or the first numeric axis. Throws on a path
 * that names no axis: a typo in an experiment's chart options should say so.
 */
export function xAxisOf(results: ExperimentResults, path?: string, prefer?: RegExp): Axis | null {
  if (path !== undefined) {
    const axis = findAxis(results, path);
    if (!axis) {
      const known = results.axes.map((a) => a.path).join(', ') || 'none';
      throw new Error(`chart option x: no sweep axis "${path}" (axes: ${known})`);
    }
    return axis;
  }
  return (prefer && matchNumericAxis(results, prefer)) || numericAxes(results)[0] || null;
}

/**
 * A name for the other axes' values at a point, used to tell series apart:
 * the bare value with one other axis ("aws-lambda"), name=value pairs with
 * more ("platform=aws-lambda, memory=1024"), "" with none.
 */
export function seriesOf(point: PointResult, others: readonly Axis[]): string {
  if (others.length === 1) return String(point.params[others[0].path] ?? '');
  return others.map((a) => `${a.name}=${String(point.params[a.path] ?? '')}`).join(', ');
}

/** The series names in sweep order (the cartesian product's order), without repeats. */
export function seriesOrder(points: readonly PointResult[], others: readonly Axis[]): string[] {
  const seen = new Set<string>();
  for (const p of points) seen.add(seriesOf(p, others));
  return [...seen];
}

/** A title for the series legend or facet header. */
export function seriesTitle(others: readonly Axis[]): string {
  return others.map((a) => a.name).join(', ');
}

/**
 * A point's numeric value on an axis, or null (missing or not a number). A
 * duration written as text ("10min") is read from the axis' ms values.
 */
export function numberAt(point: PointResult, axis: Axis): number | null {
  const v = point.params[axis.path];
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === undefined || v === NONE) return null;
  const ms = hasMs(axis) ? axis.ms : durationsMs(axis);
  if (ms === null) return null;
  const i = axis.values.indexOf(v);
  return i >= 0 && Number.isFinite(ms[i]) ? ms[i] : null;
}

const DURATION_WORDS = /keep.?alive|period|interval|timeout|delay|duration|idle|ttl/i;
const MS_SUFFIX = /(Ms|[._-]ms)$/;

/**
 * Axes that hold durations (written as "10min", or in ms on an axis named
 * like keep-alive, period, timeout): ticks read "5 min".
 */
export function looksLikeDuration(axis: Axis): boolean {
  if (hasMs(axis) || durationsMs(axis) !== null) return true;
  return [axis.path, axis.name].some((s) => DURATION_WORDS.test(s) || MS_SUFFIX.test(s));
}

/** A readable point name: its label, or its number when it has none. */
export function pointName(point: PointResult): string {
  return point.label === '' ? `point ${point.index + 1}` : point.label;
}

/**
 * The shortest name that tells points apart: the bare value with one sweep
 * axis ("edge-isolates"), the full label with more.
 */
export function displayName(results: ExperimentResults, point: PointResult): string {
  if (results.axes.length === 1) {
    const axis = results.axes[0];
    // A duration reads "10 min", whether the file wrote "10min" or 600000.
    const ms = looksLikeDuration(axis) ? numberAt(point, axis) : null;
    if (ms !== null) return formatMs(ms);
    return String(point.params[axis.path] ?? pointName(point));
  }
  // Without a sweep, the one point is the experiment, named as the run's table names it.
  if (point.label === '') return results.experiment.name;
  return pointName(point);
}

/** A legend title for points named by displayName. */
export function pointsTitle(results: ExperimentResults): string {
  if (results.axes.length === 1) return results.axes[0].name;
  return results.axes.length === 0 ? 'run' : 'point';
}

/** Points in sweep order that have at least one end-to-end measurement. */
export function measuredPoints(results: ExperimentResults): PointResult[] {
  return results.points.filter((p) => p.endToEnd.count > 0);
}
