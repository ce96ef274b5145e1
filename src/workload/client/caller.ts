import type { Simulation } from '../../engine/index.ts';
import { type Call, Outcome } from '../../platform/call.ts';
import type { FunctionRuntime } from '../../platform/functionRuntime.ts';
import type { CallSink, Invoker } from '../../platform/invoker.ts';
import type { Rng } from '../../random/rng.ts';
import { backoffMs, type CallerPolicy } from './callerSpec.ts';
import { HedgeDelay, type LatencySamples } from './hedgeDelay.ts';

export { HEDGE_MIN_SAMPLES, type LatencySamples } from './hedgeDelay.ts';

/** Tag of a request's later calls, retries and hedges (the first carries the caller's root tag). */
export const TAG_RETRY = 2;

/**
 * Where a caller reports: its calls as they leave and end (each a real call), and each request
 * once, when it ends (the recorder).
 */
export interface RequestSink {
  /** A request began; it is in flight until `requestEnded`. */
  opened(): void;
  /** A call of a request left (a root call of the platform: first attempt, retry or hedge). */
  sent(call: Call): void;
  /**
   * A call of a request ended on the platform (its answer is due at `call.end`), wanted or not:
   * `requestStart` says which request it belongs to, `extra` whether it is a retry or a hedge.
   */
  attemptEnded(call: Call, requestStart: number, extra: boolean): void;
  /**
   * A request ended at `end` with `outcome`: `call` is the call that ended it (the one that
   * answered, or the last one given up on); `start` when the request began; `attempts` the
   * attempts it made (first and retries) and `hedges` the hedged copies it sent.
   */
  requestEnded(
    call: Call,
    start: number,
    end: number,
    outcome: Outcome,
    attempts: number,
    hedges: number,
  ): void;
}

/** One request of the caller: its attempts, until one answers or the caller stops trying. */
class Request {
  /** Attempts made (the first and retries; hedged copies not included). */
  attempts = 0;
  hedges = 0;
  /** Calls sent whose fate the caller still waits for (not answered, not given up on). */
  waiting = 0;
  open = true;
  /** The calls sent, while hedges may need cancelling (null otherwise). */
  readonly copies: Copy[] | null;
  constructor(
    readonly start: number,
    keepCopies: boolean,
  ) {
    this.copies = keepCopies ? [] : null;
  }
}

/** One call of a request: an attempt, or a hedged copy of one. */
class Copy {
  /** Its answer reached the caller. */
  answered = false;
  /** The caller stopped waiting for it (its timeout, or another copy won); it may run on. */
  abandoned = false;
  constructor(
    readonly request: Request,
    readonly call: Call,
    /** A retry or a hedge: not the request's first call. */
    readonly extra: boolean,
    /** Which attempt of its request it belongs to (1 for the first). */
    readonly attempt: number,
  ) {}
}

/**
 * The client's side of a root call, when the experiment gives the caller a policy: it gives up
 * on a call after `timeout` (the call itself runs on, and is billed), sees a completed call fail
 * with probability `failure` (the function's error), retries the outcomes the policy names after
 * an exponential backoff with jitter, and hedges: sends a second copy of an attempt still
 * unanswered after a delay, the first answer winning.
 *
 * It stands between the invoker and the recorder: the invoker tells it when a call ends; it
 * tells the recorder when the request ends. It keeps the calls it sent, so the invoker must not
 * reuse calls (`reuseCalls` false) while a caller is in use. Experiments without a caller's
 * policy do not make one: their path has none of this work.
 */
export class Caller implements CallSink {
  /** Calls sent whose platform end has not come, by call. */
  private readonly live = new Map<Call, Copy>();
  private readonly hedge: HedgeDelay;

  constructor(
    private readonly sim: Simulation,
    private readonly invoker: Invoker,
    private readonly entry: FunctionRuntime,
    /** Root calls come from outside the cloud (internet hop and gateway). */
    private readonly external: boolean,
    private readonly policy: CallerPolicy,
    private readonly sink: RequestSink,
    /** Tag of a request's first call (later ones carry TAG_RETRY). */
    private readonly rootTag: number,
    /** Draws whether a completed call failed (the function's error). */
    private readonly failureRng: Rng,
    /** Draws the backoff's jitter. */
    private readonly backoffRng: Rng,
    /** Latencies of the answers seen so far, for a percentile hedge delay (else null). */
    seen: LatencySamples | null,
  ) {
    this.hedge = new HedgeDelay(policy, seen);
  }

