import type { Simulation } from '../../engine/index.ts';
import { type Call, Outcome } from '../../platform/call.ts';
import type { FunctionRuntime } from '../../platform/functionRuntime.ts';
import type { Invoker } from '../../platform/invoker.ts';
import type { Rng } from '../../random/rng.ts';
import { backoffMs } from '../client/callerSpec.ts';
import type { HedgeDelay } from '../client/hedgeDelay.ts';
import { TAG_CHILD } from './tags.ts';

/** One logical call along an edge: its attempts and hedged copies, until one answers. */
class EdgeRequest {
  attempts = 0;
  hedges = 0;
  /** Copies sent whose fate is still awaited (not answered, not given up on). */
  waiting = 0;
  open = true;
  readonly copies: EdgeCopy[] = [];
  constructor(
    readonly parent: Call,
    /** The parent's step that sent it: once the parent moves on, nothing more is sent. */
    readonly step: number,
    readonly target: FunctionRuntime,
    readonly edge: HedgeDelay,
    readonly start: number,
  ) {}
}

class EdgeCopy {
  answered = false;
  abandoned = false;
  constructor(
    readonly request: EdgeRequest,
    readonly call: Call,
    readonly attempt: number,
  ) {}
}

/** What the body does with a copy's answer (see EdgeCaller.answered). */
export interface EdgeOutcome {
  /** Ignore it: the request goes on (another copy, a retry) or has ended already. */
  ignore: boolean;
  /** The request's outcome when it ends now (Completed, or the failure it ends with). */
  outcome: Outcome;
  /** Time from the request's first send to this copy's send (retries, backoff, hedge delay). */
  before: number;
}

/**
 * The caller's policy (timeout, retries with backoff, hedging) on the calls of a graph edge:
 * a function calling another retries or hedges that one hop, as the root Caller does for the
 * client. Each attempt and copy is a real call, a child of the calling function; the step
 * counts the logical call once, when it answers or its caller stops trying.
 *
 * Only steps whose edge has a policy come here: a graph without one has none of this work.
 */
export class EdgeCaller {
  private readonly live = new Map<Call, EdgeCopy>();
  /** Reused result of `answered` (one per answer otherwise). */
  private readonly result: EdgeOutcome = { ignore: true, outcome: Outcome.Completed, before: 0 };

  constructor(
    private readonly sim: Simulation,
    private readonly invoker: Invoker,
    private readonly backoffRng: Rng,
    /** The request ended without an answer (its caller's timeout, retries spent): the body fails it. */
    private readonly gaveUp: (parent: Call, outcome: Outcome) => void,
  ) {}

  /** `parent` calls `target` along an edge with `edge`'s policy. */
  send(parent: Call, target: FunctionRuntime, edge: HedgeDelay): void {
    this.attempt(new EdgeRequest(parent, parent.step, target, edge, this.sim.now));
  }

  /** Whether the request can still send: open, and its parent still waits in its step. */
  private stillWanted(request: EdgeRequest): boolean {
    const parent = request.parent;
    if (request.open && parent.outcome === Outcome.InFlight && parent.step === request.step) {
      return true;
    }
    request.open = false;
    return false;
  }

  private readonly attempt = (request: EdgeRequest): void => {
    if (!this.stillWanted(request)) return;
    request.attempts++;
    const copy = this.launch(request);
    const delay = request.edge.delay;
    if (delay < Number.POSITIVE_INFINITY) this.sim.schedule(delay, this.hedgeDue, copy);
  };

  private launch(request: EdgeRequest): EdgeCopy {
    const call = this.invoker.invoke(request.target, request.parent, false, TAG_CHILD);
    const copy = new EdgeCopy(request, call, request.attempts);
    this.live.set(call, copy);
    request.waiting++;
    request.copies.push(copy);
    const timeout = request.edge.policy.timeout;
    if (timeout < Number.POSITIVE_INFINITY) this.sim.schedule(timeout, this.timedOut, copy);
    return copy;
  }

  private readonly hedgeDue = (copy: EdgeCopy): void => {
    const request = copy.request;
    if (copy.answered || copy.abandoned || request.attempts !== copy.attempt) return;
    if (!this.stillWanted(request)) return;
    request.hedges++;
    this.launch(request);
  };

  /** Whether `child` is a copy sent along an edge with a policy. */
  owns(child: Call): boolean {
    return this.live.has(child);
  }

  /** A copy's answer came after its parent moved on or ended: nothing waits for it. */
  forget(child: Call): void {
    const copy = this.live.get(child);
    if (copy === undefined) return;
    this.live.delete(child);
    copy.request.open = false;
  }

  /**
   * A copy answered (its parent still waits in the step that sent it): whether the body counts
   * it, and as what. A completed answer ends the request (the other copies are withdrawn where
   * the policy cancels them); a failure ends it only when no other copy is out and no retry is
   * left.
   */
  answered(child: Call): EdgeOutcome {
    const copy = this.live.get(child)!;
    this.live.delete(child);
    const r = this.result;
    r.ignore = true;
    if (copy.abandoned) return r;
    copy.answered = true;
    const request = copy.request;
    request.waiting--;
    if (!request.open) return r;
    if (child.outcome === Outcome.Completed) {
      request.edge.observe(child.end - child.start);
      request.open = false;
      if (request.edge.policy.hedgeCancel) this.cancelOthers(request, copy);
      r.ignore = false;
      r.outcome = Outcome.Completed;
      r.before = child.start - request.start;
      return r;
    }
    if (this.retries(request, child.outcome)) return r;
    request.open = false;
    r.ignore = false;
    r.outcome = child.outcome;
    r.before = child.start - request.start;
    return r;
  }

  /** The copy's timeout passed unanswered: it is given up on (it runs on, and is billed). */
  private readonly timedOut = (copy: EdgeCopy): void => {
    if (copy.answered || copy.abandoned) return;
    copy.abandoned = true;
    const request = copy.request;
    request.waiting--;
    if (!this.stillWanted(request)) return;
    if (this.retries(request, Outcome.ClientTimedOut)) return;
    request.open = false;
    // To the calling function, a callee it gave up on is a timeout (a 504 up the graph).
    this.gaveUp(request.parent, Outcome.TimedOut);
  };

  /**
   * Whether the request goes on after a copy ended with `outcome`: another copy is still out,
   * or a retry is sent after a backoff.
   */
  private retries(request: EdgeRequest, outcome: Outcome): boolean {
    if (request.waiting > 0) return true;
    const p = request.edge.policy;
    const retryable =
      outcome === Outcome.Throttled
        ? p.retryThrottled
        : outcome === Outcome.ClientTimedOut
          ? p.retryTimeouts
          : p.retryErrors; // the callee's timeout, error or crash
    if (!retryable || request.attempts >= p.attempts) return false;
    this.sim.schedule(backoffMs(p, request.attempts, this.backoffRng()), this.attempt, request);
    return true;
  }

  private cancelOthers(request: EdgeRequest, winner: EdgeCopy): void {
    for (const other of request.copies) {
      if (other === winner || other.answered || other.abandoned) continue;
      other.abandoned = true;
      request.waiting--;
      this.invoker.cancel(other.call);
    }
  }
}
