import { requireFinite } from '../../random/distributions/requireFinite.ts';

/** The span of simulated time in which a process produces arrivals: [start, end). */
export interface ArrivalWindow {
  /** Milliseconds; no arrival before it. Default 0. */
  start?: number;
  /** Milliseconds, exclusive; Infinity (the default) for no end. */
  end?: number;
}

/** Fills in the defaults of an ArrivalWindow and rejects an empty or non-finite start. */
export function arrivalWindow(kind: string, window: ArrivalWindow = {}): Required<ArrivalWindow> {
  const start = window.start ?? 0;
  const end = window.end ?? Number.POSITIVE_INFINITY;
  requireFinite(kind, 'start', start);
  if (Number.isNaN(end) || end === Number.NEGATIVE_INFINITY) {
    throw new RangeError(`${kind}: end must be a number or Infinity (got ${end})`);
  }
  if (!(end >= start)) {
    throw new RangeError(`${kind}: end must be >= start (got start ${start}, end ${end})`);
  }
  return { start, end };
}
