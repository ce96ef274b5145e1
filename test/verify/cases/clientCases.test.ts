import { describe, expect, it } from 'vitest';
import { clientTimeout } from '../../../src/verify/cases/clientTimeout.ts';
import { hedging } from '../../../src/verify/cases/hedging.ts';
import { retries } from '../../../src/verify/cases/retries.ts';
import { judgeRow } from '../../../src/verify/judge.ts';

describe("the caller's verify rows", () => {
  for (const c of [hedging, retries, clientTimeout]) {
    it(`${c.name}: every row passes`, () => {
      const rows = c.run({ quick: true, seed: 1 });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.pass, `${row.quantity}`).toBe(true);
    });
  }

  it('negative control: the hedged tail is not the unhedged one (P(S > t) beyond d fails)', () => {
    // The row beyond d, judged against what an unhedged caller would see: must fail.
    const [, beyond] = hedging.run({ quick: true, seed: 1 });
    const wrong = judgeRow(
      { case: 'control', quantity: 'P(T > 150 ms)', unit: '', values: [beyond.simulated] },
      { kind: 'equals', expected: Math.exp(-150 / 50) },
    );
    expect(beyond.simulated).toBeLessThan(Math.exp(-150 / 50) / 2);
    expect(wrong.pass).toBe(false);
  });
});
