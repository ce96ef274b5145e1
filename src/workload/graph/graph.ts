import type { CallerPolicy } from '../client/callerSpec.ts';

/**
 * An invocation graph, resolved: which function calls which. Plain data.
 *
 * A function runs its own compute, then its steps in order. A step sends its
 * calls at once (one call is a chain link; several are a fan-out) and waits
 * for `waitFor` of them (fan-in: all, or the first k); an asynchronous call
 * is fired and forgotten. A step with `probability` < 1 or a `maxDepth`
 * runs only sometimes, which is how recursion ends.
 */
export interface GraphCall {
  target: string;
  count: number;
  async: boolean;
  /** The calling function's timeout, retries and hedging on these calls; absent: none. */
  policy?: CallerPolicy;
}

export interface GraphStep {
  calls: GraphCall[];
  /** Synchronous answers to wait for; the total of synchronous calls for "all". */
  waitFor: number;
  /** Chance that the step runs at all (1: always). */
  probability: number;
  /** The step runs only in calls at a depth below this (Infinity: any). */
  maxDepth: number;
}

export interface Graph {
  /** The function that roots receive. */
  entry: string;
  /** Steps per function name; a function with none is a leaf. */
  steps: Record<string, GraphStep[]>;
}
