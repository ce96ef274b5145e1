import { describe, expect, it } from 'vitest';
import { shareAbove } from '../../src/charts/cdf.ts';
import { formatMs, formatShare } from '../../src/charts/format.ts';
import { burstSentences } from '../../src/charts/narrative/burst.ts';
import { HEDGED_SLOW_MS } from '../../src/charts/narrative/fanOut.ts';
import { tailSentence } from '../../src/charts/narrative/sweep.ts';
import { narrative } from '../../src/charts/narrative.ts';
import { hedgedFanOutText } from '../../src/charts/story/client.ts';
import { inWords } from '../../src/charts/words.ts';
import type { ExperimentResults, PointResult } from '../../src/experiments/results.ts';
import {
  budgetComparison,
  burst,
  chainDepthSweep,
  clientOf,
  FIXTURES,
  fanOutBimodal,
  fanOutSweep,
  keepAliveSweep,
  onTwoPlatforms,
  onTwoRates,
  warmersSweep,
} from './fixtures.ts';

describe('narrative', () => {
  it('explains a chain-depth sweep from its own numbers', () => {
    const text = narrative(chainDepthSweep()).join('\n');
    expect(text).toContain('12 points, each from 5 replications of 10 min of simulated time');
    expect(text).toContain(
      'For aws-lambda-2019 at depth 8 the p99 (601 ms) is 3.3x the p50 (182 ms) because 9.2% of requests met at least one cold start',
    );
    expect(text).toContain('cold starts take 399 ms of the 601 ms of calls near the p99');
    expect(text).toContain(
      'For aws-lambda-2019, from depth 1 to depth 8 the p50 grows from 48.3 ms to 182 ms (3.8x)',
    );
    // The closed form for a chain, checked against the run.
    expect(text).toContain(
      'predict 9.2% of requests with a cold start at depth 8; the run measured 9.2%',
    );
  });

  it('does not claim cold starts cause a tail they are absent from', () => {
    const edge = narrative(chainDepthSweep()).find((s) =>
      s.startsWith('For edge-isolates at depth 8'),
    );
    expect(edge).toBeDefined();
    expect(edge).not.toContain('because');
    expect(edge).toContain('no request met a cold start');
  });

  it('compares platforms, names those without answers, and places p99s against budgets', () => {
    const text = narrative(budgetComparison()).join('\n');
    expect(text).toContain(
      'The lowest p99 is that of edge-isolates (18.1 ms), the highest that of azure-functions (6.09 s)',
    );
    expect(text).toContain('overloaded completed no calls: all 5,000 calls were throttled.');
    expect(text).toContain(
      'The p99 of edge-isolates (18.1 ms) fits "feels instantaneous" and "respond to input" (100 ms), not "animation frame" (16 ms).',
    );
  });

  it('says when many calls were still unanswered at the end, and stays quiet otherwise', () => {
    const results = budgetComparison();
    expect(narrative(results).join('\n')).not.toContain('unanswered when the run ended:');
    const stuck = {
      ...results,
      points: results.points.map((p, i) =>
        i === 0 ? { ...p, calls: { ...p.calls, arrivals: 1_000, inFlight: 400 } } : p,
      ),
    };
    expect(narrative(stuck).join('\n')).toContain(
      `Calls still unanswered when the run ended: ${results.points[0].label} 400 of 1,000 (40%).`,
    );
  });

  it('describes a burst window by window', () => {
    const text = narrative(burst()).join('\n');
    expect(text).toContain('Instances starting peak at 1,000 in the window at 61 s.');
    expect(text).toContain('2,200 calls were throttled, the first in the window at 1 min.');
    expect(text).toContain(
      // The median of the measured windows only: the warm-up's are left out.
      "The worst window's p99 is 1.45 s at 1 min, against a median window p99 of 87.5 ms.",
    );
    expect(text).toContain('With one replication there are no confidence intervals');
  });

  it('holds fan-out against independent leaves', () => {
    const text = narrative(fanOutSweep()).join('\n');
    expect(text).toContain(
      'With 200 parallel calls, 86% of requests were slower than 74 ms; independent leaves each slow with probability 1% predict 87%.',
    );
  });

  it('weighs keep-alive against the memory the provider keeps alive', () => {
    const text = narrative(keepAliveSweep()).join('\n');
    expect(text).toContain(
      "From a keep-alive of 1 min to one of 1 h the cold-start share falls from 78% to under 0.01%, while the memory kept alive per request rises from 0.239 GB-s to 1.08 GB-s (4.5x); the customer's bill stays at $1.92 per million requests, since idle time is not billed.",
    );
  });

  it('says one number once, and no reason for a bill of nothing', () => {
    // A platform that keeps an instance provisioned starts no call cold at any keep-alive, and
    // one priced at nothing bills nothing, idle or busy.
    const base = keepAliveSweep();
    const results = {
      ...base,
      points: base.points.map((p) => ({
        ...p,
        cold: { ...p.cold, share: { ...p.cold.share, value: 0 } },
        cost: { ...p.cost, usdPerMillionRoots: 0 },
      })),
    };
    const text = narrative(results).join('\n');
    expect(text).toContain('the cold-start share stays at 0%');
    expect(text).not.toContain('from 0% to 0%');
    expect(text).not.toContain('since idle time is not billed');
  });

  it('weighs warmers against what the pings cost, on a duration axis', () => {
    const text = narrative(warmersSweep()).join('\n');
    expect(text).toContain(
      "From a ping every 2 min to one every 1 h the cold-start share rises from 0% to 25%, while the warmer pings' cost falls from $0.0043 a month to $0.00014 a month.",
    );
  });

  it('says the cost the keep-alive chart was drawn with', () => {
    const text = narrative(keepAliveSweep(), { keepAlive: { cost: 'usdPerMillionRoots' } }).join(
      '\n',
    );
    expect(text).toContain('the cost per million requests stays about the same at $1.92');
  });

  it('counts a burst per run when the timeline is a mean of several, and names the point first', () => {
    const r = burst();
    r.replications = 3;
    const text = burstSentences(r.points[0], 'base=0', 3, r.warmup).join('\n');
    expect(text).toContain(
      'For base=0: instances starting peak at 1,000 in the window at 61 s (mean of 3 runs).',
    );
    expect(text).toContain('On average 2,200 calls per run were throttled');
  });

  it('holds fan-out against independent leaves, the threshold between the modes', () => {
    const text = narrative(fanOutBimodal()).join('\n');
    expect(text).toContain(
      'With 100 parallel calls, 64% of requests were slower than 280 ms; independent leaves each slow with probability 1% predict 63%.',
    );
  });

  it('never prints a missing number', () => {
    const dead = budgetComparison();
    dead.points = dead.points.filter((p) => p.endToEnd.count === 0);
    const partial = chainDepthSweep();
    partial.partial = true;
    partial.points = partial.points.slice(0, 3);
    for (const r of [...Object.values(FIXTURES).map((f) => f()), dead, partial]) {
      for (const s of narrative(r)) {
        expect(s).not.toMatch(/NaN|null|undefined|Infinity|–/);
        expect(s).toMatch(/^[A-Z0-9a-z].*[.]$/);
      }
    }
    expect(narrative(partial).join(' ')).toContain('The run was interrupted');
  });
});

