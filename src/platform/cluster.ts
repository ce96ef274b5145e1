import type { Simulation } from '../engine/index.ts';
import type { Rng } from '../random/rng.ts';
import { log1p } from '../special/log1p.ts';
import type { Instance } from './instance.ts';
import type { SharedWatch } from './sharedWatch.ts';

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
  /** The host of `inst` failed: the instance is gone, with the calls it was serving. */
  crash(inst: Instance): void;
}

/**
 * Hosts that fail: each host fails after an exponential time of mean `meanTimeBetween` ms
 * (independent hosts: the cluster's failures form a Poisson process of rate hosts / mean, the
 * failing host uniform), and is replaced at once (the cluster keeps its capacity).
 */
export interface HostFailureConfig {
  sim: Simulation;
  meanTimeBetween: number;
  rng: Rng;
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
  /**
   * Told the slots in use after each change, when a replication runs in blocks on the condition
   * that the cluster never fills (SharedWatch); null otherwise.
   */
  watch: SharedWatch | null = null;
  readonly tenants: ClusterTenant[] = [];
  private waiting: Instance[] = [];
  private waitHead = 0;
  /** Host failures so far (reset with the other counters at the end of warm-up). */
  hostFailures = 0;
  /**
   * Where hosts fail: the instances with a slot on each host, and a host per free slot.
   * Null otherwise: a cluster whose hosts never fail only counts its slots.
   */
  private readonly residents: Instance[][] | null = null;
  private readonly freeSlots: number[] = [];

  constructor(
    readonly slots: number,
    /** Evict idle instances for new ones; false: they keep their slots until reclaimed. */
    readonly evictIdle = true,
    /** Hosts the slots are spread over (slots / hosts each); they matter only when they fail. */
    readonly hosts = 1,
    private readonly failures: HostFailureConfig | null = null,
  ) {
    if (failures === null) return;
    this.residents = Array.from({ length: hosts }, () => []);
    const perHost = slots / hosts;
    // Popped from the end: host 0 fills first, as a bin-packing scheduler fills hosts.
    for (let h = hosts - 1; h >= 0; h--) for (let k = 0; k < perHost; k++) this.freeSlots.push(h);
    this.scheduleFailure();
  }

  /** Whether its hosts fail (then its instances list their calls: see Pool). */
  get hostsFail(): boolean {
    return this.residents !== null;
  }

  /** Takes a slot for `inst`, or queues it and returns false. */
  place(inst: Instance): boolean {
    if (this.used < this.slots) {
      this.used++;
      if (this.watch !== null) this.watch.slots(this.used);
      if (this.residents !== null) this.settle(inst, this.freeSlots.pop()!);
      return true;
    }
    const victim = this.evictIdle ? this.longestIdle() : null;
    if (victim !== null) {
      victim.pool.evict(victim);
      if (this.residents !== null) this.move(victim, inst);
      return true;
    }
    this.waiting.push(inst);
    return false;
  }

  /** The slot of `inst` frees: the next waiting instance takes it. */
  release(inst: Instance): void {
    const next = this.nextNeeded();
    if (this.residents !== null) {
      if (next !== null) this.move(inst, next);
      else {
        this.leave(inst);
        this.freeSlots.push(inst.host);
      }
    }
    if (next !== null) next.pool.placed(next);
    else {
      this.used--;
      if (this.watch !== null) this.watch.slots(this.used);
    }
  }

  private settle(inst: Instance, host: number): void {
    inst.host = host;
    this.residents![host].push(inst);
  }

  private leave(inst: Instance): void {
    const list = this.residents![inst.host];
    const i = list.indexOf(inst);
    // Swap with the last: a host holds few instances, and their order does not matter.
    list[i] = list[list.length - 1];
    list.pop();
  }

  /** `to` takes the slot of `from`, on the same host. */
  private move(from: Instance, to: Instance): void {
    this.leave(from);
    this.settle(to, from.host);
  }

  private scheduleFailure(): void {
    const f = this.failures!;
    // The first failure among `hosts` independent exponential clocks.
    const wait = (-f.meanTimeBetween / this.hosts) * log1p(-f.rng());
    f.sim.schedule(wait, this.hostFails, null);
  }

  /**
   * A host fails: every instance with a slot on it is gone, with its calls (ClusterTenant.crash),
   * and its slots go to instances waiting for one, or free.
   */
  private readonly hostFails = (_: null): void => {
    const host = Math.floor(this.failures!.rng() * this.hosts);
    this.hostFailures++;
    // A copy: each crash takes its instance off the host's list.
    for (const inst of this.residents![host].slice()) inst.pool.crash(inst);
    this.scheduleFailure();
  };

  /**
   * `inst` has just become idle: when an instance is waiting for a slot, it
   * is evicted and its slot given to the waiting one. True when it was.
   */
  offerIdle(inst: Instance): boolean {
    if (!this.evictIdle || this.queued === 0) return false;
    const next = this.nextNeeded();
    if (next === null) return false;
    inst.pool.evict(inst);
    if (this.residents !== null) this.move(inst, next);
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
