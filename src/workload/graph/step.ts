import type { GraphStep } from './graph.ts';

/** A step that always runs (probability 1, any depth) unless `extra` says otherwise. */
export function step(
  calls: GraphStep['calls'],
  waitForCount: number,
  extra: Partial<GraphStep> = {},
): GraphStep {
  return { calls, waitFor: waitForCount, probability: 1, maxDepth: Infinity, ...extra };
}
