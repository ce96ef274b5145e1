import { type EventHandler, type EventId, SlotQueue } from './eventSlots.ts';

export type { EventHandler, EventId } from './eventSlots.ts';

/**
 * The pending events as a binary min-heap ordered by (time, sequence): the
 * reference implementation the calendar queue is tested against, and an
 * option of Simulation. log n per event; the slots' `aux` array is the heap.
 */
export class EventQueue extends SlotQueue {
  constructor(initialCapacity = 1024) {
    super(initialCapacity);
  }

  push<P>(time: number, handler: EventHandler<P>, payload: P): EventId {
    const slot = this.slots.alloc(time, handler, payload);
    this.siftUp(this.size++, slot);
    return this.slots.idOf(slot);
  }

  peekTime(): number {
    return this.size === 0 ? Infinity : this.slots.times[this.slots.aux[0]];
  }

  pop(): number {
    const heap = this.slots.aux;
    const top = heap[0];
    const last = heap[--this.size];
    if (this.size > 0) this.siftDown(0, last);
    return top;
  }

  private siftUp(pos: number, slot: number): void {
    const { aux: heap, times, seqs } = this.slots;
    const t = times[slot];
    const s = seqs[slot];
    while (pos > 0) {
      const parentPos = (pos - 1) >> 1;
      const parent = heap[parentPos];
      const pt = times[parent];
      if (pt < t || (pt === t && seqs[parent] < s)) break;
      heap[pos] = parent;
      pos = parentPos;
    }
    heap[pos] = slot;
  }

  private siftDown(pos: number, slot: number): void {
    const { aux: heap, times, seqs } = this.slots;
    const size = this.size;
    const t = times[slot];
    const s = seqs[slot];
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= size) break;
      let ct = times[heap[child]];
      const right = child + 1;
      if (right < size) {
        const rt = times[heap[right]];
        if (rt < ct || (rt === ct && seqs[heap[right]] < seqs[heap[child]])) {
          child = right;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && s < seqs[heap[child]])) break;
      heap[pos] = heap[child];
      pos = child;
    }
    heap[pos] = slot;
  }
}
