/**
 * The story sections read along a sweep: keep-alive, warmers, bursts and
 * fan-out. Each sentence and each takeaway is computed from the run; where
 * the numbers do not show what a sentence would claim (no cold starts to
 * remove, no warm start to compare), the sentence is left out and the
 * takeaway is null rather than a sentence written in advance.
 */
import type { ExperimentResults, PointResult } from '../../experiments/results.ts';
import { type Axis, NONE, numberAt, seriesOf, seriesOrder } from '../axes.ts';
import { chartOptions } from '../chartsFor.ts';
import { type FanOutSlowShareOptions, fanOutModel } from '../fanOutSlowShare.ts';
import { formatCount, formatMs, formatRatio, formatShare, formatUsd, sig3 } from '../format.ts';
import { costOf, KEEP_ALIVE_AXIS } from '../keepAliveCost.ts';
import { listOf } from '../narrative/words.ts';
import { stat } from './points.ts';
import type { StoryText } from './text.ts';

/** A cold-start share this low counts as "cold starts removed" in a sentence. */
export const FEW_COLD = 0.01;

const done = (sentences: (string | null)[], takeaway: string | null): StoryText => ({
  sentences: sentences.filter((s): s is string => s !== null).slice(0, 5),
  takeaway,
});

const EMPTY: StoryText = { sentences: [], takeaway: null };

/** Measured seconds of all replications: calls over it give the mean rate. */
function measuredSeconds(results: ExperimentResults): number {
  return (
    (Math.max(0, results.duration - results.warmup) * Math.max(1, results.replications)) / 1000
  );
}

/** The mean time between root calls at a point, in ms; null without calls. */
function meanGapMs(results: ExperimentResults, pt: PointResult): number | null {
  const s = measuredSeconds(results);
  const n = pt.calls.arrivals;
  return n > 0 && s > 0 ? (s * 1000) / n : null;
}

/** The points along a numeric axis, sorted, with their numbers; the rest ("none") apart. */
function along(results: ExperimentResults, axis: Axis) {
  const on = results.points
    .map((point) => ({ x: numberAt(point, axis), point }))
    .filter((r): r is { x: number; point: PointResult } => r.x !== null)
    .sort((a, b) => a.x - b.x);
  const off = results.points.filter((p) => p.params[axis.path] === NONE);
  return { on, off };
}

const cold = (p: PointResult) => p.cold.share.value;

/** Two significant digits, as a sentence rounds a measured number: 7.24 -> "7.2", 5085 -> "5,100". */
function sig2(x: number): string {
  return formatCount(Number(x.toPrecision(2)));
}

/** A mean gap as people say it: "8.3 min", "40 s", "1.5 h". */
function gapWords(ms: number): string {
  if (ms >= 3_600_000) return `${sig2(ms / 3_600_000)} h`;
  if (ms >= 60_000) return `${sig2(ms / 60_000)} min`;
  return formatMs(Number(ms.toPrecision(2)));
}

