import { describe, expect, it } from 'vitest';
import { kpaSettleCase } from '../../../src/verify/cases/kpaSettle.ts';

describe('Knative settle verify row', () => {
  it('passes: instances settle at ceil(load / (target x utilisation))', () => {
    const rows = kpaSettleCase().run({ quick: true, seed: 1 });
    expect(rows.map((r) => r.pass)).toEqual([true]);
  });

  it('negative control: a model at 100 % utilisation settles at 3, not 4, and fails', () => {
    const rows = kpaSettleCase({ utilisation: 1 }).run({ quick: true, seed: 1 });
    expect(rows[0].pass).toBe(false);
    expect(rows[0].simulated).toBeCloseTo(3, 6);
  });
});
