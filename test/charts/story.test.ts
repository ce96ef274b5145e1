/** The report's story: computed sentences, the too-few rule, the article table (playground links: playgroundLinks.test.ts). */
import { describe, expect, it } from 'vitest';
import { formatMs, formatRatio, formatShare } from '../../src/charts/format.ts';
import { latencyCdf } from '../../src/charts/latencyCdf.ts';
import { buildReport, reportSection } from '../../src/charts/report.ts';
import { chainColdText, MIN_COLD_CALLS } from '../../src/charts/story/chainCold.ts';
import { STORY } from '../../src/charts/story/order.ts';
import {
  burstText,
  fanOutText,
  keepAliveText,
  warmersText,
} from '../../src/charts/story/sweeps.ts';
import { meansText, pathText } from '../../src/charts/story/topics.ts';
import { useCaseBudgets } from '../../src/charts/useCaseBudgets.ts';
import type { ExperimentResults, StageBreakdown } from '../../src/experiments/results.ts';
import {
  budgetComparison,
  burst,
  chainDepthSweep,
  fanOutSweep,
  keepAliveSweep,
  warmersSweep,
  wideSweep,
} from './fixtures.ts';

describe('chains: cold starts compounding', () => {
  it('predicts from depth 1 only with enough cold calls, and says so otherwise', () => {
    const r = chainDepthSweep();
    const text = chainColdText(r);
    const all = text.sentences.join(' ');
    // Lambda: 1.2% of 120,000 calls were cold at depth 1, plenty to predict from.
    expect(all).toMatch(/1 - \(1 - q\)\^8 = /);
    // The edge platform met no cold start: no prediction from nothing.
    expect(all).toContain(`too few to predict the deeper chains from (at least ${MIN_COLD_CALLS}`);
    expect(text.table?.rows.length).toBe(6);
  });

  it('computes the independent prediction from q, not a constant', () => {
    const r = chainDepthSweep();
    const row = chainColdText(r).table?.rows.find((x) => x[0] === 'aws-lambda-2019, depth 8');
    const q = r.points[0].cold.share.value as number;
    expect(row?.[3]).toBe(`${Number(((1 - (1 - q) ** 8) * 100).toPrecision(2))}%`);
  });
});

describe('percentiles, not means', () => {
  it('finds the point where the mean is furthest from the median, and says how many calls were slower', () => {
    const text = meansText(keepAliveSweep());
    expect(text.sentences[0]).toMatch(/^For keep-alive \d+ min the mean is/);
    expect(text.sentences.join(' ')).toMatch(/of calls were slower than the mean/);
    expect(text.table?.head).toEqual(['point', 'mean', 'p50', 'p99', 'mean ÷ p50', 'cold starts']);
  });
});

describe('the invocation path', () => {
  it("sets the platform with the most overhead against its own function's time, not the first platform's", () => {
    const r = budgetComparison();
    const b = (name: string) =>
      r.points.find((p) => p.params.platform === name)?.breakdown.p50 as StageBreakdown;
    const platform = (x: StageBreakdown) => x.gateway + x.network + x.frontEnd + x.queue;
    // The slowest platform also runs a slower function: more than its own stages take,
    // and far more than the first platform's (aws-lambda-2019) function takes.
    const azure = b('azure-functions');
    azure.execution = 2 * platform(azure);
    expect(platform(azure)).toBeGreaterThan(b('aws-lambda-2019').execution);
    const text = pathText(r);
    expect(text.sentences.join(' ')).toContain(
      `The platform's stages take longest on azure-functions, ${formatRatio(0.5)} the function's own ${formatMs(azure.execution)} there;`,
    );
    // Its function takes longer than its platform: the platform does not set its latency.
    expect(text.takeaway).toBeNull();
  });
});

