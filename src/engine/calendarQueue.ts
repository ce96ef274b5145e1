import { type EventHandler, type EventId, SlotQueue } from './eventSlots.ts';

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
export class CalendarQueue extends SlotQueue {
  // The slots' `links` hold, per slot at 4 * slot, the next event of its bucket's list and
  // (at 4 * slot + 1) its run's end: for the first event of each run of equal times in a
  // bucket's list, the last event of that run (other slots' entries are stale). An insert
  // steps over a whole run at once, so a new event costs O(distinct times before it in its
  // bucket), not O(events): a fan-out of 100,000 calls at one instant would otherwise walk
  // the ever longer run on every push, which is quadratic (and still has to go after every
  // earlier event at that time, to keep the FIFO order of ties).

  /** List entries visited by inserts and buckets scanned by searches: the work, for tests. */
  probes = 0;
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
    super(initialCapacity);
    this.nb = MIN_BUCKETS;
    this.heads = new Int32Array(this.nb).fill(-1);
    this.growAt = 2 * this.nb;
    this.shrinkAt = 0;
  }

  push<P>(time: number, handler: EventHandler<P>, payload: P): EventId {
    const slot = this.slots.alloc(time, handler, payload);
    this.insert(slot);
    this.size++;
    if (this.size > this.growAt && !this.resizing) this.resize(this.nb * 2);
    return this.slots.idOf(slot);
  }

  private insert(slot: number): void {
    const { tq, links } = this.slots;
    const t = tq[2 * slot];
    const v = Math.floor(t / this.width);
    const b = v % this.nb;
    let runHead = -1;
    let prev = -1;
    let s = this.heads[b];
    let probes = 0;
    // Sorted by time, then sequence; a new event has the largest sequence, so
    // it goes after every event at its time: step run by run.
    while (s >= 0 && tq[2 * s] <= t) {
      runHead = s;
      prev = links[4 * s + 1];
      s = links[4 * prev];
      probes++;
    }
    this.probes += probes;
    links[4 * slot] = s;
    if (prev < 0) this.heads[b] = slot;
    else links[4 * prev] = slot;
    // Joins the run it follows when that run is at its time, else starts one.
    if (runHead >= 0 && tq[2 * runHead] === t) links[4 * runHead + 1] = slot;
    else links[4 * slot + 1] = slot;
    if (v < this.cur) this.cur = v;
    if (this.cached >= 0 && t < tq[2 * this.cached]) this.cached = -1;
  }

  /** Finds the earliest event (and leaves `cur` at its bucket); -1 when empty. */
  private findMin(): number {
    if (this.cached >= 0) return this.cached;
    if (this.size === 0) return -1;
    const heads = this.heads;
    const tq = this.slots.tq;
    const nb = this.nb;
    const w = this.width;
    let cur = this.cur;
    for (let k = 0; k < nb; k++) {
      const s = heads[cur % nb];
      if (s >= 0 && Math.floor(tq[2 * s] / w) <= cur) {
        this.probes += k + 1;
        this.cur = cur;
        this.cached = s;
        return s;
      }
      cur++;
    }
    this.probes += nb;
    // Nothing in the coming year: the width no longer fits the events (it is
    // only chosen when the size doubles or halves). Choose it again, at most
    // once per nb pops so that the O(n) re-filing stays O(1) per event.
    if (this.popsSinceResize > nb && !this.resizing) {
      this.resize(nb);
      return this.findMin();
    }
    // The earliest head, wherever it is.
    this.probes += nb;
    let best = -1;
    for (let i = 0; i < nb; i++) {
      const s = heads[i];
      if (s < 0) continue;
      if (
        best < 0 ||
        tq[2 * s] < tq[2 * best] ||
        (tq[2 * s] === tq[2 * best] && tq[2 * s + 1] < tq[2 * best + 1])
      ) {
        best = s;
      }
    }
    this.cur = Math.floor(tq[2 * best] / w);
    this.cached = best;
    return best;
  }

  peekTime(): number {
    const s = this.findMin();
    return s < 0 ? Infinity : this.slots.tq[2 * s];
  }

  pop(): number {
    const s = this.findMin();
    const b = this.cur % this.nb;
    // The minimum is the head of its bucket, and of its run: the next event
    // of the run, if any, heads it now.
    const links = this.slots.links;
    const after = links[4 * s];
    const end = links[4 * s + 1];
    if (end !== s) links[4 * after + 1] = end;
    this.heads[b] = after;
    this.cached = -1;
    this.size--;
    this.popsSinceResize++;
    if (this.size < this.shrinkAt && !this.resizing) this.resize(this.nb / 2);
    return s;
  }

  /**
   * New bucket count, and a width of three times the mean gap between the
   * earliest events (Brown's rule), then every event re-filed. O(n), done
   * when the size has doubled or halved, so O(1) per event on average.
   */
  private resize(nb: number): void {
    this.resizing = true;
    const tq = this.slots.tq;
    const sample: number[] = [];
    while (sample.length < SAMPLE && this.size > 0) sample.push(this.pop());
    let gaps = 0;
    let n = 0;
    for (let i = 1; i < sample.length; i++) {
      const d = tq[2 * sample[i]] - tq[2 * sample[i - 1]];
      if (d > 0) {
        gaps += d;
        n++;
      }
    }
    const all: number[] = [...sample];
    for (let i = 0; i < this.nb; i++) {
      for (let s = this.heads[i]; s >= 0; s = this.slots.links[4 * s]) all.push(s);
    }
    if (n > 0) this.width = (3 * gaps) / n;
    this.nb = Math.max(MIN_BUCKETS, nb);
    this.heads = new Int32Array(this.nb).fill(-1);
    this.cached = -1;
    this.cur = all.length > 0 ? Math.floor(tq[2 * sample[0]] / this.width) : 0;
    // Re-filed in (time, sequence) order so that each insert appends.
    all.sort((a, b) => tq[2 * a] - tq[2 * b] || tq[2 * a + 1] - tq[2 * b + 1]);
    for (const s of all) this.insert(s);
    this.size = all.length;
    this.growAt = 2 * this.nb;
    this.shrinkAt = this.nb > MIN_BUCKETS ? this.nb / 2 : 0;
    this.popsSinceResize = 0;
    this.resizing = false;
  }
}
