import { object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis } from './common.ts';

export const powerTuning = chartOptionsKind('powerTuning', object({ x: optional(axis) }));
