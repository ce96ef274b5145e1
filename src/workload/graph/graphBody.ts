import { type Call, Outcome } from '../../platform/call.ts';
import type { FunctionBody, FunctionRuntime } from '../../platform/functionRuntime.ts';
import type { Invoker } from '../../platform/invoker.ts';
import type { Rng } from '../../random/rng.ts';
import type { GraphStep } from './graph.ts';

/** Tag for calls that one function makes to another and waits for. */
export const TAG_CHILD = -1;
/** Tag for fire-and-forget calls between functions. */
export const TAG_ASYNC = -2;

/**
 * Runs a function's steps: sends each step's calls, waits for enough
 * answers, then goes on; when the steps are done the function is done.
 *
 * The critical path: the answer that releases a step is the one the caller
 * really waited for, so its stage sums are added to the caller's, and the
 * caller's stages still add up to its end-to-end time.
 */
export class GraphBody implements FunctionBody {
  /** Synchronous calls each step sends. */
  private readonly syncCalls: number[];

  constructor(
    private readonly steps: GraphStep[],
    private readonly invoker: Invoker,
    /** Function names to their runtimes, for the targets of calls. */
    private readonly functions: Map<string, FunctionRuntime>,
    /** Draws for steps that run only sometimes (recursion). */
    private readonly rng: Rng,
  ) {
    this.syncCalls = steps.map((s) => s.calls.reduce((n, c) => (c.async ? n : n + c.count), 0));
  }

  run(call: Call): void {
    call.step = 0;
    this.runFrom(call);
  }

  private runFrom(call: Call): void {
    const steps = this.steps;
    while (call.step < steps.length) {
      const step = steps[call.step];
      if (call.depth >= step.maxDepth || (step.probability < 1 && this.rng() >= step.probability)) {
        call.step++;
        continue;
      }
      // Set before sending: a child may be refused at once and answer first.
      call.awaiting = step.waitFor;
      call.spare = this.syncCalls[call.step] - step.waitFor;
      for (const c of step.calls) {
        const target = this.functions.get(c.target)!;
        for (let i = 0; i < c.count; i++) {
          if (c.async) {
            // No parent waits for it, but it is still a call below this one: a maxDepth
            // must bound recursion through fire-and-forget calls too.
            this.invoker.invoke(target, null, false, TAG_ASYNC).depth = call.depth + 1;
          } else this.invoker.invoke(target, call, false, TAG_CHILD);
        }
      }
      if (step.waitFor > 0) return;
      call.step++;
    }
    this.invoker.done(call);
  }

  readonly childEnded = (child: Call): void => {
    const parent = child.parent!;
    // Answers after the caller moved on (first k of n) or gave up are stragglers.
    if (parent.outcome !== Outcome.InFlight || child.parentStep !== parent.step) return;
    parent.coldHops += child.coldHops;
    parent.startWaitHops += child.startWaitHops;
    parent.hops += child.hops;
    if (child.outcome !== Outcome.Completed) {
      // Waiting for the first k of n, the caller fails only once k answers cannot come.
      if (parent.spare > 0) {
        parent.spare--;
        return;
      }
      parent.addStages(child);
      this.invoker.fail(parent, child.outcome);
      return;
    }
    if (--parent.awaiting > 0) return;
    parent.addStages(child);
    parent.step++;
    this.runFrom(parent);
  };
}
