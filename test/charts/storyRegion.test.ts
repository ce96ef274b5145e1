/** The region section: the paper's finding beside this run's, every number from the run. */
import { describe, expect, it } from 'vitest';
import { formatShare } from '../../src/charts/format.ts';
import { keepAliveRegionText, PAPER } from '../../src/charts/story/region.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import type { ExperimentResults } from '../../src/experiments/results.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';

const policies = {
  '10min': { maxConcurrency: 'unlimited', keepAlive: '10min' },
  '1h': { maxConcurrency: 'unlimited', keepAlive: '1h' },
  '2h': { maxConcurrency: 'unlimited', keepAlive: '2h' },
  hybrid: { maxConcurrency: 'unlimited', keepAlivePolicy: { policy: 'hybrid' } },
};

const region = (sweep: Record<string, unknown> = policies) =>
  runExperiment(
    prepareExperiment(
      {
        name: 'region',
        description: 'fixed windows against the hybrid policy on a small region',
        replications: 1,
        duration: '3h',
        warmup: '1h',
        platform: 'azure-functions',
        function: { timeout: '10min' },
        workload: { population: { functions: 60, like: 'azure-2019-apps', maxPerSecond: 0.02 } },
        sweep: { platformOverrides: sweep },
      },
      { models: presetRegistry() },
    ),
  ).results;

/** The run with each point's 75th-percentile cold share and idle GB-s set as given. */
function withFigures(r: ExperimentResults, figures: [number, number][]): ExperimentResults {
  const out = structuredClone(r);
  out.points.forEach((p, i) => {
    const f = p.functions!;
    f.coldShareAt = f.coldShareAt.map(([q, v]) => [q, q === 0.75 ? figures[i][0] : v]);
    f.idleGbSeconds = figures[i][1];
  });
  return out;
}

describe('keep-alive across a region: the paper and the run side by side', () => {
  const r = region();

  it('states the paper with its citation, and this run with its own numbers', () => {
    const given = withFigures(r, [
      [1, 1000],
      [0.5, 1500],
      [0.1, 1800],
      [0.05, 1600],
    ]);
    const text = keepAliveRegionText(given);
    const called = given.points[0].functions!.called;
    expect(text.sentences[0]).toContain(PAPER);
    expect(text.sentences[0]).toContain('were not found');
    expect(text.sentences[1]).toBe(
      `Here each of 60 synthetic functions stands for an application (${called} called in the 2 h measured): a fixed 10 min window left the 75th-percentile one cold on 100% of its calls, 2 h on 10%, for 180% of the 10 min window's wasted memory time.`,
    );
    expect(text.sentences[2]).toBe(
      'The hybrid policy left it cold on 5% of its calls, for 160%: fewer cold starts and less wasted memory than the 2 h window; the windows that waste less (10 min to 1 h) leave it cold on 50% to 100% of its calls.',
    );
    expect(text.sentences.join(' ')).toContain('not replayed from the trace');
    expect(text.takeaway).toMatch(/^The paper's shape holds on a synthetic region/);
    const rows = Object.fromEntries(text.table!.rows.map(([k, ...v]) => [k, v]));
    expect(rows['hybrid policy: cold starts, wasted memory'][1]).toBe('5%, 160%');
    expect(rows['wasted memory time, 2 h against 10 min'][1]).toBe('180%');
    // Over all requests, from the points' own cold shares.
    expect(rows['share of all requests with a cold start, hybrid against 2 h'][1]).toBe(
      `${formatShare(given.points[3].cold.share.value)} against ${formatShare(given.points[2].cold.share.value)}`,
    );
    expect(JSON.stringify(text)).not.toMatch(/NaN|undefined|null/);
  });

  it('says the shape was not reproduced when a fixed window beats the hybrid policy', () => {
    const text = keepAliveRegionText(
      withFigures(r, [
        [1, 1000],
        [0.05, 1200],
        [0.1, 1800],
        [0.2, 1600],
      ]),
    );
    expect(text.takeaway).toBe(
      "Unlike the paper's result, a fixed window (1 h) beats the hybrid policy on both counts on this synthetic region: the shape was not reproduced here.",
    );
    expect(text.sentences[2]).not.toContain('fewer cold starts and less wasted memory than');
  });

  it('the real run: the sentences carry its numbers', () => {
    const text = keepAliveRegionText(r);
    const f = r.points.map((p) => p.functions!);
    const p75 = (i: number) => f[i].coldShareAt.find(([q]) => q === 0.75)![1];
    expect(text.sentences[1]).toContain(`cold on ${formatShare(p75(0))} of its calls`);
    expect(text.sentences[2]).toContain(`The hybrid policy left it cold on ${formatShare(p75(3))}`);
    expect(text.sentences[2]).toContain(
      `for ${Math.round((f[3].idleGbSeconds / f[0].idleGbSeconds) * 100)}%`,
    );
  });

  it('says nothing without a hybrid point or a 10-minute reference', () => {
    const fixedOnly = { ...r, points: r.points.slice(0, 3) };
    expect(keepAliveRegionText(fixedOnly)).toEqual({ sentences: [], takeaway: null });
    const noReference = region({ '1h': policies['1h'], hybrid: policies.hybrid });
    expect(keepAliveRegionText(noReference)).toEqual({ sentences: [], takeaway: null });
  });
});
