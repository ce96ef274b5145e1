/**
 * yieldToSignals: after synchronous work, one call lets a signal that came during that work
 * reach its listener, whichever phase of the event loop the caller is in. A continuation of
 * a file write (the results written just before the last check for Ctrl-C) runs in the
 * poll phase; a single setImmediate then runs in the same turn, before the signal is read,
 * and a Ctrl-C during the last unit of a run ended with exit 0 (seen with a 60,000-function
 * graph, whose last step took seconds). The signal here is SIGWINCH, harmless to the test
 * process; what matters is when node delivers it, which is the same for SIGINT.
 */
import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { yieldToSignals } from '../../src/node/interrupt.ts';
import { tempDir } from '../support/cli.ts';

const dir = tempDir('coldtail-interrupt-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function busy(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end) {}
}

describe('yieldToSignals', () => {
  it('delivers a signal that came during synchronous work after a file write', async () => {
    let seen = 0;
    const onSignal = () => {
      seen++;
    };
    process.on('SIGWINCH', onSignal);
    try {
      const rounds = 10;
      let caught = 0;
      for (let i = 0; i < rounds; i++) {
        const before = seen;
        await writeFile(join(dir, 'results.json'), '{}');
        process.kill(process.pid, 'SIGWINCH');
        busy(5);
        await yieldToSignals();
        if (seen > before) caught++;
        // Let any late delivery land before the next round.
        while (seen === before) await new Promise((r) => setTimeout(r, 1));
      }
      expect(caught).toBe(rounds);
    } finally {
      process.off('SIGWINCH', onSignal);
    }
  });
});
