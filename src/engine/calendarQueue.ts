import type { EventHandler, EventId } from './eventQueue.ts';

// As in EventQueue: ids pack (generation, slot) into one exact float.
const SLOT_BITS = 24;
const SLOT_LIMIT = 2 ** SLOT_BITS;
const GEN_LIMIT = 2 ** 28;
const MIN_BUCKETS = 16;
// Events sampled to choose the bucket width (Brown, 1988).
const SAMPLE = 25;

/**
 * The pending events as a calendar queue (R. Brown, CACM 1988): buckets of
 * a fixed width in time, each a list sorted by (time, sequence), used round
 * and round like the days of a year. Push and pop cost O(1) on average
 * whatever the number of pending events, where a binary heap pays log n:
 * with 1,000 busy instances there are some 2,000 pending events, and the
 * heap's extra levels made each call about 20% dearer than with 10.
 *
 * Same interface and same order as EventQueue, so runs are identical event
 * for event: events at one time share a bucket, where ties break on the
 * sequence number. Slots live in typed arrays, linked by `next`; nothing is
 * allocated per event once the arrays have grown.
 */
export class CalendarQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private gens: Uint32Array;
  private next: Int32Array;
  private handlers: (EventHandler<never> | null)[] = [];
  private payloads: unknown[] = [];
  private free: Int32Array;
  private freeTop = 0;
  private used = 0;
  private nextSeq = 0;
  size = 0;

  private heads: Int32Array;
  private nb: number;
  private width = 1;
  /** The bucket, counted from time 0 (not wrapped), where the search for the minimum resumes. */
  private cur = 0;
  /** The minimum found by peek, or -1. */
  private cached = -1;
  /** Size thresholds for resizing. */
  private growAt: number;
  private shrinkAt: number;
  private resizing = false;
  private popsSinceResize = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.gens = new Uint32Array(initialCapacity);
    this.next = new Int32Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
    this.nb = MIN_BUCKETS;
    this.heads = new Int32Array(this.nb).fill(-1);
    this.growAt = 2 * this.nb;
    this.shrinkAt = 0;
  }

  push<P>(time: number, handler: EventHandler<P>, payload: P): EventId {
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
    this.insert(slot);
    this.size++;
    if (this.size > this.growAt && !this.resizing) this.resize(this.nb * 2);
    return this.gens[slot] * SLOT_LIMIT + slot;
  }

  private insert(slot: number): void {
    const t = this.times[slot];
    const v = Math.floor(t / this.width);
    const b = v % this.nb;
    const times = this.times;
    const next = this.next;
    let prev = -1;
    let s = this.heads[b];
    // Sorted by time, then sequence; a new event has the largest sequence, so
    // it goes after every event at its time.
    while (s >= 0 && times[s] <= t) {
      prev = s;
      s = next[s];
    }
    next[slot] = s;
    if (prev < 0) this.heads[b] = slot;
    else next[prev] = slot;
    if (v < this.cur) this.cur = v;
    if (this.cached >= 0 && t < times[this.cached]) this.cached = -1;
  }

  /** Finds the earliest event (and leaves `cur` at its bucket); -1 when empty. */
  private findMin(): number {
    if (this.cached >= 0) return this.cached;
    if (this.size === 0) return -1;
    const heads = this.heads;
    const times = this.times;
    const nb = this.nb;
    const w = this.width;
    let cur = this.cur;
    for (let k = 0; k < nb; k++) {
      const s = heads[cur % nb];
      if (s >= 0 && Math.floor(times[s] / w) <= cur) {
        this.cur = cur;
        this.cached = s;
        return s;
      }
      cur++;
    }
    // Nothing in the coming year: the width no longer fits the events (it is
    // only chosen when the size doubles or halves). Choose it again, at most
    // once per nb pops so that the O(n) re-filing stays O(1) per event.
    if (this.popsSinceResize > nb && !this.resizing) {
      this.resize(nb);
      return this.findMin();
    }
    // The earliest head, wherever it is.
    let best = -1;
    for (let i = 0; i < nb; i++) {
      const s = heads[i];
      if (s < 0) continue;
      if (
        best < 0 ||
        times[s] < times[best] ||
        (times[s] === times[best] && this.seqs[s] < this.seqs[best])
      ) {
        best = s;
      }
    }
    this.cur = Math.floor(times[best] / w);
    this.cached = best;
    return best;
  }

  peekTime(): number {
    const s = this.findMin();
    return s < 0 ? Infinity : this.times[s];
  }

  pop(): number {
    const s = this.findMin();
    const b = this.cur % this.nb;
    // The minimum is the head of its bucket.
    this.heads[b] = this.next[s];
    this.cached = -1;
    this.size--;
    this.popsSinceResize++;
    if (this.size < this.shrinkAt && !this.resizing) this.resize(this.nb / 2);
    return s;
  }

  timeOf(slot: number): number {
    return this.times[slot];
  }

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

  cancel(id: EventId): boolean {
    const slot = id % SLOT_LIMIT;
    const gen = (id - slot) / SLOT_LIMIT;
    if (slot >= this.used || this.gens[slot] !== gen || this.handlers[slot] === null) return false;
    this.handlers[slot] = null;
    this.payloads[slot] = undefined;
    return true;
  }

  /**
   * New bucket count, and a width of three times the mean gap between the
   * earliest events (Brown's rule), then every event re-filed. O(n), done
   * when the size has doubled or halved, so O(1) per event on average.
   */
  private resize(nb: number): void {
    this.resizing = true;
    const sample: number[] = [];
    while (sample.length < SAMPLE && this.size > 0) sample.push(this.pop());
    let gaps = 0;
    let n = 0;
    for (let i = 1; i < sample.length; i++) {
      const d = this.times[sample[i]] - this.times[sample[i - 1]];
      if (d > 0) {
        gaps += d;
        n++;
      }
    }
    const all: number[] = [...sample];
    for (let i = 0; i < this.nb; i++) {
      for (let s = this.heads[i]; s >= 0; s = this.next[s]) all.push(s);
    }
    if (n > 0) this.width = (3 * gaps) / n;
    this.nb = Math.max(MIN_BUCKETS, nb);
    this.heads = new Int32Array(this.nb).fill(-1);
    this.cached = -1;
    this.cur = all.length > 0 ? Math.floor(this.times[sample[0]] / this.width) : 0;
    // Re-filed in (time, sequence) order so that each insert appends.
    all.sort((a, b) => this.times[a] - this.times[b] || this.seqs[a] - this.seqs[b]);
    for (const s of all) this.insert(s);
    this.size = all.length;
    this.growAt = 2 * this.nb;
    this.shrinkAt = this.nb > MIN_BUCKETS ? this.nb / 2 : 0;
    this.popsSinceResize = 0;
    this.resizing = false;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    if (capacity > SLOT_LIMIT)
      throw new RangeError(`more than ${SLOT_LIMIT} events pending at once`);
    const resized = <T extends Float64Array | Uint32Array | Int32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.times = resized(this.times, new Float64Array(capacity));
    this.seqs = resized(this.seqs, new Float64Array(capacity));
    this.gens = resized(this.gens, new Uint32Array(capacity));
    this.next = resized(this.next, new Int32Array(capacity));
    this.free = resized(this.free, new Int32Array(capacity));
  }
}
