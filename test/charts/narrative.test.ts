import { describe, expect, it } from 'vitest';
import { narrative } from '../../src/charts/narrative.ts';
import {
  budgetComparison,
  burst,
  chainDepthSweep,
  FIXTURES,
  fanOutSweep,
  keepAliveSweep,
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
      'For aws-lambda-2019, from depth 1 to 8 the p50 grows from 48.3 ms to 182 ms (3.8x)',
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

  it('describes a burst window by window', () => {
    const text = narrative(burst()).join('\n');
    expect(text).toContain('Instances starting peak at 1,000 in the window at 61 s.');
    expect(text).toContain('2,200 calls were throttled, the first in the window at 1 min.');
    expect(text).toContain(
      "The worst window's p99 is 1.45 s at 1 min, against a median window p99 of 80 ms.",
    );
    expect(text).toContain('With one replication there are no confidence intervals');
  });

  it('holds fan-out against independent leaves', () => {
    const text = narrative(fanOutSweep()).join('\n');
    expect(text).toContain(
      'At fan-out 200, 86% of requests were slower than 74 ms; independent leaves each slow with probability 1% predict 87%.',
    );
  });

  it('weighs keep-alive against cost', () => {
    const text = narrative(keepAliveSweep()).join('\n');
    expect(text).toContain(
      'From keep-alive 1 min to 1 h the cold-start share falls from 78% to under 0.01%, while the cost per million requests rises from $1.93 to $21.60.',
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
