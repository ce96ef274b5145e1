import type { Simulation } from '../engine/index.ts';
import type { Rng } from '../random/rng.ts';
import { type Call, Outcome } from './call.ts';
import type { Cluster, ClusterTenant } from './cluster.ts';
import type { ColdStartModel } from './coldStart/index.ts';
import { SharedCpu } from './cpu/sharedCpu.ts';
import type { FunctionRuntime } from './functionRuntime.ts';
import { IdleList } from './idleList.ts';
import { Instance, InstanceState } from './instance.ts';
import type { KeepAlivePolicy } from './keepAlive/index.ts';
import type { LimitGroup } from './limitGroup.ts';
import { billedMs } from './memory.ts';
import type { PoolObserver } from './poolObserver.ts';
import { type CallQueue, InstanceQueues } from './queueing/index.ts';
import type { RoutingPolicy } from './routing/index.ts';
import type { ScalingPolicy } from './scaling/index.ts';
import type { TokenBucket } from './tokenBucket.ts';

export type { Sampler } from './sampler.ts';

export interface PoolOptions {
  /** Calls one instance serves at once (1 on Lambda). */
  concurrencyPerInstance: number;
  /** The concurrency limit: this pool's own, or shared by an account's pools. */
  limits: LimitGroup;
  /** At the limit: refuse the call (HTTP 429) or queue it. */
  onLimit: 'throttle' | 'queue';
  /** A queued call that has waited this long is throttled; Infinity: never. */
  maxQueueWait: number;
  /** Always-warm instances, ready at time 0 and never reclaimed. */
  provisioned: number;
  /** How long an idle instance is kept. */
  keepAlive: KeepAlivePolicy;
  /** How long an instance takes to start once it has a slot. */
  coldStart: ColdStartModel;
  /** When and how many instances start. */
  scaling: ScalingPolicy;
  /** Where calls wait for an instance. */
  queue: CallQueue;
  routing: RoutingPolicy;
  routingRng: Rng;
  /** Paces instance starts; null: no limit. */
  burst: TokenBucket | null;
  /** A call that needs a start when the bucket is empty: waits for a token, or is throttled. */
  burstWhenEmpty: 'wait' | 'throttle';
  /** Shared capacity; null: unlimited. */
  cluster: Cluster | null;
  /** Calls on one instance share its CPU (see SharedCpu); null: each call runs as if alone. */
  processorSharing: { cpuBoundShare: number; cores: number } | null;
  /**
   * early: a call that starts an instance waits for that instance (Lambda);
   * late: it takes whichever instance frees or becomes ready first, and the
   * start it caused may end up serving no one (Knative-style queues).
   */
  binding: 'early' | 'late';
}

/** The pool's replaceable behaviour, one small interface each (see world.ts for the wiring). */
export type PoolPolicies = Pick<
  PoolOptions,
  'keepAlive' | 'coldStart' | 'scaling' | 'queue' | 'routing'
>;

/** What the pool asks of the platform around it. */
export interface PoolHost {
  /** The call has an instance: run it. */
  execute(call: Call): void;
  /** The call ends here without running (throttled). */
  reject(call: Call, outcome: Outcome): void;
  /** A call's execution on a shared CPU has ended. */
  readonly cpuDone: (call: Call) => void;
  /** The instance serving `call` crashed: the call ends with an error (Outcome.Crashed). */
  crashed(call: Call): void;
}

/**
 * The instances of one function: starting, busy or idle, with the platform's
 * policies (routing, keep-alive, scaling, cold-start model, queueing: see
 * PoolOptions, wired in world.ts), limits and burst pacing.
 *
 * Hot path: a warm call costs a list pick on arrival and a list push on
 * release, O(1) whatever the number of instances. Keep-alive uses at most one
 * pending timer per instance, re-armed lazily when it fires early, instead of
 * a cancel and a new event on every call.
 */
