import { SpecError } from '../../spec/specError.ts';
import type { Graph } from './graph.ts';

/**
 * Refuses a graph whose calls could go round a cycle forever: every cycle
 * must pass through a step with a maxDepth, which bounds how deep calls go.
 * (A probability alone ends a recursion only almost surely, and a sweep may
 * set it to 1.)
 */
export function checkTerminates(steps: Graph['steps'], path: string): void {
  const edges = new Map<string, string[]>();
  for (const [name, list] of Object.entries(steps)) {
    edges.set(
      name,
      list.filter((s) => s.maxDepth === Infinity).flatMap((s) => s.calls.map((c) => c.target)),
    );
  }
  // Depth-first with an explicit stack (a graph may have tens of thousands of functions in a
  // line, deeper than the call stack): the path from the start, and each one's next edge.
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const nextEdge: number[] = [];
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    state.set(start, 1);
    stack.push(start);
    nextEdge.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const n = stack[top];
      const out = edges.get(n) ?? [];
      if (nextEdge[top] === out.length) {
        state.set(n, 2);
        stack.pop();
        nextEdge.pop();
        continue;
      }
      const m = out[nextEdge[top]++];
      if (state.get(m) === 1) {
        const cycle = [...stack.slice(stack.indexOf(m)), m].join(' -> ');
        throw new SpecError(
          `${path}.functions.${n}`,
          `the calls ${cycle} form a cycle with no limit; give one of its steps a "maxDepth"`,
        );
      }
      if (!state.has(m)) {
        state.set(m, 1);
        stack.push(m);
        nextEdge.push(0);
      }
    }
  }
}
