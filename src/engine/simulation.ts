import { CalendarQueue } from './calendarQueue.ts';
import { EventQueue } from './eventQueue.ts';
import type { EventHandler, EventId, SlotQueue } from './eventSlots.ts';

/** Why a call to run() returned. */
export type StopReason = 'empty' | 'until' | 'maxEvents' | 'stopped';

export interface RunOptions {
  /** Run events at times <= until, then set the clock to until. */
  until?: number;
  /** Stop after this many events in this call to run(). */
  maxEvents?: number;
}

export interface RunResult {
  reason: StopReason;
  /** The clock when run() returned. */
  now: number;
  /** Events run during this call. */
  events: number;
}

/**
 * The clock and the pending events, and nothing else: it knows nothing of
 * serverless. Components schedule a handler with a payload; the handler is
 * called with that payload when the clock reaches its time.
 *
 * Two events at the same time run in the order they were scheduled, so a run
 * is a pure function of its inputs and seed.
 *
 * Handlers should be created once (a bound method or a closure made in a
 * constructor) and payloads should be objects that exist anyway: then the hot
 * path allocates nothing per event.
 */
export class Simulation {
  /** The current simulated time, in milliseconds by coldtail's convention. */
  now = 0;
  /** Events run since the simulation was created. */
  processed = 0;
  private readonly queue: SlotQueue;
  private stopRequested = false;

  /**
   * `queue`: the calendar queue (default) costs O(1) per event whatever the
   * number pending; the binary heap, log n, is kept as the reference the
   * calendar queue is tested against, event for event.
   */
  constructor(options: { initialCapacity?: number; queue?: 'heap' | 'calendar' } = {}) {
    this.queue =
      options.queue === 'heap'
        ? new EventQueue(options.initialCapacity)
        : new CalendarQueue(options.initialCapacity);
  }

  /** Schedules `handler(payload)` after `delay` (>= 0) from now. */
  schedule<P>(delay: number, handler: EventHandler<P>, payload: P): EventId {
    // `!(x >= 0)` also refuses NaN, which would otherwise poison the heap order.
    if (!(delay >= 0)) {
      throw new RangeError(
        `cannot schedule an event ${delay} ms from now (at ${this.now}): the delay must be >= 0`,
      );
    }
    return this.queue.push(this.now + delay, handler, payload);
  }

  /** Schedules `handler(payload)` at absolute time `time` (>= now). */
  scheduleAt<P>(time: number, handler: EventHandler<P>, payload: P): EventId {
    if (!(time >= this.now)) {
      throw new RangeError(
        `cannot schedule an event in the past: time ${time} is before now (${this.now})`,
      );
    }
    return this.queue.push(time, handler, payload);
  }

  /** Cancels a pending event; false when it already ran or was cancelled. */
  cancel(id: EventId): boolean {
    return this.queue.cancel(id);
  }

  /** Makes run() return after the event now running. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Pending events, counting cancelled ones not yet discarded. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next pending event, or Infinity. */
  peekTime(): number {
    return this.queue.peekTime();
  }

  run(options: RunOptions = {}): RunResult {
    const until = options.until ?? Infinity;
    const maxEvents = options.maxEvents ?? Infinity;
    if (!(until >= this.now)) {
      throw new RangeError(`cannot run until ${until}: it is before now (${this.now})`);
    }
    if (!(maxEvents >= 0)) throw new RangeError(`maxEvents must be >= 0 (got ${maxEvents})`);
    const queue = this.queue;
    const start = this.processed;
    this.stopRequested = false;
    let reason: StopReason = 'empty';
    for (;;) {
      if (this.processed - start >= maxEvents) {
        reason = 'maxEvents';
        break;
      }
      if (queue.size === 0) break;
      if (queue.peekTime() > until) {
        reason = 'until';
        break;
      }
      const slot = queue.pop();
      const handler = queue.handlerOf(slot);
      if (handler === null) {
        queue.release(slot);
        continue;
      }
      this.now = queue.timeOf(slot);
      const payload = queue.payloadOf(slot);
      // Released before the call so the handler may reuse the slot at once.
      queue.release(slot);
      this.processed++;
      (handler as EventHandler<unknown>)(payload);
      if (this.stopRequested) {
        reason = 'stopped';
        break;
      }
    }
    // The clock moves on to `until` even when the queue ran dry earlier, so
    // that time-weighted statistics cover the whole requested span.
    if (reason === 'until' || (reason === 'empty' && until !== Infinity)) this.now = until;
    return { reason, now: this.now, events: this.processed - start };
  }
}
