/**
 * What the recorders keep of each function during a run, side by side in one Float64Array, a
 * row of STRIDE numbers a function: the pool levels the Recorder last saw and its block, and the
 * per-function table's counters and integrals (perFunction.ts). A call reaches its function's
 * row twice (its pool's levels, its end) and nothing else of the recording side that is its
 * function's own but the latency bin: with 10,000 functions each call's row is out of cache, and
 * two objects (an observer and a boxed memory size) plus a row elsewhere had been three or four
 * places to miss. The hot path wins over readability here: numbers by offset, not fields.
 */

// The Recorder's: the levels it last saw, the function's memory, its block's place in `held`.
export const STARTING = 0;
export const BUSY = 1;
export const IDLE = 2;
export const MEMORY_GB = 3;
export const HELD = 4;
/** 1 for the entry function (its levels also feed the timeline), else 0. */
export const ENTRY = 5;
/** The function's place in the per-function table (FunctionRecorder's names), or -1: not there. */
export const POSITION = 6;
// The per-function table's (FunctionRecorder): its integrals of the levels and when they last
// changed, its counters, its place among the latency bins' rows (-1: no completed call yet).
export const LAST_T = 7;
export const IDLE_AREA = 8;
export const ALIVE_AREA = 9;
export const COMPLETED = 10;
export const COLD = 11;
export const THROTTLED = 12;
export const TIMED_OUT = 13;
export const BIN_ROW = 14;
export const MEMORY_MB = 15;
/** Numbers a row (128 bytes: two cache lines, which the processor fetches as a pair). */
export const STRIDE = 16;

/** The rows, by a function's index among the world's functions (FunctionRuntime.index). */
export class FunctionRows {
  /** STRIDE numbers a function: its row starts at `index * STRIDE` (grown as functions are met). */
  data = new Float64Array(0);
  /** Whether the row of a function index has been made (met by the Recorder's observer). */
  private made = new Uint8Array(0);

  /** The offset of the row of the function with index `index`, made (zeros, no bins) if new. */
  row(index: number): number {
    if (index >= this.made.length) {
      const n = Math.max(index + 1, this.made.length * 2, 64);
      const data = new Float64Array(n * STRIDE);
      data.set(this.data);
      this.data = data;
      const made = new Uint8Array(n);
      made.set(this.made);
      this.made = made;
    }
    const at = index * STRIDE;
    if (this.made[index] === 0) {
      this.made[index] = 1;
      this.data[at + POSITION] = -1;
      this.data[at + BIN_ROW] = -1;
    }
    return at;
  }

  /** The offset of a made row, or -1 (a function no observer met). */
  find(index: number): number {
    return index < this.made.length && this.made[index] === 1 ? index * STRIDE : -1;
  }
}
