/**
 * Story sections on the mechanisms platforms use today (issue 20): an adaptive keep-alive,
 * a snapshot restore, many calls per instance on Cloud Run, and a burst across platforms. As in sweeps.ts, every sentence is computed from the run; a
 * sentence whose numbers are missing is left out, and so is a takeaway they do not support.
 */

import type { ExperimentResults, PointResult } from '../../experiments/results.ts';
import { parseDuration } from '../../spec/duration.ts';
import { formatCount, formatMs, formatRatio, formatShare, formatUsd, sig3 } from '../format.ts';
import { wastedPerRequest } from '../keepAlivePareto.ts';
import { stat } from './points.ts';
import type { StoryText } from './text.ts';

const POLICY = 'platformOverrides.keepAlivePolicy.policy';
const KEEP_ALIVE = 'platformOverrides.keepAlive';
const DEPTH = 'graph.chain.depth';

const done = (sentences: (string | null)[], takeaway: string | null): StoryText => ({
  sentences: sentences.filter((s): s is string => s !== null).slice(0, 5),
  takeaway,
});

/** A cold-start share this low counts as "no cold starts". */
const FEW_COLD = 0.01;

interface Setting {
  point: PointResult;
  cold: number;
  wasted: number;
}

function settings(results: ExperimentResults, policy: string): Setting[] {
  const out: Setting[] = [];
  for (const point of results.points) {
    if (point.params[POLICY] !== policy) continue;
    const cold = point.cold.share.value;
    const wasted = wastedPerRequest(results, point);
    if (cold === null || wasted === null || point.calls.completed === 0) continue;
    out.push({ point, cold, wasted });
  }
  return out;
}

/** Fixed keep-alives against the hybrid histogram policy, on cold starts and idle memory. */
export function keepAlivePoliciesText(results: ExperimentResults): StoryText {
  const fixed = settings(results, 'fixed');
  const hybrid = settings(results, 'hybrid');
  if (fixed.length === 0 || hybrid.length === 0) return done([], null);
  const gb = (x: number) => `${sig3(x)} GB-s`;
  const warmFixed = fixed.filter((s) => s.cold < FEW_COLD).sort((a, b) => a.wasted - b.wasted);
  const coldFixed = fixed.filter((s) => s.cold >= FEW_COLD);
  const h = hybrid.reduce((a, b) => (b.wasted < a.wasted ? b : a));
  const bestWarm = warmFixed[0];
  // "20 min", as every other sentence writes a duration, not the file's "20min".
  const window = (s: Setting) => {
    const v = s.point.params[KEEP_ALIVE];
    if (typeof v !== 'string' && typeof v !== 'number') return '';
    try {
      return formatMs(parseDuration(v));
    } catch {
      return String(v);
    }
  };
  const sentences = [
    coldFixed.length > 0
      ? coldFixed.length === 1
        ? `With a fixed keep-alive of ${window(coldFixed[0])}, ${formatShare(coldFixed[0].cold)} of requests met a cold start.`
        : `With a fixed keep-alive of ${coldFixed.map(window).join(' or ')}, ${coldSpan(coldFixed.map((s) => s.cold))} met a cold start.`
      : null,
    bestWarm
      ? `The shortest fixed keep-alive without cold starts, ${window(bestWarm)}, kept ${gb(bestWarm.wasted)} of memory idle per request.`
      : null,
    `The hybrid policy met a cold start on ${formatShare(h.cold)} of requests and kept ${gb(h.wasted)} idle per request${bestWarm && h.wasted > 0 ? `: ${formatRatio(bestWarm.wasted / h.wasted)} less` : ''}.`,
  ];
  const takeaway =
    bestWarm && h.cold < FEW_COLD && h.wasted < bestWarm.wasted
      ? 'Learning when the next call comes lets a platform unload an instance between calls and load it again in time: no cold starts, and a fraction of the idle memory of a keep-alive long enough to avoid them.'
      : null;
  return done(sentences, takeaway);
}

