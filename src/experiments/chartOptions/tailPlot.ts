import { object, optional } from '../../spec/schema.ts';
import { chartOptionsKind } from './chartOptionsKind.ts';
import { points } from './common.ts';

export const tailPlot = chartOptionsKind('tailPlot', object({ points: optional(points) }));
