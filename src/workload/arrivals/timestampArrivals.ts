import type { ArrivalProcess } from './arrivalProcess.ts';

/**
 * Replays recorded arrival times (ms), e.g. from parseTimestampCsv. Equal times
 * are kept: two requests in the same millisecond are two arrivals.
 *
 * The array is not copied (traces can be large); do not change it while the
 * process is in use.
 */
export class TimestampArrivals implements ArrivalProcess {
  private readonly times: Float64Array;
  private i = 0;

  constructor(times: Float64Array) {
    for (let i = 0; i < times.length; i++) {
      const t = times[i];
      if (!Number.isFinite(t)) {
        throw new RangeError(`TimestampArrivals: times[${i}] must be finite (got ${t})`);
      }
      if (i > 0 && t < times[i - 1]) {
        throw new RangeError(
          `TimestampArrivals: times must be sorted ascending (times[${i - 1}] = ${times[i - 1]}, times[${i}] = ${t})`,
        );
      }
    }
    this.times = times;
  }

  next(now: number): number {
    const { times } = this;
    // A caller that starts the replay late skips the times before it.
    while (this.i < times.length && times[this.i] < now) this.i++;
    return this.i < times.length ? times[this.i++] : Number.POSITIVE_INFINITY;
  }
}
