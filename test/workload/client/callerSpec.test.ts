import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/spec/specError.ts';
import {
  backoffMs,
  callerSchema,
  toCallerPolicy,
} from '../../../src/workload/client/callerSpec.ts';
import { prepare } from '../../experiments/experimentHelpers.ts';

function refused(caller: unknown): { path: string; reason: string } {
  try {
    prepare({ duration: '1min', workload: { poisson: { perSecond: 1 } }, caller });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    const err = e as SpecError;
    return { path: err.path, reason: err.reason };
  }
  throw new Error('the experiment was accepted');
}

describe('caller: bad input is refused with its path and reason', () => {
  const cases: [unknown, string, RegExp][] = [
    [{ timeout: 0 }, 'caller.timeout', /zero|> 0|positive/],
    [{ timeout: '-1s' }, 'caller.timeout', /.+/],
    [{ timeout: '5 parsecs' }, 'caller.timeout', /.+/],
    [{ failure: 1.5 }, 'caller.failure', /<= 1/],
    [{ failure: -0.1 }, 'caller.failure', />= 0/],
    [{ failure: '10%' }, 'caller.failure', /number/],
    [{ retry: { attempts: 0 } }, 'caller.retry.attempts', />= 1/],
    [{ retry: { attempts: 2.5 } }, 'caller.retry.attempts', /integer/],
    [{ retry: {} }, 'caller.retry', /attempts/],
    [{ retry: { attempts: 3, on: ['errors'] } }, 'caller.retry.on[0]', /error/],
    [{ retry: { attempts: 3, on: [] } }, 'caller.retry.on', /.+/],
    [{ retry: { attempts: 3, backoff: { base: 'soon' } } }, 'caller.retry.backoff.base', /.+/],
    [
      { retry: { attempts: 3, backoff: { base: '1s', cap: '100ms' } } },
      'caller.retry.backoff.cap',
      /below base/,
    ],
    [
      { retry: { attempts: 3, backoff: { base: '1s', jitter: 'decorrelated' } } },
      'caller.retry.backoff.jitter',
      /full/,
    ],
    [{ hedge: { after: { percentile: 100 } } }, 'caller.hedge.after.percentile', /< 100/],
    [{ hedge: { after: { percentile: 0 } } }, 'caller.hedge.after.percentile', /> 0/],
    [{ hedge: { after: true } }, 'caller.hedge.after', /.+/],
    [{ hedge: {} }, 'caller.hedge', /after/],
    [{ hedge: { after: '10ms', cancel: 'yes' } }, 'caller.hedge.cancel', /boolean/],
    [{ retries: 3 }, 'caller', /unknown field "retries"/],
  ];
  for (const [caller, path, reason] of cases) {
    it(`${JSON.stringify(caller)} at ${path}`, () => {
      const e = refused(caller);
      expect(e.path).toBe(path);
      expect(e.reason).toMatch(reason);
    });
  }
});

describe('caller policy', () => {
  it('defaults: retry on everything with the AWS SDK standard backoff (100 ms, 20 s, full jitter)', () => {
    const p = toCallerPolicy(callerSchema.parse({ retry: { attempts: 3 } }));
    expect(p).toMatchObject({
      attempts: 3,
      retryErrors: true,
      retryThrottled: true,
      retryTimeouts: true,
      backoffBase: 100,
      backoffCap: 20_000,
      jitter: 'full',
      timeout: Infinity,
      hedgeDelay: Infinity,
      hedgePercentile: null,
    });
  });

  it('backoff: v = min(cap, base x 2^(retry - 1)); full jitter u v, equal v/2 + u v/2, none v', () => {
    const p = toCallerPolicy(
      callerSchema.parse({ retry: { attempts: 9, backoff: { base: '100ms', cap: '1s' } } }),
    );
    expect([1, 2, 3, 4, 5].map((k) => backoffMs({ ...p, jitter: 'none' }, k, 0.3))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(backoffMs(p, 3, 0.25)).toBe(100);
    expect(backoffMs(p, 3, 0)).toBe(0);
    expect(backoffMs({ ...p, jitter: 'equal' }, 3, 0)).toBe(200);
    expect(backoffMs({ ...p, jitter: 'equal' }, 3, 0.5)).toBe(300);
  });
});