describe('series named in words', () => {
  it('names a series of two other axes by their values, not by field=value pairs', () => {
    const r = onTwoPlatforms(onTwoRates(keepAliveSweep()));
    const text = narrative(r).join(' ');
    expect(text).not.toMatch(/\w=\w/);
  });
});

/**
 * A fan-out of 100 leaves whose root hedges each leaf call, swept over the hedge delay
 * (graph.fanOut.caller.hedge.after), as experiments/hedged-fan-out.json: without a copy
 * (10 s) the request waits on every slow leaf, the widest point of fanOutBimodal; with a
 * copy after 10 ms hardly any request is slow, its narrowest point.
 */
function hedgedFanOut(): ExperimentResults {
  const r = fanOutBimodal();
  const path = 'graph.fanOut.caller.hedge.after';
  const delayOf = new Map([
    [100, 10_000],
    [1, 10],
  ]);
  const points = r.points
    .filter((p) => delayOf.has(p.params['graph.fanOut'] as number))
    // In the experiment's order: the delay falls from 10 s.
    .reverse()
    .map((p, index) => {
      const after = delayOf.get(p.params['graph.fanOut'] as number) as number;
      return { ...p, index, label: `after=${after}`, params: { [path]: after } };
    });
  return {
    ...r,
    experiment: { ...r.experiment, name: 'hedged-fan-out' },
    axes: [{ path, name: 'after', values: [10_000, 10] }],
    points,
  };
}