/** Keep-alive: the cold share and the p99 at each end, exp(-rate x keep-alive), the memory. */
export function keepAliveText(results: ExperimentResults): StoryText {
  const axis = results.axes.find((a) => KEEP_ALIVE_AXIS.test(a.path) && !/warm/i.test(a.path));
  if (!axis || results.axes.length !== 1) return EMPTY;
  const { on } = along(results, axis);
  const pts = on.filter((r) => cold(r.point) !== null && stat(r.point, 'p99') !== null);
  if (pts.length < 2) return EMPTY;
  const first = pts[0];
  const last = pts[pts.length - 1];
  const k = (x: number) => formatMs(x);
  const gap = meanGapMs(results, first.point);
  const sentences: (string | null)[] = [];
  if (gap !== null)
    sentences.push(
      `Calls arrive at random, on average one every ${gapWords(gap)} (${sig3(1000 / gap)} calls per second).`,
    );
  sentences.push(
    `With a keep-alive of ${k(first.x)}, ${formatShare(cold(first.point))} of calls met a cold start and the p99 was ${formatMs(stat(first.point, 'p99'))}; with ${k(last.x)}, ${formatShare(cold(last.point))} and ${formatMs(stat(last.point, 'p99'))}.`,
  );
  // A call is cold when the gap since the previous one is longer than the
  // keep-alive: exp(-gap/keep-alive) for random arrivals, checked at the
  // point nearest the mean gap, where the prediction is least trivial.
  if (gap !== null) {
    const mid = [...pts].sort(
      (a, b) => Math.abs(Math.log(a.x / gap)) - Math.abs(Math.log(b.x / gap)),
    )[0];
    sentences.push(
      `For random calls the chance that the gap before a call outlasts the keep-alive is exp(-keep-alive ÷ mean gap): ${formatShare(Math.exp(-mid.x / gap))} at ${k(mid.x)}, where the run measured ${formatShare(cold(mid.point))}.`,
    );
  }
  const ma = costOf(results, first.point, 'memory');
  const mb = costOf(results, last.point, 'memory');
  const ba = first.point.cost.usdPerMillionRoots;
  const bb = last.point.cost.usdPerMillionRoots;
  if (ma !== null && mb !== null && ma > 0) {
    const flat = ba !== null && bb !== null && ba > 0 && Math.abs(bb / ba - 1) < 0.05;
    sentences.push(
      `Memory kept alive per call grows from ${sig3(ma)} to ${sig3(mb)} GB-seconds (${formatRatio(mb / ma)})${flat ? `, while the customer's bill stays at ${formatUsd(ba)} per million calls: idle time is not billed` : ''}.`,
    );
  }
  // The takeaway: the shortest keep-alive that removed cold starts, and its price.
  const enough = pts.find((r) => (cold(r.point) as number) <= FEW_COLD);
  let takeaway: string | null = null;
  if (enough && gap !== null && enough !== first) {
    const me = costOf(results, enough.point, 'memory');
    takeaway = `Here a keep-alive of ${k(enough.x)}, ${sig2(enough.x / gap)} times the mean gap between calls, brought cold starts under ${formatShare(FEW_COLD)}${me !== null && ma !== null && ma > 0 ? `, for ${formatRatio(me / ma)} the idle memory of ${k(first.x)}` : ''}: the provider pays for that memory, which is why keep-alives are short.`;
  } else if (!enough) {
    takeaway = `No keep-alive here brought cold starts under ${formatShare(FEW_COLD)}: the longest, ${k(last.x)}, still left ${formatShare(cold(last.point))} of calls cold.`;
  }
  return done(sentences, takeaway);
}

/** Warmers: which periods kept calls warm, where the keep-alive must lie, what the pings cost. */
export function warmersText(results: ExperimentResults): StoryText {
  const axis = results.axes.find((a) => /warmers\.period$/.test(a.path));
  if (!axis || results.axes.length !== 1) return EMPTY;
  const { on, off } = along(results, axis);
  const pts = on.filter((r) => cold(r.point) !== null);
  if (pts.length === 0) return EMPTY;
  const every = (x: number) => `every ${formatMs(x)}`;
  const warm = pts.filter((r) => (cold(r.point) as number) <= FEW_COLD);
  const longestWarm = warm[warm.length - 1];
  const firstCold = longestWarm ? pts.find((r) => r.x > longestWarm.x) : pts[0];
  const none = off.find((p) => cold(p) !== null);
  const sentences: (string | null)[] = [];
  if (none)
    sentences.push(
      `Without warmers ${formatShare(cold(none))} of calls met a cold start and the p99 was ${formatMs(stat(none, 'p99'))}.`,
    );
  if (longestWarm)
    sentences.push(
      `A ping ${listOf(warm.map((r) => every(r.x)))} kept cold starts under ${formatShare(FEW_COLD)} of calls (${formatShare(cold(longestWarm.point))} at ${formatMs(longestWarm.x)}), with a p99 of ${formatMs(stat(longestWarm.point, 'p99'))}.`,
    );
  if (firstCold)
    sentences.push(
      `A ping ${every(firstCold.x)} already left ${formatShare(cold(firstCold.point))} of calls cold and the p99 at ${formatMs(stat(firstCold.point, 'p99'))}: the instance was reclaimed between pings.`,
    );
  const cost = (r: { point: PointResult }) => costOf(results, r.point, 'warmers');
  const c0 = cost(pts[0]);
  if (c0 !== null && longestWarm) {
    const cw = cost(longestWarm);
    sentences.push(
      `The pings cost ${formatUsd(c0)} a month ${every(pts[0].x)}${cw !== null && longestWarm !== pts[0] ? ` and ${formatUsd(cw)} ${every(longestWarm.x)}` : ''}: each is a billed call.`,
    );
  }
  let takeaway: string | null = null;
  if (longestWarm && firstCold)
    takeaway = `The instance outlived a gap of ${formatMs(longestWarm.x)} but not one of ${formatMs(firstCold.x)}, so the platform's keep-alive lies between them: a warmer must ping more often than the keep-alive, and a ping every ${formatMs(longestWarm.x)} is enough here.`;
  else if (!longestWarm)
    takeaway = `No warmer period here kept cold starts under ${formatShare(FEW_COLD)}: even a ping every ${formatMs(pts[0].x)} left ${formatShare(cold(pts[0].point))} of calls cold.`;
  return done(sentences, takeaway);
}

