/**
 * Storage for pending events, shared by the event queues: each event lives
 * in a slot of parallel typed arrays (time, sequence, generation) plus two
 * plain arrays (handler, payload); freed slots are reused from a stack, so
 * nothing is allocated per event once the arrays have grown to the peak.
 * `aux` is one more integer per slot for the queue's own structure (the
 * heap's positions, the calendar's links).
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
  times: Float64Array;
  seqs: Float64Array;
  aux: Int32Array;
  private gens: Uint32Array;
  private handlers: (EventHandler<never> | null)[] = [];
  private payloads: unknown[] = [];
  private free: Int32Array;
  private freeTop = 0;
  private used = 0;
  private nextSeq = 0;

  constructor(initialCapacity: number) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.aux = new Int32Array(initialCapacity);
    this.gens = new Uint32Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  /** A slot for a new event, with the next sequence number. May replace the arrays (re-read them). */
  alloc<P>(time: number, handler: EventHandler<P>, payload: P): number {
    let slot: number;
    if (this.freeTop > 0) {
      slot = this.free[--this.freeTop];
    } else {
      if (this.used === this.times.length) this.grow();
      slot = this.used++;
    }
    this.times[slot] = time;
    this.seqs[slot] = this.nextSeq++;
    this.handlers[slot] = handler as EventHandler<never>;
    this.payloads[slot] = payload;
    return slot;
  }

  idOf(slot: number): EventId {
    return this.gens[slot] * SLOT_LIMIT + slot;
  }

  /** The handler, or null when the event was cancelled. */
  handlerOf(slot: number): EventHandler<never> | null {
    return this.handlers[slot];
  }

  payloadOf(slot: number): unknown {
    return this.payloads[slot];
  }

  release(slot: number): void {
    this.handlers[slot] = null;
    this.payloads[slot] = undefined;
    this.gens[slot] = (this.gens[slot] + 1) % GEN_LIMIT;
    this.free[this.freeTop++] = slot;
  }

  /**
   * Lazily cancels: the slot stays queued with no handler and is skipped
   * when popped, which keeps cancel O(1) and the queue's structure untouched.
   */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_LIMIT;
    const gen = (id - slot) / SLOT_LIMIT;
    if (slot >= this.used || this.gens[slot] !== gen || this.handlers[slot] === null) return false;
    this.handlers[slot] = null;
    this.payloads[slot] = undefined;
    return true;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    if (capacity > SLOT_LIMIT) {
      throw new RangeError(`more than ${SLOT_LIMIT} events pending at once`);
    }
    this.times = resized(this.times, new Float64Array(capacity));
    this.seqs = resized(this.seqs, new Float64Array(capacity));
    this.aux = resized(this.aux, new Int32Array(capacity));
    this.gens = resized(this.gens, new Uint32Array(capacity));
    this.free = resized(this.free, new Int32Array(capacity));
  }
}

function resized<T extends Float64Array | Uint32Array | Int32Array>(from: T, to: T): T {
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
    return this.slots.times[slot];
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
