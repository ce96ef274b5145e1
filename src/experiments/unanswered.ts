import { formatMs } from './format.ts';
import type { ExperimentResults } from './results.ts';

/**
 * A point's root calls still unanswered at the end of the run are worth a
 * word when they are more than this share of its arrivals (and more than
 * UNANSWERED_MIN_CALLS): a healthy run leaves only the calls sent in its
 * last moments.
 */
export const UNANSWERED_SHARE = 0.05;
export const UNANSWERED_MIN_CALLS = 10;

/**
 * A note on the points where many calls were never answered, or null when
 * there are none: their percentiles describe only the calls that did end,
 * which can look fine while the platform is stuck.
 */
export function unansweredNote(results: ExperimentResults): string | null {
  const points = results.points.filter(
    (p) =>
      p.calls.inFlight > UNANSWERED_MIN_CALLS &&
      p.calls.inFlight > UNANSWERED_SHARE * p.calls.arrivals,
  );
  if (points.length === 0) return null;
  const n = (x: number) => x.toLocaleString('en-US');
  const which = points
    .map((p) => {
      const share = Math.round((100 * p.calls.inFlight) / p.calls.arrivals);
      return `${p.label || results.experiment.name} ${n(p.calls.inFlight)} of ${n(p.calls.arrivals)} (${share}%)`;
    })
    .join('; ');
  return (
    `Calls still unanswered when the run ended: ${which}. ` +
    'The platform did not keep up with the load, or calls are stuck: when the chains in ' +
    'flight need more instances than a cluster has slots, callers hold every slot while ' +
    'they wait for their callees. A longer run, a lower rate or a larger cluster tells ' +
    'which; the percentiles cover only the calls that ended.'
  );
}

/**
 * A note on the points with calls still unanswered when the run stopped, but too few for
 * unansweredNote: the drain after the end (limits.drain) cut off calls longer than it, so the
 * highest percentiles may read low. Null when there are none, or when unansweredNote speaks.
 */
export function cutOffNote(results: ExperimentResults): string | null {
  if (unansweredNote(results) !== null) return null;
  const points = results.points.filter((p) => p.calls.inFlight > 0);
  if (points.length === 0) return null;
  const which = points
    .map((p) => `${p.label || results.experiment.name} ${p.calls.inFlight.toLocaleString('en-US')}`)
    .join('; ');
  return (
    `cut off: calls still running when the drain after the run's end stopped (${which}). ` +
    'They are left out of the percentiles, which may read low at the top: raise limits.drain.'
  );
}

/**
 * A warning for the points whose warm-up looks too short (see PointResult.warmupCheck), or
 * null: the run starts with empty pools, and a warm-up shorter than the time the latencies
 * take to settle leaves that start's cold calls in the results.
 */
export function warmupNote(results: ExperimentResults): string | null {
  const points = results.points.filter((p) => p.warmupCheck?.tooShort);
  if (points.length === 0) return null;
  const which = points
    .map((p) => `${p.label || results.experiment.name} ${formatMs(p.warmupCheck!.mser)}`)
    .join('; ');
  return (
    `warning: the warm-up (${formatMs(results.warmup)}) looks too short: the latencies still ` +
    `drift after it (MSER-5 truncation point: ${which}). Set "warmup" to at least that.`
  );
}
