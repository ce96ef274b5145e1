/** Exit codes (130, interrupted, is in src/node/interrupt.ts). */
export const EXIT_BAD_INPUT = 2;
export const EXIT_FAILURE = 1;
