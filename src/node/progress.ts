import type { Writer } from './io.ts';

/**
 * A progress bar on standard error, only when it is a terminal and the run
 * has lasted more than a moment; otherwise silent.
 */
export class ProgressBar {
  private readonly start = Date.now();
  private shown = false;
  private last = 0;

  constructor(
    private readonly stream: Writer = process.stderr,
    private readonly delayMs = 500,
  ) {}

  update(done: number, total: number, label: string): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.start < this.delayMs || (now - this.last < 100 && done < total)) return;
    this.last = now;
    this.shown = true;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    const text = `[${bar}] ${done}/${total} ${label}`.slice(0, (this.stream.columns ?? 80) - 1);
    this.stream.write(`\r${text}\x1b[K`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
  }
}
