/**
 * The founding article beside coldtail: what the article says (quoted from
 * models/CALIBRATION.md, its figures), what the measured presets give from a
 * typical US client, what the article-2019-* presets give, and why they
 * differ. Every number but the quotes is computed from the article-2019
 * experiment's results.
 */
import type { ExperimentResults, PointResult } from '../../experiments/results.ts';
import { formatMs, formatRatio } from '../format.ts';
import { pointWhere, stat } from './points.ts';
import type { SmallTable, StoryText } from './text.ts';

const LAMBDA = 'aws-lambda-2019';
const MANAGED = 'article-2019-managed';
const OPTIMISED = 'article-2019-latency-optimised';
const NEAR = 'same-region';
const USER = 'us-typical';
const KEEP = 'platformOverrides.keepAlive';

function at(r: ExperimentResults, platform: string, client: string, cold: boolean) {
  const keep = r.axes.find((a) => a.path === KEEP);
  const values = keep ? keep.values.map(String) : [];
  // The warm points keep instances for minutes, the cold ones for a millisecond.
  const ms = (v: string) => (/ms$/.test(v) && !/min/.test(v) ? 1 : 600_000);
  const sorted = [...values].sort((a, b) => ms(a) - ms(b));
  const value = cold ? sorted[0] : sorted[sorted.length - 1];
  const where: Record<string, string> = { platform, client };
  if (value !== undefined) where[KEEP] = value;
  return pointWhere(r, where);
}

/** What a cold start adds at the median: the cold points' p50 less the warm ones'. */
function coldCost(warm: PointResult | undefined, cold: PointResult | undefined): number | null {
  const a = stat(warm, 'p50');
  const b = stat(cold, 'p50');
  if (a === null || b === null || (cold?.cold.share.value ?? 0) < 0.5) return null;
  return b - a;
}

function ratio(a: number | null, b: number | null): number | null {
  return a !== null && b !== null && b > 0 ? a / b : null;
}

const r = (x: number | null) => (x === null ? '–' : formatRatio(x));

export function articleText(results: ExperimentResults): StoryText {
  const lambdaUser = at(results, LAMBDA, USER, false);
  const managedUser = at(results, MANAGED, USER, false);
  const optUser = at(results, OPTIMISED, USER, false);
  const managedNear = at(results, MANAGED, NEAR, false);
  const optNear = at(results, OPTIMISED, NEAR, false);
  const lambdaCold = coldCost(lambdaUser, at(results, LAMBDA, USER, true));
  const managedCold = coldCost(managedUser, at(results, MANAGED, USER, true));
  const p99Near = ratio(stat(managedNear, 'p99'), stat(optNear, 'p99'));
  const p99User = ratio(stat(managedUser, 'p99'), stat(optUser, 'p99'));
  const lambdaP99User = ratio(stat(lambdaUser, 'p99'), stat(optUser, 'p99'));
  const table: SmallTable = {
    caption:
      'The article and coldtail, side by side (a 1-3 ms function; the article quoted from models/CALIBRATION.md)',
    head: [
      '',
      'the article says',
      'measured presets, typical US user',
      'article-2019 presets',
      'why they differ',
    ],
    rows: [
      [
        'a managed call, end to end',
        '“over 100 ms”',
        `${LAMBDA}: p50 ${formatMs(stat(lambdaUser, 'p50'))}, p99 ${formatMs(stat(lambdaUser, 'p99'))}`,
        `${MANAGED}: p50 ${formatMs(stat(managedUser, 'p50'))}, p99 ${formatMs(stat(managedUser, 'p99'))}`,
        'The article counts a gateway and a front end; Lambda called directly, as measured in 2019, spends far less in the platform.',
      ],
      [
        'a cold start',
        '“about 1 s”',
        `${LAMBDA} (Node.js): ${formatMs(lambdaCold)} more at the median`,
        `${MANAGED}: ${formatMs(managedCold)} more at the median`,
        `A second is what slow runtimes (.NET, JVM) and 2019's Google and Azure measured; Node.js on Lambda starts in ${formatMs(lambdaCold)} here.`,
      ],
      [
        'p99, managed ÷ latency-optimised',
        '“about 40x lower … at p99”',
        `${LAMBDA} ÷ ${OPTIMISED}: ${r(lambdaP99User)}`,
        `from the same region: ${r(p99Near)}; from a typical US user: ${r(p99User)}`,
        'The 40x holds inside the cloud; from a user the internet hop and the function are the same on both platforms and dilute the ratio.',
      ],
    ],
  };
  const sentences = [
    p99Near !== null
      ? `Inside the region the article's managed platform has a p99 of ${formatMs(stat(managedNear, 'p99'))} and its latency-optimised one ${formatMs(stat(optNear, 'p99'))}: ${r(p99Near)}, the article's 40x.`
      : null,
    p99User !== null
      ? `From a typical US user both pay the same internet hop, and the ratio falls to ${r(p99User)} (p99 ${formatMs(stat(managedUser, 'p99'))} against ${formatMs(stat(optUser, 'p99'))}).`
      : null,
    stat(lambdaUser, 'p50') !== null
      ? `Lambda as measured in 2019 answers a typical US user in ${formatMs(stat(lambdaUser, 'p50'))} at the median, well under the article's “over 100 ms”.`
      : null,
    lambdaCold !== null && managedCold !== null
      ? `A cold start adds ${formatMs(lambdaCold)} at the median on Lambda (Node.js) and ${formatMs(managedCold)} on the article's managed platform.`
      : null,
  ].filter((s): s is string => s !== null);
  return {
    sentences,
    takeaway:
      p99Near !== null && p99User !== null
        ? `A latency-optimised platform cuts the platform's share of the time, ${r(p99Near)} at the p99 inside the cloud; a user far away sees ${r(p99User)}, because the network and the function remain.`
        : null,
    table,
  };
}
