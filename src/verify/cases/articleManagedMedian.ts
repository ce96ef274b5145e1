import { MANAGED, RESPONSIVE_FUNCTION } from '../article.ts';
import { judgeRow } from '../judge.ts';
import { pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase } from '../types.ts';

const NAME = 'article: managed';

/**
 * The article: a managed FaaS invocation takes over 100 ms in total. A typical US client calls
 * the managed platform through its gateway at a steady rate; after a warm-up the instances are
 * warm, so this is the warm path.
 */
export const articleManagedMedian: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const data = replicate(
      {
        name: 'verify-article-managed',
        duration: pick(quick, '4min', '90s'),
        warmup: pick(quick, '1min', '30s'),
        workload: { poisson: { perSecond: 20 } },
        client: 'us-typical',
        platform: MANAGED,
        function: RESPONSIVE_FUNCTION,
      },
      pick(quick, 20, 8),
      caseSeed(seed, NAME),
    );
    return [
      judgeRow(
        {
          case: NAME,
          quantity: 'median end to end, us-typical',
          unit: 'ms',
          values: data.map((d) => d.endToEnd.quantile(0.5)),
          note: `${MANAGED} through its gateway, a 1-3 ms function, 20 calls/s`,
        },
        { kind: 'atLeast', expected: 100 },
      ),
    ];
  },
};