/** Bursts: from zero against from a warm base, per platform, read from the timelines. */
export function burstText(results: ExperimentResults): StoryText {
  const base = results.axes.find((a) => /burst\.base$/.test(a.path));
  if (!base) return EMPTY;
  const others = results.axes.filter((a) => a !== base);
  const bases = [...base.values].map(Number).sort((a, b) => a - b);
  if (bases.length < 2) return EMPTY;
  const [lo, hi] = [bases[0], bases[bases.length - 1]];
  const baseWords = (v: number) =>
    v === 0 ? 'from zero' : `from ${formatCount(v)} calls per second`;
  const width = results.points.find((p) => p.timeline)?.timeline?.widthMs ?? 1000;
  const worst = width === 1000 ? 'worst second' : `worst ${formatMs(width)} window`;
  const sentences: string[] = [];
  let best: { series: string; a: Burst; b: Burst } | null = null;
  for (const series of seriesOrder(results.points, others)) {
    const at = (v: number) =>
      results.points.find(
        (p) => seriesOf(p, others) === series && Number(p.params[base.path]) === v,
      );
    const a = burstOf(results, at(lo));
    const b = burstOf(results, at(hi));
    if (!a || !b) continue;
    const who = series === '' ? '' : `On ${series}, a`;
    const lead = who || 'A';
    sentences.push(
      `${lead} burst ${baseWords(lo)} had ${formatCount(a.startingPeak)} instances starting at once at its peak, ${formatCount(a.throttled)} calls refused per run and a p99 in its ${worst} of ${formatMs(a.worstP99)}; ${baseWords(hi)}, ${formatCount(b.startingPeak)}, ${formatCount(b.throttled)} and ${formatMs(b.worstP99)}.`,
    );
    if (best === null || a.throttled - b.throttled > best.a.throttled - best.b.throttled)
      best = { series, a, b };
  }
  const peak = results.points
    .map((p) => burstOf(results, p)?.arrivalPeak ?? 0)
    .reduce((m, v) => Math.max(m, v), 0);
  if (peak > 0)
    sentences.unshift(`At its height the burst brings about ${sig2(peak)} calls per second.`);
  let takeaway: string | null = null;
  if (best && best.a.throttled > best.b.throttled && best.a.worstP99 > best.b.worstP99) {
    const on = best.series === '' ? '' : ` on ${best.series},`;
    takeaway = `Instances already warm absorb a burst:${on} starting ${baseWords(hi)} instead of ${baseWords(lo).replace('from ', '')} cut the refused calls from ${formatCount(best.a.throttled)} to ${formatCount(best.b.throttled)} per run and the p99 of the ${worst} from ${formatMs(best.a.worstP99)} to ${formatMs(best.b.worstP99)}.`;
  }
  return done(sentences, takeaway);
}

