/**
 * A stream of arrival times. Stateful: each call to `next` returns the time of
 * the arrival after `now` (the previous arrival, or the start), or Infinity
 * when the process has no more arrivals. Times are in milliseconds of
 * simulated time. Each process draws from the random stream given to its
 * constructor and from nothing else.
 */
export interface ArrivalProcess {
  next(now: number): number;
}