export class Pool extends IdleList implements ClusterTenant {
  // The pool is its own IdleList (head, tail, size: the superclass's fields, laid out first)
  // rather than holding one: the hot path wins over readability here, as with 10,000 functions
  // the list was one more object out of cache on every arrival and release. `this` is passed
  // where a routing policy takes the list.
  // Field order is memory order (V8 lays fields out in the order they are declared, the
  // superclass's first): the ones a warm call reads come first, so that they share a few cache
  // lines (the constructor's arguments too are fields declared here, not parameter properties,
  // which would come first). With 10,000 functions every call's pool is out of cache, and each
  // line of it that a call touches is a miss (see docs/scale.md). No number a warm call reads is
  // a fraction or Infinity: V8 keeps such a field in a box of its own, one more place to reach.
  readonly sim: Simulation;
  private readonly routing: RoutingPolicy;
  private readonly routingRng: Rng;
  /** Calls one instance serves at once. */
  readonly conc: number;
  /** Calls running on instances now. */
  activeCalls = 0;
  busy = 0;
  idle = 0;
  starting = 0;
  /**
   * Starting instances still waiting for a cluster slot (counted in `starting`, which
   * covers queued calls, but not reported as instances: they hold no memory yet).
   */
  unplaced = 0;
  /**
   * The queue's live calls as of its last change, each made by this pool (push, shift, nextFor,
   * dropped), so that a release reads this rather than the queue, one object more per call.
   * Public for the tests that check it against the queue after every event.
   */
  queued = 0;
  private readonly observer: PoolObserver;
  /** The pool's number at its observer (see PoolObserver.levels). */
  private readonly observedAt: number;
  readonly host: PoolHost;
  /**
   * None of what a call may need beyond the list and the counts: no concurrency integral, no
   * learning keep-alive, no per-instance queues, no call limit, no instance billing, no limit
   * sums (the six flags below all off). One field read on a warm call instead of six: with
   * 10,000 functions each cache line of the pool a call reads is a miss, and the flags were
   * most of one.
   */
  private readonly plain: boolean;
  private readonly cluster: Cluster | null;
  /** The keep-alive policy's constantMs, or -1: ask its idleFor (see becameIdle). */
  private readonly keepAliveMs: number;
  /** Whether the keep-alive policy learns from idle times (asked on arrivals then). */
  private readonly learns: boolean;
  /** Whether the scaling policy reads the concurrency integral (see concurrencyArea). */
  private readonly tracks: boolean;
  /** The queue when calls wait per instance (InstanceQueues), else null: the FIFO's paths. */
  private readonly atInstances: InstanceQueues | null;
  /** Whether an instance's busy time is billed (per-instance billing), not each call's. */
  private readonly billsInstances: boolean;
  /** Whether the group has a finite call limit (maxCalls: read only then, it is a box). */
  private readonly callLimited: boolean;
  /** Whether the group has a finite limit (else nothing reads its sums: not kept). */
  private readonly countsLimits: boolean;
  /** Starting instances that carry the call they were started for. */
  bound = 0;
  /** Starts waiting for a burst token. */
  wanted = 0;
  /**
   * Starts begun or asked for (waiting for a token). A call that waited in the queue while
   * one was under way, or while this grew, waited on a start (see Call.waitedOnStart): the
   * instance starting serves the queue, if not at once then after the call it was started
   * for (one call per instance, at a limit).
   */
  queueStarts = 0;
  /** Calls waiting for an instance. */
  readonly queue: CallQueue;
  readonly fn: FunctionRuntime;
  readonly options: PoolOptions;
  /**
   * The LimitGroup's call limit (it never changes), kept here so that a call under no limit
   * does not also reach the group's object.
   */
  private readonly maxCalls: number;
  private readonly keepAlive: KeepAlivePolicy;
  private readonly limits: LimitGroup;
  /** Instances can crash (the function's crashes, or failing hosts): each lists its calls. */
  private readonly tracksCalls: boolean;
  private readonly coldStart: ColdStartModel;
  private readonly scaling: ScalingPolicy;
  coldStarts = 0;
  /** Instances that crashed (their function's crash, or their host's failure). */
  crashes = 0;
  private nextId = 0;
  private tokenTimerPending = false;
  /** When the function's last call ended (NaN: none yet), for learning policies. */
  private lastEnd = Number.NaN;
  /** When the pending pre-warm load is due, and until when it keeps the instance. */
  private prewarmAt = Number.NaN;
  private prewarmUntil = 0;
  /** Calls at the pool (running or queued), integrated over time up to `concAt`: call-ms. */
  private concArea = 0;
  private concAt = 0;
  /** This pool's index in its LimitGroup. */
  private readonly limitIndex: number;
  /** What this pool last added to its LimitGroup's running sums (see syncLimits). */
  private limCalls = 0;
  private limQueued = 0;
  private limInUse = 0;