interface Burst {
  startingPeak: number;
  throttled: number;
  worstP99: number;
  arrivalPeak: number;
}

/** A point's timeline in a few numbers, measured windows only, per run. */
function burstOf(results: ExperimentResults, pt: PointResult | undefined): Burst | null {
  const tl = pt?.timeline;
  if (!tl || tl.t.length === 0) return null;
  let startingPeak = 0;
  let throttled = 0;
  let worstP99 = 0;
  let arrivalPeak = 0;
  for (let i = 0; i < tl.t.length; i += 1) {
    if (tl.t[i] < results.warmup) continue;
    startingPeak = Math.max(startingPeak, tl.starting[i] ?? 0);
    if (Number.isFinite(tl.throttled[i])) throttled += tl.throttled[i];
    const p = tl.p99[i];
    if (p !== null && Number.isFinite(p)) worstP99 = Math.max(worstP99, p);
    arrivalPeak = Math.max(arrivalPeak, ((tl.arrivals[i] ?? 0) * 1000) / tl.widthMs);
  }
  return {
    startingPeak: Math.round(startingPeak),
    throttled: Math.round(throttled),
    worstP99,
    arrivalPeak,
  };
}

/** Fan-out: one call's chance of being slow, how often a request is, against 1 - (1 - p)^n. */
export function fanOutText(results: ExperimentResults): StoryText {
  let model: ReturnType<typeof fanOutModel>;
  try {
    // The options the chart was drawn with (a threshold, p), so that text and chart agree.
    const options: FanOutSlowShareOptions =
      chartOptions({ charts: results.experiment.charts }).fanOutSlowShare ?? {};
    model = fanOutModel(results, options);
  } catch {
    return EMPTY;
  }
  if (model.series.length !== 1) return EMPTY;
  const { p, thresholdMs } = model;
  const known = model.points.filter((r) => r.share !== null).sort((a, b) => a.n - b.n);
  if (known.length < 2 || p === null || thresholdMs === null) return EMPTY;
  const one = known[0];
  const widest = known[known.length - 1];
  const middle = known.find((r) => r.n >= 10 && r !== widest);
  const slow = `slower than ${formatMs(thresholdMs)}`;
  const calls = (n: number) => (n === 1 ? 'a single call' : `${formatCount(n)} parallel calls`);
  const share = (r: { share: number | null }) => formatShare(r.share);
  const predicted = (n: number) => 1 - (1 - p) ** n;
  const sentences: (string | null)[] = [
    `With ${calls(one.n)}, ${share(one)} of requests were ${slow}: the chance p that one call is slow${one.share !== null && Math.abs((one.share as number) - p) > 0.1 * p ? ` (the chart's curve takes p = ${formatShare(p)})` : ''}.`,
    middle
      ? `With ${calls(middle.n)}, ${share(middle)} of requests were that slow, and with ${calls(widest.n)}, ${share(widest)}.`
      : `With ${calls(widest.n)}, ${share(widest)} of requests were that slow.`,
    `If each call is slow independently with chance p, a request waiting for n of them is slow with chance 1 - (1 - p)^n: ${formatShare(predicted(widest.n))} at ${formatCount(widest.n)}, against ${share(widest)} measured.`,
  ];
  const p50a = stat(one.point, 'p50');
  const p50b = stat(widest.point, 'p50');
  if (p50a !== null && p50b !== null)
    sentences.push(
      `The median request grows from ${formatMs(p50a)} with ${calls(one.n)} to ${formatMs(p50b)} with ${calls(widest.n)}${p50b > thresholdMs ? ': the typical request is now a slow one' : ''}.`,
    );
  const w = widest.share as number;
  const takeaway =
    w > 2 * p
      ? `Waiting for ${calls(widest.n)} turns a slow call that happens ${formatShare(p)} of the time into a slow request ${formatShare(w)} of the time: a request is as slow as its slowest call.`
      : null;
  return done(sentences, takeaway);
}
