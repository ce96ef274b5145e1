import type { Simulation } from '../engine/index.ts';
import { Call, Outcome, type PingRound, stageSum } from './call.ts';
import type { SharedCpu } from './cpu/sharedCpu.ts';
import type { FunctionRuntime } from './functionRuntime.ts';
import { billedMs } from './memory.ts';
import type { PoolHost } from './pool.ts';

/**
 * How long a warmer's ping runs once every ping of its round has reached the pool: the
 * handler sees the ping and returns at once (see PingRound for the wait before that).
 */
export const PING_MS = 1;

/** Kept here too for the code that imports it from the invoker. */
export { stageSum };

/**
 * Told when a call with no waiting parent ends (its answer is due at `call.end`).
 * When the invoker reuses calls, the call is a new one once `ended` returns:
 * read it there, do not keep it.
 */
export interface CallSink {
  ended(call: Call): void;
}

/**
 * Carries calls along the path: client, internet hop, gateway, cloud
 * network, the platform's front end, pool, function, and back.
 *
 * The network hops are pure delays, so they get no events of their own: the
 * way out is summed into the one event that brings the call to its pool, and
 * the way back is sampled at the same moment and added to the end time. Only
 * the moments where shared state changes (a pool, a waiting parent) are
 * events.
 */
export class Invoker implements PoolHost {
  /** The warmer round being sent now, and when it was sent. */
  private round: PingRound | null = null;
  private roundAt = Number.NaN;
  private roundFn: FunctionRuntime | null = null;
  /** Ended calls to reuse (only when `reuseCalls`). */
  private readonly free: Call[] = [];
  /**
   * Calls sent and not yet ended, of every kind (roots, calls between functions, fire and
   * forget, pings): what a run holds in memory, some 550 bytes each with their events.
   */
  live = 0;
  /** Calls of every kind that ended because their instance crashed (Outcome.Crashed). */
  crashedCalls = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly sink: CallSink,
    /**
     * Reuse a call object once its sink has seen it end, when nothing else
     * can still refer to it: the sink must not keep calls. Fewer objects to
     * allocate and collect, and the reused ones are still in the caches.
     */
    private readonly reuseCalls = false,
    /** Calls live at once at most; `tooManyCalls` is called (and throws) when one more is sent. */
    private readonly maxLive = Number.POSITIVE_INFINITY,
    private readonly tooManyCalls: (live: number) => void = () => {},
  ) {}

  /** Sends a call to `fn` now. `parent` waits for it; null for a root or a fire-and-forget call. */
  invoke(
    fn: FunctionRuntime,
    parent: Call | null,
    external: boolean,
    tag: number,
    ping = false,
  ): Call {
    // One compare per call: a fan-out sends all its calls in one event, so a check
    // between events would come too late to keep memory bounded.
    if (++this.live > this.maxLive) this.tooManyCalls(this.live);
    const reused = this.free.pop();
    let call: Call;
    if (reused === undefined) call = new Call(fn, parent, external, this.sim.now, tag);
    else {
      call = reused;
      call.reset(fn, parent, external, this.sim.now, tag);
    }
    call.ping = ping;
    if (parent !== null) {
      call.depth = parent.depth + 1;
      call.parentStep = parent.step;
    }
    // The pool's delay: the way out (the way back is in call.returnDelay).
    let delay: number;
    const own = fn.ownHops;
    if (own !== null) delay = own.draw(call, external);
    else {
      const platform = fn.platform;
      let out = 0;
      let back = 0;
      if (external) {
        // The function's (FunctionRuntime.internet): the client's one hop, or the function's own.
        const internet = fn.internet;
        const iOut = internet.sample();
        const iBack = internet.sample();
        const gOut = platform.gateway.sample();
        const gBack = platform.gateway.sample();
        call.internet = iOut + iBack;
        call.gateway = gOut + gBack;
        out = iOut + gOut;
        back = iBack + gBack;
      }
      const nOut = platform.network.sample();
      const nBack = platform.network.sample();
      const sched = platform.frontEnd.sample();
      call.network = nOut + nBack;
      call.frontEnd = sched;
      call.returnDelay = back + nBack;
      delay = out + nOut + sched;
    }
    if (ping) {
      // Pings to one function sent at the same moment form one round.
      let round = this.round;
      if (
        round === null ||
        this.roundAt !== this.sim.now ||
        this.roundFn !== fn ||
        round.travelling === 0
      ) {
        round = this.round = { travelling: 0, held: [] };
        this.roundAt = this.sim.now;
        this.roundFn = fn;
      }
      round.travelling++;
      call.round = round;
      this.sim.schedule(delay, this.pingArrives, call);
    } else {
      this.sim.schedule(delay, this.arrives, call);
    }
    return call;
  }

  /**
   * A call reaches its function's pool: one handler for every pool (a closure per pool would
   * be two more objects for a call to reach, out of cache with 10,000 functions).
   */
  private readonly arrives = (call: Call): void => {
    call.fn.pool.arrive(call);
  };

  private readonly pingArrives = (call: Call): void => {
    const round = call.round!;
    call.fn.pool.arrive(call);
    if (--round.travelling > 0) return;
    // The last ping of the round is at the pool: the held ones run now.
    const now = this.sim.now;
    for (const held of round.held) {
      // One whose instance crashed meanwhile has ended.
      if (held.outcome !== Outcome.InFlight) continue;
      held.execution = now - held.onInstance + PING_MS;
      this.sim.schedule(PING_MS, this.executed, held);
    }
    round.held.length = 0;
  };

  execute(call: Call): void {
    const fn = call.fn;
    // Listed only where instances can crash (null otherwise: one compare on the hot path).
    const onInstance = call.instance!.calls;
    if (onInstance !== null) onInstance.push(call);
    if (call.ping) {
      const round = call.round;
      if (round !== null && round.travelling > 0) {
        round.held.push(call);
        return;
      }
      call.execution = PING_MS;
      this.sim.schedule(PING_MS, this.executed, call);
      return;
    }
    const d = fn.sampleExecution();
    if (fn.crashProbability > 0) this.mayCrash(call, d);
    const cpu = call.instance!.cpu;
    if (cpu !== null) {
      this.runShared(call, cpu, d);
      return;
    }
    if (d > fn.timeout) {
      call.execution = fn.timeout;
      this.sim.schedule(fn.timeout, this.timedOut, call);
      return;
    }
    call.execution = d;
    this.sim.schedule(d, this.executed, call);
    // A function that waits on others can run past its timeout while waiting.
    if (fn.body !== null && fn.timeout < Infinity) {
      this.sim.schedule(fn.timeout, this.timedOut, call);
    }
  }

  /**
   * Whether `call` crashes its instance, and when: with the function's crash probability p, at
   * a uniform point of its run (of `d`, cut at the timeout). One draw u does both: given
   * u < p, u / p is uniform in [0, 1).
   */
  private mayCrash(call: Call, d: number): void {
    const fn = call.fn;
    const u = fn.crashRng!();
    if (u >= fn.crashProbability) return;
    this.sim.schedule((u / fn.crashProbability) * Math.min(d, fn.timeout), this.crashDue, call);
  }

  private readonly crashDue = (call: Call): void => {
    if (call.outcome !== Outcome.InFlight) return;
    call.fn.pool.crash(call.instance!);
  };

  /**
   * The instance serving `call` crashed (Pool.crash): the call ends now with an error, billed
   * for the time it held the instance. Its execution stage becomes the time it was there, so
   * that its stages still add up.
   */
  crashed(call: Call): void {
    if (call.outcome !== Outcome.InFlight) return;
    this.crashedCalls++;
    this.stopEarly(call, Outcome.Crashed);
  }

  /**
   * Stops a call on its instance before its run ends (cancelled, crashed): billed for the time
   * it held the instance, and its execution stage becomes the time it was there (with what it
   * waited on), so that its stages still add up.
   */
  private stopEarly(call: Call, outcome: Outcome): void {
    call.instance!.cpu?.remove(call);
    this.leaveInstance(call);
    call.execution = 0;
    call.execution = this.sim.now + call.returnDelay - call.start - stageSum(call);
    this.finish(call, outcome);
  }

  /**
   * On an instance whose calls share its CPU (SharedCpu), `d` is the time alone; the
   * execution stage becomes the time the call really took, set when it ends.
   */
  private runShared(call: Call, cpu: SharedCpu, d: number): void {
    call.execution = 0;
    cpu.run(call, d);
    if (call.fn.timeout < Infinity) this.sim.schedule(call.fn.timeout, this.timedOut, call);
  }

  /** A call's execution on a shared CPU has ended. */
  readonly cpuDone = (call: Call): void => {
    if (call.outcome !== Outcome.InFlight) return;
    call.execution = this.sim.now - call.onInstance;
    this.executed(call);
  };

  private readonly executed = (call: Call): void => {
    if (call.outcome !== Outcome.InFlight) return;
    const body = call.fn.body;
    if (body === null || call.ping) this.done(call);
    else body.run(call);
  };

  /** The function has finished (its own work and the calls it waited for). */
  done(call: Call): void {
    if (call.outcome !== Outcome.InFlight) return;
    this.leaveInstance(call);
    this.finish(call, Outcome.Completed);
  }

  /** The function gives up with `outcome` (e.g. a call it waited for was throttled). */
  fail(call: Call, outcome: Outcome): void {
    if (call.outcome !== Outcome.InFlight) return;
    this.leaveInstance(call);
    this.finish(call, outcome);
  }

  private readonly timedOut = (call: Call): void => {
    if (call.outcome !== Outcome.InFlight) return;
    call.instance!.cpu?.remove(call);
    this.leaveInstance(call);
    this.finish(call, Outcome.TimedOut);
  };

  /**
   * The caller no longer wants `call` (a hedged request's loser). A call waiting in its pool's
   * queue leaves it; one on an instance stops now and is billed for the time it held it. One
   * still on its way, or bound to an instance that is starting, runs on (the platform cannot
   * reach it yet). Returns whether it stopped; if so its sink has seen it end (Cancelled).
   */
  cancel(call: Call): boolean {
    if (call.outcome !== Outcome.InFlight || call.ping) return false;
    if (call.queued) return call.fn.pool.withdraw(call);
    if (call.instance === null) return false;
    this.stopEarly(call, Outcome.Cancelled);
    return true;
  }

  reject(call: Call, outcome: Outcome): void {
    this.finish(call, outcome);
  }

  private leaveInstance(call: Call): void {
    const inst = call.instance!;
    const fn = call.fn;
    const onInstance = inst.calls;
    if (onInstance !== null) {
      // Swap with the last: an instance serves few calls, in no order that matters.
      const i = onInstance.indexOf(call);
      onInstance[i] = onInstance[onInstance.length - 1];
      onInstance.pop();
    }
    const held = this.sim.now - call.onInstance;
    // Exact billing (the default) skips the rounding: one compare on the hot path.
    call.billed =
      fn.billStep === 0 && fn.billMin === 0 ? held : billedMs(held, fn.billStep, fn.billMin);
    if (call.ping) {
      fn.pings++;
      fn.pingBilledMs += call.billed;
    } else {
      fn.invocations++;
      fn.billedMs += call.billed;
    }
    inst.pool.release(inst);
  }

  private finish(call: Call, outcome: Outcome): void {
    this.live--;
    call.outcome = outcome;
    call.end = this.sim.now + call.returnDelay;
    // A timeout cuts a wait short: the time not yet in any stage was spent on
    // the instance, so it counts as execution and the stages still add up.
    if (outcome === Outcome.TimedOut) call.execution += call.end - call.start - stageSum(call);
    const parent = call.parent;
    if (parent === null) {
      this.sink.ended(call);
      if (this.reuseCalls && this.unreferenced(call)) this.free.push(call);
    } else this.sim.schedule(call.returnDelay, parent.fn.body!.childEnded, call);
  }

  /**
   * Whether nothing but the sink can refer to an ended call with no parent.
   * A function with a body may have left a timeout pending and calls that
   * will answer it; a ping's round holds its pings; a pool's queue may still
   * hold a call that waited in it (and a timer to give up waiting); a shared CPU's
   * call has both its end and its timeout pending.
   */
  private unreferenced(call: Call): boolean {
    // On a shared CPU a timeout and the end of the execution are both pending.
    // Where instances crash, a call may end with its own events still pending (its end, a
    // crash drawn for it): it is never reused.
    return (
      call.fn.body === null &&
      !call.ping &&
      !call.waited &&
      call.instance?.cpu == null &&
      call.instance?.calls == null
    );
  }
}