  constructor(
    sim: Simulation,
    fn: FunctionRuntime,
    options: PoolOptions,
    host: PoolHost,
    observer: PoolObserver,
    observedAt = 0,
  ) {
    super();
    this.sim = sim;
    this.fn = fn;
    this.options = options;
    this.host = host;
    this.observer = observer;
    this.observedAt = observedAt;
    this.conc = options.concurrencyPerInstance;
    this.queue = options.queue;
    this.atInstances = options.queue instanceof InstanceQueues ? options.queue : null;
    this.billsInstances = fn.billsInstances;
    this.keepAlive = options.keepAlive;
    this.learns = options.keepAlive.learns;
    this.keepAliveMs = options.keepAlive.constantMs ?? -1;
    this.coldStart = options.coldStart;
    this.scaling = options.scaling;
    this.tracks = options.scaling.tracksConcurrency;
    this.concAt = sim.now;
    this.limits = options.limits;
    this.routing = options.routing;
    this.routingRng = options.routingRng;
    this.cluster = options.cluster;
    this.limitIndex = options.limits.add(this);
    this.countsLimits = options.limits.counts;
    this.maxCalls = options.limits.maxCalls;
    this.callLimited = options.limits.maxCalls !== Infinity;
    this.tracksCalls = fn.crashProbability > 0 || (options.cluster?.hostsFail ?? false);
    this.plain =
      !this.tracks &&
      !this.learns &&
      this.atInstances === null &&
      !this.callLimited &&
      !this.billsInstances &&
      !this.countsLimits;
    options.cluster?.tenants.push(this);
    for (let i = 0; i < options.provisioned; i++) {
      const inst = this.newInstance(true);
      // It holds a cluster slot like any instance (experiments check that they fit).
      options.cluster?.place(inst);
      inst.state = InstanceState.Ready;
      this.idle++;
      this.pushFront(inst);
      this.atInstances?.joined(inst);
    }
    if (options.provisioned > 0) observer.levels(observedAt, sim.now, 0, 0, this.idle);
    options.scaling.attach(this);
  }

  /** Instances ready (busy or idle), provisioned ones included. */
  get readyInstances(): number {
    return this.busy + this.idle;
  }

  /**
   * Calls at the pool (running or queued), integrated over time until now, in call-ms: a
   * windowed autoscaler's metric (only kept when the scaling policy tracks concurrency).
   */
  concurrencyArea(): number {
    this.integrateConcurrency();
    return this.concArea;
  }

  /** Calls at the pool right now (running or queued). */
  get concurrency(): number {
    return this.activeCalls + this.queue.live;
  }

  // The count changes only inside arrive, release and abandon: integrating on entry to
  // them keeps the integral exact.
  private integrateConcurrency(): void {
    const now = this.sim.now;
    this.concArea += (this.activeCalls + this.queue.live) * (now - this.concAt);
    this.concAt = now;
  }

  /** Calls waiting in the queue (LimitGroup counts them). */
  get queueLive(): number {
    return this.queue.live;
  }

  private newInstance(provisioned: boolean): Instance {
    const inst = new Instance(this, this.nextId++, provisioned);
    if (this.tracksCalls) inst.calls = [];
    const ps = this.options.processorSharing;
    if (ps !== null)
      inst.cpu = new SharedCpu(this.sim, ps.cores, ps.cpuBoundShare, this.host.cpuDone);
    return inst;
  }

  get instances(): number {
    return this.starting + this.busy + this.idle;
  }

  /** What this pool counts against an instance limit (see LimitGroup.instances). */
  get instancesInUse(): number {
    return this.starting + this.wanted + Math.ceil(this.activeCalls / this.conc);
  }

  /**
   * Brings the LimitGroup's running sums up to date with this pool's counts: called after
   * every change of activeCalls, bound, the queue's live calls, starting or wanted, before
   * anything that may read the group (a test checks the sums after every event). Hot path:
   * a few subtractions instead of a sum over every pool of an account on each call.
   */
  syncLimits(): void {
    if (!this.countsLimits) return;
    const g = this.limits;
    const calls = this.activeCalls + this.bound;
    const queued = this.queue.live;
    const inUse =
      this.starting +
      this.wanted +
      (this.conc === 1 ? this.activeCalls : Math.ceil(this.activeCalls / this.conc));
    g.calls += calls - this.limCalls;
    g.inUse += inUse - this.limInUse;
    if (queued !== this.limQueued) {
      g.queued += queued - this.limQueued;
      if (queued === 0 || this.limQueued === 0) g.queuedChanged(this.limitIndex, queued > 0);
      this.limQueued = queued;
    }
    this.limCalls = calls;
    this.limInUse = inUse;
    if (!g.reached && (g.calls + g.queued >= g.maxCalls || g.inUse >= g.maxInstances)) {
      g.reached = true;
    }
    // A replication run in blocks under an account limit: what the account reached (SharedWatch).
    if (g.watch !== null) g.watch.level(g.calls + g.queued, g.inUse);
  }

