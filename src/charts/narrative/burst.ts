/** Sentences about a timeline: the peak of starting instances, throttling, the worst window. */
import type { PointResult } from '../../experiments/results.ts';
import { formatMs } from '../format.ts';

/**
 * `replications` > 1: the timeline holds means over the runs, so counts are
 * per run. Windows of the warm-up are not measured, and the sentences leave
 * them out.
 */
export function burstSentences(
  point: PointResult,
  name: string,
  replications = 1,
  warmup = 0,
): string[] {
  const tl = point.timeline;
  if (!tl || tl.t.length === 0) return [];
  const out: string[] = [];
  const mean = replications > 1 ? ` (mean of ${replications} runs)` : '';
  // Only the measured windows: the warm-up's own scaling is not the burst.
  const measured = (i: number) => tl.t[i] >= warmup;
  const peak = argMax(tl.starting.map((v, i) => (measured(i) ? v : null)));
  if (peak !== null && tl.starting[peak] > 0) {
    out.push(
      `Instances starting peak at ${round(tl.starting[peak])} in the window at ${formatMs(tl.t[peak])}${mean}.`,
    );
  }
  const throttled = tl.throttled.reduce(
    (s, v, i) => s + (Number.isFinite(v) && measured(i) ? v : 0),
    0,
  );
  if (throttled > 0) {
    const first = tl.throttled.findIndex((v, i) => v > 0 && measured(i));
    const count =
      replications > 1
        ? `On average ${round(throttled)} calls per run were throttled`
        : `${round(throttled)} calls were throttled`;
    out.push(`${count}, the first in the window at ${formatMs(tl.t[first])}.`);
  }
  const p99s = tl.p99.map((v, i) => (v !== null && Number.isFinite(v) && measured(i) ? v : null));
  const worst = argMax(p99s);
  const typical = median(p99s.filter((v): v is number => v !== null));
  if (worst !== null && typical !== null) {
    out.push(
      `The worst window's p99 is ${formatMs(p99s[worst])} at ${formatMs(tl.t[worst])}, ` +
        `against a median window p99 of ${formatMs(typical)}.`,
    );
  }
  // The point's name leads its first sentence, whichever that is.
  if (name !== '' && out.length > 0)
    out[0] = `For ${name}: ${out[0][0].toLowerCase()}${out[0].slice(1)}`;
  return out;
}

function argMax(values: readonly (number | null)[]): number | null {
  let best: number | null = null;
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v) && (best === null || v > (values[best] as number)))
      best = i;
  });
  return best;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function round(x: number): string {
  return x >= 10 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(2)));
}
