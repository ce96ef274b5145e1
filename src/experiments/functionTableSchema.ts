import { array, count, type Infer, number, object, refine, string, tuple } from '../spec/schema.ts';
import { type FunctionsSummary, type FunctionTable, LATENCY_BINS } from './perFunction.ts';

/** Functions in one table at most: the largest population (sources/population.ts) and a trace's. */
const MAX_FUNCTIONS = 1_000_000;

const nonNegative = number({ min: 0 });
const perFunction = <T>(item: Parameters<typeof array<T>>[0]) =>
  array(item, { maxItems: MAX_FUNCTIONS });

/**
 * A replication's per-function table as a worker or a shard file hands it back: the shapes, and
 * what must hold of any recording (one value per function, cold calls no more than completed,
 * each function's latency bins holding its completed calls once), so that a damaged shard is
 * refused with its field.
 */
export const functionTableSchema = refine(
  object({
    names: perFunction(string({ minLength: 1 })),
    memoryMB: perFunction(nonNegative),
    completed: perFunction(count()),
    cold: perFunction(count()),
    throttled: perFunction(count()),
    timedOut: perFunction(count()),
    idleGbSeconds: perFunction(nonNegative),
    aliveGbSeconds: perFunction(nonNegative),
    bins: array(count(), { maxItems: 3 * MAX_FUNCTIONS * 64 }),
  }),
  (t) => {
    const n = t.names.length;
    for (const key of [
      'memoryMB',
      'completed',
      'cold',
      'throttled',
      'timedOut',
      'idleGbSeconds',
      'aliveGbSeconds',
    ] as const) {
      if (t[key].length !== n)
        return {
          path: key,
          reason: `must hold one value per function (${n}), got ${t[key].length}`,
        };
    }
    for (let i = 0; i < n; i++) {
      if (t.cold[i] > t.completed[i])
        return {
          path: ['cold', i],
          reason: `is more than the completed calls (${t.completed[i]})`,
        };
    }
    if (t.bins.length % 3 !== 0)
      return { path: 'bins', reason: 'must hold [function, bin, count] triples' };
    const binned = new Float64Array(n);
    for (let k = 0; k < t.bins.length; k += 3) {
      const [i, b] = [t.bins[k], t.bins[k + 1]];
      if (i >= n) return { path: ['bins', k], reason: `names function ${i}, of ${n}` };
      if (b >= LATENCY_BINS)
        return { path: ['bins', k + 1], reason: `must be a bin below ${LATENCY_BINS}` };
      binned[i] += t.bins[k + 2];
    }
    for (let i = 0; i < n; i++) {
      if (binned[i] !== t.completed[i]) {
        return {
          path: 'bins',
          reason: `hold ${binned[i]} calls of function ${i}, not its ${t.completed[i]} completed`,
        };
      }
    }
  },
);

const _same: FunctionTable = {} as Infer<typeof functionTableSchema>;
void _same;

const share = number({ min: 0, max: 1 });
const pairs = (value: ReturnType<typeof number>) => array(tuple(share, value), { maxItems: 64 });

/** A point's summary across functions in results.json (PointResult.functions). */
export const functionsSummarySchema = object({
  functions: count(),
  called: count(),
  coldShareAbove: pairs(share),
  coldShareAt: pairs(share),
  p99At: pairs(nonNegative),
  idleGbSeconds: nonNegative,
  aliveGbSeconds: nonNegative,
});

const _summary: FunctionsSummary = {} as Infer<typeof functionsSummarySchema>;
void _summary;
