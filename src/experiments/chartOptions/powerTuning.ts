import { object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis } from './common.ts';

export const powerTuning = chartOptionsKind(
  'powerTuning',
  object({
    x: optional(axis).describe(
      'The memory axis (default: the first numeric axis named for memory, such as `function.memoryMB`)',
    ),
  }),
);
