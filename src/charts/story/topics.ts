/**
 * The sentences of each story section, computed from one experiment's
 * results. Each says only what the numbers show; a sentence whose point is
 * missing from the run (another sweep, no calls) is left out.
 */
import type { ExperimentResults, PointResult, StageBreakdown } from '../../experiments/results.ts';
import { budgetsMet } from '../budgets.ts';
import { formatMs, formatRatio, formatShare } from '../format.ts';
import { listOf } from '../narrative/words.ts';
import { STAGE_LABEL, STAGE_ORDER } from '../stages.ts';
import { valueWords } from '../words.ts';
import { pointWhere, slowerThan, stat } from './points.ts';
import type { StoryText } from './text.ts';

const PLATFORM_STAGES = ['gateway', 'network', 'frontEnd', 'queue'] as const;

function overhead(b: StageBreakdown): number {
  return PLATFORM_STAGES.reduce((s, k) => s + (b[k] ?? 0), 0);
}

function largestStage(b: StageBreakdown): string {
  const k = [...STAGE_ORDER].sort((x, y) => b[y] - b[x])[0];
  return STAGE_LABEL[k];
}

const done = (sentences: (string | null)[], takeaway: string | null, extra = {}): StoryText => ({
  sentences: sentences.filter((s): s is string => s !== null).slice(0, 5),
  takeaway,
  ...extra,
});

/** Percentiles, not means: the point where the mean is furthest from the median. */
export function meansText(results: ExperimentResults): StoryText {
  const measured = results.points.filter((p) => stat(p, 'mean') !== null && stat(p, 'p50'));
  if (measured.length === 0) return done([], null);
  const ratio = (p: PointResult) => (stat(p, 'mean') as number) / (stat(p, 'p50') as number);
  const worst = [...measured].sort((a, b) => ratio(b) - ratio(a))[0];
  const best = [...measured].sort((a, b) => ratio(a) - ratio(b))[0];
  const mean = stat(worst, 'mean') as number;
  const p50 = stat(worst, 'p50') as number;
  const p99 = stat(worst, 'p99');
  const above = slowerThan(worst, mean);
  const cold = worst.cold.share.value;
  const name = pointWords(results, worst);
  const table = {
    caption: 'The mean beside the median and the p99, per point',
    head: ['point', 'mean', 'p50', 'p99', 'mean ÷ p50', 'cold starts'],
    rows: measured.map((p) => [
      pointWords(results, p),
      formatMs(stat(p, 'mean')),
      formatMs(stat(p, 'p50')),
      formatMs(stat(p, 'p99')),
      formatRatio(ratio(p)),
      formatShare(p.cold.share.value),
    ]),
  };
  return done(
    [
      `For ${name} the mean is ${formatMs(mean)}, the p50 ${formatMs(p50)} and the p99 ${formatMs(p99)}.`,
      above !== null
        ? `Only ${formatShare(above)} of calls were slower than the mean: it is ${formatRatio(mean / p50)} the median, a latency few calls have.`
        : null,
      cold !== null && cold > 0
        ? `${formatShare(cold)} of these calls met a cold start: a few very slow calls pull the mean up, and leave the median where the warm calls are.`
        : null,
      worst !== best
        ? `For ${pointWords(results, best)}, with one kind of call, the mean (${formatMs(stat(best, 'mean'))}) and the p50 (${formatMs(stat(best, 'p50'))}) nearly agree.`
        : null,
    ],
    mean / p50 >= 1.2
      ? `For ${name} the mean, ${formatMs(mean)}, is ${formatRatio(mean / p50)} the median${above !== null ? ` and only ${formatShare(above)} of calls were that slow` : ''}: read the p50 and the p99, not the mean, which describes neither the warm calls nor the cold.`
      : null,
    { table },
  );
}

