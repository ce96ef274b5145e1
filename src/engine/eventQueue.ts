import { type EventHandler, type EventId, SlotQueue } from './eventSlots.ts';

export type { EventHandler, EventId } from './eventSlots.ts';

/**
 * The pending events as a binary min-heap ordered by (time, sequence): the
 * reference implementation the calendar queue is tested against, and an
 * option of Simulation. log n per event.
 */
export class EventQueue extends SlotQueue {
  /** The heap: slots by position. */
  private heap: Int32Array;

  constructor(initialCapacity = 1024) {
    super(initialCapacity);
    this.heap = new Int32Array(initialCapacity);
  }

  push<P>(time: number, handler: EventHandler<P>, payload: P): EventId {
    const slot = this.slots.alloc(time, handler, payload);
    if (this.heap.length < this.slots.capacity) {
      const grown = new Int32Array(this.slots.capacity);
      grown.set(this.heap);
      this.heap = grown;
    }
    this.siftUp(this.size++, slot);
    return this.slots.idOf(slot);
  }

  peekTime(): number {
    return this.size === 0 ? Infinity : this.slots.tq[2 * this.heap[0]];
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    const last = heap[--this.size];
    if (this.size > 0) this.siftDown(0, last);
    return top;
  }

  private siftUp(pos: number, slot: number): void {
    const heap = this.heap;
    const tq = this.slots.tq;
    const t = tq[2 * slot];
    const s = tq[2 * slot + 1];
    while (pos > 0) {
      const parentPos = (pos - 1) >> 1;
      const parent = heap[parentPos];
      const pt = tq[2 * parent];
      if (pt < t || (pt === t && tq[2 * parent + 1] < s)) break;
      heap[pos] = parent;
      pos = parentPos;
    }
    heap[pos] = slot;
  }

  private siftDown(pos: number, slot: number): void {
    const heap = this.heap;
    const tq = this.slots.tq;
    const size = this.size;
    const t = tq[2 * slot];
    const s = tq[2 * slot + 1];
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= size) break;
      let ct = tq[2 * heap[child]];
      const right = child + 1;
      if (right < size) {
        const rt = tq[2 * heap[right]];
        if (rt < ct || (rt === ct && tq[2 * heap[right] + 1] < tq[2 * heap[child] + 1])) {
          child = right;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && s < tq[2 * heap[child] + 1])) break;
      heap[pos] = heap[child];
      pos = child;
    }
    heap[pos] = slot;
  }
}