  /**
   * A call reaches the pool. A method, not a closure per pool: the invoker's one handler calls
   * it (see Invoker), so that a call's event does not reach a closure and its context per
   * function (two more objects out of cache with 10,000 functions).
   */
  arrive(call: Call): void {
    const now = this.sim.now;
    call.atPool = now;
    if (this.plain) {
      // Hot path: what follows, with every flag it reads off.
      if (this.size > 0) this.assign(call, this.routing.pick(this, this.routingRng), false);
      else this.scaling.noRoom(this, call);
      return;
    }
    if (this.tracks) this.integrateConcurrency();
    // The function was idle since its last call ended: what a learning keep-alive learns from.
    if (this.learns && this.activeCalls === 0 && this.queue.live === 0 && this.lastEnd >= 0) {
      this.keepAlive.functionIdle(now - this.lastEnd);
    }
    if (this.atInstances !== null) {
      this.arriveAtInstance(call, this.atInstances);
      return;
    }
    if (this.callLimited && this.limits.inProgress() >= this.maxCalls) {
      this.atLimit(call);
      return;
    }
    if (this.size > 0) {
      this.assign(call, this.routing.pick(this, this.routingRng), false);
      return;
    }
    this.scaling.noRoom(this, call);
  }

  /**
   * Per-instance queueing: the call is routed to an instance now and runs there if it has
   * room; otherwise the scaling policy decides (start, queue, refuse) as for a call that
   * found no room, and a queued call waits at that instance (see InstanceQueues).
   */
  private arriveAtInstance(call: Call, queues: InstanceQueues): void {
    const inst = queues.choose();
    const limits = this.options.limits;
    if (
      inst !== null &&
      inst.state === InstanceState.Ready &&
      inst.active < this.conc &&
      queues.waitingAt(inst) === 0 &&
      (limits.maxCalls === Infinity || limits.running() < limits.maxCalls)
    ) {
      this.assign(call, inst, false);
      return;
    }
    call.waitingAt = inst;
    if (limits.maxCalls !== Infinity && limits.inProgress() >= limits.maxCalls) {
      this.atLimit(call);
      return;
    }
    this.scaling.noRoom(this, call);
  }

  /** At the limit: queue or refuse, as the platform does (for scaling policies). */
  atLimit(call: Call): void {
    if (this.options.onLimit === 'queue') this.enqueue(call);
    else this.host.reject(call, Outcome.Throttled);
  }

  /** The call that held `inst` is done with it. */
  release(inst: Instance): void {
    // Hot path: a plain pool (see `plain`) reads none of the flags.
    const plain = this.plain;
    if (!plain && this.tracks) this.integrateConcurrency();
    inst.active--;
    this.activeCalls--;
    if (!plain) {
      this.syncLimits();
      if (this.billsInstances && inst.active === 0) this.billUntilNow(inst);
      if (this.learns && this.activeCalls === 0) this.lastEnd = this.sim.now;
    }
    if (inst.retiring) {
      this.retire(inst);
      return;
    }
    if (inst.listed) this.remove(inst);
    this.pushFront(inst);
    if (inst.active === 0) {
      this.busy--;
      this.idle++;
    }
    if (plain || this.atInstances === null) this.drain(null);
    else if (!this.callLimited) this.drainAt(inst, null, this.atInstances);
    // Under a call limit, calls may wait at other instances that have room: the limit held them.
    else this.drainAny();
    if (this.queued > 0) this.scaling.queueWaiting(this);
    if (inst.active === 0) this.becameIdle(inst);
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
    // Under no call limit the group has nothing to release (read here, not in the group).
    if (!plain && this.callLimited) this.limits.released(this);
  }

  /** Serves queued calls if there is room now (another pool of the account freed some). */
  drainQueued(): void {
    this.drainAny();
    this.scaling.queueWaiting(this);
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
  }

  /**
   * Hands queued calls to instances with room, within the concurrency limit.
   * A call handed to `fresh`, the instance that just became ready, waited
   * for its start: it is cold.
   */
  private drain(fresh: Instance | null): void {
    while (
      this.queued > 0 &&
      this.size > 0 &&
      (!this.callLimited || this.limits.running() < this.maxCalls)
    ) {
      const inst = this.routing.pick(this, this.routingRng);
      const call = this.queue.shift();
      this.queued = this.queue.live;
      call.queued = false;
      this.assign(call, inst, inst === fresh);
    }
  }