/** Where the time goes, per platform: the platform's own stages against the function's. */
export function pathText(results: ExperimentResults): StoryText {
  const rows = results.points
    .filter((p) => p.breakdown.p50 !== null)
    .map((p) => ({ p, b: p.breakdown.p50 as StageBreakdown }));
  if (rows.length === 0) return done([], null);
  const first = rows[0];
  const byOverhead = [...rows].sort((a, b) => overhead(a.b) - overhead(b.b));
  const least = byOverhead[0];
  const most = byOverhead[byOverhead.length - 1];
  const p99 = first.p.breakdown.p99;
  const execution = first.b.execution;
  return done(
    [
      `On ${pointWords(results, first.p)} a call near the median takes ${formatMs(first.b.latency)}: ${formatMs(first.b.internet)} on the internet, ${formatMs(overhead(first.b))} in the platform (gateway, network, front end and queue) and ${formatMs(execution)} running the function.`,
      `The platform's own stages take ${listOf(rows.map((r) => `${formatMs(overhead(r.b))} on ${pointWords(results, r.p)}`))}.`,
      // Each platform against its own function's time: the function runs at each platform's speed.
      `The platform's stages take longest on ${pointWords(results, most.p)}, ${formatRatio(overhead(most.b) / Math.max(most.b.execution, 1e-9))} the function's own ${formatMs(most.b.execution)} there; on ${pointWords(results, least.p)}, which has the least overhead, the largest stage is the ${largestStage(least.b)}.`,
      p99
        ? `Near the p99 (${formatMs(p99.latency)}) of ${pointWords(results, first.p)} the largest stage is the ${largestStage(p99)} (${formatMs(Math.max(...STAGE_ORDER.map((k) => p99[k])))}).`
        : null,
    ],
    overhead(most.b) > most.b.execution
      ? `On ${pointWords(results, most.p)} the platform's own stages take ${formatMs(overhead(most.b))} of a median call, against ${formatMs(most.b.execution)} running the function: for a small function the platform, not the code, sets the latency.`
      : null,
  );
}

/** Geography: the internet hop, from each client. */
export function geographyText(results: ExperimentResults): StoryText {
  const pts = results.points.filter((p) => p.breakdown.p50 !== null && stat(p, 'p50') !== null);
  if (pts.length < 2) return done([], null);
  const byP50 = [...pts].sort((a, b) => (stat(a, 'p50') as number) - (stat(b, 'p50') as number));
  const near = byP50[0];
  const far = byP50[byP50.length - 1];
  const byP99 = [...pts].sort((a, b) => (stat(a, 'p99') ?? 0) - (stat(b, 'p99') ?? 0));
  const worst99 = byP99[byP99.length - 1];
  const hop = (p: PointResult) => (p.breakdown.p50 as StageBreakdown).internet;
  return done(
    [
      `Only the client changes, and the median moves from ${formatMs(stat(near, 'p50'))} (${pointWords(results, near)}) to ${formatMs(stat(far, 'p50'))} (${pointWords(results, far)}).`,
      `The internet hop alone takes ${formatMs(hop(near))} at the median from ${pointWords(results, near)} and ${formatMs(hop(far))} from ${pointWords(results, far)}.`,
      `The slowest p99, ${formatMs(stat(worst99, 'p99'))}, is from ${pointWords(results, worst99)}: ${formatRatio((stat(worst99, 'p99') as number) / (stat(byP99[0], 'p99') as number))} that from ${pointWords(results, byP99[0])}.`,
    ],
    hop(far) > hop(near)
      ? `The user's network alone adds ${formatMs(hop(far) - hop(near))} to the median between the ${pointWords(results, near)} and the ${pointWords(results, far)} client, whatever the platform: measure from your users' networks, not from inside the cloud.`
      : null,
  );
}

/** Warm against cold: the tail of each platform called rarely and busily. */
export function warmColdText(results: ExperimentResults): StoryText {
  const rate = results.axes.find((a) => /perSecond|rate/i.test(a.path));
  const platform = results.axes.find((a) => a.path === 'platform');
  if (!rate || !platform) return done([], null);
  const [rare, busy] = [...rate.values].sort((a, b) => Number(a) - Number(b));
  const sentences: string[] = [];
  let biggest: { name: string; r: number } | null = null;
  for (const name of platform.values) {
    const a = pointWhere(results, { platform: String(name), [rate.path]: rare as number });
    const b = pointWhere(results, { platform: String(name), [rate.path]: busy as number });
    const pa = stat(a, 'p99');
    const pb = stat(b, 'p99');
    if (!a || !b || pa === null || pb === null) continue;
    sentences.push(
      `On ${name}, ${formatShare(a.cold.share.value)} of the rare calls were cold and their p99 was ${formatMs(pa)}; busy, ${formatShare(b.cold.share.value)} and ${formatMs(pb)}.`,
    );
    if (biggest === null || pa / pb > biggest.r) biggest = { name: String(name), r: pa / pb };
  }
  return done(
    sentences,
    biggest && biggest.r > 1.5
      ? `A rarely called function pays for cold starts in its tail: on ${biggest.name} its p99 is ${formatRatio(biggest.r)} that of the same function kept busy.`
      : null,
  );
}

