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
        throw new SpecError(
          `${path}.functions.${n}`,
          `the calls ${describeCycle(stack.slice(stack.indexOf(m)))} with no limit; give one of its steps a "maxDepth"`,
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

/** Functions of a cycle named in full; a longer one is named by its first few and its length. */
export const CYCLE_NAMES_SHOWN = 6;

/**
 * "a -> b -> a form a cycle", or for a long cycle (a graph may hold tens of thousands of
 * functions in one) its first few functions, how many more, and its length: naming them all
 * made a message of hundreds of kilobytes.
 */
function describeCycle(members: string[]): string {
  const first = members[0];
  if (members.length <= CYCLE_NAMES_SHOWN)
    return `${[...members, first].join(' -> ')} form a cycle`;
  const more = members.length - CYCLE_NAMES_SHOWN;
  const shown = members.slice(0, CYCLE_NAMES_SHOWN).join(' -> ');
  return `${shown} -> ... (and ${more.toLocaleString('en-US')} more) -> ${first} form a cycle of ${members.length.toLocaleString('en-US')} functions`;
}
