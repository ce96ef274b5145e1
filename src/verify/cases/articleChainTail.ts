import type { ReplicationData } from '../../experiments/recorder.ts';
import { MANAGED, RESPONSIVE_FUNCTION } from '../article.ts';
import { judgeRow } from '../judge.ts';
import { pick } from '../models.ts';
import { caseSeed, replicate } from '../replicate.ts';
import type { VerifyCase, VerifyRow } from '../types.ts';

const NAME = 'article: chain tail';

/**
 * The article: in a chain, the p99 grows faster than the p50 with depth once cold starts are
 * possible. Compared: p99 / p50 at depth 6 over p99 / p50 at depth 1, per replication (both
 * depths see the same arrivals).
 *
 * At 2 calls/s a gap longer than a 10 s keep-alive almost never comes (e^-20); a call is cold
 * when it finds every instance busy and starts its own, waiting for it (early binding, as on
 * Lambda). One 1-3 ms function is seldom busy: about 0.2% of requests meet a cold start, too few
 * to move the p99. Six in a chain hold each instance for the rest of the chain (some 450 ms), so
 * requests overlap and scale out into extra instances that idle past the keep-alive before the
 * next overlap: about a tenth of the requests meet a cold start, which lifts the p99 to a second
 * and more while the p50 stays warm. The control has no cold starts (instances provisioned):
 * sums of independent hops concentrate, and the p99 grows slower than the p50.
 *
 * The ratios are skewed (a replication with a few more cold starts has a much longer tail), so
 * they are averaged on a log scale.
 */
export const articleChainTail: VerifyCase = {
  name: NAME,
  run({ quick, seed }) {
    const reps = pick(quick, 20, 8);
    const seedOf = caseSeed(seed, NAME);
    const spread = (d: ReplicationData) => d.endToEnd.quantile(0.99) / d.endToEnd.quantile(0.5);
    const growth = (
      overrides: Record<string, unknown>,
      setup: string,
    ): { values: number[]; cold: string } => {
      const [one, six] = [1, 6].map((depth) =>
        replicate(
          {
            name: 'verify-article-chain-tail',
            duration: pick(quick, '20min', '6min'),
            warmup: '1min',
            workload: { poisson: { perSecond: 2 } },
            client: 'us-typical',
            platform: MANAGED,
            platformOverrides: overrides,
            graph: { chain: { depth } },
            function: RESPONSIVE_FUNCTION,
          },
          reps,
          seedOf,
        ),
      );
      const share = (data: ReplicationData[]) =>
        data.reduce((n, d) => n + d.coldRoots, 0) / data.reduce((n, d) => n + d.completed, 0);
      return {
        values: six.map((d, r) => spread(d) / spread(one[r])),
        cold:
          `${setup}, 2 calls/s; requests with a cold hop: ` +
          `${pct(share(one))} at depth 1, ${pct(share(six))} at depth 6`,
      };
    };
    const withCold = growth({ keepAlive: '10s' }, 'keep-alive 10 s');
    const warm = growth({ provisioned: 20 }, '20 instances provisioned per function');
    const row = (label: string, g: typeof warm, kind: 'atLeast' | 'atMost'): VerifyRow =>
      judgeRow(
        {
          case: NAME,
          quantity: `p99/p50, depth 6 over depth 1, ${label}`,
          unit: 'x',
          values: g.values,
          scale: 'log',
          note: `${g.cold}; geometric mean over replications`,
        },
        { kind, expected: 1 },
      );
    return [row('cold starts', withCold, 'atLeast'), row('no cold starts', warm, 'atMost')];
  },
};

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}
