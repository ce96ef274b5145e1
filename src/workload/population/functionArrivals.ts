import type { Rng } from '../../random/rng.ts';
import type { ArrivalProcess } from '../arrivals/arrivalProcess.ts';
import { RenewalArrivals } from '../arrivals/renewalArrivals.ts';
import { TimestampArrivals } from '../arrivals/timestampArrivals.ts';
import { countsToArrivals } from '../trace/countsToArrivals.ts';
import type { FunctionArrivals } from './regionFunction.ts';

const NONE: ArrivalProcess = { next: () => Number.POSITIVE_INFINITY };

/** A fresh arrival process for one function of a region, for one run. */
export function createFunctionArrivals(a: FunctionArrivals, rng: Rng): ArrivalProcess {
  switch (a.kind) {
    case 'renewal':
      return a.perSecond > 0 ? new RenewalArrivals(a.perSecond, a.cv, rng) : NONE;
    case 'counts':
      return countsToArrivals(a.counts, { spread: a.spread }, rng);
    case 'times':
      return new TimestampArrivals(a.times);
  }
}

/** Root calls a function is expected to get in the first `durationMs`, for the work estimate. */
export function expectedFunctionArrivals(a: FunctionArrivals, durationMs: number): number {
  switch (a.kind) {
    case 'renewal':
      return a.perSecond * (durationMs / 1000);
    case 'counts': {
      const minutes = Math.min(a.counts.length, Math.ceil(durationMs / 60_000));
      let n = 0;
      for (let m = 0; m < minutes; m++) n += a.counts[m];
      return n;
    }
    case 'times': {
      let n = 0;
      for (const t of a.times) if (t < durationMs) n++;
      return n;
    }
  }
}