/** SnapStart against the JVM's own initialisation along a chain. */
export function snapStartText(results: ExperimentResults): StoryText {
  const at = (platform: string, depth: number) =>
    results.points.find((p) => p.params.platform === platform && p.params[DEPTH] === depth);
  const depths = [
    ...new Set(results.points.map((p) => p.params[DEPTH]).filter((d) => typeof d === 'number')),
  ] as number[];
  if (depths.length === 0) return done([], null);
  const shallow = Math.min(...depths);
  const deep = Math.max(...depths);
  const p99 = (platform: string, d: number) => stat(at(platform, d), 'p99');
  const [j1, s1, jd, sd] = [
    p99('aws-lambda-java', shallow),
    p99('aws-lambda-java-snapstart', shallow),
    p99('aws-lambda-java', deep),
    p99('aws-lambda-java-snapstart', deep),
  ];
  const sentences = [
    j1 !== null && s1 !== null
      ? `One function: the p99 is ${formatMs(j1)} without SnapStart and ${formatMs(s1)} with it.`
      : null,
    jd !== null && sd !== null
      ? `${deep} functions deep: ${formatMs(jd)} against ${formatMs(sd)}, ${formatMs(jd - sd)} saved, since a cold chain pays one start per link.`
      : null,
  ];
  const takeaway =
    j1 !== null && s1 !== null && jd !== null && sd !== null && jd - sd > j1 - s1 && sd < jd
      ? 'A snapshot restore shortens every cold link, so a chain of Java functions gains the more the deeper it is.'
      : null;
  return done(sentences, takeaway);
}

/** The cold requests over several settings, in words: "every request", "99% of requests", "40% to 100% of requests". */
export function coldSpan(shares: number[]): string {
  const lo = formatShare(Math.min(...shares));
  const hi = formatShare(Math.max(...shares));
  if (lo === hi) return hi === '100%' ? 'every request' : `${hi} of requests`;
  return `${lo} to ${hi} of requests`;
}

const CONCURRENCY = 'platformOverrides.concurrencyPerInstance';

interface ConcurrencySetting {
  conc: number;
  point: PointResult;
  p99: number;
  instances: number;
  usd: number;
}

/** Cloud Run with 1, 10 and 80 calls per instance: instances, the tail and the bill. */
export function cloudRunConcurrencyText(results: ExperimentResults): StoryText {
  const rows: ConcurrencySetting[] = [];
  for (const point of results.points) {
    const conc = Number(point.params[CONCURRENCY]);
    const p99 = stat(point, 'p99');
    const usd = point.cost.usdPerMillionRoots;
    if (!(conc > 0) || p99 === null || usd === null || !Number.isFinite(usd)) continue;
    rows.push({ conc, point, p99, instances: point.instances.mean, usd });
  }
  rows.sort((a, b) => a.conc - b.conc);
  if (rows.length < 2) return done([], null);
  const lo = rows[0];
  const hi = rows[rows.length - 1];
  const per = (c: number) => (c === 1 ? 'one call per instance' : `${formatCount(c)} per instance`);
  const usd = (x: number) => `${formatUsd(x)} per million requests`;
  const execution = (s: ConcurrencySetting) => {
    const v = s.point.stages.execution?.mean.value;
    return v !== null && v !== undefined && Number.isFinite(v) ? v : null;
  };
  const [xLo, xHi] = [execution(lo), execution(hi)];
  const billedShare = (s: ConcurrencySetting) =>
    s.point.cost.instanceGbSeconds > 0
      ? s.point.cost.gbSeconds / s.point.cost.instanceGbSeconds
      : null;
  const shareHi = billedShare(hi);
  const sentences = [
    `The chart draws each setting's percentiles, from the median to the slowest calls: the curves part in the tail.`,
    `With ${per(lo.conc)}, ${sig3(lo.instances)} instances ran on average, the p99 was ${formatMs(lo.p99)} and the bill ${usd(lo.usd)}.`,
    `${rows
      .slice(1)
      .map(
        (s) =>
          `${per(s.conc)}: ${sig3(s.instances)} instances, a p99 of ${formatMs(s.p99)}, ${usd(s.usd)}`,
      )
      .map((t, i) => `${i === 0 ? 'With' : 'with'} ${t}`)
      .join('; ')}.`,
    xLo !== null && xHi !== null && xHi > xLo
      ? `Calls sharing one vCPU compute at a fraction of its speed: the mean execution grew from ${formatMs(xLo)} to ${formatMs(xHi)}.`
      : null,
    shareHi !== null
      ? `Cloud Run bills an instance's time once while it serves, however many calls share it: at ${formatCount(hi.conc)} per instance, ${formatShare(shareHi)} of the instances' memory time was billed.`
      : null,
  ];
  const takeaway =
    hi.p99 > lo.p99 && hi.usd < lo.usd
      ? `On one vCPU a higher concurrency trades the tail for the bill: ${formatCount(hi.conc)} per instance cost ${formatRatio(lo.usd / hi.usd)} less than ${formatCount(lo.conc)} but its p99 was ${formatRatio(hi.p99 / lo.p99)} longer, as the calls sharing a CPU stretch each other.`
      : hi.p99 <= lo.p99 && hi.usd <= lo.usd
        ? `Here packing calls costs nothing in the tail: ${formatCount(hi.conc)} per instance was both cheaper and as fast.`
        : null;
  return done(sentences, takeaway);
}

