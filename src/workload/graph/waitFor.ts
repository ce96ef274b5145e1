import { enumOf, integer, oneOfType } from '../../spec/schema.ts';

/** "all", or how many answers to wait for (fan-in of the first k). */
export const waitFor = oneOfType({
  string: enumOf(['all'] as const),
  number: integer({ min: 0 }),
}).describe('How many answers to wait for: "all", or a number k (the first k answers)');
