import type { Rng } from '../../random/rng.ts';
import type { Call } from '../call.ts';
import { type Instance, InstanceState } from '../instance.ts';
import type { CallQueue } from './callQueue.ts';
import { FifoQueue } from './fifoQueue.ts';

/** How a call is routed to an instance on arrival (per-instance queueing). */
export type InstancePick = 'leastLoaded' | 'random';

/**
 * Queueing per instance, as Knative's queue-proxy does it: a call is routed to an instance
 * when it arrives and, when that instance has no room, waits in that instance's own queue,
 * even if another instance frees first. With no instance to route to (scaled to zero, or
 * every start still waiting for a token or a slot) the call waits at the front end (Knative's
 * activator buffers it) and goes to the first instance with room.
 *
 * The instances calls may be routed to are the ready ones and the starting ones that have a
 * slot (`joined`); an instance that stops taking calls (reclaimed, scaled down) `left`, and
 * its waiting calls move to the front end's queue. The pool serves each instance from the
 * front end's queue first (its calls arrived when there was no instance: the oldest), then
 * from its own (`nextFor`).
 *
 * Routing scans the instances: O(instances) per call, against the FIFO's O(1). That is the
 * price of the policy, kept out of the default path.
 */
export class InstanceQueues implements CallQueue {
  live = 0;
  /** The front end's buffer, for calls that arrived with no instance to route to. */
  readonly front = new FifoQueue();
  /** The instances calls may be routed to, in the order they joined. */
  readonly members: Instance[] = [];

  constructor(
    readonly pick: InstancePick,
    /** Calls one instance serves at once: a starting instance counts as that full. */
    readonly conc: number,
    /** Draws the random routing (the function's routing stream). */
    private readonly rng: Rng,
  ) {}

  /**
   * The instance a call goes to now, or null when there is none. leastLoaded: the fewest
   * calls running and waiting (a starting instance counts as full: it serves no one yet),
   * the earliest joined on a tie; random: any, uniformly (the closed form's routing).
   */
  choose(): Instance | null {
    const m = this.members;
    if (m.length === 0) return null;
    if (this.pick === 'random') return m[Math.floor(this.rng() * m.length)];
    let best = m[0];
    let least = this.load(best);
    for (let i = 1; i < m.length && least > 0; i++) {
      const l = this.load(m[i]);
      if (l < least) {
        least = l;
        best = m[i];
      }
    }
    return best;
  }

  /** Calls on `inst` and waiting for it. */
  load(inst: Instance): number {
    const running = inst.state === InstanceState.Ready ? inst.active : this.conc;
    return running + (inst.bound !== null ? 1 : 0) + this.waitingAt(inst);
  }

  /** Calls waiting in `inst`'s own queue. */
  waitingAt(inst: Instance): number {
    return inst.waiting === null ? 0 : inst.waiting.live;
  }

  /**
   * Queues `call` where it is routed: under random routing at the instance picked on its
   * arrival (`call.waitingAt`, when it may still take calls); otherwise at the instance
   * chosen now (a start the scaling policy just made counts), or at the front end.
   */
  push(call: Call): void {
    let at = call.waitingAt;
    if (this.pick !== 'random' || at === null || at.slot < 0) at = this.choose();
    call.waitingAt = at;
    if (at === null) this.front.push(call);
    else {
      if (at.waiting === null) at.waiting = new FifoQueue();
      at.waiting.push(call);
    }
    this.live++;
  }

  /** The oldest call at the front end, else the first waiting at an instance; only when live > 0. */
  shift(): Call {
    if (this.front.live > 0) return this.take(this.front);
    for (const inst of this.members) {
      if (inst.waiting !== null && inst.waiting.live > 0) return this.take(inst.waiting);
    }
    throw new Error('InstanceQueues.shift: no call waiting');
  }

  /** The next call for `inst`, which has room: from the front end first, then its own; null: none. */
  nextFor(inst: Instance): Call | null {
    if (this.front.live > 0) return this.take(this.front);
    const own = inst.waiting;
    if (own !== null && own.live > 0) return this.take(own);
    return null;
  }

  private take(q: FifoQueue): Call {
    this.live--;
    const call = q.shift();
    call.waitingAt = null;
    return call;
  }

  dropped(call: Call): void {
    const at = call.waitingAt;
    (at === null ? this.front : at.waiting!).dropped();
    call.waitingAt = null;
    this.live--;
  }

  /** `inst` may take calls from now (ready, or starting with a slot). */
  joined(inst: Instance): void {
    if (inst.slot >= 0) return;
    inst.slot = this.members.length;
    this.members.push(inst);
  }

  /** `inst` takes no more calls: out of the routing, its waiting calls to the front end. */
  left(inst: Instance): void {
    const i = inst.slot;
    if (i < 0) return;
    const last = this.members.pop()!;
    if (last !== inst) {
      this.members[i] = last;
      last.slot = i;
    }
    inst.slot = -1;
    const own = inst.waiting;
    while (own !== null && own.live > 0) {
      const call = own.shift();
      call.waitingAt = null;
      this.front.push(call);
    }
  }
}