interface BurstSummary {
  platform: string;
  peakInstances: number;
  throttled: number;
  worstP99: number;
}

/** A point's burst timeline in a few numbers, measured windows only, per run. */
function burstSummary(results: ExperimentResults, pt: PointResult): BurstSummary | null {
  const tl = pt.timeline;
  if (!tl || tl.t.length === 0) return null;
  let peakInstances = 0;
  let throttled = 0;
  let worstP99 = 0;
  for (let i = 0; i < tl.t.length; i += 1) {
    if (tl.t[i] < results.warmup) continue;
    peakInstances = Math.max(
      peakInstances,
      (tl.starting[i] ?? 0) + (tl.busy[i] ?? 0) + (tl.idle[i] ?? 0),
    );
    if (Number.isFinite(tl.throttled[i])) throttled += tl.throttled[i];
    const p = tl.p99[i];
    if (p !== null && Number.isFinite(p)) worstP99 = Math.max(worstP99, p);
  }
  return {
    platform: String(pt.params.platform ?? pt.label),
    peakInstances,
    throttled: Math.round(throttled),
    worstP99,
  };
}

/** Lambda, Knative, Cloud Run and Azure Flex under one burst: instances, refusals, the worst second. */
export function knativeBurstText(results: ExperimentResults): StoryText {
  const all = results.points
    .map((p) => burstSummary(results, p))
    .filter((s): s is BurstSummary => s !== null && s.worstP99 > 0);
  if (all.length < 2) return done([], null);
  const width = results.points.find((p) => p.timeline)?.timeline?.widthMs ?? 1000;
  const worst = width === 1000 ? 'worst second' : `worst ${formatMs(width)} window`;
  const byP99 = [...all].sort((a, b) => a.worstP99 - b.worstP99);
  const best = byP99[0];
  const slowest = byP99[byP99.length - 1];
  const mostInstances = all.reduce((a, b) => (b.peakInstances > a.peakInstances ? b : a));
  const refusing = all.filter((s) => s.throttled > 0);
  const knative = all.find((s) => s.platform === 'knative');
  const direct = all.find((s) => s.platform === 'knative-direct');
  const sentences = [
    `The timeline draws ${all[0].platform}'s instances second by second (starting, busy, idle), the calls that arrived and were refused, and the p99 of each second; the other platforms' timelines follow among the further charts, and the table sums up all ${formatCount(all.length)}.`,
    `The ${worst}'s p99 ranged from ${formatMs(best.worstP99)} on ${best.platform} to ${formatMs(slowest.worstP99)} on ${slowest.platform}.`,
    `${mostInstances.platform} started the most instances, ${sig3(mostInstances.peakInstances)} at the peak.`,
    refusing.length > 0
      ? `${refusing.map((s) => `${s.platform} refused ${formatCount(s.throttled)}`).join(', ')} calls per run; the others made every call wait instead.`
      : 'No platform refused a call: each made the calls wait instead.',
    knative && direct
      ? `Where calls wait matters: with a queue per pod (knative-direct) the ${worst}'s p99 was ${formatMs(direct.worstP99)}, against ${formatMs(knative.worstP99)} with the activator holding calls for the first pod with room (knative).`
      : null,
  ];
  const takeaway =
    slowest.worstP99 > 2 * best.worstP99
      ? `How a platform scales and where it makes calls wait, not the function, sets the tail of a burst: the same calls had a ${worst}'s p99 of ${formatMs(best.worstP99)} on ${best.platform} and ${formatMs(slowest.worstP99)} on ${slowest.platform}.`
      : null;
  return {
    ...done(sentences, takeaway),
    table: {
      // The timeline holds each window's mean over the runs: the peak is of those means.
      caption:
        results.replications > 1
          ? `The burst per platform, measured windows: each window averaged over the ${formatCount(results.replications)} runs, then the peak (or the worst); refused calls per run`
          : 'The burst per platform, measured windows',
      head: ['platform', 'peak instances', 'refused calls', `${worst}'s p99`],
      rows: all.map((s) => [
        s.platform,
        sig3(s.peakInstances),
        formatCount(s.throttled),
        formatMs(s.worstP99),
      ]),
    },
  };
}
