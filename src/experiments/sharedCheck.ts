import { accountInstanceLimit, type PlatformConfig } from '../platform/config.ts';
import type { SharedWatchData } from '../platform/sharedWatch.ts';

/**
 * A region whose functions share only an account-wide limit or a cluster whose hosts never fail
 * runs in blocks, as an uncoupled one does, on a condition checked after the run: that what they
 * share could not have run short had the blocks run in one simulation (docs/scale.md, "A region
 * under an account-wide limit or on a cluster").
 *
 * Why that is enough: a limit changes a call only where it refuses, queues or paces something,
 * and a cluster only where it is full (an instance then evicts another or waits for a slot). A
 * block run alone sees only its own share of the counts, slots and tokens, never more than the
 * region's; so where the region's never reached a limit nor filled the cluster, neither did the
 * block's, and every block made the same choices as in the region's one simulation: its numbers
 * are the same bytes. Where the check cannot show that, the replication runs again whole, in one
 * simulation (and that is what it gives): the check may refuse a run that never ran short, never
 * pass one that did.
 */

/** What a platform's functions share, for the check: Infinity (null) where they share nothing. */
export interface SharedLimits {
  platform: string;
  /** Calls in progress at most, account-wide (LimitGroup.maxCalls); Infinity for none. */
  maxCalls: number;
  /** Instances in use at most, account-wide (LimitGroup.maxInstances); Infinity for none. */
  maxInstances: number;
  /** The account's burst bucket: tokens at most and new tokens per ms; null for none. */
  burst: { capacity: number; perMs: number } | null;
  /** The cluster's slots (hosts x slots a host); Infinity for no cluster. */
  slots: number;
}

/** The platforms a replication run in blocks watches, and the width of its cells in ms. */
export interface SharedWatchPlan {
  cellMs: number;
  platforms: SharedLimits[];
}

/**
 * Cells of a watch over a replication's span (its duration and drain): fine enough that a cell's
 * largest level is near the level (the check adds each block's largest, which may come at
 * different instants), coarse enough that a block keeps at most some 4 numbers x 50,000 cells.
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
 * The platforms of `platforms` whose functions share something (an account-wide limit, a
 * cluster), watched over `span` ms (a simulation's longest: the run's duration and its drain).
 */
export function sharedWatchPlan(platforms: PlatformConfig[], span: number): SharedWatchPlan {
  const seen = new Set<string>();
  const shared: SharedLimits[] = [];
  for (const p of platforms) {
    const account = p.limitScope === 'account';
    if ((!account && !p.cluster) || seen.has(p.name)) continue;
    seen.add(p.name);
    shared.push({
      platform: p.name,
      maxCalls: account ? p.maxConcurrency : Infinity,
      maxInstances: account ? accountInstanceLimit(p) : Infinity,
      burst:
        account && p.burst ? { capacity: p.burst.initial, perMs: p.burst.perSecond / 1000 } : null,
      slots: p.cluster ? p.cluster.hosts * p.cluster.slotsPerHost : Infinity,
    });
  }
  return { cellMs: Math.max(MIN_CELL_MS, span / WATCH_CELLS), platforms: shared };
}

/**
 * Two simulations' watches of the same accounts as one: per cell, the largest levels added (an
 * upper bound of the region's level in that cell) and the tokens asked for added. Past a
 * watch's last cell its level is taken as that cell's largest (its level then can be no more).
 */
export function addWatches(
  a: Record<string, SharedWatchData>,
  b: Record<string, SharedWatchData>,
): Record<string, SharedWatchData> {
  const out: Record<string, SharedWatchData> = {};
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
      slots: addLevels(x.slots, y.slots),
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
 * Where what the region's functions share could have run short, by the blocks' watches added
 * (addWatches): in words (the platform, the limit and the simulated time), or null when nothing
 * could have.
 */
export function sharedBound(
  plan: SharedWatchPlan,
  watches: Record<string, SharedWatchData>,
): string | null {
  for (const a of plan.platforms) {
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
    for (let c = 0; c < w.slots.length; c++) {
      // A block's largest count includes the slot it took last, so the region's slots in use
      // before any one is taken are fewer than the sum: the sum may equal the slots.
      if (w.slots[c] > a.slots) {
        return `platform "${a.platform}"'s cluster of ${a.slots} slots (up to ${w.slots[c]} in use near ${at(c)})`;
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
 * It names what the platforms of `plans` share (the points' watched plans), not which limit the
 * check found first nor when: that depends on the order the blocks came in (one thread or
 * several), and the check's sums are bounds, not what the region reached.
 */
export function ranAgainNote(count: number, plans: SharedWatchPlan[]): string | null {
  if (count === 0) return null;
  const what = new Map<string, string>();
  for (const a of plans.flatMap((p) => p.platforms)) {
    const kinds = [
      ...(a.maxCalls !== Infinity || a.burst !== null ? ['account-wide limits'] : []),
      ...(a.slots !== Infinity ? ['cluster'] : []),
    ];
    if (kinds.length > 0) what.set(a.platform, `platform "${a.platform}"'s ${kinds.join(' or ')}`);
  }
  const one = count === 1;
  return `${count} replication${one ? '' : 's'} ran again in one simulation: ${one ? 'its' : 'their'} blocks' counts showed that ${[...what.values()].join(', ')} could have run short`;
}
