/**
 * Calls one step sends at most, as the widest fan-out shape allows: each is an object
 * in memory while in flight, and every call of a step is sent in one event.
 */
export const MAX_STEP_CALLS = 100_000;
/** The deepest limit a step may set, as chains and recursion allow: the estimate counts every depth. */
export const MAX_DEPTH = 10_000;
