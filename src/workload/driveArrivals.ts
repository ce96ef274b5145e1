import type { Simulation } from '../engine/index.ts';
import type { ArrivalProcess } from './arrivals/arrivalProcess.ts';

/**
 * Runs `onArrival` at each arrival of `process` before `until`: one pending
 * event per source at a time, the next scheduled when the current fires.
 */
export function driveArrivals(
  sim: Simulation,
  process: ArrivalProcess,
  until: number,
  onArrival: () => void,
): void {
  const fire = (_: null): void => {
    onArrival();
    const next = process.next(sim.now);
    if (next < until) sim.scheduleAt(Math.max(next, sim.now), fire, null);
  };
  const first = process.next(0);
  if (first < until) sim.scheduleAt(first, fire, null);
}
