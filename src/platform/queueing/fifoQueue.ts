import type { Call } from '../call.ts';
import type { CallQueue } from './callQueue.ts';

/**
 * A FIFO in a ring that doubles when full: O(1) per call without allocation once grown.
 * Hot path: a class with fixed fields so that the pool's calls stay monomorphic.
 */
export class FifoQueue implements CallQueue {
  private ring: (Call | undefined)[] = new Array(64);
  private head = 0;
  private length = 0;
  live = 0;

  push(call: Call): void {
    if (this.length === this.ring.length) {
      const bigger: (Call | undefined)[] = new Array(this.ring.length * 2);
      for (let i = 0; i < this.length; i++) {
        bigger[i] = this.ring[(this.head + i) % this.ring.length];
      }
      this.ring = bigger;
      this.head = 0;
    }
    this.ring[(this.head + this.length) % this.ring.length] = call;
    this.length++;
    this.live++;
  }

  shift(): Call {
    for (;;) {
      const call = this.ring[this.head]!;
      this.ring[this.head] = undefined;
      this.head = (this.head + 1) % this.ring.length;
      this.length--;
      if (call.queued) {
        this.live--;
        return call;
      }
    }
  }

  dropped(): void {
    this.live--;
  }
}
