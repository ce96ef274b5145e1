import type { CallerPolicy } from './callerSpec.ts';

/** Answers seen before a percentile hedge delay is trusted (until then, no hedge). */
export const HEDGE_MIN_SAMPLES = 20;
/** The percentile hedge delay is read again from the latencies after this many more answers. */
const HEDGE_REFRESH = 32;

/**
 * Latencies recorded, and their quantiles (a Histogram of the metrics layer, which the workload
 * layer may not import: the experiment hands one in).
 */
export interface LatencySamples {
  record(value: number): void;
  readonly count: number;
  /** The value at quantile p, 0 <= p <= 1. */
  quantile(p: number): number;
}

/**
 * A caller's policy and the hedge delay it has learnt: the policy's fixed delay, or, when it
 * hedges after a percentile, that percentile of the answers seen so far (none before
 * HEDGE_MIN_SAMPLES of them, then read again every HEDGE_REFRESH answers: a quantile per
 * answer would cost more than the call). One for the client's caller, one per graph edge.
 */
export class HedgeDelay {
  delay: number;
  private nextRefresh = HEDGE_MIN_SAMPLES;

  constructor(
    readonly policy: CallerPolicy,
    /** Latencies of the answers seen so far, for a percentile hedge delay (else null). */
    private readonly seen: LatencySamples | null,
  ) {
    this.delay = policy.hedgeDelay;
  }

  /** An answer's latency. */
  observe(latency: number): void {
    const seen = this.seen;
    if (seen === null) return;
    seen.record(latency);
    if (seen.count >= this.nextRefresh) {
      this.delay = seen.quantile(this.policy.hedgePercentile! / 100);
      this.nextRefresh = seen.count + HEDGE_REFRESH;
    }
  }
}
