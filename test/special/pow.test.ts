import { describe, expect, it } from 'vitest';
import { pow } from '../../src/special/pow.ts';
import { SPECIALS, seeded, ulpDistance } from './ulps.ts';

describe('pow', () => {
  it('stays within 1 ulp of Math.pow on positive bases and moderate exponents', () => {
    const r = seeded(1);
    for (let i = 0; i < 20000; i++) {
      const x = 10 ** ((r() * 2 - 1) * 5);
      const y = (r() * 2 - 1) * 50;
      expect(ulpDistance(pow(x, y), x ** y), `${x} ** ${y}`).toBeLessThanOrEqual(1);
    }
  });

  it('stays within 1 ulp of Math.pow on the uses in the distributions (u ** (1/shape))', () => {
    const r = seeded(2);
    for (let i = 0; i < 20000; i++) {
      const u = r();
      const e = 1 / (0.1 + r() * 10);
      expect(ulpDistance(pow(u, e), u ** e)).toBeLessThanOrEqual(1);
      expect(ulpDistance(pow(u, -e), u ** -e)).toBeLessThanOrEqual(1);
    }
  });

  it('is within 1 ulp of the correctly rounded value (mpmath, 300 bits)', () => {
    const cases: [number, number, number][] = [
      [2.5, 3.7, 29.67413253642086],
      [10, -5, 1e-5],
      [0.3, 0.7, 0.4305116202499342],
      [123.456, 2.5, 169348.16848325965],
      [0.999, 1000, 0.36769542477096373],
      [1.5, -100, 2.4596544265798292e-18],
      [7, 0.5, 2.6457513110645907],
      [1e-5, 0.33, 0.022387211385683392],
      [3, 40, 1.2157665459056929e19],
    ];
    for (const [x, y, expected] of cases)
      expect(ulpDistance(pow(x, y), expected), `${x} ** ${y}`).toBeLessThanOrEqual(1);
  });

  it('is exact for integer powers that are doubles', () => {
    for (let k = -1074; k <= 1023; k++) expect(pow(2, k)).toBe(2 ** k);
    for (let k = 0; k <= 33; k++) expect(pow(3, k)).toBe(Number(3n ** BigInt(k)));
    for (let k = 0; k <= 22; k++) expect(pow(10, k)).toBe(Number(`1e${k}`));
    expect(pow(-3, 3)).toBe(-27);
    expect(pow(7, 0.5)).toBe(Math.sqrt(7));
  });

  it('follows ECMAScript on every pair of special arguments (signs of zero and NaN included)', () => {
    const ys = [...SPECIALS, 2, 3, -3, 0.5, -0.5, 2.5, 1e20, -1e20];
    for (const x of [...SPECIALS, -2, -0.5, 2.5]) {
      for (const y of ys) {
        const a = pow(x, y);
        const b = x ** y;
        if (Number.isNaN(b) || !Number.isFinite(b) || b === 0) {
          expect(Object.is(a, b), `${x} ** ${y}: ${a} vs ${b}`).toBe(true);
        } else {
          expect(ulpDistance(a, b), `${x} ** ${y}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