describe('the report', () => {
  const section = (r: ReturnType<typeof keepAliveSweep>, name: string) => {
    r.experiment.name = name;
    return reportSection(r, [{ name: 'keepAliveCost', title: 'Cold starts', svg: '<svg></svg>' }]);
  };

  it('orders sections by the story, not by name, and puts other experiments after it', () => {
    const html = buildReport({
      title: 't',
      generatedBy: 'test',
      sections: [section(keepAliveSweep(), 'zzz-mine'), section(keepAliveSweep(), 'keep-alive')],
    });
    const heading = STORY.find((s) => s.experiment === 'keep-alive')?.heading as string;
    expect(html.indexOf(heading)).toBeGreaterThan(0);
    expect(html.indexOf(heading)).toBeLessThan(html.indexOf('More experiments'));
    expect(html).toContain('<strong>Takeaway.</strong>');
    expect(html).toContain('How to read a percentile');
  });

  it('links into the playground only when it was built', () => {
    const sections = [section(keepAliveSweep(), 'keep-alive')];
    const without = buildReport({ title: 't', generatedBy: 'g', sections });
    const withIt = buildReport({ title: 't', generatedBy: 'g', sections, playground: true });
    expect(without).not.toContain('playground/index.html');
    expect(withIt).toContain('href="playground/index.html?tour=4&amp;');
  });

  it('summarises a long table and keeps the whole behind a disclosure', () => {
    const r = wideSweep(40);
    const html = buildReport({ title: 't', generatedBy: 'g', sections: [reportSection(r, [])] });
    expect(html).toContain('12 of the 40 points');
    expect(html).toMatch(/<details><summary>All 40 points/);
  });
});

describe('charts that say what they hide', () => {
  it('says when two lines coincide', () => {
    const r = budgetComparison();
    r.points[1].cdf = r.points[0].cdf.map(([p, x]) => [p, x * 1.01]);
    const spec = latencyCdf(r) as { title: { subtitle: string[] } };
    const [a, b] = r.points.map((p) => String(p.params.platform));
    expect(spec.title.subtitle.join(' ').toLowerCase()).toContain(`${a} and ${b} coincide`);
    // Along a numeric sweep, neighbours that coincide are the expected picture: no note.
    const w = wideSweep(2);
    w.points[1].cdf = w.points[0].cdf;
    const ws = latencyCdf(w) as { title: { subtitle: string[] } };
    expect(ws.title.subtitle.join(' ')).not.toContain('coincide');
  });

  it('labels each budget line and says which budget each point meets', () => {
    const json = JSON.stringify(useCaseBudgets(budgetComparison()));
    expect(json).toMatch(/within \d+ ms/);
    expect(json).toContain('"label":"100 ms"');
  });
});

