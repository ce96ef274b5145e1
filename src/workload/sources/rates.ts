import { formatDuration } from '../../spec/duration.ts';
import { number } from '../../spec/schema.ts';

/** Calls per second, zero allowed. */
export const rate = number({ min: 0, max: 1e7 }).describe('Calls per second');
/** Calls per second, more than zero. */
export const positiveRate = number({ exclusiveMin: 0, max: 1e7 }).describe('Calls per second');

/** The shortest phase of a periodic rate, ms: arrivals step through phases one by one. */
const MIN_PHASE_MS = 1;

/** Refuses a phase shorter than MIN_PHASE_MS, naming the field. */
export function atLeastPhase(
  field: string,
  ms: number,
): { path: string; reason: string } | undefined {
  if (ms >= MIN_PHASE_MS) return undefined;
  return { path: field, reason: `must be at least ${formatDuration(MIN_PHASE_MS)} (got ${ms} ms)` };
}
