import type { Instance } from './instance.ts';

/** What the cluster asks of each pool that places instances in it. */
export interface ClusterTenant {
  /** The idle instance this pool would give up first, or null when it has none to give. */
  evictable(): Instance | null;
  /** Reclaims the idle instance `inst` now; its slot goes to another instance. */
  evict(inst: Instance): void;
  /** Whether `inst`, waiting for a slot, is still needed by a call. */
  needsStart(inst: Instance): boolean;
  /** Drops `inst`, waiting for a slot and no longer needed. */
  cancelStart(inst: Instance): void;
  /** Gives a slot to `inst`, waiting for one: its cold start begins. */
  placed(inst: Instance): void;
}

/**
 * Finite capacity shared by the pools of a platform: hosts x slots, one
 * instance a slot. A new instance takes a free slot, or else (with
 * `evictIdle`) the slot of the instance that has been idle longest, of any
 * function, as a full invoker evicts idle containers. Otherwise it waits,
 * first come first served: for an instance to be reclaimed, or with
 * `evictIdle` for one to become idle.
 */
export class Cluster {
  used = 0;
  readonly tenants: ClusterTenant[] = [];
  private waiting: Instance[] = [];
  private waitHead = 0;

  constructor(
    readonly slots: number,
    /** Evict idle instances for new ones; false: they keep their slots until reclaimed. */
    readonly evictIdle = true,
  ) {}

  /** Takes a slot for `inst`, or queues it and returns false. */
  place(inst: Instance): boolean {
    if (this.used < this.slots) {
      this.used++;
      return true;
    }
    const victim = this.evictIdle ? this.longestIdle() : null;
    if (victim !== null) {
      victim.pool.evict(victim);
      return true;
    }
    this.waiting.push(inst);
    return false;
  }

  /** A slot frees: the next waiting instance takes it. */
  release(): void {
    const next = this.nextNeeded();
    if (next !== null) next.pool.placed(next);
    else this.used--;
  }

  /**
   * `inst` has just become idle: when an instance is waiting for a slot, it
   * is evicted and its slot given to the waiting one. True when it was.
   */
  offerIdle(inst: Instance): boolean {
    if (!this.evictIdle || this.queued === 0) return false;
    const next = this.nextNeeded();
    if (next === null) return false;
    inst.pool.evict(inst);
    next.pool.placed(next);
    return true;
  }

  /**
   * The next waiting instance that a call still needs; those no longer needed
   * (their calls were served by instances that freed meanwhile) are dropped,
   * so that no warm instance is evicted, nor a slot taken, for nobody.
   */
  private nextNeeded(): Instance | null {
    for (;;) {
      const inst = this.nextWaiting();
      if (inst === null || inst.pool.needsStart(inst)) return inst;
      inst.pool.cancelStart(inst);
    }
  }

  get queued(): number {
    return this.waiting.length - this.waitHead;
  }

  private nextWaiting(): Instance | null {
    if (this.waitHead === this.waiting.length) return null;
    const inst = this.waiting[this.waitHead++];
    // Compact now and then so the array does not grow with the run.
    if (this.waitHead > 1024 && this.waitHead * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.waitHead);
      this.waitHead = 0;
    }
    return inst;
  }

  /** The idle instance, of any pool, idle since the earliest time (ties: the first pool). */
  private longestIdle(): Instance | null {
    let best: Instance | null = null;
    for (const t of this.tenants) {
      const inst = t.evictable();
      if (inst !== null && (best === null || inst.idleSince < best.idleSince)) best = inst;
    }
    return best;
  }
}
