import type { SharedWatch } from './sharedWatch.ts';

/**
 * A token bucket that paces instance starts: `capacity` starts at once (the
 * initial burst), then `perMs` new tokens each millisecond. Lambda today:
 * 1000, then 1000 more every 10 s; Lambda in 2019: 3000 / 1000 / 500 by
 * region, then 500 a minute (CALIBRATION.md).
 */
export class TokenBucket {
  private tokens: number;
  private last = 0;
  /** Told each token asked for, when an account's bucket is watched (SharedWatch); else null. */
  watch: SharedWatch | null = null;

  constructor(
    readonly capacity: number,
    readonly perMs: number,
  ) {
    this.tokens = capacity;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
      this.last = now;
    }
  }

  /** Takes a token if one is there. */
  take(now: number): boolean {
    if (this.watch !== null) this.watch.take();
    this.refill(now);
    // A tolerance for the float sum of refills, so a token due "now" is there now.
    if (this.tokens >= 1 - 1e-9) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** When the next token will be there (now if one is). */
  nextTokenAt(now: number): number {
    this.refill(now);
    if (this.tokens >= 1 - 1e-9) return now;
    if (this.perMs <= 0) return Infinity;
    return now + (1 - this.tokens) / this.perMs;
  }
}
