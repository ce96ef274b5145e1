/** The report's story: computed sentences, the too-few rule, the article table, playground links. */
import { describe, expect, it } from 'vitest';
import { latencyCdf } from '../../src/charts/latencyCdf.ts';
import { buildReport, reportSection } from '../../src/charts/report.ts';
import { chainColdText, MIN_COLD_CALLS } from '../../src/charts/story/chainCold.ts';
import { STORY } from '../../src/charts/story/order.ts';
import { playgroundLink } from '../../src/charts/story/playground.ts';
import { meansText } from '../../src/charts/story/topics.ts';
import { useCaseBudgets } from '../../src/charts/useCaseBudgets.ts';
import { budgetComparison, chainDepthSweep, keepAliveSweep, wideSweep } from './fixtures.ts';

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
    expect(withIt).toContain('href="playground/index.html?experiment=keep-alive&amp;');
  });

  it('summarises a long table and keeps the whole behind a disclosure', () => {
    const r = wideSweep(40);
    const html = buildReport({ title: 't', generatedBy: 'g', sections: [reportSection(r, [])] });
    expect(html).toContain('12 of the 40 points');
    expect(html).toMatch(/<details><summary>All 40 points/);
  });
});

describe('playgroundLink', () => {
  it('encodes the experiment and each setting, in order', () => {
    expect(
      playgroundLink({
        words: 'x',
        experiment: 'warm-vs-cold',
        settings: { 'platformOverrides.keepAlive': '30min', client: 'mobile 4g' },
      }),
    ).toBe(
      'playground/index.html?experiment=warm-vs-cold&platformOverrides.keepAlive=30min&client=mobile+4g',
    );
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
