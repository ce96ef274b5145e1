import { MANAGED, RESPONSIVE_FUNCTION } from '../article.ts';
import { judgeRow } from '../judge.ts';
import { pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import { stageOf } from '../stage.ts';
import { coldShare } from '../theory.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'article: cold start';

/**
 * The article: a cold start adds about one second. Sparse traffic on the managed platform as
 * shipped: a call every 10 minutes on average against its 10-minute keep-alive, so that about a
 * third of the calls come after the instance was reclaimed. A cold call's end to end is a warm
 * one's plus its cold-start stage (zero for warm calls), so the stage's mean over the cold calls
 * is what a cold start adds.
 *
 * Sparse on purpose: a call is then cold only because the keep-alive ran out, and waits for
 * its own instance's boot, not behind other calls.
 */
export const articleColdStart: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const perSecond = 1 / 600;
    const data = replicate(
      {
        name: 'verify-article-cold-start',
        duration: pick(quick, '200h', '50h'),
        warmup: '1h',
        workload: { poisson: { perSecond } },
        client: 'us-typical',
        platform: MANAGED,
        function: RESPONSIVE_FUNCTION,
      },
      pick(quick, 20, 8),
      caseSeed(seed, NAME),
    );
    const cold = data.reduce((n, d) => n + d.coldRoots, 0);
    const calls = data.reduce((n, d) => n + d.completed, 0);
    const expectedShare = coldShare(perSecond, 600);
    return [
      judgeRow(
        {
          case: NAME,
          quantity: 'time a cold start adds',
          unit: 'ms',
          values: data.map((d) => stageOf(d, 'coldStart').sum / d.coldRoots),
          note:
            `mean cold-start stage of the cold calls (${cold} of ${calls}, ` +
            `about ${(expectedShare * 100).toFixed(0)}% expected); ${MANAGED}, a call per 10 min`,
        },
        { kind: 'between', expected: 500, expectedHigh: 2000 },
      ),
    ];
  },
};
