import type { Instance } from './instance.ts';

/**
 * Finite capacity shared by the pools of a platform: hosts x slots, one
 * instance a slot. A new instance waits, first come first served, for a slot
 * when the cluster is full; a slot frees when an instance is reclaimed.
 */
export class Cluster {
  used = 0;
  private waiting: Instance[] = [];
  private waitHead = 0;

  constructor(readonly slots: number) {}

  /** Takes a slot for `inst`, or queues it and returns false. */
  place(inst: Instance): boolean {
    if (this.used < this.slots) {
      this.used++;
      return true;
    }
    this.waiting.push(inst);
    return false;
  }

  release(): void {
    if (this.waitHead < this.waiting.length) {
      const inst = this.waiting[this.waitHead++];
      // Compact now and then so the array does not grow with the run.
      if (this.waitHead > 1024 && this.waitHead * 2 > this.waiting.length) {
        this.waiting = this.waiting.slice(this.waitHead);
        this.waitHead = 0;
      }
      inst.pool.placed(inst);
    } else {
      this.used--;
    }
  }

  get queued(): number {
    return this.waiting.length - this.waitHead;
  }
}

/** A cluster with no limit, for platforms that do not model capacity. */
export const UNLIMITED_SLOTS = Infinity;
