/**
 * Storage for pending events, shared by the event queues: each event lives
 * in a slot of interleaved typed arrays (time and sequence; the queue's two
 * links and the generation) plus one plain array (handler and payload);
 * freed slots are reused from a stack, so nothing is allocated per event
 * once the arrays have grown to the peak.
 *
 * An event id packs (generation, slot) into one float, so that cancelling a
 * stale id (an event that ran, whose slot was reused) is detected without
 * a lookup table.
 */

export type EventHandler<P = unknown> = (payload: P) => void;

/** Identifies a scheduled event, for cancelling it. */
export type EventId = number;

// 2^24 pending events at most (a guard, not a real limit: 16.7 M in-flight
// events would need several GB of model state anyway).
const SLOT_BITS = 24;
const SLOT_LIMIT = 2 ** SLOT_BITS;
// Generations wrap at 2^28 so that gen * 2^24 + slot stays an exact integer
// below 2^53. A stale id could only collide after 268 M reuses of one slot.
const GEN_LIMIT = 2 ** 28;

export class EventSlots {
  /**
   * Per slot, side by side (the hot path wins over readability here): with 10,000 functions
   * most pending events are out of cache, and a slot spread over seven arrays was seven
   * cache lines per event touched; interleaved it is three. `tq` holds [time, sequence] at
   * 2 * slot; `links` holds [next, runEnd, generation, unused] at 4 * slot (next and runEnd
   * belong to the queue: the calendar's links); `hp` holds [handler, payload] at 2 * slot.
   */
  tq: Float64Array;
  links: Int32Array;
  private hp: unknown[] = [];
  private free: Int32Array;
  private freeTop = 0;
  private used = 0;
  private nextSeq = 0;
  /** Slots the arrays hold now. */
  capacity: number;

  constructor(initialCapacity: number) {
    this.capacity = initialCapacity;
    this.tq = new Float64Array(2 * initialCapacity);
    this.links = new Int32Array(4 * initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  /** A slot for a new event, with the next sequence number. May replace the arrays (re-read them). */
  alloc<P>(time: number, handler: EventHandler<P>, payload: P): number {
    let slot: number;
    if (this.freeTop > 0) {
      slot = this.free[--this.freeTop];
    } else {
      if (this.used === this.capacity) this.grow();
      slot = this.used++;
    }
    const tq = this.tq;
    tq[2 * slot] = time;
    tq[2 * slot + 1] = this.nextSeq++;
    const hp = this.hp;
    hp[2 * slot] = handler;
    hp[2 * slot + 1] = payload;
    return slot;
  }

  idOf(slot: number): EventId {
    return this.links[4 * slot + 2] * SLOT_LIMIT + slot;
  }

  timeOf(slot: number): number {
    return this.tq[2 * slot];
  }

  /** The handler, or null when the event was cancelled. */
  handlerOf(slot: number): EventHandler<never> | null {
    return this.hp[2 * slot] as EventHandler<never> | null;
  }

  payloadOf(slot: number): unknown {
    return this.hp[2 * slot + 1];
  }

  release(slot: number): void {
    const hp = this.hp;
    hp[2 * slot] = null;
    hp[2 * slot + 1] = undefined;
    const g = 4 * slot + 2;
    this.links[g] = (this.links[g] + 1) % GEN_LIMIT;
    this.free[this.freeTop++] = slot;
  }

  /**
   * Lazily cancels: the slot stays queued with no handler and is skipped
   * when popped, which keeps cancel O(1) and the queue's structure untouched.
   */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_LIMIT;
    const gen = (id - slot) / SLOT_LIMIT;
    if (slot >= this.used || this.links[4 * slot + 2] !== gen || this.hp[2 * slot] === null) {
      return false;
    }
    this.hp[2 * slot] = null;
    this.hp[2 * slot + 1] = undefined;
    return true;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    if (capacity > SLOT_LIMIT) {
      throw new RangeError(`more than ${SLOT_LIMIT} events pending at once`);
    }
    this.capacity = capacity;
    this.tq = resized(this.tq, new Float64Array(2 * capacity));
    this.links = resized(this.links, new Int32Array(4 * capacity));
    this.free = resized(this.free, new Int32Array(capacity));
  }
}

function resized<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * What both queues give the simulation besides their own order: reading and
 * releasing a popped slot, and cancelling, all answered by the slots.
 */
export abstract class SlotQueue {
  protected readonly slots: EventSlots;
  /** Events queued, including cancelled ones not yet popped. */
  size = 0;

  constructor(initialCapacity: number) {
    this.slots = new EventSlots(initialCapacity);
  }

  abstract push<P>(time: number, handler: EventHandler<P>, payload: P): EventId;
  /** Time of the earliest event, or Infinity when none is pending. */
  abstract peekTime(): number;
  /**
   * Removes the earliest event and returns its slot; the caller reads it with
   * timeOf/handlerOf/payloadOf and then calls release(slot), which avoids a
   * tuple object per event.
   */
  abstract pop(): number;

  timeOf(slot: number): number {
    return this.slots.tq[2 * slot];
  }

  /** The handler, or null when the event was cancelled. */
  handlerOf(slot: number): EventHandler<never> | null {
    return this.slots.handlerOf(slot);
  }

  payloadOf(slot: number): unknown {
    return this.slots.payloadOf(slot);
  }

  release(slot: number): void {
    this.slots.release(slot);
  }

  cancel(id: EventId): boolean {
    return this.slots.cancel(id);
  }
}
