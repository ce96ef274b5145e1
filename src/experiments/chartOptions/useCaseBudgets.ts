import { array, number, object, optional, string } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { percentile } from './common.ts';

const budget = object({
  id: string({ minLength: 1 }),
  useCase: string({ minLength: 1 }).describe('What the budget is for, as a reader would say it'),
  ms: number({ exclusiveMin: 0 }).describe('The budget in ms'),
  source: string({ minLength: 1 }),
  note: optional(string()),
});

export const useCaseBudgets = chartOptionsKind(
  'useCaseBudgets',
  object({
    stat: optional(percentile).describe(
      'The percentile held against the budgets, `p50` ... `p999` (default: `p99`)',
    ),
    budgets: optional(array(budget)).describe(
      'The budgets, a list of `{"id", "useCase", "ms", "source"}` (default: 10 ms animation work, 100 ms instantaneous, 150/400 ms voice, 1 s flow, 10 s attention)',
    ),
  }),
);
