import type { Simulation } from '../../engine/index.ts';
import { type Call, Outcome } from '../../platform/call.ts';
import type { FunctionRuntime } from '../../platform/functionRuntime.ts';
import type { CallSink, Invoker } from '../../platform/invoker.ts';
import type { CallerPolicy } from './callerSpec.ts';

/** Tag of a root call's later attempts (the first carries the caller's root tag). */
export const TAG_RETRY = 2;

/**
 * Where a caller reports: its attempts as they leave and end (each a real call), and each
 * request once, when it ends (the recorder).
 */
export interface RequestSink {
  /** A request began; it is in flight until `requestEnded`. */
  opened(): void;
  /** An attempt left (a root call of the platform). */
  sent(call: Call): void;
  /** An attempt's call ended on the platform (its answer is due at `call.end`), wanted or not. */
  attemptEnded(call: Call): void;
  /**
   * A request ended at `end` with `outcome`: `call` is the attempt that ended it (the one that
   * answered, or the one given up on); `start` when the request began.
   */
  requestEnded(call: Call, start: number, end: number, outcome: Outcome): void;
}

/** One request of the caller: its attempts, until one answers or the caller gives up. */
class Request {
  attempts = 0;
  open = true;
  constructor(readonly start: number) {}
}

/** One attempt: a call to the entry function. */
class Attempt {
  /** Its answer reached the caller. */
  answered = false;
  /** The caller stopped waiting for it; it may still run, and is billed. */
  abandoned = false;
  constructor(
    readonly request: Request,
    readonly call: Call,
  ) {}
}

/**
 * The client's side of a root call, when the experiment gives the caller a policy: the caller
 * gives up on an attempt after `timeout` (the call itself runs on, and is billed).
 *
 * It stands between the invoker and the recorder: the invoker tells it when an attempt's call
 * ends; it tells the recorder when the request ends. It keeps the calls it sent, so the invoker
 * must not reuse calls (`reuseCalls` false) while a caller is in use.
 */
export class Caller implements CallSink {
  /** Attempts whose calls have not ended, by call. */
  private readonly live = new Map<Call, Attempt>();

  constructor(
    private readonly sim: Simulation,
    private readonly invoker: Invoker,
    private readonly entry: FunctionRuntime,
    /** Root calls come from outside the cloud (internet hop and gateway). */
    private readonly external: boolean,
    private readonly policy: CallerPolicy,
    private readonly sink: RequestSink,
    /** Tag of a request's first attempt (later ones carry TAG_RETRY). */
    private readonly rootTag: number,
  ) {}

  /** A new request, now. */
  send(): void {
    const request = new Request(this.sim.now);
    this.sink.opened();
    this.attempt(request);
  }

  private attempt(request: Request): void {
    const tag = request.attempts === 0 ? this.rootTag : TAG_RETRY;
    request.attempts++;
    const call = this.invoker.invoke(this.entry, null, this.external, tag);
    const attempt = new Attempt(request, call);
    this.live.set(call, attempt);
    this.sink.sent(call);
    if (this.policy.timeout < Number.POSITIVE_INFINITY) {
      this.sim.schedule(this.policy.timeout, this.gaveUp, attempt);
    }
  }

  /** From the invoker: an attempt's call ended; its answer reaches the caller at `call.end`. */
  ended(call: Call): void {
    const attempt = this.live.get(call)!;
    this.live.delete(call);
    this.sink.attemptEnded(call);
    if (!attempt.abandoned) this.sim.schedule(call.returnDelay, this.answered, attempt);
  }

  private readonly answered = (attempt: Attempt): void => {
    if (attempt.abandoned) return;
    attempt.answered = true;
    const call = attempt.call;
    this.close(attempt.request, call, call.end, call.outcome);
  };

  private readonly gaveUp = (attempt: Attempt): void => {
    if (attempt.answered) return;
    attempt.abandoned = true;
    this.close(attempt.request, attempt.call, this.sim.now, Outcome.ClientTimedOut);
  };

  private close(request: Request, call: Call, end: number, outcome: Outcome): void {
    if (!request.open) return;
    request.open = false;
    this.sink.requestEnded(call, request.start, end, outcome);
  }
}
