import { judgeRow } from '../judge.ts';
import { INSIDE_CLIENT, idealPlatform } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'burst from zero';

/**
 * A deterministic burst from zero: calls every g = 10 ms, cold starts of S = 253 ms,
 * executions of E = 97 ms, instances kept, early binding. Each call that finds no instance
 * with room starts one (and those queued join a start with room); the first instance frees
 * room at S + E, after which room frees as fast as calls come. So the instances started are
 * those the arrivals of [0, S + E) need: ceil((S + E) / (c g)) with c calls per instance.
 * Deterministic: every replication gives the same count.
 */
export const burst: VerifyCase = {
  name: NAME,
  run({ seed }) {
    const gap = 10;
    const start = 253;
    const execution = 97;
    const calls = 200;
    return [1, 4].map((c): VerifyRow => {
      const data = replicate(
        {
          name: 'verify-burst',
          duration: calls * gap,
          workload: { constant: { perSecond: 1000 / gap } },
          client: INSIDE_CLIENT,
          platform: idealPlatform('verify-burst', {
            keepAlive: 'forever',
            coldStart: { sandbox: start },
            concurrencyPerInstance: c,
          }),
          function: { execution },
        },
        2,
        caseSeed(seed, NAME),
      );
      return judgeRow(
        {
          case: NAME,
          quantity: `instances started, ${c} call${c === 1 ? '' : 's'} per instance`,
          unit: '',
          values: data.map((d) => d.coldStarts),
          note:
            c === 1
              ? `${calls} calls ${gap} ms apart, cold start ${start} ms, execution ${execution} ms`
              : undefined,
        },
        { kind: 'equals', expected: Math.ceil((start + execution) / (c * gap)) },
      );
    });
  },
};