/** Use-case budgets: which budgets each point's p99 meets. */
export function budgetsText(results: ExperimentResults): StoryText {
  const pts = results.points.filter((p) => stat(p, 'p99') !== null);
  if (pts.length === 0) return done([], null);
  const tightest = (p: PointResult) => budgetsMet(stat(p, 'p99') as number)[0];
  const rows = pts.map((p) => {
    const b = tightest(p);
    return [
      pointWords(results, p),
      formatMs(stat(p, 'p99')),
      b ? `${b.useCase} (${formatMs(b.ms)})` : 'none',
    ];
  });
  const instant = pts.filter((p) => (stat(p, 'p99') as number) <= 100);
  const slow = pts.filter((p) => (stat(p, 'p99') as number) > 400);
  const medianInstant = pts.filter((p) => (stat(p, 'p50') ?? Infinity) <= 100);
  return done(
    [
      `${instant.length} of the ${pts.length} ${casesOf(results)} keep their p99 within 100 ms, where a response feels instantaneous${instant.length > 0 ? `: ${listOf(instant.map((p) => pointWords(results, p)))}` : ''}.`,
      slow.length > 0
        ? `${listOf(slow.map((p) => `${pointWords(results, p)} (${formatMs(stat(p, 'p99'))})`))} ${slow.length === 1 ? 'is' : 'are'} past 400 ms, too slow even for one-way voice.`
        : null,
    ],
    medianInstant.length > instant.length
      ? `Held to the median, ${medianInstant.length} of the ${pts.length} ${casesOf(results)} would feel instantaneous; held to the p99, ${instant.length}: hold the p99 against a budget, since one call in a hundred is slower and a page makes many calls.`
      : null,
    {
      table: {
        caption: 'The tightest budget each p99 meets',
        head: ['point', 'p99', 'tightest budget met'],
        rows,
      },
    },
  );
}

/** Chain depth: how each link adds the platform's overhead again. */
export function chainText(results: ExperimentResults): StoryText {
  const depth = results.axes.find((a) => /depth/i.test(a.path));
  if (!depth) return done([], null);
  const values = [...depth.values].map(Number).sort((a, b) => a - b);
  const lo = values[0];
  const hi = values[values.length - 1];
  const others = results.axes.filter((a) => a !== depth);
  const series = others.length === 1 ? others[0].values.map(String) : [''];
  const sentences: string[] = [];
  const perLink: { name: string; ms: number }[] = [];
  for (const s of series) {
    const where = s === '' ? {} : { [others[0].path]: s };
    const a = pointWhere(results, { ...where, [depth.path]: lo });
    const b = pointWhere(results, { ...where, [depth.path]: hi });
    const a50 = stat(a, 'p50');
    const b50 = stat(b, 'p50');
    if (a50 === null || b50 === null || hi === lo) continue;
    perLink.push({ name: s || 'the chain', ms: (b50 - a50) / (hi - lo) });
    if (sentences.length < 2)
      sentences.push(
        `On ${s || 'this platform'}, from depth ${lo} to ${hi} the p50 grows from ${formatMs(a50)} to ${formatMs(b50)} and the p99 from ${formatMs(stat(a, 'p99'))} to ${formatMs(stat(b, 'p99'))}.`,
      );
  }
  if (perLink.length > 1) {
    const sorted = [...perLink].sort((x, y) => x.ms - y.ms);
    sentences.push(
      `Each link adds ${formatMs(sorted[sorted.length - 1].ms)} at the median on ${sorted[sorted.length - 1].name} and ${formatMs(sorted[0].ms)} on ${sorted[0].name}.`,
    );
  }
  const costly = [...perLink].sort((x, y) => y.ms - x.ms)[0];
  return done(
    sentences,
    costly && costly.ms > 0
      ? `Every link pays the platform's overhead again: on ${costly.name} each adds ${formatMs(costly.ms)} to the median, so a chain of ${hi} takes about ${formatMs(costly.ms * (hi - lo))} longer than ${lo === 1 ? 'a single function' : `a chain of ${lo}`}, however fast each function is.`
      : null,
  );
}

/** The words for a point: its sweep values as a reader says them. */
export function pointWords(results: ExperimentResults, pt: PointResult): string {
  if (results.axes.length === 0) return results.experiment.name;
  return results.axes.map((a) => valueWords(a, pt.params[a.path])).join(', ');
}

/** What the points of a one-axis sweep are, in a sentence: "platforms", "clients"; else "cases". */
function casesOf(results: ExperimentResults): string {
  const only = results.axes.length === 1 ? results.axes[0].path : '';
  return only === 'platform' ? 'platforms' : only === 'client' ? 'clients' : 'cases';
}