  /** Serves queued calls on whichever instances have room (FIFO: as drain). */
  private drainAny(): void {
    const queues = this.atInstances;
    if (queues === null) {
      this.drain(null);
      return;
    }
    // Per instance: each instance with room takes its own calls (and the front end's). Off
    // the hot path (the call limit freed, an instance left): the list is copied, as serving
    // a call moves its instance in it.
    const withRoom: Instance[] = [];
    for (let inst = this.head; inst !== null; inst = inst.next) withRoom.push(inst);
    for (const inst of withRoom) this.drainAt(inst, null, queues);
  }

  /**
   * Per-instance queueing: hands `inst`, which may have room, the calls routed to it (after
   * the front end's), within the concurrency limit; as drain, a call handed to `fresh` is cold.
   */
  private drainAt(inst: Instance, fresh: Instance | null, queues: InstanceQueues): void {
    const limits = this.options.limits;
    while (
      queues.live > 0 &&
      inst.state === InstanceState.Ready &&
      !inst.retiring &&
      inst.active < this.conc &&
      (limits.maxCalls === Infinity || limits.running() < limits.maxCalls)
    ) {
      const call = queues.nextFor(inst);
      if (call === null) return;
      this.queued = queues.live;
      call.queued = false;
      this.assign(call, inst, inst === fresh);
    }
  }

  /**
   * Gives `call` to `inst`. `cold` says the call waited for that instance's
   * start: decided by the caller (the instance becoming ready), not by
   * comparing times, which would also catch a call that merely arrived at
   * that moment.
   */
  private assign(call: Call, inst: Instance, cold: boolean): void {
    const now = this.sim.now;
    const wait = now - call.atPool;
    if (cold) {
      call.cold = true;
      call.coldHops++;
      call.coldStart = Math.min(wait, inst.bootTime);
      call.queue = wait - call.coldStart;
    } else {
      call.queue = wait;
    }
    // A call that waited while a start for the queue was under way waited on it, even
    // when an instance that freed meanwhile is the one that serves it.
    if (cold || (call.waited && call.startMark < this.queueStarts)) {
      call.waitedOnStart = true;
      call.startWaitHops++;
    }
    call.instance = inst;
    call.onInstance = now;
    inst.served++;
    if (inst.active++ === 0) {
      this.idle--;
      this.busy++;
      // Billed from now unless its start is still billed (the call it was started for).
      if (!this.plain && this.billsInstances && !(inst.billedFrom >= 0)) inst.billedFrom = now;
    }
    this.activeCalls++;
    if (!this.plain) this.syncLimits();
    // Full: out of the list. Room left: to the front, so that lru really
    // spreads calls and mru keeps packing the same instance.
    this.remove(inst);
    if (inst.active < this.conc) this.pushFront(inst);
    this.observer.levels(this.observedAt, now, this.starting - this.unplaced, this.busy, this.idle);
    this.host.execute(call);
  }

  /** Queues `call` for the next instance with room (for scaling policies). */
  enqueue(call: Call): void {
    this.queue.push(call);
    this.queued = this.queue.live;
    this.syncLimits();
    call.queued = true;
    call.waited = true;
    // A start on its way: this call waits on it from now.
    call.startMark = this.starting + this.wanted > 0 ? -1 : this.queueStarts;
    if (this.options.maxQueueWait < Infinity) {
      this.sim.schedule(this.options.maxQueueWait, Pool.abandons, call);
    }
  }

  // The pool's event handlers are shared by all pools, each reaching its pool from its payload
  // (a closure per pool and handler made eight functions and a context per pool).
  private static readonly abandons = (call: Call): void => call.fn.pool.abandon(call);

  private abandon(call: Call): void {
    if (!call.queued) return;
    if (this.tracks) this.integrateConcurrency();
    call.queued = false;
    this.queue.dropped(call);
    this.queued = this.queue.live;
    this.syncLimits();
    call.queue = this.sim.now - call.atPool;
    this.host.reject(call, Outcome.Throttled);
  }

  /** Takes `call` out of the queue, cancelled by its caller (Invoker.cancel). */
  withdraw(call: Call): boolean {
    if (!call.queued) return false;
    call.queued = false;
    this.queue.dropped(call);
    this.queued = this.queue.live;
    this.syncLimits();
    call.queue = this.sim.now - call.atPool;
    this.host.reject(call, Outcome.Cancelled);
    return true;
  }

