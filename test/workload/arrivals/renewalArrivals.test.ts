import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/index.ts';
import { createStream } from '../../../src/random/streams.ts';
import { RenewalArrivals } from '../../../src/workload/arrivals/renewalArrivals.ts';
import { driveArrivals } from '../../../src/workload/driveArrivals.ts';

/** n gaps of the process after its first arrival, and the first arrival. */
function gaps(perSecond: number, cv: number, n: number, seed = 'g') {
  const p = new RenewalArrivals(perSecond, cv, createStream(seed, 'renewal'));
  const first = p.next(0);
  const out = new Float64Array(n);
  let t = first;
  for (let i = 0; i < n; i++) {
    const next = p.next(t);
    out[i] = next - t;
    t = next;
  }
  return { first, gaps: out };
}

function meanAndCv(xs: Float64Array): { mean: number; cv: number } {
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  let v = 0;
  for (const x of xs) v += (x - mean) ** 2;
  return { mean, cv: Math.sqrt(v / (xs.length - 1)) / mean };
}

describe('RenewalArrivals', () => {
  it('is periodic at cv 0, at a random phase within the first period', () => {
    const { first, gaps: g } = gaps(2, 0, 100);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(500);
    for (const x of g) expect(x).toBeCloseTo(500, 9);
  });

  // Gaps are gamma(1/cv^2): their mean is 1000/rate, their CV the one asked for. With n gaps the
  // sample mean's standard error is mean * cv / sqrt(n); 5 of them is the tolerance.
  for (const cv of [0.5, 1, 3]) {
    it(`draws gaps of mean 1000/rate and CV ${cv}`, () => {
      const n = 200_000;
      const { gaps: g } = gaps(10, cv, n);
      const m = meanAndCv(g);
      expect(Math.abs(m.mean - 100)).toBeLessThan((5 * 100 * cv) / Math.sqrt(n));
      // The CV's standard error grows with the kurtosis of a gamma (6 cv^2): a loose 10 % band
      // at cv 3 and a 2 % band below, each over 5 standard errors at this n.
      expect(Math.abs(m.cv - cv) / cv).toBeLessThan(cv > 1 ? 0.1 : 0.02);
    });
  }

  // In equilibrium the first arrival is the forward recurrence time, of mean E[X^2] / (2 E[X]) =
  // mean (1 + cv^2) / 2: a process started at a gap's beginning would have mean `mean`.
  it('starts in equilibrium: the first arrival has the forward-recurrence mean', () => {
    const runs = 20_000;
    for (const cv of [0.5, 2]) {
      let s = 0;
      let s2 = 0;
      for (let r = 0; r < runs; r++) {
        const f = new RenewalArrivals(1, cv, createStream(`eq${cv}`, String(r))).next(0);
        s += f;
        s2 += f * f;
      }
      const mean = s / runs;
      const sd = Math.sqrt(s2 / runs - mean * mean);
      expect(Math.abs(mean - (1000 * (1 + cv * cv)) / 2)).toBeLessThan((5 * sd) / Math.sqrt(runs));
    }
  });

  it('skips the arrivals before a late start', () => {
    const p = new RenewalArrivals(100, 1, createStream('late', 'x'));
    expect(p.next(5000)).toBeGreaterThanOrEqual(5000);
  });

  it('refuses a rate that is not positive or a negative cv', () => {
    const rng = createStream(1, 'x');
    expect(() => new RenewalArrivals(0, 1, rng)).toThrow(/perSecond/);
    expect(() => new RenewalArrivals(1, -1, rng)).toThrow(/cv/);
  });

  it('draws the same arrivals from its stream state as through the stream (cv 0, 1, gamma)', () => {
    // The claimed state (the hot path) against a wrapper of the same stream, which has no
    // state to claim and so is called: late starts skip arrivals on both paths alike.
    for (const cv of [0, 1, 0.3, 2.7]) {
      const fast = new RenewalArrivals(3, cv, createStream(`same${cv}`, 'r'));
      const plain = createStream(`same${cv}`, 'r');
      const slow = new RenewalArrivals(3, cv, () => plain());
      let now = 0;
      for (let k = 0; k < 3000; k++) {
        // Now and then a caller that starts late (skips arrivals).
        now = k % 500 === 499 ? now + 5000 : now;
        const a = fast.next(now);
        const b = slow.next(now);
        if (!Object.is(a, b)) expect.fail(`cv ${cv}, arrival ${k}: ${a} against ${b}`);
        now = a;
      }
    }
  });

  it('driven, fires at the arrivals the process gives, before the end and once each', () => {
    for (const cv of [0, 1, 2]) {
      const sim = new Simulation();
      const driven = new RenewalArrivals(50, cv, createStream(`drive${cv}`, 'r'));
      const fired: number[] = [];
      driveArrivals(sim, driven, 60_000, () => fired.push(sim.now));
      // A second drive of the same process is refused the fast path (it has started).
      expect(driven.drivable).toBe(false);
      sim.run();
      const reference = new RenewalArrivals(50, cv, createStream(`drive${cv}`, 'r'));
      const expected: number[] = [];
      for (let t = reference.next(0); t < 60_000; t = reference.next(t)) expected.push(t);
      expect(fired.length).toBeGreaterThan(2000);
      expect(fired).toEqual(expected);
    }
  });
});