  /** A new request, now. */
  send(): void {
    const p = this.policy;
    const request = new Request(this.sim.now, p.hedgeCancel);
    this.sink.opened();
    this.attempt(request);
  }

  private readonly attempt = (request: Request): void => {
    request.attempts++;
    const copy = this.launch(request, request.attempts > 1);
    const delay = this.hedge.delay;
    if (delay < Number.POSITIVE_INFINITY) {
      this.sim.schedule(delay, this.hedgeDue, copy);
    }
  };

  private launch(request: Request, extra: boolean): Copy {
    const tag = extra ? TAG_RETRY : this.rootTag;
    const call = this.invoker.invoke(this.entry, null, this.external, tag);
    const copy = new Copy(request, call, extra, request.attempts);
    this.live.set(call, copy);
    request.waiting++;
    request.copies?.push(copy);
    this.sink.sent(call);
    if (this.policy.timeout < Number.POSITIVE_INFINITY) {
      this.sim.schedule(this.policy.timeout, this.gaveUp, copy);
    }
    return copy;
  }

  /** The hedge delay has passed for an attempt: if it is still unanswered, a second copy. */
  private readonly hedgeDue = (copy: Copy): void => {
    const request = copy.request;
    if (!request.open || copy.answered || copy.abandoned || request.attempts !== copy.attempt) {
      return;
    }
    request.hedges++;
    this.launch(request, true);
  };

  /** From the invoker: a call ended; its answer reaches the caller at `call.end`. */
  ended(call: Call): void {
    const copy = this.live.get(call)!;
    this.live.delete(call);
    this.sink.attemptEnded(call, copy.request.start, copy.extra);
    if (!copy.abandoned) this.sim.schedule(call.returnDelay, this.answered, copy);
  }

  private readonly answered = (copy: Copy): void => {
    if (copy.abandoned) return;
    copy.answered = true;
    const request = copy.request;
    request.waiting--;
    const call = copy.call;
    let outcome = call.outcome;
    if (outcome === Outcome.Completed) {
      this.hedge.observe(call.end - call.start);
      if (this.policy.failure > 0 && this.failureRng() < this.policy.failure) {
        outcome = Outcome.Failed;
      }
    }
    if (!request.open) return;
    if (outcome === Outcome.Completed) {
      this.close(request, call, outcome);
      if (request.copies !== null) this.cancelOthers(request, copy);
      return;
    }
    this.lost(request, copy, outcome);
  };

  private readonly gaveUp = (copy: Copy): void => {
    if (copy.answered || copy.abandoned) return;
    copy.abandoned = true;
    const request = copy.request;
    request.waiting--;
    if (request.open) this.lost(request, copy, Outcome.ClientTimedOut);
  };

  /**
   * A call of an open request ended without an answer to give (an error, a throttle, the
   * platform's or the caller's timeout). Another copy may still answer; if none is left, the
   * request is retried after a backoff when the policy allows, or ends with this outcome.
   */
  private lost(request: Request, copy: Copy, outcome: Outcome): void {
    if (request.waiting > 0) return;
    const p = this.policy;
    const retryable =
      outcome === Outcome.Throttled
        ? p.retryThrottled
        : outcome === Outcome.ClientTimedOut
          ? p.retryTimeouts
          : p.retryErrors; // Failed, or the platform's own timeout (a 5xx to the caller)
    if (retryable && request.attempts < p.attempts) {
      const wait = backoffMs(p, request.attempts, this.backoffRng());
      this.sim.schedule(wait, this.attempt, request);
      return;
    }
    this.close(request, copy.call, outcome);
  }

  private close(request: Request, call: Call, outcome: Outcome): void {
    request.open = false;
    this.sink.requestEnded(
      call,
      request.start,
      this.sim.now,
      outcome,
      request.attempts,
      request.hedges,
    );
  }

  /** The winner answered: the other copies still running are withdrawn where they can be. */
  private cancelOthers(request: Request, winner: Copy): void {
    for (const other of request.copies!) {
      if (other === winner || other.answered || other.abandoned) continue;
      other.abandoned = true;
      request.waiting--;
      this.invoker.cancel(other.call);
    }
  }
}
