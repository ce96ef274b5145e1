import { describe, expect, it } from 'vitest';
import {
  cloudRunConcurrencyText,
  coldSpan,
  keepAlivePoliciesText,
  knativeBurstText,
  snapStartText,
} from '../../src/charts/story/policies.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';

const run = (raw: Record<string, unknown>) =>
  runExperiment(
    prepareExperiment(
      { name: 'story', description: 'story', replications: 1, ...raw },
      { models: presetRegistry() },
    ),
  ).results;

describe('story sections of today’s platforms', () => {
  it('keep-alive policies: the sentences read the run, and the takeaway holds only when hybrid wins', () => {
    const r = run({
      duration: '20h',
      warmup: '4h',
      platform: 'aws-lambda',
      platformOverrides: { keepAlivePolicy: { policy: 'fixed' } },
      workload: { constant: { perSecond: 1 / 900 } },
      sweep: {
        'platformOverrides.keepAlivePolicy.policy': ['fixed', 'hybrid'],
        'platformOverrides.keepAlive': ['5min', '30min'],
      },
    });
    const text = keepAlivePoliciesText(r);
    expect(text.sentences[0]).toBe(
      'With a fixed keep-alive of 5 min, 100% of requests met a cold start.',
    );
    expect(text.sentences[1]).toMatch(
      /^The shortest fixed keep-alive without cold starts, 30 min, kept 11\d(\.\d+)? GB-s/,
    );
    expect(text.sentences[2]).toMatch(/^The hybrid policy met a cold start on 0% of requests/);
    expect(text.takeaway).not.toBeNull();
    // Without a hybrid point there is nothing to compare: no sentence, no takeaway.
    const fixedOnly = {
      ...r,
      points: r.points.filter(
        (p) => p.params['platformOverrides.keepAlivePolicy.policy'] === 'fixed',
      ),
    };
    expect(keepAlivePoliciesText(fixedOnly)).toEqual({ sentences: [], takeaway: null });
  });

  it('SnapStart: the saving grows with the depth of a cold chain', () => {
    const r = run({
      duration: '48h',
      warmup: '1h',
      platform: 'aws-lambda-java',
      workload: { poisson: { perSecond: 0.0005 } },
      graph: { chain: { depth: 1 } },
      sweep: {
        platform: ['aws-lambda-java', 'aws-lambda-java-snapstart'],
        'graph.chain.depth': [1, 4],
      },
    });
    const text = snapStartText(r);
    expect(text.sentences).toHaveLength(2);
    expect(text.sentences[1]).toMatch(/^4 functions deep: /);
    expect(text.takeaway).not.toBeNull();
  });
});

describe('coldSpan: the cold requests of several fixed keep-alives, in words', () => {
  it('says every request, one share, or the range (never "at least 100%")', () => {
    expect(coldSpan([1, 1])).toBe('every request');
    expect(coldSpan([0.4, 0.4])).toBe('40% of requests');
    expect(coldSpan([1, 0.4])).toBe('40% to 100% of requests');
  });
});

describe('story sections of Cloud Run concurrency and the burst across platforms', () => {
  it('Cloud Run: the sentences give each setting its instances, p99 and bill, read from the run', () => {
    const r = run({
      duration: '90s',
      warmup: '30s',
      client: 'us-typical',
      platform: 'cloud-run',
      function: { execution: { lognormal: { p50: '100ms', p99: '300ms' } }, memoryMB: 512 },
      workload: { poisson: { perSecond: 100 } },
      sweep: { 'platformOverrides.concurrencyPerInstance': [1, 80] },
    });
    const text = cloudRunConcurrencyText(r);
    const [one, eighty] = r.points;
    expect(text.sentences[0]).toMatch(/^The chart draws each setting's percentiles/);
    expect(text.sentences[1]).toContain(`the bill $`);
    expect(text.sentences[1]).toMatch(/^With one call per instance, [\d.]+ instances ran/);
    expect(text.sentences[2]).toMatch(/^With 80 per instance: [\d.]+ instances, a p99 of /);
    // The takeaway follows the numbers: it names a cheaper, slower packing only when it is.
    const slower = eighty.endToEnd.p99.value! > one.endToEnd.p99.value!;
    const cheaper = eighty.cost.usdPerMillionRoots! < one.cost.usdPerMillionRoots!;
    if (slower && cheaper) expect(text.takeaway).toMatch(/trades the tail for the bill/);
    else expect(text.takeaway).not.toMatch(/trades the tail for the bill/);
    // One setting alone compares nothing.
    expect(cloudRunConcurrencyText({ ...r, points: [one] })).toEqual({
      sentences: [],
      takeaway: null,
    });
  });

  it('burst: a row per platform with its peak instances and refusals, from the timeline', () => {
    const r = run({
      duration: '60s',
      warmup: '10s',
      client: 'us-typical',
      platform: 'aws-lambda',
      function: { execution: { lognormal: { p50: '100ms', p99: '300ms' } }, memoryMB: 2048 },
      workload: { burst: { base: 10, peak: 300, at: '30s', duration: '5s' } },
      timeline: { window: '1s' },
      sweep: { platform: ['aws-lambda', 'knative', 'knative-direct'] },
    });
    const text = knativeBurstText(r);
    expect(text.table?.rows.map((row) => row[0])).toEqual([
      'aws-lambda',
      'knative',
      'knative-direct',
    ]);
    // The peak is the timeline's largest instance count over the measured windows.
    const tl = r.points[1].timeline!;
    let peak = 0;
    for (let i = 0; i < tl.t.length; i++) {
      if (tl.t[i] >= r.warmup) peak = Math.max(peak, tl.starting[i] + tl.busy[i] + tl.idle[i]);
    }
    expect(text.table?.rows[1][1]).toBe(String(Number(peak.toPrecision(3))));
    expect(text.sentences[1]).toMatch(/^The worst second's p99 ranged from .* on .* to .* on /);
    // The caption says the timeline's windows are means over the runs, when there are several.
    expect(text.table?.caption).toBe(
      r.replications > 1
        ? `The burst per platform, measured windows: each window averaged over the ${r.replications} runs, then the peak (or the worst); refused calls per run`
        : 'The burst per platform, measured windows',
    );
    expect(knativeBurstText({ ...r, replications: 3 }).table?.caption).toMatch(
      /averaged over the 3 runs/,
    );
    expect(text.sentences.at(-1)).toMatch(/^Where calls wait matters: with a queue per pod/);
    // Without timelines there is nothing to say.
    const bare = { ...r, points: r.points.map((p) => ({ ...p, timeline: null })) };
    expect(knativeBurstText(bare)).toEqual({ sentences: [], takeaway: null });
  });
});
