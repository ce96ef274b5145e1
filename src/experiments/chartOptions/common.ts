/** Option schemas more than one chart takes: a sweep axis, sweep points, a percentile. */
import { PERCENTILES } from '../../metrics/summary.ts';
import { array, enumOf, integer, string } from '../../spec/schema.ts';

const PERCENTILE_KEYS = PERCENTILES.map(([key]) => key);

export const axis = string({ minLength: 1 }).describe(
  'A sweep axis: its path ("graph.chain.depth") or its name ("depth")',
);
export const pointIndex = integer({ min: 0 }).describe('A sweep point, by its index (0-based)');
export const points = array(pointIndex, { minItems: 1 }).describe(
  'Only these sweep points (default: every point with calls)',
);
export const percentile = enumOf(PERCENTILE_KEYS);
