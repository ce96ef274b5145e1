import { HYBRID_DEFAULTS } from '../../platform/keepAlive/hybridHistogram.ts';
import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'hybrid keep-alive';

export interface HybridKeepAliveParams {
  /** The hybrid policy's margin (the paper's 0.1), for the negative control. */
  margin?: number;
}

/**
 * A call exactly every 30 minutes (executions E = 100 ms, cold starts S = 2 s). Every idle
 * time is 30 min - E, in the histogram's bin 29 (1-minute bins), so once the histogram holds
 * its minimum of idle times the policy unloads the instance after each call and loads it
 * again after the pre-warm window W = 29 min x (1 - margin): no cold start, and the instance
 * is idle only from the end of its start to the call, 30 min - E - W - S per call. A fixed
 * keep-alive of 31 minutes, long enough to avoid the cold starts, keeps it idle the whole
 * 30 min - E. Deterministic: every replication gives the same values.
 */
export function hybridKeepAliveCase(params: HybridKeepAliveParams = {}): VerifyCase {
  return {
    name: NAME,
    run({ seed }) {
      const period = 30 * 60_000;
      const execution = 100;
      const start = 2000;
      const calls = 20;
      // Past the fallback's calls (the histogram's minimum), and halfway between two calls,
      // when the instance is unloaded: the window holds whole idle times only.
      const warmup = (HYBRID_DEFAULTS.minSamples + 2.5) * period;
      const run = (platform: Record<string, unknown>) =>
        replicate(
          {
            name: 'verify-hybrid-keep-alive',
            duration: warmup + calls * period,
            warmup,
            workload: { constant: { perSecond: 1000 / period } },
            client: INSIDE_CLIENT,
            platform: idealPlatform('verify-hybrid-keep-alive', {
              coldStart: { sandbox: start },
              ...platform,
            }),
            function: { execution, memoryMB: 1024 },
          },
          2,
          caseSeed(seed, NAME),
        );
      // Idle GB-seconds of a 1 GB function per call: idle milliseconds per call.
      const idlePerCall = (d: ReturnType<typeof run>[number]) =>
        ((d.instances.idleGbSeconds ?? Number.NaN) * 1000) / d.completed;
      const hybrid = run({ keepAlivePolicy: { policy: 'hybrid', margin: params.margin ?? 0.1 } });
      const fixed = run({ keepAlive: '31min' });
      const bin = HYBRID_DEFAULTS.bin;
      const prewarm = Math.floor((period - execution) / bin) * bin * (1 - HYBRID_DEFAULTS.margin);
      const rows: VerifyRow[] = [
        judgeRow(
          {
            case: NAME,
            // Warm rather than cold: an expected 0 would have no relative error.
            quantity: 'share of warm calls, once the histogram is filled',
            unit: '',
            values: hybrid.map((d) => 1 - d.coldRoots / d.completed),
            note: 'a call every 30 min, execution 100 ms, cold start 2 s, the paper settings',
          },
          { kind: 'equals', expected: 1 },
        ),
        judgeRow(
          {
            case: NAME,
            quantity: 'idle memory time per call, hybrid',
            unit: 'ms',
            values: hybrid.map(idlePerCall),
            note: `30 min - E - pre-warm window (${prewarm / 60_000} min) - cold start`,
          },
          { kind: 'equals', expected: period - execution - prewarm - start },
        ),
        judgeRow(
          {
            case: NAME,
            quantity: 'idle memory time per call, fixed 31 min',
            unit: 'ms',
            values: fixed.map(idlePerCall),
            note: 'the whole 30 min - E between calls',
          },
          { kind: 'equals', expected: period - execution },
        ),
      ];
      return rows;
    },
  };
}

export const hybridKeepAlive = hybridKeepAliveCase();
