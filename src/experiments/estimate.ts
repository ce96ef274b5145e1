import type { Graph } from '../workload/graph/graph.ts';
import type { SourceSpec, TraceData } from '../workload/workloadSpec.ts';
import type { PreparedExperiment } from './prepare.ts';

/** Calls per second coldtail simulates on one core, roughly, for the time estimate. */
export const NOMINAL_CALLS_PER_SECOND = 1e6;

/** Root calls a source is expected to send in `duration` ms. */
function expectedArrivals(s: SourceSpec, duration: number, trace?: TraceData): number {
  const seconds = duration / 1000;
  switch (s.kind) {
    case 'poisson':
    case 'constant':
      return s.perSecond * seconds;
    case 'burst': {
      const inBurst = Math.max(0, Math.min(duration, s.at + s.duration) - Math.min(duration, s.at));
      return s.base * seconds + ((s.peak - s.base) * inBurst) / 1000;
    }
    case 'onOff': {
      const cycle = s.onDuration + s.offDuration;
      return ((s.on * s.onDuration + s.off * s.offDuration) / cycle) * seconds;
    }
    case 'piecewise': {
      let total = 0;
      s.points.forEach((p, i) => {
        const end = Math.min(duration, i + 1 < s.points.length ? s.points[i + 1].at : duration);
        if (end > p.at) total += (p.perSecond * (end - p.at)) / 1000;
      });
      return total;
    }
    case 'daily':
      return s.mean * seconds;
    case 'trace': {
      // Only the replayed function(s), and only what falls inside the run.
      let n = 0;
      if (trace?.timestamps) {
        for (const [name, times] of trace.timestamps) {
          if (s.function !== undefined && name !== s.function) continue;
          for (const t of times) if (t < duration) n++;
        }
        return n;
      }
      const minutes = Math.ceil(duration / 60_000);
      for (const r of trace?.azure ?? []) {
        if (s.function !== undefined && r.function !== s.function) continue;
        for (let m = 0; m < Math.min(minutes, r.counts.length); m++) n += r.counts[m];
      }
      return n;
    }
  }
}

/** Expected calls (hops) per root call of a graph, recursion included up to its limits. */
export function expectedHops(graph: Graph): number {
  const memo = new Map<string, number>();
  const calls = (fn: string, depth: number): number => {
    const key = `${fn}@${depth}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let n = 1;
    // Unbounded depth cannot happen (graphs without a limit on a cycle are refused); 1000 caps the work.
    if (depth < 1000) {
      for (const step of graph.steps[fn] ?? []) {
        if (depth >= step.maxDepth) continue;
        for (const c of step.calls) n += step.probability * c.count * calls(c.target, depth + 1);
      }
    }
    memo.set(key, n);
    return n;
  };
  return calls(graph.entry, 0);
}

/** The work an experiment asks for: expected calls in all, and a rough time on one core. */
export function estimateWork(prepared: PreparedExperiment): { calls: number; coreSeconds: number } {
  let calls = 0;
  for (const p of prepared.points) {
    const r = p.resolved;
    const roots = r.sources.reduce((n, s) => n + expectedArrivals(s.spec, r.duration, s.trace), 0);
    calls += roots * expectedHops(r.graph);
    // A ping is one call: the entry function sees it and returns.
    if (r.warmers) {
      calls += (r.warmers.functions.length * r.warmers.instances * r.duration) / r.warmers.period;
    }
  }
  calls *= prepared.spec.replications;
  return { calls, coreSeconds: calls / NOMINAL_CALLS_PER_SECOND };
}
