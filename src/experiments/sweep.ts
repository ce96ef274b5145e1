import { cloneData, setField } from '../spec/core.ts';
import { SpecError } from '../spec/specError.ts';

export type SweepValue = string | number | boolean;

export interface SweepAxis {
  /** The path into the experiment, as written: "graph.chain.depth". */
  path: string;
  /** A short name for tables and charts: the path's last field. */
  name: string;
  values: unknown[];
  /**
   * The values' names, when the sweep names them (`{"10 min": {...}, "hybrid": {...}}`): a
   * point's params, label and the results' axis hold the name, not the value.
   */
  names?: string[];
}

export interface SweepPoint {
  index: number;
  params: Record<string, SweepValue>;
  label: string;
  /** The experiment with this point's values set and the sweep removed. */
  raw: Record<string, unknown>;
  /** The values' places in their axes, for error messages. */
  at: number[];
}

type Segment = string | number;

/** Parses "a.b[2].c" or 'workload[0].poisson.perSecond'; throws SpecError at `where`. */
export function parsePath(path: string, where: string): Segment[] {
  const segments: Segment[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/gy;
  let last = 0;
  let m: RegExpExecArray | null;
  let expectDot = false;
  while (last < path.length) {
    if (expectDot) {
      if (path[last] === '.') last++;
      else if (path[last] !== '[') break;
    }
    re.lastIndex = last;
    m = re.exec(path);
    if (!m) break;
    segments.push(m[1] !== undefined ? m[1] : Number(m[2]));
    last = re.lastIndex;
    expectDot = true;
  }
  if (last !== path.length || segments.length === 0) {
    throw new SpecError(
      where,
      `"${path}" is not a path such as "graph.chain.depth" or "workload[0].poisson.perSecond"`,
    );
  }
  return segments;
}

function setPath(target: Record<string, unknown>, segments: Segment[], value: unknown): void {
  let node: unknown = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i];
    const container = node as Record<string | number, unknown>;
    // Own fields only: "__proto__" must become a field (and be refused), not reach the prototype.
    let next = Object.hasOwn(container, seg) ? container[seg] : undefined;
    if (next === undefined || next === null || typeof next !== 'object') {
      next = typeof segments[i + 1] === 'number' ? [] : {};
      if (Array.isArray(container)) container[seg as number] = next;
      else setField(container as Record<string, unknown>, String(seg), next);
    }
    node = next;
  }
  const lastSeg = segments[segments.length - 1];
  if (Array.isArray(node)) node[lastSeg as number] = cloneData(value);
  else setField(node as Record<string, unknown>, String(lastSeg), cloneData(value));
}

export function sweepAxes(
  sweep: Record<string, unknown[] | Record<string, unknown>> | undefined,
): SweepAxis[] {
  if (!sweep) return [];
  return Object.entries(sweep).map(([path, values]) => {
    const segments = parsePath(path, `sweep["${path}"]`);
    const lastNamed = [...segments].reverse().find((s) => typeof s === 'string') as string;
    if (Array.isArray(values)) return { path, name: lastNamed, values };
    return { path, name: lastNamed, values: Object.values(values), names: Object.keys(values) };
  });
}

/** The values of an axis as results show them: their names, or the values (objects as JSON). */
export function axisValues(axis: SweepAxis): SweepValue[] {
  return axis.names ?? axis.values.map(asParam);
}

/** Where a value sits in its axis, for error messages: `[2]`, or `["hybrid"]` when named. */
function placeOf(axis: SweepAxis, at: number): string {
  return axis.names ? `[${JSON.stringify(axis.names[at])}]` : `[${at}]`;
}

function asParam(v: unknown): SweepValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

// Fields that belong to the experiment as a whole: a point's value would be ignored.
const WHOLE_EXPERIMENT = new Map<string, string>([
  ['$schema', '"$schema" is for editors'],
  ['name', 'the experiment has one name, that of its output folder'],
  ['title', 'the experiment has one title'],
  ['description', 'the experiment has one description'],
  ['seed', 'every point uses the same seeds (common random numbers); run again with --seed'],
  ['replications', 'every point has the same replications; run again with --replications'],
  ['charts', 'the charts are drawn from all the points together'],
  ['sweep', 'a sweep cannot sweep itself'],
]);

/**
 * The cartesian product of the axes, first axis slowest: each point is the
 * experiment with its values set. Axes that name the same field, or where
 * one path lies inside another, would overwrite each other and are refused.
 */
