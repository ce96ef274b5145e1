import type { AccountWatchData } from '../platform/accountWatch.ts';
import { accountInstanceLimit, type PlatformConfig } from '../platform/config.ts';

/**
 * A region whose functions only an account-wide limit couples runs in blocks, as an uncoupled
 * one does, on a condition checked after the run: that the account's limits could not have
 * bound had the blocks run in one simulation (docs/scale.md, "A region under an account-wide
 * limit").
 *
 * Why that is enough: a limit changes a call only where it refuses, queues or paces something.
 * A block run alone sees only its own share of the account's counts and tokens, never more
 * than the region's; so where the region's never reached a limit, neither did the block's, and
 * every block made the same choices as in the region's one simulation: its numbers are the
 * same bytes. Where the check cannot show that, the replication runs again whole, in one
 * simulation (and that is what it gives): the check may refuse a run that never bound, never
 * pass one that did.
 */

/** What a platform's account limits a replication by, for the check. */
export interface AccountLimits {
  platform: string;
  /** Calls in progress at most (LimitGroup.maxCalls); Infinity for none. */
  maxCalls: number;
  /** Instances in use at most (LimitGroup.maxInstances); Infinity for none. */
  maxInstances: number;
  /** The account's burst bucket: tokens at most and new tokens per ms; null for none. */
  burst: { capacity: number; perMs: number } | null;
}

/** The accounts a replication run in blocks watches, and the width of its cells in ms. */
export interface AccountWatchPlan {
  cellMs: number;
  accounts: AccountLimits[];
}

/**
 * Cells of a watch over a replication's span (its duration and drain): fine enough that a cell's
 * largest level is near the level (the check adds each block's largest, which may come at
 * different instants), coarse enough that a block keeps at most some 3 numbers x 50,000 cells.
 * Never under 10 ms.
 */
const WATCH_CELLS = 50_000;
const MIN_CELL_MS = 10;

/**
 * Spare burst tokens the check asks for beyond the ones needed: the bucket compares its float
 * sum of refills with a tolerance (TokenBucket.take), which this margin covers many times over.
 */
const TOKEN_MARGIN = 1e-3;

/**
 * The accounts of `platforms` whose limits couple functions (limitScope "account"), watched over
 * `span` ms (a simulation's longest: the run's duration and its drain).
 */
export function accountWatchPlan(platforms: PlatformConfig[], span: number): AccountWatchPlan {
  const seen = new Set<string>();
  const accounts: AccountLimits[] = [];
  for (const p of platforms) {
    if (p.limitScope !== 'account' || seen.has(p.name)) continue;
    seen.add(p.name);
    accounts.push({
      platform: p.name,
      maxCalls: p.maxConcurrency,
      maxInstances: accountInstanceLimit(p),
      burst: p.burst ? { capacity: p.burst.initial, perMs: p.burst.perSecond / 1000 } : null,
    });
  }
  return { cellMs: Math.max(MIN_CELL_MS, span / WATCH_CELLS), accounts };
}

/**
 * Two simulations' watches of the same accounts as one: per cell, the largest levels added (an
 * upper bound of the region's level in that cell) and the tokens asked for added. Past a
 * watch's last cell its level is taken as that cell's largest (its level then can be no more).
 */
export function addWatches(
  a: Record<string, AccountWatchData>,
  b: Record<string, AccountWatchData>,
): Record<string, AccountWatchData> {
  const out: Record<string, AccountWatchData> = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[name];
    const y = b[name];
    if (x === undefined || y === undefined) {
      out[name] = x ?? y;
      continue;
    }
    out[name] = {
      cellMs: x.cellMs,
      calls: addLevels(x.calls, y.calls),
      inUse: addLevels(x.inUse, y.inUse),
      takes: addCounts(x.takes, y.takes),
    };
  }
  return out;
}

function addLevels(x: number[], y: number[]): number[] {
  const n = Math.max(x.length, y.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = levelAt(x, i) + levelAt(y, i);
  return out;
}

function levelAt(xs: number[], i: number): number {
  if (xs.length === 0) return 0;
  return i < xs.length ? xs[i] : xs[xs.length - 1];
}

function addCounts(x: number[], y: number[]): number[] {
  const n = Math.max(x.length, y.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = (x[i] ?? 0) + (y[i] ?? 0);
  return out;
}

/**
 * Where the region's account limits could have bound, by the blocks' watches added (addWatches):
 * in words (the account, the limit and the simulated time), or null when none could have.
 */
export function accountBound(
  plan: AccountWatchPlan,
  watches: Record<string, AccountWatchData>,
): string | null {
  for (const a of plan.accounts) {
    const w = watches[a.platform];
    if (w === undefined) continue;
    const at = (cell: number) => `${((cell * w.cellMs) / 1000).toFixed(1)} s`;
    for (let c = 0; c < w.calls.length; c++) {
      if (w.calls[c] >= a.maxCalls) {
        return `platform "${a.platform}"'s account-wide limit of ${a.maxCalls} calls (up to ${w.calls[c]} in progress near ${at(c)})`;
      }
    }
    for (let c = 0; c < w.inUse.length; c++) {
      if (w.inUse[c] >= a.maxInstances) {
        return `platform "${a.platform}"'s account-wide limit of ${a.maxInstances} instances in use (up to ${w.inUse[c]} near ${at(c)})`;
      }
    }
    if (a.burst !== null) {
      // A lower bound of the bucket's tokens at each cell's start: full at 0; over a cell, at most
      // the cell's refill comes in (less once full) and each token asked for leaves. Each of the
      // cell's asks finds a token if the bound covers them all at the cell's start.
      const { capacity, perMs } = a.burst;
      let tokens = capacity;
      for (let c = 0; c < w.takes.length; c++) {
        const n = w.takes[c];
        if (n > 0 && tokens - n < TOKEN_MARGIN) {
          return `platform "${a.platform}"'s account-wide burst of ${capacity} instances (${n} starts asked near ${at(c)})`;
        }
        tokens = Math.min(capacity, tokens + perMs * w.cellMs) - n;
      }
    }
  }
  return null;
}

/**
 * What a run says once done when `count` of its replications ran again whole; null when none did.
 * It names the accounts of `plans` (the points' watched plans), not which limit the check found
 * first nor when: that depends on the order the blocks came in (one thread or several), and the
 * check's sums are bounds, not what the region reached.
 */
export function ranAgainNote(count: number, plans: AccountWatchPlan[]): string | null {
  if (count === 0) return null;
  const names = [...new Set(plans.flatMap((p) => p.accounts.map((a) => `"${a.platform}"`)))];
  const whose = `platform${names.length === 1 ? '' : 's'} ${names.join(', ')}`;
  const one = count === 1;
  return `${count} replication${one ? '' : 's'} ran again in one simulation: ${one ? 'its' : 'their'} blocks' counts showed that the account-wide limits of ${whose} could have bound`;
}
