import { describe, expect, it } from 'vitest';
import { hybridKeepAliveCase } from '../../../src/verify/cases/hybridKeepAlive.ts';

describe('hybrid keep-alive verify rows', () => {
  it('pass: no cold starts once filled, idle only from the pre-warm load to the call', () => {
    const rows = hybridKeepAliveCase().run({ quick: true, seed: 1 });
    expect(rows.map((r) => r.pass)).toEqual([true, true, true]);
    // The point of the policy: far less idle memory than the fixed keep-alive.
    expect(rows[1].simulated).toBeLessThan(rows[2].simulated / 5);
  });

  it('negative control: a margin the row does not expect moves the pre-warm load and fails', () => {
    const rows = hybridKeepAliveCase({ margin: 0.2 }).run({ quick: true, seed: 1 });
    expect(rows[0].pass).toBe(true);
    expect(rows[1].pass).toBe(false);
  });
});
