import { describe, expect, it } from 'vitest';
import { explainPoint } from '../../src/experiments/explain.ts';
import { platformModel, run } from './experimentHelpers.ts';

describe('explain with a caller', () => {
  it('names the time before the answering call was sent, and what the caller sent', () => {
    // Half the first attempts fail; a retry waits 200 ms: the p99 is a retried request, most
    // of whose time is before the call that answered it.
    const [p] = run({
      seed: 'explain-caller',
      duration: '100s',
      warmup: '5s',
      replications: 1,
      platform: platformModel(),
      function: { execution: { constant: 5 } },
      workload: { poisson: { perSecond: 20 } },
      caller: { failure: 0.5, retry: { attempts: 2, backoff: { base: '200ms', jitter: 'none' } } },
    });
    const text = explainPoint(p, 'inside');
    const p99 = text.slice(text.indexOf('At the p99'));
    expect(p99).toMatch(/before the call that answered was sent/);
    expect(text).toMatch(
      /Calls near the p99 \(.* on average\) took .* longer than calls near the median \(.* on average\); of that difference, .* is time before the call that answered was sent/,
    );
    expect(text).toMatch(
      /The caller sent 1\.\d\d calls per request \([\d,]+ retries, 0 hedged copies\)/,
    );
  });

  it('without a caller, says nothing of it', () => {
    const [p] = run({
      seed: 'explain-plain',
      duration: '20s',
      replications: 1,
      platform: platformModel(),
      workload: { poisson: { perSecond: 20 } },
    });
    const text = explainPoint(p, 'inside');
    expect(text).not.toMatch(/before the call that answered|The caller sent/);
  });
});
