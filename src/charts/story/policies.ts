/**
 * Story sections on the mechanisms platforms use today (issue 20): an adaptive keep-alive
 * and a snapshot restore. As in sweeps.ts, every sentence is computed from the run; a
 * sentence whose numbers are missing is left out, and so is a takeaway they do not support.
 */
import type { ExperimentResults, PointResult } from '../../experiments/results.ts';
import { formatMs, formatRatio, formatShare, sig3 } from '../format.ts';
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
  const window = (s: Setting) => String(s.point.params[KEEP_ALIVE] ?? '');
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
