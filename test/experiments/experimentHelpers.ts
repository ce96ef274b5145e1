import { expect } from 'vitest';
import { type PreparedExperiment, prepareExperiment } from '../../src/experiments/prepare.ts';
import type { PointResult } from '../../src/experiments/results.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import type { ReadText } from '../../src/workload/workloadSpec.ts';

/** A caller inside the cloud: no internet hop. */
export const INSIDE_CLIENT = {
  kind: 'client',
  name: 'inside',
  description: 'a caller in the same region',
  source: ['test'],
};

/** An inline platform model whose every stage takes no time unless `fields` says otherwise. */
export function platformModel(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'platform',
    name: 'test-platform',
    description: 'a platform for tests',
    source: ['test'],
    keepAlive: 'forever',
    ...fields,
  };
}

const registry = presetRegistry();

export function prepare(spec: Record<string, unknown>, readText?: ReadText): PreparedExperiment {
  return prepareExperiment(
    { name: 'test', description: 'a test', client: INSIDE_CLIENT, ...spec },
    { models: registry, readText },
  );
}

/** Runs an experiment and returns its points, each checked for conservation of calls. */
export function run(spec: Record<string, unknown>, readText?: ReadText): PointResult[] {
  const points = runExperiment(prepare(spec, readText)).results.points;
  for (const p of points) expectConserved(p);
  return points;
}

/**
 * Every root call that arrived in the window is completed, throttled, timed out or still in
 * flight; none is counted twice (in flight is never negative) and none is lost.
 */
export function expectConserved(p: PointResult): void {
  const c = p.calls;
  expect(c.inFlight).toBeGreaterThanOrEqual(0);
  const caller = (c.clientTimedOut ?? 0) + (c.failed ?? 0) + (c.crashed ?? 0);
  expect(c.completed + c.throttled + c.timedOut + caller + c.inFlight).toBe(c.arrivals);
  expect(p.endToEnd.count).toBe(c.completed);
  expect(p.cold.hopsCold.reduce((a, b) => a + b, 0)).toBe(c.completed);
}

/** k standard errors of a binomial share estimated from n trials. */
export function binomialTolerance(p: number, n: number, k = 4): number {
  return k * Math.sqrt((p * (1 - p)) / n);
}
