import { describe, expect, it } from 'vitest';
import { instanceQueuesCase } from '../../../src/verify/cases/instanceQueues.ts';

describe('N x M/M/1 verify row (per-instance queueing)', () => {
  it('passes: with random routing the mean time in system is 1 / (mu - lambda / N)', () => {
    const rows = instanceQueuesCase().run({ quick: true, seed: 1 });
    expect(rows.length).toBe(1);
    expect(rows[0].pass).toBe(true);
  });

  it('negative control: routed to the least loaded instance, calls wait far less and it fails', () => {
    const rows = instanceQueuesCase({ n: 4, lambda: 280, mu: 100, pick: 'leastLoaded' }).run({
      quick: true,
      seed: 1,
    });
    expect(rows[0].pass).toBe(false);
    // Joining the shortest queue is close to one queue for all (M/M/4: about 12 ms).
    expect(rows[0].relativeError).toBeLessThan(-0.5);
  });
});
