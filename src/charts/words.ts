/**
 * Sweep axes in words with units, for legends, axis titles and sentences:
 * "calls per second", "keep-alive", not the experiment file's field names
 * (perSecond, keepAlive). Charts and the report read results through
 * `inWords`, which renames the axes and relabels the points.
 */
import type { ExperimentResults, PointResult } from '../experiments/results.ts';
import { parseDuration } from '../spec/duration.ts';
import type { Axis } from './axes.ts';
import { formatMs } from './format.ts';

type Value = string | number | boolean | undefined;

interface AxisWords {
  /** Matches the axis path. */
  path: RegExp;
  /** The axis title. */
  title: string;
  /** A value in words; `ms` is the value as a duration when it is one. */
  value: (v: Value, ms: string | null) => string;
  /** A stretch of the sweep in a sentence: "from 0 to 1000 calls per second before the burst". */
  range?: (a: string, b: string) => string;
  /** Where along the sweep a sentence stands: "with a keep-alive of 1 h". */
  at?: (v: string) => string;
}

const KNOWN: readonly AxisWords[] = [
  {
    path: /burst\.base$/,
    title: 'calls per second before the burst',
    value: (v) => `${v} calls/s before the burst`,
    range: (a, b) => `from ${a} to ${b} calls per second before the burst`,
    at: (v) => `at ${v} calls per second before the burst`,
  },
  {
    path: /burst\.peak$/,
    title: 'calls per second in the burst',
    value: (v) => `${v} calls/s in the burst`,
    range: (a, b) => `from ${a} to ${b} calls per second in the burst`,
    at: (v) => `at ${v} calls per second in the burst`,
  },
  {
    path: /perSecond$/,
    title: 'calls per second',
    value: (v) => `${v} calls/s`,
    range: (a, b) => `from ${a} to ${b} calls per second`,
    at: (v) => `at ${v} calls per second`,
  },
  {
    path: /keepAlive$/,
    title: 'keep-alive',
    value: (v, ms) => `keep-alive ${ms ?? v}`,
    range: (a, b) => `from a keep-alive of ${a} to one of ${b}`,
    at: (v) => `with a keep-alive of ${v}`,
  },
  {
    path: /warmers\.period$/,
    title: 'warmer period',
    value: (v, ms) => (v === 'none' ? 'no warmers' : `a ping every ${ms ?? v}`),
    range: (a, b) => `from a ping every ${a} to one every ${b}`,
    at: (v) => `with a ping every ${v}`,
  },
  { path: /warmers\.instances$/, title: 'instances kept warm', value: (v) => `${v} kept warm` },
  {
    path: /(chain\.|^|\.)depth$/,
    title: 'chain depth (functions)',
    value: (v) => `depth ${v}`,
    range: (a, b) => `from depth ${a} to depth ${b}`,
    at: (v) => `at depth ${v}`,
  },
  {
    path: /fanOut(\.width)?$/i,
    title: 'fan-out width (parallel calls)',
    value: (v) => `width ${v}`,
    range: (a, b) => `from ${a} to ${b} parallel calls`,
    at: (v) => `with ${v} parallel calls`,
  },
  {
    path: /hedge\.after$/,
    title: 'hedge delay',
    value: (v, ms) => `hedge after ${ms ?? v}`,
    range: (a, b) => `from a hedge after ${a} to one after ${b}`,
    at: (v) => `hedging after ${v}`,
  },
  {
    path: /retry\.attempts$/,
    title: 'attempts per call, at most',
    value: (v) => (Number(v) === 1 ? 'no retries' : `up to ${v} attempts`),
    range: (a, b) => `from ${a} to ${b} attempts per call`,
    at: (v) => `with up to ${v} attempts`,
  },
  {
    path: /backoff\.jitter$/,
    title: 'backoff jitter',
    value: (v) => (v === 'none' ? 'no jitter' : `${v} jitter`),
  },
  {
    path: /concurrencyPerInstance$/,
    title: 'calls per instance at once',
    value: (v) => `${v} per instance`,
    range: (a, b) => `from ${a} to ${b} calls per instance`,
    at: (v) => `with ${v} calls per instance`,
  },
  {
    path: /keepAlivePolicy\.policy$/,
    title: 'keep-alive policy',
    value: (v) => `${v} keep-alive`,
  },
  {
    path: /memoryMB$/,
    title: 'memory (MB)',
    value: (v) => `${v} MB`,
    // "From memory (MB) 128 to 3008" read as a table's header, not a sentence.
    range: (a, b) => `from ${a} MB of memory to ${b} MB`,
    at: (v) => `at ${v} MB of memory`,
  },
  { path: /^platform$/, title: 'platform', value: (v) => String(v) },
  { path: /^client$/, title: 'client', value: (v) => String(v) },
];

function known(path: string): AxisWords | undefined {
  return KNOWN.find((k) => k.path.test(path));
}

/** Whether an axis has words of its own (else its field name stands in: "after 10000"). */
export function hasWords(path: string): boolean {
  return known(path) !== undefined;
}

/** "perSecond" -> "per second", "maxConcurrency" -> "max concurrency". */
function split(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/MB$/, ' (MB)')
    .toLowerCase();
}

/** An axis title in words: "calls per second", "keep-alive". */
export function axisWords(axis: { path: string; name: string }): string {
  return known(axis.path)?.title ?? split(axis.name);
}

/** Axes whose numbers are durations in ms (as keep-alive sweeps write them). */
const DURATION_PATH = /keep.?alive|period|interval|timeout|delay|duration|idle|ttl|hedge\.after/i;

function asDuration(v: Value, path: string): string | null {
  if (typeof v === 'number') return DURATION_PATH.test(path) ? formatMs(v) : null;
  if (typeof v !== 'string') return null;
  try {
    return formatMs(parseDuration(v));
  } catch {
    return null;
  }
}

/** A point's value on an axis in words: "10 calls/s", "keep-alive 10 min", "aws-lambda-2019". */
export function valueWords(axis: { path: string; name: string }, v: Value): string {
  const k = known(axis.path);
  const ms = asDuration(v, axis.path);
  if (k) return k.value(v, ms);
  return `${split(axis.name)} ${ms ?? String(v)}`;
}

/** A stretch of a sweep in a sentence, lower case: "from a keep-alive of 1 min to one of 1 h". */
export function rangeWords(axis: { path: string; name: string }, a: string, b: string): string {
  return known(axis.path)?.range?.(a, b) ?? `from ${axis.name} ${a} to ${b}`;
}

/** A place on a sweep in a sentence, lower case: "with 100 parallel calls", "at depth 8". */
export function atWords(axis: { path: string; name: string }, v: string): string {
  return known(axis.path)?.at?.(v) ?? `at ${axis.name} ${v}`;
}

/** A point's label in words: its values joined, "aws-lambda-2019, 0 calls/s before the burst". */
export function labelWords(axes: readonly Axis[], pt: PointResult): string {
  return axes.map((a) => valueWords(a, pt.params[a.path])).join(', ');
}

/**
 * The results with each axis named in words and each point labelled so:
 * what every chart and sentence shows. The data is not copied deeply: the
 * points keep their numbers, only their labels change.
 */
export function inWords(results: ExperimentResults): ExperimentResults {
  if (results.axes.length === 0) return results;
  const axes = results.axes.map((a) => ({ ...a, name: axisWords(a) }));
  return {
    ...results,
    axes,
    points: results.points.map((p) => ({ ...p, label: labelWords(results.axes, p) })),
  };
}