export function expandSweep(
  raw: Record<string, unknown>,
  axes: SweepAxis[],
  maxPoints: number,
): SweepPoint[] {
  for (let i = 0; i < axes.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = axes[j].path;
      const b = axes[i].path;
      if (
        a === b ||
        b.startsWith(`${a}.`) ||
        b.startsWith(`${a}[`) ||
        a.startsWith(`${b}.`) ||
        a.startsWith(`${b}[`)
      ) {
        throw new SpecError(`sweep["${b}"]`, `overlaps the axis "${a}"`);
      }
    }
  }
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  if (total > maxPoints) {
    throw new SpecError(
      'sweep',
      `${total} points is more than the limit of ${maxPoints} (raise it with --max-points)`,
    );
  }
  const segs = axes.map((a) => parsePath(a.path, `sweep["${a.path}"]`));
  segs.forEach(([field], i) => {
    const why = WHOLE_EXPERIMENT.get(field as string);
    if (why !== undefined) {
      throw new SpecError(`sweep["${axes[i].path}"]`, `cannot be swept: ${why}`);
    }
  });
  const base = cloneData(raw);
  delete base.sweep;
  const points: SweepPoint[] = [];
  for (let index = 0; index < total; index++) {
    const at: number[] = [];
    let rest = index;
    for (let k = axes.length - 1; k >= 0; k--) {
      at[k] = rest % axes[k].values.length;
      rest = Math.floor(rest / axes[k].values.length);
    }
    const pointRaw = cloneData(base);
    const params: Record<string, SweepValue> = {};
    axes.forEach((axis, k) => {
      const v = axis.values[at[k]];
      setPath(pointRaw, segs[k], v);
      setField(params, axis.path, axis.names ? axis.names[at[k]] : asParam(v));
    });
    const label = axes.map((a) => `${a.name}=${params[a.path]}`).join(', ');
    points.push({ index, params, label, raw: pointRaw, at });
  }
  return points;
}

/**
 * Rewrites an error inside a swept field to point at the sweep value that
 * caused it. An axis whose path names no field of an experiment
 * (`"fanOut.width"` for `"graph.fanOut.width"`) is blamed on the axis, with
 * the path it probably means. An error elsewhere is the point's only when
 * the experiment without its sweep does not fail alike (`sameWithoutSweep`
 * says whether it does): a field that is wrong whatever the sweep is not
 * reported "at sweep point ...".
 */
export function blameSweep(
  err: unknown,
  axes: SweepAxis[],
  point: SweepPoint,
  sameWithoutSweep?: (err: SpecError) => boolean,
): unknown {
  if (!(err instanceof SpecError)) return err;
  for (let k = 0; k < axes.length; k++) {
    const p = axes[k].path;
    if (err.path === p || err.path.startsWith(`${p}.`) || err.path.startsWith(`${p}[`)) {
      const rest = err.path.slice(p.length);
      return new SpecError(
        `sweep["${p}"]${placeOf(axes[k], point.at[k])}${rest}`,
        err.reason,
        err.file,
      );
    }
    const unknown = unknownAlongAxis(err, axes[k]);
    if (unknown !== null) {
      const meant = pathEndingWith(point.raw, axes[k].path, p);
      const hint = meant ? `; did you mean "${meant}"?` : '';
      return new SpecError(
        `sweep["${p}"]`,
        `"${p}" is not a path in the experiment: ${unknown}${hint}`,
        err.file,
      );
    }
  }
  if (axes.length === 0) return err;
  if (sameWithoutSweep?.(err)) return err;
  return new SpecError(err.path, `${err.reason} (at sweep point ${point.label})`, err.file);
}

/** 'field "fanOut" does not exist' when err is the unknown field that axis' path made. */
function unknownAlongAxis(err: SpecError, axis: SweepAxis): string | null {
  const segs = parsePath(axis.path, `sweep["${axis.path}"]`);
  let parent = '';
  for (const seg of segs) {
    if (typeof seg === 'number') return null;
    if (err.path === parent && err.reason.startsWith(`unknown field "${seg}"`)) {
      return `${parent === '' ? 'an experiment' : `"${parent}"`} has no field "${seg}"`;
    }
    parent = parent === '' ? seg : `${parent}.${seg}`;
  }
  return null;
}

/**
 * A dotted path of fields in `raw` that ends with the axis' path, such as
 * "graph.fanOut.width" for "fanOut.width"; null when there is none. Walks
 * with a stack (no recursion the input could deepen), the axis' own path
 * excepted, since the sweep created it.
 */
function pathEndingWith(raw: Record<string, unknown>, tail: string, own: string): string | null {
  const stack: [unknown, string][] = [[raw, '']];
  let seen = 0;
  while (stack.length > 0 && seen < 100_000) {
    const [node, path] = stack.pop() as [unknown, string];
    seen += 1;
    if (path !== own && path.endsWith(`.${tail}`)) return path;
    if (node === null || typeof node !== 'object' || Array.isArray(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      stack.push([value, path === '' ? key : `${path}.${key}`]);
    }
  }
  return null;
}
