import type { Graph } from '../workload/graph/graph.ts';
import { expectedFunctionArrivals } from '../workload/population/functionArrivals.ts';
import { expectedArrivals } from '../workload/sources/index.ts';
import type { PreparedExperiment } from './prepare.ts';
import { regionCoupling } from './regionCoupling.ts';

/** Calls per second coldtail simulates on one core, roughly, for the time estimate. */
export const NOMINAL_CALLS_PER_SECOND = 1e6;

/**
 * What a call of a workload of many functions costs against the nominal call, measured by `npm
 * run bench` on the compiled code (docs/scale.md): each call touches a different function's
 * pool, arrivals and counters, out of cache.
 * - A region that splits by function (nothing couples its functions) runs a block of 256 to a
 *   simulation: a day of 10,000 functions took 2.31 us of CPU a call, all its work included.
 * - A region kept whole (a shared cluster, an account-wide limit, ...) has all its functions and
 *   instances in one simulation: 5.25 us a call with 100,000 idle instances, against 1.6 us for
 *   one function.
 * Rounded up a little: the estimate guards against runs of hours, and a busy machine is slower.
 */
export const SPLIT_REGION_CALL_COST = 2.5;
export const WHOLE_REGION_CALL_COST = 5.5;

/**
 * Call entries the estimate may visit (function x depth x call of a step) before it gives
 * up and answers Infinity ("too many to count"): some 0.1 s. A graph needs more only when
 * over a thousand calls can each be reached at every one of the 10,000 depths allowed.
 */
export const ESTIMATE_BUDGET = 1e7;

/**
 * Expected calls (hops) per root call of a graph, every depth the graph allows counted;
 * Infinity when there are more than a double holds, or too many to count (see
 * ESTIMATE_BUDGET).
 *
 * A step runs in calls at depths below its maxDepth, so the number of calls below a
 * function depends on the depth it is called at. Beyond the largest finite maxDepth M no
 * such step runs, and what is left has no cycle (toGraph refuses a cycle without a
 * maxDepth): there each function's expected calls E(f) are the same at every depth and
 * are summed once over the graph in topological order. Above M the expected number of
 * calls of each function at each depth is carried forward, depth by depth, from the
 * root's one call at depth 0, visiting only the functions reached at that depth. Loops
 * throughout: no recursion whose depth the input chooses.
 */
export function expectedHops(graph: Graph): number {
  const names = Object.keys(graph.steps);
  if (!names.includes(graph.entry)) names.unshift(graph.entry);
  const index = new Map(names.map((n, i) => [n, i]));
  const steps = names.map((n) => graph.steps[n] ?? []);
  const targets = steps.map((list) =>
    list.map((s) => s.calls.map((c) => ({ to: index.get(c.target)!, n: s.probability * c.count }))),
  );
  let deepest = 0;
  for (const list of steps) {
    for (const s of list) if (s.maxDepth !== Infinity) deepest = Math.max(deepest, s.maxDepth);
  }
  const below = callsBelowEveryLimit(steps, targets);
  if (below === null) return Number.POSITIVE_INFINITY;

  // Expected calls of each function at depth d, for the functions reached at d.
  let mass = new Float64Array(names.length);
  let next = new Float64Array(names.length);
  let reached = [index.get(graph.entry)!];
  let reachedNext: number[] = [];
  mass[reached[0]] = 1;
  let total = 0;
  let visits = 0;
  for (let d = 0; d < deepest && reached.length > 0; d++) {
    for (const f of reached) {
      const m = mass[f];
      mass[f] = 0;
      total += m;
      const list = steps[f];
      for (let i = 0; i < list.length; i++) {
        if (d >= list[i].maxDepth) continue;
        const calls = targets[f][i];
        visits += calls.length;
        for (const c of calls) {
          const add = m * c.n;
          if (add === 0) continue;
          if (next[c.to] === 0) reachedNext.push(c.to);
          next[c.to] += add;
        }
      }
    }
    if (!(total < Number.POSITIVE_INFINITY) || visits > ESTIMATE_BUDGET) {
      return Number.POSITIVE_INFINITY;
    }
    [mass, next] = [next, mass];
    [reached, reachedNext] = [reachedNext, reached];
    reachedNext.length = 0;
  }
  // At depth `deepest` (or when nothing is left), each function reached makes E(f) calls.
  for (const f of reached) total += mass[f] * below[f];
  return Number.isNaN(total) ? Number.POSITIVE_INFINITY : total;
}

/**
 * E(f): expected calls of f and below it when no step with a finite maxDepth runs, in
 * reverse topological order by an explicit stack; null if those steps form a cycle
 * (toGraph refuses such graphs; a graph built by hand might not be checked).
 */
function callsBelowEveryLimit(
  steps: Graph['steps'][string][],
  targets: { to: number; n: number }[][][],
): Float64Array | null {
  const n = steps.length;
  const below = new Float64Array(n);
  // 0: not seen, 1: on the stack, 2: done.
  const state = new Uint8Array(n);
  const edges = steps.map((list, f) =>
    list.flatMap((s, i) => (s.maxDepth === Infinity ? targets[f][i] : [])),
  );
  const stack: number[] = [];
  const nextEdge: number[] = [];
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    stack.push(root);
    nextEdge.push(0);
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const f = stack[top];
      const i = nextEdge[top];
      if (i < edges[f].length) {
        nextEdge[top] = i + 1;
        const t = edges[f][i].to;
        if (state[t] === 1) return null;
        if (state[t] === 0) {
          state[t] = 1;
          stack.push(t);
          nextEdge.push(0);
        }
        continue;
      }
      let e = 1;
      for (const c of edges[f]) if (c.n !== 0) e += c.n * below[c.to];
      below[f] = e;
      state[f] = 2;
      stack.pop();
      nextEdge.pop();
    }
  }
  return below;
}

/**
 * The work an experiment asks for: expected calls in all, and a rough time on one core (a call of
 * a region counted as SPLIT_REGION_CALL_COST or WHOLE_REGION_CALL_COST nominal calls).
 */
export function estimateWork(prepared: PreparedExperiment): { calls: number; coreSeconds: number } {
  let calls = 0;
  let regionCalls = 0;
  let regionCost = 0;
  for (const p of prepared.points) {
    const r = p.resolved;
    let roots = 0;
    let pointRegion = 0;
    for (const s of r.sources) {
      // A source of many functions calls its own functions, one call each (no graph).
      if (s.functions) {
        for (const f of s.functions)
          pointRegion += expectedFunctionArrivals(f.arrivals, r.duration);
      } else roots += expectedArrivals(s.spec, r.duration, s.trace);
    }
    calls += roots * expectedHops(r.graph);
    // A ping is one call: the entry function sees it and returns.
    if (r.warmers) {
      calls += (r.warmers.functions.length * r.warmers.instances * r.duration) / r.warmers.period;
    }
    if (pointRegion > 0) {
      regionCalls += pointRegion;
      const whole = regionCoupling(r) !== null;
      regionCost += pointRegion * (whole ? WHOLE_REGION_CALL_COST : SPLIT_REGION_CALL_COST);
    }
  }
  const replications = prepared.spec.replications;
  return {
    calls: (calls + regionCalls) * replications,
    coreSeconds: ((calls + regionCost) * replications) / NOMINAL_CALLS_PER_SECOND,
  };
}
