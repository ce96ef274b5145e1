/**
 * What a platform's shared resources saw in one simulation, cell by cell of simulated time: the
 * largest sums of its account-wide LimitGroup (calls in progress, instances in use), the largest
 * number of its cluster's slots in use, and how many tokens its pools asked of its account-wide
 * burst bucket.
 *
 * Why: a region whose functions share an account-wide limit or a cluster is coupled only where
 * the limit binds or the cluster fills. A replication may run its blocks of functions apart,
 * each simulation watching its share (experiments/sharedCheck.ts adds the shares and asks
 * whether the whole could have run short); where it could not, the blocks' numbers are those of
 * the region in one simulation. Kept per cell, not per change: a day of a region changes its
 * counts some 1e8 times.
 */
export interface SharedWatchData {
  /** Width of a cell, in ms; cell i is [i * cellMs, (i + 1) * cellMs). */
  cellMs: number;
  /** Per cell, the largest number of calls in progress (LimitGroup.inProgress). */
  calls: number[];
  /** Per cell, the largest number of instances in use (LimitGroup.instances). */
  inUse: number[];
  /** Per cell, the largest number of the cluster's slots in use (Cluster.used). */
  slots: number[];
  /** Per cell, the burst tokens asked for (granted or not). */
  takes: number[];
}

/**
 * One level's largest value per cell: told each change (times never go back), it fills the cells
 * with no change with the level they held.
 */
class LevelCells {
  readonly cells: number[] = [];
  /** The cell `max` is for. */
  private cell = 0;
  private level = 0;
  private max = 0;

  set(cell: number, level: number): void {
    if (cell !== this.cell) this.moveTo(cell);
    this.level = level;
    if (level > this.max) this.max = level;
  }

  private moveTo(cell: number): void {
    this.cells[this.cell] = this.max;
    for (let c = this.cell + 1; c < cell; c++) this.cells[c] = this.level;
    this.cell = cell;
    this.max = this.level;
  }

  /** The cells up to `cell`. */
  finish(cell: number): number[] {
    if (cell > this.cell) this.moveTo(cell);
    this.cells[this.cell] = this.max;
    return this.cells;
  }
}

export class SharedWatch {
  private readonly calls = new LevelCells();
  private readonly inUse = new LevelCells();
  private readonly slotsUsed = new LevelCells();
  private readonly takes: number[] = [];

  constructor(
    readonly cellMs: number,
    /** The simulation's clock (read at each change: the cluster keeps none of its own). */
    private readonly clock: { readonly now: number },
  ) {}

  private cellNow(): number {
    return Math.floor(this.clock.now / this.cellMs);
  }

  /** The account's LimitGroup sums after a change. */
  level(calls: number, inUse: number): void {
    const cell = this.cellNow();
    this.calls.set(cell, calls);
    this.inUse.set(cell, inUse);
  }

  /** The cluster's slots in use after a change. */
  slots(used: number): void {
    this.slotsUsed.set(this.cellNow(), used);
  }

  /** A pool asked the account's bucket for a token. */
  take(): void {
    const cell = this.cellNow();
    const t = this.takes;
    while (t.length <= cell) t.push(0);
    t[cell]++;
  }

  /** The cells up to the one holding the clock's time, the simulation's last instant. */
  finish(): SharedWatchData {
    const cell = this.cellNow();
    return {
      cellMs: this.cellMs,
      calls: this.calls.finish(cell),
      inUse: this.inUse.finish(cell),
      slots: this.slotsUsed.finish(cell),
      takes: this.takes,
    };
  }
}