  /** Takes a burst token if one is left (for scaling policies). */
  takeToken(): boolean {
    const burst = this.options.burst;
    return burst === null || burst.take(this.sim.now);
  }

  /** Starts an instance for the queue, now or when a burst token comes (for scaling policies). */
  requestStart(): void {
    if (this.takeToken()) {
      this.startInstance(null);
      return;
    }
    this.wanted++;
    this.syncLimits();
    this.queueStarts++;
    this.armTokenTimer();
  }

  private armTokenTimer(): void {
    if (this.tokenTimerPending) return;
    this.tokenTimerPending = true;
    this.sim.scheduleAt(this.options.burst!.nextTokenAt(this.sim.now), this.tokenReady, null);
  }

  private readonly tokenReady = (_: null): void => {
    this.tokenTimerPending = false;
    // Calls may have been served by freed instances or given up meanwhile.
    // Instances starting for calls of their own (early binding) have no room for the queue.
    const room = this.starting * this.conc - this.bound;
    const uncovered = Math.ceil((this.queue.live - room) / this.conc);
    if (this.wanted > uncovered) this.wanted = Math.max(0, uncovered);
    this.syncLimits();
    const burst = this.options.burst!;
    while (this.wanted > 0 && burst.take(this.sim.now)) {
      this.wanted--;
      this.startInstance(null);
    }
    if (this.wanted > 0) this.armTokenTimer();
  };

  /**
   * Starts an instance (for scaling policies): for `boundCall`, which waits for it (early
   * binding), or for the queue (null).
   */
  startInstance(boundCall: Call | null): void {
    const inst = this.newInstance(false);
    this.starting++;
    this.syncLimits();
    this.queueStarts++;
    const cluster = this.options.cluster;
    const placed = cluster === null || cluster.place(inst);
    if (boundCall !== null) {
      // Bound only to an instance that has a slot: one still waiting for a
      // slot may wait long (until another instance is reclaimed), and the call
      // should rather take whichever instance frees first.
      if (placed) {
        inst.bound = boundCall;
        this.bound++;
        this.syncLimits();
      } else {
        this.enqueue(boundCall);
      }
    }
    if (placed) this.boot(inst);
    else this.unplaced++;
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
  }

  /** The cluster gives a slot to `inst`, which was waiting for one. */
  placed(inst: Instance): void {
    this.unplaced--;
    this.boot(inst);
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
  }

  /**
   * Whether `inst`, waiting for a slot, is still needed: whether the queue has
   * calls that the other starting instances will not serve. Calls it was
   * started for may have been served since by instances that freed.
   */
  needsStart(inst: Instance): boolean {
    // A provisioned instance replacing one that crashed is always wanted.
    if (inst.provisioned) return true;
    return this.queue.live > (this.starting - 1) * this.conc - this.bound;
  }

  /** Drops `inst`, waiting for a slot and no longer needed: it never starts. */
  cancelStart(inst: Instance): void {
    this.starting--;
    this.syncLimits();
    this.unplaced--;
    inst.state = InstanceState.Reclaimed;
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
    // It counted against the limit: calls queued at the limit in other pools may go now.
    // In an event of its own, as the cluster is in the middle of handing out a slot.
    this.sim.schedule(0, this.limitHasRoom, null);
  }

  private readonly limitHasRoom = (_: null): void => {
    this.options.limits.released(this);
  };

  /** The instance has a slot: its cold start begins. */
  private boot(inst: Instance): void {
    this.coldStarts++;
    // Calls may be routed to it from now (per-instance queueing); its start is billed.
    this.atInstances?.joined(inst);
    if (this.billsInstances) inst.billedFrom = this.sim.now;
    inst.bootTime = this.coldStart.bootTime(inst, this);
    this.sim.schedule(inst.bootTime, Pool.readies, inst);
  }

  private static readonly readies = (inst: Instance): void => inst.pool.ready(inst);

  private ready(inst: Instance): void {
    const now = this.sim.now;
    inst.state = InstanceState.Ready;
    inst.readyAt = now;
    this.starting--;
    this.syncLimits();
    this.idle++;
    this.pushFront(inst);
    const bound = inst.bound;
    if (bound !== null) {
      inst.bound = null;
      this.bound--;
      this.syncLimits();
      this.assign(bound, inst, true);
    }
    if (this.atInstances === null) this.drain(inst);
    else this.drainAt(inst, inst, this.atInstances);
    // Its start was billed; it serves no call yet: billed until now only.
    if (this.billsInstances && inst.active === 0) this.billUntilNow(inst);
    if (inst.active === 0) this.becameIdle(inst);
    this.observer.levels(this.observedAt, now, this.starting - this.unplaced, this.busy, this.idle);
  }

