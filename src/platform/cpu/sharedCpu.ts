import type { EventId, Simulation } from '../../engine/index.ts';
import type { Call } from '../call.ts';

/**
 * One instance's processor, shared by the calls running on it (processor sharing): each
 * call's execution is a CPU-bound part, served at min(1, cores / n) of full speed while n
 * calls are in their CPU-bound part, then the rest (waiting on I/O, the network), which
 * takes its own time whatever the others do. So 80 calls on one vCPU are not free.
 *
 * Bookkeeping by virtual time: `work` grows at the per-call rate, so a call that joined
 * when it stood at w0 with c ms of CPU work ends when it reaches w0 + c, and one event,
 * re-armed on each change, covers the call that ends first. Calls on one instance are few
 * (its concurrency), so the earliest is found by a scan.
 */
export class SharedCpu {
  private readonly calls: Call[] = [];
  /** The virtual time at which each call's CPU-bound part ends. */
  private readonly endsAt: number[] = [];
  /** Each call's time after its CPU-bound part. */
  private readonly after: number[] = [];
  private work = 0;
  private workAt = 0;
  private event: EventId | null = null;

  constructor(
    private readonly sim: Simulation,
    /** Cores the instance has: up to this many calls run at full speed. */
    private readonly cores: number,
    /** The share of a call's execution that is CPU-bound (0 to 1). */
    readonly cpuBoundShare: number,
    /** Told when a call's execution (both parts) has ended. */
    private readonly done: (call: Call) => void,
  ) {}

  /** Calls in their CPU-bound part now. */
  get running(): number {
    return this.calls.length;
  }

  /** Starts `call`'s execution, `ms` long when it has a core to itself. */
  run(call: Call, ms: number): void {
    this.advance();
    this.calls.push(call);
    this.endsAt.push(this.work + ms * this.cpuBoundShare);
    this.after.push(ms * (1 - this.cpuBoundShare));
    this.rearm();
  }

  /** Drops `call` (it timed out); false when it is past its CPU-bound part. */
  remove(call: Call): boolean {
    const i = this.calls.indexOf(call);
    if (i < 0) return false;
    this.advance();
    this.take(i);
    this.rearm();
    return true;
  }

  private rate(): number {
    const n = this.calls.length;
    return n <= this.cores ? 1 : this.cores / n;
  }

  private advance(): void {
    const now = this.sim.now;
    if (this.calls.length > 0) this.work += (now - this.workAt) * this.rate();
    this.workAt = now;
  }

  private take(i: number): number {
    const after = this.after[i];
    const last = this.calls.length - 1;
    this.calls[i] = this.calls[last];
    this.endsAt[i] = this.endsAt[last];
    this.after[i] = this.after[last];
    this.calls.pop();
    this.endsAt.pop();
    this.after.pop();
    return after;
  }

  private rearm(): void {
    if (this.event !== null) this.sim.cancel(this.event);
    this.event = null;
    if (this.calls.length === 0) return;
    let first = this.endsAt[0];
    for (let i = 1; i < this.endsAt.length; i++) if (this.endsAt[i] < first) first = this.endsAt[i];
    this.event = this.sim.schedule(Math.max(0, first - this.work) / this.rate(), this.tick, null);
  }

  private readonly tick = (_: null): void => {
    this.event = null;
    this.advance();
    // Every call whose part ends now (rounding: within a nanosecond of work).
    const limit = this.work + 1e-6;
    const ended: Call[] = [];
    const afters: number[] = [];
    for (let i = this.calls.length - 1; i >= 0; i--) {
      if (this.endsAt[i] <= limit) {
        ended.push(this.calls[i]);
        afters.push(this.take(i));
      }
    }
    this.rearm();
    for (let i = ended.length - 1; i >= 0; i--) {
      if (afters[i] > 0) this.sim.schedule(afters[i], this.done, ended[i]);
      else this.done(ended[i]);
    }
  };
}
