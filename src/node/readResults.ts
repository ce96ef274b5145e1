/**
 * Reading files that coldtail wrote earlier (results.json, shard files) and
 * that a user may have edited, cut short or mixed up. They are checked for
 * the shapes the code then walks (objects, lists, the numbers it adds up),
 * so that a broken file gets "FILE: FIELD: reason" and exit code 2, not a
 * TypeError from deep inside the charts or the merge.
 */
import { CHART_NAMES, chartOptions } from '../charts/chartsFor.ts';
import { type ExperimentResults, upgradeResults } from '../experiments/results.ts';
import { STAGES } from '../platform/call.ts';
import { readJson } from './files.ts';
import { InputError } from './inputError.ts';

type Json = Record<string, unknown>;

/** Checks of one file's fields; each failure names the file and the field. */
export class Shape {
  constructor(readonly file: string) {}

  fail(field: string, reason: string): InputError {
    return new InputError(`${this.file}: ${field}: ${reason}`);
  }

  object(v: unknown, field: string): Json {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw this.fail(field, `must be an object ${got(v)}`);
    }
    return v as Json;
  }

  list(v: unknown, field: string): unknown[] {
    if (!Array.isArray(v)) throw this.fail(field, `must be a list ${got(v)}`);
    return v;
  }

  number(v: unknown, field: string): number {
    if (typeof v !== 'number') throw this.fail(field, `must be a number ${got(v)}`);
    return v;
  }

  integer(v: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) {
      const range =
        min === max
          ? `${min}`
          : `an integer ${max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`}`;
      throw this.fail(field, `must be ${range} ${got(v)}`);
    }
    return v as number;
  }

  string(v: unknown, field: string): string {
    if (typeof v !== 'string') throw this.fail(field, `must be a string ${got(v)}`);
    return v;
  }

  /** Each of `keys` of `o` is a number. */
  numbers(o: Json, field: string, keys: readonly string[]): void {
    for (const k of keys) this.number(o[k], `${field}.${k}`);
  }

  /** Each of `keys` of `o` is an object (or null, when `nullable`). */
  objects(o: Json, field: string, keys: readonly string[], nullable = false): void {
    for (const k of keys) if (!(nullable && o[k] === null)) this.object(o[k], `${field}.${k}`);
  }
}

/** What a field holds instead, for a message: "(missing)", "(got null)", "(got string \"x\")". */
function got(v: unknown): string {
  return v === undefined ? '(missing)' : `(got ${kind(v)})`;
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}

/**
 * The last line of defence: a TypeError while using a user's file means a
 * shape the checks above missed, which is the file's fault, not a crash.
 * `what`: "a coldtail results.json this version can read".
 */
export function readable<T>(label: string, what: string, use: () => T): T {
  const blame = (e: unknown): never => {
    if (e instanceof TypeError) throw new InputError(`${label}: not ${what} (${e.message})`);
    throw e;
  };
  try {
    const out = use();
    return (out instanceof Promise ? out.catch(blame) : out) as T;
  } catch (e) {
    return blame(e);
  }
}

const ESTIMATES = ['mean', 'p50', 'p90', 'p95', 'p99', 'p999'] as const;

/** Reads a results.json and checks what the charts walk. */
export function readResults(path: string): ExperimentResults {
  // Older results name some fields differently: read them as today's.
  const json = upgradeResults(readJson(path));
  const s = new Shape(path);
  if (typeof json !== 'object' || json === null || !('experiment' in json || 'points' in json)) {
    throw new InputError(`${path}: not a coldtail results.json (no "experiment" and "points")`);
  }
  const r = s.object(json, 'results');
  const experiment = s.object(r.experiment, 'experiment');
  for (const key of ['name', 'title', 'description']) {
    s.string(experiment[key], `experiment.${key}`);
  }
  if (experiment.charts !== undefined) {
    const charts = s.list(experiment.charts, 'experiment.charts');
    charts.forEach((c, i) => {
      const name = typeof c === 'string' ? c : s.object(c, `experiment.charts[${i}]`).name;
      if (!(CHART_NAMES as readonly unknown[]).includes(name)) {
        throw s.fail(`experiment.charts[${i}]`, `unknown chart ${JSON.stringify(name)}`);
      }
    });
    try {
      chartOptions({ charts: charts as string[] });
    } catch (e) {
      throw s.fail('experiment.charts', (e as Error).message);
    }
  }
  s.list(r.axes, 'axes').forEach((a, i) => {
    const axis = s.object(a, `axes[${i}]`);
    s.string(axis.path, `axes[${i}].path`);
    s.string(axis.name, `axes[${i}].name`);
    s.list(axis.values, `axes[${i}].values`);
    if (axis.ms !== undefined) s.list(axis.ms, `axes[${i}].ms`);
  });
  s.list(r.points, 'points').forEach((p, i) => {
    checkPoint(s, p, `points[${i}]`);
  });
  return json as ExperimentResults;
}

function checkPoint(s: Shape, v: unknown, at: string): void {
  const p = s.object(v, at);
  s.integer(p.index, `${at}.index`, 0);
  s.object(p.params, `${at}.params`);
  s.string(p.label, `${at}.label`);
  checkLatency(s, p.endToEnd, `${at}.endToEnd`);
  const stages = s.object(p.stages, `${at}.stages`);
  for (const stage of STAGES) checkLatency(s, stages[stage], `${at}.stages.${stage}`);
  s.objects(s.object(p.breakdown, `${at}.breakdown`), `${at}.breakdown`, ['p50', 'p99'], true);
  s.objects(p, at, ['calls', 'cold', 'cost', 'instances']);
  s.objects(p, at, ['warmers', 'timeline'], true);
  const cold = p.cold as Json;
  s.object(cold.share, `${at}.cold.share`);
  s.list(cold.hopsCold, `${at}.cold.hopsCold`);
  if (p.timeline !== null) {
    const tl = p.timeline as Json;
    for (const k of ['t', 'starting', 'busy', 'idle', 'arrivals', 'throttled', 'p99']) {
      s.list(tl[k], `${at}.timeline.${k}`);
    }
  }
  s.list(p.cdf, `${at}.cdf`).forEach((pair, j) => {
    const xy = s.list(pair, `${at}.cdf[${j}]`);
    s.number(xy[0], `${at}.cdf[${j}][0]`);
    s.number(xy[1], `${at}.cdf[${j}][1]`);
  });
}

function checkLatency(s: Shape, v: unknown, at: string): void {
  const l = s.object(v, at);
  s.number(l.count, `${at}.count`);
  s.objects(l, at, ESTIMATES);
}
