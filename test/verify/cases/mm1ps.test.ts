import { describe, expect, it } from 'vitest';
import { mm1PsCase } from '../../../src/verify/cases/mm1ps.ts';

describe('M/M/1-PS verify row', () => {
  it('passes: the mean time in system is 1 / (mu - lambda) with the CPU shared', () => {
    const rows = mm1PsCase({ lambda: 50, mu: 100 }).run({ quick: true, seed: 1 });
    expect(rows.length).toBe(1);
    expect(rows[0].pass).toBe(true);
  });

  it('negative control: with only half the execution CPU-bound the calls are faster and it fails', () => {
    // Half of each call is waiting, not slowed by the others: the mean lies between 1/mu
    // (10 ms) and 1/(mu - lambda) (20 ms), far outside the row's tolerance.
    const rows = mm1PsCase({ lambda: 50, mu: 100, cpuBoundShare: 0.5 }).run({
      quick: true,
      seed: 1,
    });
    expect(rows[0].pass).toBe(false);
    expect(rows[0].relativeError).toBeLessThan(-0.1);
  });
});
