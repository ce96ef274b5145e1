/** Sentences about a timeline: the peak of starting instances, throttling, the worst window. */
import type { PointResult } from '../../experiments/results.ts';
import { formatMs } from '../format.ts';

export function burstSentences(point: PointResult, name: string): string[] {
  const tl = point.timeline;
  if (!tl || tl.t.length === 0) return [];
  const out: string[] = [];
  const at = name === '' ? '' : ` (${name})`;
  const peak = argMax(tl.starting);
  if (peak !== null && tl.starting[peak] > 0) {
    out.push(
      `Instances starting peak at ${round(tl.starting[peak])} in the window at ${formatMs(tl.t[peak])}${at}.`,
    );
  }
  const throttled = tl.throttled.reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0);
  if (throttled > 0) {
    const first = tl.throttled.findIndex((v) => v > 0);
    out.push(
      `${throttled.toLocaleString('en-US')} calls were throttled, the first in the window at ${formatMs(tl.t[first])}.`,
    );
  }
  const p99s = tl.p99.map((v) => (v !== null && Number.isFinite(v) ? v : null));
  const worst = argMax(p99s);
  const typical = median(p99s.filter((v): v is number => v !== null));
  if (worst !== null && typical !== null) {
    out.push(
      `The worst window's p99 is ${formatMs(p99s[worst])} at ${formatMs(tl.t[worst])}, ` +
        `against a median window p99 of ${formatMs(typical)}.`,
    );
  }
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
