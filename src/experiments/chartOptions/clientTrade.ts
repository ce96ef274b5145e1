import { object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { axis } from './common.ts';

export const clientTrade = chartOptionsKind('clientTrade', object({ x: optional(axis) }));
