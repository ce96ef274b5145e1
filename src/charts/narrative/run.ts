/** What was run: points, replications, simulated time, and what the bands mean. */
import type { ExperimentResults } from '../../experiments/results.ts';
import { formatMs } from '../format.ts';

export function runSentences(results: ExperimentResults): string[] {
  const n = results.points.length;
  const reps = results.replications;
  const lead = n === 1 ? 'One run:' : `${n} points, each from`;
  const each = `${reps} replication${reps === 1 ? '' : 's'} of ${formatMs(results.duration)} of simulated time`;
  const warm =
    results.warmup > 0 ? `, the first ${formatMs(results.warmup)} of each not measured` : '';
  const out = [`${lead} ${each}${warm}.`];
  out.push(
    reps > 1
      ? `Where a chart or sentence gives an interval, it is a 95% interval across the ${reps} replications.`
      : 'With one replication there are no confidence intervals: treat small differences with care.',
  );
  if (results.partial) out.push('The run was interrupted: only the points shown were completed.');
  return out;
}