describe('a hedged fan-out: the sweep is of the hedge delay, not of the width', () => {
  const r = hedgedFanOut();
  const [unhedged, hedged] = r.points;

  it('names the delay as a duration, and reads no delay as a number of leaves', () => {
    for (const text of [narrative(r), narrative(inWords(r))]) {
      const fan = text.find((s) => s.includes(' of requests were slower than'));
      expect(fan).toBeDefined();
      expect(fan).toMatch(/^Hedging after 10 s, /);
      expect(fan).toContain('; hedging after 10 ms, ');
      expect(fan).not.toContain('10000');
      // 1 - (1 - p)^n needs a number of leaves, which this sweep does not move.
      expect(fan).not.toContain('independent leaves');
    }
  });

  it("counts slow requests at the threshold the section's story uses, at both ends", () => {
    const fan = narrative(inWords(r)).find((s) => s.includes(' of requests were slower than'));
    const slow = (p: PointResult) => formatShare(shareAbove(p.cdf, HEDGED_SLOW_MS));
    expect(fan).toBe(
      `Hedging after 10 s, ${slow(unhedged)} of requests were slower than ${formatMs(HEDGED_SLOW_MS)}; hedging after 10 ms, ${slow(hedged)}.`,
    );
    // The story of the same section says the same share over the same threshold.
    expect(hedgedFanOutText(r).sentences[0]).toContain(
      `${slow(unhedged)} of requests take over ${formatMs(HEDGED_SLOW_MS)}`,
    );
  });
});

describe('points compared side by side', () => {
  /** The budget comparison with every p99 set to one of `p99s`, in order. */
  function withP99s(p99s: number[]): ExperimentResults {
    const r = budgetComparison();
    const points = r.points
      .filter((p) => p.endToEnd.count > 0)
      .map((p, i) => ({
        ...p,
        endToEnd: { ...p.endToEnd, p99: { value: p99s[i], low: null, high: null } },
      }));
    return { ...r, points };
  }

  it('says the p99 is about the same when the lowest and the highest print alike', () => {
    const text = narrative(withP99s([204_000, 204_300, 204_400])).join('\n');
    expect(text).toContain('The p99 is about the same at every point: 204 s.');
    expect(text).not.toContain('The lowest p99');
    expect(text).not.toMatch(/\b1x as long/);
  });

  it('says so too when they differ by less than 5%, and gives both', () => {
    const text = narrative(withP99s([100, 102, 104])).join('\n');
    expect(text).toContain(
      'The p99 is about the same at every point: from 100 ms (aws-lambda-2019) to 104 ms (azure-functions).',
    );
  });

  it('names the points without calls apart from those that are about the same', () => {
    const r = withP99s([204_000, 204_300, 204_400]);
    r.points.push(budgetComparison().points.find((p) => p.endToEnd.count === 0) as PointResult);
    const text = narrative(r).join('\n');
    expect(text).toContain('The p99 is about the same at every point that completed calls: 204 s.');
    expect(text).toContain('overloaded completed no calls');
  });
});

describe('where the time of calls near the p99 goes', () => {
  /** A point whose calls near the p99 take `latency` ms, `stages` of it in stages. */
  function pointWith(
    latency: number,
    stages: Partial<Record<'frontEnd' | 'execution' | 'internet', number>>,
    client?: { retries: number; hedges: number },
  ): PointResult {
    const p = structuredClone(chainDepthSweep().points[0]);
    const b = p.breakdown.p99 as NonNullable<PointResult['breakdown']['p99']>;
    for (const k of Object.keys(b)) (b as Record<string, number>)[k] = 0;
    Object.assign(b, stages, { latency });
    p.cold.share.value = 0;
    if (client) p.client = clientOf(client);
    return p;
  }

  it('says "most" of a stage over half the time', () => {
    const s = tailSentence(pointWith(100, { execution: 80, frontEnd: 20 }), 'here');
    expect(s).toContain('calls near the p99 spend most time in execution (80 ms of 100 ms)');
  });

  it('names the time before the answering call a retrying caller spends, not the largest stage, as most', () => {
    const p = pointWith(13_000, { execution: 112, frontEnd: 18 }, { retries: 3000, hedges: 0 });
    const s = tailSentence(p, 'with up to 8 attempts') as string;
    expect(s).not.toContain('most time in execution');
    expect(s).toContain(
      'calls near the p99 spend most time before the call that answered was sent (12.9 s of 13 s: earlier attempts and their backoffs); their largest named stage is execution (112 ms)',
    );
  });

  it('gives the largest stage as the largest, not most, when no part is over half', () => {
    const even = tailSentence(
      pointWith(100, { internet: 30, frontEnd: 30, execution: 40 }),
      'here',
    ) as string;
    expect(even).toContain(
      'calls near the p99 spend the largest share of their time in execution (40 ms of 100 ms)',
    );
    const hedged = pointWith(100, { execution: 45, frontEnd: 15 }, { retries: 0, hedges: 50 });
    expect(tailSentence(hedged, 'here')).toContain(
      'the largest named stage of calls near the p99 is execution (45 ms of 100 ms), and they spend 40 ms before the call that answered was sent (the hedge delay, when a copy answered)',
    );
    // Time in no stage, without a caller to name it: only what the stages show.
    expect(tailSentence(pointWith(100, { execution: 40, frontEnd: 20 }), 'here')).toContain(
      'of what the stages show of calls near the p99, the largest share is execution (40 ms of 100 ms)',
    );
  });
});
