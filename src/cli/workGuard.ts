import { estimateWork, NOMINAL_CALLS_PER_SECOND } from '../experiments/estimate.ts';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import { InputError } from '../node/inputError.ts';
import { WORK_LIMIT_CALLS } from './options.ts';

/** Refuses a run whose estimated work is above the limit, unless forced; says how big it is. */
export function checkWork(prepared: PreparedExperiment, force: boolean): void {
  const { calls, coreSeconds } = estimateWork(prepared);
  // Calls of a region cost more each (SPLIT_ and WHOLE_REGION_CALL_COST): its core-hours count too.
  const limitSeconds = WORK_LIMIT_CALLS / NOMINAL_CALLS_PER_SECOND;
  if (force || (calls <= WORK_LIMIT_CALLS && coreSeconds <= limitSeconds)) return;
  const hours = coreSeconds / 3600;
  // Infinity: a graph that multiplies its calls at every depth past what a double holds, or
  // one with too many calls at too many depths to follow (see expectedHops).
  const size = Number.isFinite(calls)
    ? `about ${calls.toExponential(1)} simulated calls (about ${hours < 1e6 ? Math.round(hours).toLocaleString('en-US') : hours.toExponential(1)} core-hours)`
    : 'more simulated calls than coldtail can count (its graph can make too many calls per root call, at too many depths)';
  throw new InputError(
    `${prepared.file}: the experiment asks for ${size}; above ${WORK_LIMIT_CALLS.toExponential(0)} calls or ${Math.round(limitSeconds / 3600)} core-hours coldtail refuses to start: run with --force, or lower ${whatToLower(prepared)}`,
  );
}

/**
 * What of this experiment sets its size: a population's rates are drawn from a trace's (some
 * functions of Azure 2019 are called thousands of times a second), so its knob is the cap.
 */
function whatToLower(prepared: PreparedExperiment): string {
  const general = "the points, replications, rate, duration, or the graph's counts and maxDepth";
  if (!prepared.spec.workload.some((s) => s.kind === 'population')) return general;
  return `the points, replications, duration, or the population's functions or maxPerSecond (each function's rate at most: 2.5 calls/s keeps 10,000 functions at about 1e8 calls a day)`;
}
