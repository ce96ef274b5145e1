import type { Simulation } from '../engine/index.ts';
import type { ArrivalProcess } from './arrivals/arrivalProcess.ts';
import { RenewalArrivals } from './arrivals/renewalArrivals.ts';

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
  // A region's functions: the process is its own payload, one object fewer per arrival.
  if (process instanceof RenewalArrivals && process.drivable) {
    process.drive(sim, until, onArrival);
    return;
  }
  const first = process.next(0);
  if (first < until) sim.scheduleAt(first, fire, new Source(sim, process, until, onArrival));
}

/**
 * One source's state, the payload of its events. An object under one handler for all sources
 * rather than a closure per source: a region has a source per function, and with 10,000 of
 * them each arrival's source is out of cache; one object is one place to reach, a closure and
 * its context two.
 */
class Source {
  constructor(
    readonly sim: Simulation,
    readonly process: ArrivalProcess,
    readonly until: number,
    readonly onArrival: () => void,
  ) {}
}

const fire = (source: Source): void => {
  source.onArrival();
  const sim = source.sim;
  const next = source.process.next(sim.now);
  if (next < source.until) sim.scheduleAt(Math.max(next, sim.now), fire, source);
};
