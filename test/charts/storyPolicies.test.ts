import { describe, expect, it } from 'vitest';
import { coldSpan, keepAlivePoliciesText, snapStartText } from '../../src/charts/story/policies.ts';
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
      'With a fixed keep-alive of 5min, 100% of requests met a cold start.',
    );
    expect(text.sentences[1]).toMatch(
      /^The shortest fixed keep-alive without cold starts, 30min, kept 11\d(\.\d+)? GB-s/,
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
