import type { Simulation } from '../../engine/index.ts';
import { type Call, Outcome } from '../../platform/call.ts';
import type { FunctionBody, FunctionRuntime } from '../../platform/functionRuntime.ts';
import type { Invoker } from '../../platform/invoker.ts';
import type { Rng } from '../../random/rng.ts';
import type { LatencySamples } from '../client/caller.ts';
import { HedgeDelay } from '../client/hedgeDelay.ts';
import { EdgeCaller } from './edgeCaller.ts';
import type { GraphStep } from './graph.ts';
import { TAG_ASYNC, TAG_CHILD } from './tags.ts';

export { TAG_ASYNC, TAG_CHILD };

/**
 * What a body needs for edges with a caller's policy (see EdgeCaller): the clock, a stream for
 * the backoffs' jitter, and latency samples for hedges after a percentile.
 */
export interface EdgeContext {
  sim: Simulation;
  backoffRng: () => Rng;
  samples: () => LatencySamples;
}

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
  /** Per step, per call entry: its edge's policy, or null (none anywhere: `edges` is null). */
  private readonly policies: (HedgeDelay | null)[][];
  private readonly edges: EdgeCaller | null = null;

  constructor(
    private readonly steps: GraphStep[],
    private readonly invoker: Invoker,
    /** Function names to their runtimes, for the targets of calls. */
    private readonly functions: Map<string, FunctionRuntime>,
    /** Draws for steps that run only sometimes (recursion). */
    private readonly rng: Rng,
    /** Needed when a step's calls have a caller's policy (`caller` on the edge). */
    edgeContext: EdgeContext | null = null,
  ) {
    this.syncCalls = steps.map((s) => s.calls.reduce((n, c) => (c.async ? n : n + c.count), 0));
    this.policies = steps.map((s) =>
      s.calls.map((c) =>
        c.policy === undefined || c.async
          ? null
          : new HedgeDelay(
              c.policy,
              c.policy.hedgePercentile === null ? null : edgeContext!.samples(),
            ),
      ),
    );
    if (this.policies.some((p) => p.some((e) => e !== null))) {
      if (edgeContext === null) throw new TypeError('a graph edge has a policy: pass edgeContext');
      this.edges = new EdgeCaller(
        edgeContext.sim,
        invoker,
        edgeContext.backoffRng(),
        this.requestFailed,
      );
    }
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
      const policies = this.policies[call.step];
      for (let j = 0; j < step.calls.length; j++) {
        const c = step.calls[j];
        const target = this.functions.get(c.target)!;
        const edge = policies[j];
        for (let i = 0; i < c.count; i++) {
          if (c.async) {
            // No parent waits for it, but it is still a call below this one: a maxDepth
            // must bound recursion through fire-and-forget calls too.
            this.invoker.invoke(target, null, false, TAG_ASYNC).depth = call.depth + 1;
          } else if (edge === null) this.invoker.invoke(target, call, false, TAG_CHILD);
          else this.edges!.send(call, target, edge);
        }
      }
      if (step.waitFor > 0) return;
      call.step++;
    }
    this.invoker.done(call);
  }

  readonly childEnded = (child: Call): void => {
    const parent = child.parent!;
    const edges = this.edges;
    // Answers after the caller moved on (first k of n) or gave up are stragglers.
    if (parent.outcome !== Outcome.InFlight || child.parentStep !== parent.step) {
      edges?.forget(child);
      return;
    }
    // A copy along an edge with a policy counts only when its request ends (see EdgeCaller);
    // the time its request spent before it was sent (retries, backoffs) is the parent's wait.
    let before = 0;
    if (edges?.owns(child)) {
      const r = edges.answered(child);
      if (r.ignore) return;
      before = r.before;
    }
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
      parent.execution += before;
      this.invoker.fail(parent, child.outcome);
      return;
    }
    if (--parent.awaiting > 0) return;
    parent.addStages(child);
    parent.execution += before;
    parent.step++;
    this.runFrom(parent);
  };

  /**
   * A call along an edge with a policy ended with no answer to give (its caller gave up after
   * its timeout, retries spent): as a failed answer, with no stages of its own (the parent's
   * time waiting counts as its execution, see Invoker's timeout).
   */
  private readonly requestFailed = (parent: Call, outcome: Outcome): void => {
    if (parent.spare > 0) {
      parent.spare--;
      return;
    }
    this.invoker.fail(parent, outcome);
  };
}