describe('sections read along a sweep: every sentence and takeaway from the run', () => {
  it('keep-alive: the shortest keep-alive that removed cold starts, and exp(-k / gap) checked', () => {
    const r = keepAliveSweep();
    const text = keepAliveText(r);
    expect(text.takeaway).toMatch(/^Here a keep-alive of 30 min, .* brought cold starts under 1%/);
    // exp(-keep-alive / mean gap) at the point nearest the mean gap, from the run's own rate.
    const gap = (measuredMs(r) * r.replications) / r.points[0].calls.arrivals;
    expect(text.sentences.join(' ')).toContain(`${formatShare(Math.exp(-60_000 / gap))} at 1 min`);
    // Other numbers, another takeaway: no keep-alive removes the cold starts.
    for (const p of r.points) p.cold.share.value = 0.4;
    expect(keepAliveText(r).takeaway).toBe(
      'No keep-alive here brought cold starts under 1%: the longest, 1 h, still left 40% of calls cold.',
    );
  });

  it('warmers: the keep-alive found between the last period that kept calls warm and the first that did not', () => {
    const r = warmersSweep();
    expect(warmersText(r).takeaway).toMatch(
      /outlived a gap of 9 min but not one of 11 min.*a ping every 9 min is enough here/,
    );
    r.points[2].cold.share.value = 0.05;
    expect(warmersText(r).takeaway).toMatch(/outlived a gap of 5 min but not one of 9 min/);
    for (const p of r.points) p.cold.share.value = 0.2;
    expect(warmersText(r).takeaway).toMatch(/^No warmer period here kept cold starts under 1%/);
  });

  it('bursts: from zero against from a warm base, in words with units, from the timelines', () => {
    const r = burstFromTwoBases();
    const text = burstText(r);
    const all = text.sentences.join(' ');
    expect(all).toContain('A burst from zero had 1,000 instances starting at once at its peak');
    expect(all).toContain('2,200 calls refused per run');
    expect(all).not.toMatch(/calls per second before the burst 0|base|perSecond/);
    expect(text.takeaway).toMatch(
      /^Instances already warm absorb a burst: starting from 1,000 calls per second instead of zero cut the refused calls from 2,200 to 0 per run/,
    );
    // Warm instances that absorb nothing: no takeaway claims they do.
    const same = burstFromTwoBases(false);
    expect(burstText(same).takeaway).toBeNull();
  });

  it('fan-out: p from one call, the share at the widest fan-out, and 1 - (1 - p)^n', () => {
    const text = fanOutText(fanOutSweep());
    expect(text.sentences[0]).toBe(
      'With a single call, 1% of requests were slower than 74 ms: the chance p that one call is slow.',
    );
    expect(text.sentences.join(' ')).toContain('1 - (1 - p)^n: 87% at 200, against 86% measured');
    expect(text.takeaway).toBe(
      'Waiting for 200 parallel calls turns a slow call that happens 1% of the time into a slow request 86% of the time: a request is as slow as its slowest call.',
    );
  });

  it('no story section uses a takeaway written in advance', () => {
    // Each section's takeaway either names a number of its run or is left out.
    const runs = [keepAliveSweep(), warmersSweep(), fanOutSweep(), burstFromTwoBases()];
    const texts = [keepAliveText, warmersText, fanOutText, burstText].map((f, i) => f(runs[i]));
    for (const t of texts) expect(t.takeaway ?? '').toMatch(/\d/);
  });
});

function measuredMs(r: ExperimentResults): number {
  return r.duration - r.warmup;
}

/** The burst fixture from zero and from 1,000 calls per second; the warm base absorbs it unless `absorbs` is false. */
function burstFromTwoBases(absorbs = true): ExperimentResults {
  const r = burst();
  const cold = r.points[0];
  const warm = structuredClone(cold);
  cold.params = { 'workload.burst.base': 0 };
  warm.params = { 'workload.burst.base': 1000 };
  warm.index = 1;
  const tl = warm.timeline as NonNullable<typeof warm.timeline>;
  if (absorbs) {
    tl.throttled = tl.throttled.map(() => 0);
    tl.p99 = tl.p99.map((v) => (v === null ? null : Math.min(v, 90)));
  }
  r.axes = [{ path: 'workload.burst.base', name: 'base', values: [0, 1000] }];
  r.points = [cold, warm];
  return r;
}

describe('section questions', () => {
  it("asks a section's own question where its experiment answers another section's too", () => {
    const r = keepAliveSweep();
    r.experiment.name = 'warm-vs-cold';
    const html = buildReport({
      title: 't',
      generatedBy: 'test',
      sections: [reportSection(r, [{ name: 'latencyCdf', title: 'CDF', svg: '<svg></svg>' }])],
    });
    const means = STORY.find((s) => s.heading === 'Percentiles, not means');
    expect(means?.question).toBeDefined();
    expect(html).toContain(`<p class="question">${means?.question}</p>`);
    // The warm-and-cold section keeps the experiment's own question.
    expect(html).toContain(`<p class="question">${r.experiment.title}</p>`);
  });
});

describe('the fan-out section reads the chart its options drew', () => {
  it("uses the experiment's threshold and p, and says when p is not the one measured", () => {
    const r = fanOutSweep();
    r.experiment.charts = [{ name: 'fanOutSlowShare', options: { thresholdMs: 100, p: 0.05 } }];
    const all = fanOutText(r).sentences.join(' ');
    expect(all).toContain('slower than 100 ms');
    expect(all).toContain("(the chart's curve takes p = 5%)");
  });
});