  private becameIdle(inst: Instance): void {
    if (inst.provisioned) return;
    // Another instance is waiting for a slot: it takes this one's.
    if (this.cluster?.offerIdle(inst)) return;
    const now = this.sim.now;
    inst.idleSince = now;
    // Hot path: a fixed keep-alive is decided after one test.
    if (this.plain || !this.learns) {
      // A constant keep-alive is read here, not asked of the policy (its closures and sampler
      // are some six places out of cache per call with 10,000 functions).
      const k = this.keepAliveMs;
      inst.reclaimAt = now + (k >= 0 ? k : this.keepAlive.idleFor(inst, now));
    } else if (inst.prewarmUntil > 0 && inst.served === 0) {
      // Loaded ahead of the call the policy expects: kept until the end of its window.
      inst.reclaimAt = inst.prewarmUntil;
    } else if (this.activeCalls === 0 && this.queue.live === 0) {
      // The function's last call ended: unload now and load again before the next one?
      const prewarm = this.keepAlive.prewarmAfter(now);
      const keepFor = this.keepAlive.idleFor(inst, now);
      if (prewarm > 0) {
        this.unload(inst);
        this.prewarmAt = now + prewarm;
        this.prewarmUntil = now + keepFor;
        this.sim.scheduleAt(this.prewarmAt, this.prewarmDue, null);
        return;
      }
      inst.reclaimAt = now + keepFor;
    } else {
      inst.reclaimAt = now + this.keepAlive.idleFor(inst, now);
    }
    if (inst.reclaimAt < inst.timerAt) {
      inst.timerAt = inst.reclaimAt;
      this.sim.scheduleAt(inst.reclaimAt, Pool.keepAliveChecks, inst);
    }
  }

  /**
   * A pre-warm window ended: load an instance for the call the policy expects, unless a
   * later unload replaced this load, or the function has an instance again (a call came
   * early). Not paced by the burst bucket (the platform's own warming, not a scale-out),
   * but within the instance limit.
   */
  private readonly prewarmDue = (_: null): void => {
    if (this.sim.now !== this.prewarmAt || this.instances > 0) return;
    const limits = this.options.limits;
    if (limits.maxInstances !== Infinity && limits.instances() >= limits.maxInstances) return;
    const inst = this.newInstance(false);
    inst.prewarmUntil = this.prewarmUntil;
    this.starting++;
    this.syncLimits();
    const cluster = this.options.cluster;
    if (cluster === null || cluster.place(inst)) this.boot(inst);
    else this.unplaced++;
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
  };

  /**
   * Removes an instance, for a scaling policy that scales down: a start not yet begun
   * (waiting for a token), else the instance idle longest, else the least recently used
   * one with room, which takes no new call and goes when its calls end (Knative drains a
   * pod). Never a provisioned one. False when there is none to remove.
   */
  scaleDown(): boolean {
    if (this.wanted > 0) {
      this.wanted--;
      this.syncLimits();
      this.options.limits.released(this);
      return true;
    }
    const idle = this.evictable();
    if (idle !== null) {
      this.unload(idle);
      return true;
    }
    for (let inst = this.tail; inst !== null; inst = inst.prev) {
      if (inst.provisioned) continue;
      this.remove(inst);
      inst.retiring = true;
      this.atInstances?.left(inst);
      return true;
    }
    return false;
  }

  /** A call on the retiring `inst` ended (see scaleDown): it goes with its last call. */
  private retire(inst: Instance): void {
    // Crashing: crash() keeps the books once all its calls have ended.
    if (inst.state === InstanceState.Reclaimed) return;
    if (inst.active === 0) {
      this.busy--;
      inst.state = InstanceState.Reclaimed;
      this.options.cluster?.release(inst);
    }
    // The call that ended may let queued calls in (the concurrency limit), not on this one.
    this.drainAny();
    if (this.queue.live > 0) this.scaling.queueWaiting(this);
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
    this.options.limits.released(this);
  }

  /** Reclaims the idle `inst` now (its keep-alive ended, or the policy unloads it). */
  private unload(inst: Instance): void {
    if (inst.listed) this.remove(inst);
    this.idle--;
    inst.state = InstanceState.Reclaimed;
    if (this.atInstances !== null) this.leave(inst, this.atInstances);
    // Reported gone before its slot goes to a waiting start, or both count at once.
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
    this.options.cluster?.release(inst);
  }

