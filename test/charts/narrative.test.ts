import { describe, expect, it } from 'vitest';
import { burstSentences } from '../../src/charts/narrative/burst.ts';
import { narrative } from '../../src/charts/narrative.ts';
import {
  budgetComparison,
  burst,
  chainDepthSweep,
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
