/**
 * What an account's shared limits saw in one simulation, cell by cell of simulated time: the
 * largest sums of its LimitGroup (calls in progress, instances in use) and how many burst
 * tokens its pools asked for.
 *
 * Why: a region under an account-wide limit couples its functions only when the limit binds.
 * A replication may run its blocks of functions apart, each simulation watching its own share
 * of the account (experiments/accountCheck.ts adds the shares and asks whether the whole could
 * have reached a limit); where it could not, the blocks' numbers are those of the region in one
 * simulation. Kept per cell, not per change: a day of a region changes its counts some 1e8
 * times.
 */
export interface AccountWatchData {
  /** Width of a cell, in ms; cell i is [i * cellMs, (i + 1) * cellMs). */
  cellMs: number;
  /** Per cell, the largest number of calls in progress (LimitGroup.inProgress). */
  calls: number[];
  /** Per cell, the largest number of instances in use (LimitGroup.instances). */
  inUse: number[];
  /** Per cell, the burst tokens asked for (granted or not). */
  takes: number[];
}

export class AccountWatch {
  private readonly calls: number[] = [];
  private readonly inUse: number[] = [];
  private readonly takes: number[] = [];
  /** The cell the maxima below are for. */
  private cell = 0;
  private lastCalls = 0;
  private lastInUse = 0;
  private maxCalls = 0;
  private maxInUse = 0;

  constructor(readonly cellMs: number) {}

  /** The group's sums after a change at `now` (times never go back). */
  level(now: number, calls: number, inUse: number): void {
    const cell = Math.floor(now / this.cellMs);
    if (cell !== this.cell) this.moveTo(cell);
    this.lastCalls = calls;
    this.lastInUse = inUse;
    if (calls > this.maxCalls) this.maxCalls = calls;
    if (inUse > this.maxInUse) this.maxInUse = inUse;
  }

  /** A pool asked the account's bucket for a token at `now`. */
  take(now: number): void {
    const cell = Math.floor(now / this.cellMs);
    const t = this.takes;
    while (t.length <= cell) t.push(0);
    t[cell]++;
  }

  /** Closes the cells up to `cell`: the levels held through cells with no change. */
  private moveTo(cell: number): void {
    this.calls[this.cell] = this.maxCalls;
    this.inUse[this.cell] = this.maxInUse;
    for (let c = this.cell + 1; c < cell; c++) {
      this.calls[c] = this.lastCalls;
      this.inUse[c] = this.lastInUse;
    }
    this.cell = cell;
    this.maxCalls = this.lastCalls;
    this.maxInUse = this.lastInUse;
  }

  /** The cells up to the one holding `end`, the simulation's last instant. */
  finish(end: number): AccountWatchData {
    const cell = Math.max(this.cell, Math.floor(end / this.cellMs));
    if (cell !== this.cell) this.moveTo(cell);
    this.calls[this.cell] = this.maxCalls;
    this.inUse[this.cell] = this.maxInUse;
    return { cellMs: this.cellMs, calls: this.calls, inUse: this.inUse, takes: this.takes };
  }
}
