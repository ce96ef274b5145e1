import { object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { points } from './common.ts';

export const latencyCdf = chartOptionsKind('latencyCdf', object({ points: optional(points) }));