  /**
   * `inst` crashes (a call's crash, or its host failed): it is gone, and each call it serves
   * ends with an error (PoolHost.crashed); the next call needs another instance, cold. One
   * still starting is left to start (the model puts an instance on its host once it runs). A
   * provisioned instance is replaced by a new one, which starts cold.
   */
  crash(inst: Instance): void {
    if (inst.state !== InstanceState.Ready) return;
    this.crashes++;
    if (inst.listed) this.remove(inst);
    // Gone at once: its calls' releases below leave the pool's books to this method (retire).
    inst.state = InstanceState.Reclaimed;
    inst.retiring = true;
    const wasBusy = inst.active > 0;
    if (wasBusy) {
      for (const call of inst.calls!.slice()) this.host.crashed(call);
      this.busy--;
    } else this.idle--;
    // Per-instance queueing: calls waiting at it go to the front end's queue.
    if (this.atInstances !== null) this.leave(inst, this.atInstances);
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
    this.options.cluster?.release(inst);
    if (inst.provisioned) this.replaceProvisioned();
    if (wasBusy) {
      // Its calls ended: queued calls may go now (the concurrency limit), on other instances.
      this.drainAny();
      if (this.queue.live > 0) this.scaling.queueWaiting(this);
      this.observer.levels(
        this.observedAt,
        this.sim.now,
        this.starting - this.unplaced,
        this.busy,
        this.idle,
      );
      this.options.limits.released(this);
    }
  }

  /** A new provisioned instance for one that crashed: it starts cold. */
  private replaceProvisioned(): void {
    const fresh = this.newInstance(true);
    this.starting++;
    this.syncLimits();
    this.queueStarts++;
    const cluster = this.options.cluster;
    if (cluster === null || cluster.place(fresh)) this.boot(fresh);
    else this.unplaced++;
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
  }

  /** The idle instance released longest ago (never a provisioned one), or null. */
  evictable(): Instance | null {
    // The list runs from the most recently released: idle instances nearer the tail have
    // been idle longer (instances still serving calls may sit among them).
    for (let inst = this.tail; inst !== null; inst = inst.prev) {
      if (inst.active === 0 && !inst.provisioned) return inst;
    }
    return null;
  }

  /** Reclaims an idle instance at once, for the cluster: its slot goes to another instance. */
  evict(inst: Instance): void {
    this.remove(inst);
    this.idle--;
    inst.state = InstanceState.Reclaimed;
    if (this.atInstances !== null) this.leave(inst, this.atInstances);
    this.observer.levels(
      this.observedAt,
      this.sim.now,
      this.starting - this.unplaced,
      this.busy,
      this.idle,
    );
  }

  /**
   * Per-instance queueing: `inst` is gone; calls waiting at it (held back by the call limit)
   * go to the front end's queue, served by the next instance with room.
   */
  private leave(inst: Instance, queues: InstanceQueues): void {
    queues.left(inst);
    if (queues.front.live > 0) this.sim.schedule(0, this.serveFront, null);
  }

  private readonly serveFront = (_: null): void => {
    this.drainAny();
    if (this.queue.live > 0) this.scaling.queueWaiting(this);
  };

  /** Per-instance billing: the billed stretch of `inst` (its start, its busy time) ends now. */
  private billUntilNow(inst: Instance): void {
    const from = inst.billedFrom;
    if (!(from >= 0)) return;
    inst.billedFrom = Number.NaN;
    const fn = this.fn;
    // A stretch that began in the warm-up is billed from its end (stretches can last minutes).
    const start = Math.max(from, fn.billSince);
    fn.instanceBilledMs += billedMs(this.sim.now - start, fn.billStep, fn.billMin);
  }

  private static readonly keepAliveChecks = (inst: Instance): void => inst.pool.keepAliveEnds(inst);

  private keepAliveEnds(inst: Instance): void {
    const now = this.sim.now;
    // Timers are re-armed lazily: this one may be stale (the instance was used
    // again since), or one of two pending when a shorter keep-alive was drawn.
    if (now >= inst.timerAt) inst.timerAt = Infinity;
    if (inst.state !== InstanceState.Ready || inst.active > 0) return;
    if (now >= inst.reclaimAt) {
      this.unload(inst);
    } else if (inst.reclaimAt < inst.timerAt) {
      inst.timerAt = inst.reclaimAt;
      this.sim.scheduleAt(inst.reclaimAt, Pool.keepAliveChecks, inst);
    }
  }
}
