import { object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis } from './common.ts';

export const keepAlivePareto = chartOptionsKind(
  'keepAlivePareto',
  object({
    label: optional(axis).describe(
      'The axis whose values label the points (default: the keep-alive axis)',
    ),
  }),
);
