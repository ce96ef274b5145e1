/** The closed forms against published values and against each other. */
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/random/streams.ts';
import {
  atLeastOne,
  burstFromZero,
  coldShare,
  erlangB,
  erlangC,
  maxOfExponentialsQuantile,
  md1MeanWait,
  mg1LognormalWaitQuantile,
  mm1PatienceAbandon,
  mm1SetupMeanTime,
  mm1SojournQuantile,
  normalCdf,
  pkMeanWait,
} from '../../src/verify/theory.ts';

describe('closed forms', () => {
  it('Erlang C for c = 10, a = 9: probability of waiting and mean wait 0.6687', () => {
    expect(erlangC(10, 9)).toBeCloseTo(0.6687, 4);
    // C(c, a) = c B / (c - a (1 - B)), the textbook link between the two.
    const b = erlangB(10, 9);
    expect(erlangC(10, 9)).toBeCloseTo((10 * b) / (10 - 9 * (1 - b)), 12);
  });

  it('Erlang B: one server is a / (1 + a); c = 5, a = 4 is 0.1991', () => {
    expect(erlangB(1, 3)).toBeCloseTo(3 / 4, 12);
    expect(erlangB(5, 4)).toBeCloseTo(0.1991, 4);
  });

  it('M/M/1 quantiles: the median is ln 2 / (mu - lambda)', () => {
    expect(mm1SojournQuantile(0.5, 0.5, 1)).toBeCloseTo(2 * Math.LN2, 12);
  });

  it('M/D/1 waits half as long as M/M/1 at the same load', () => {
    const rho = 0.7;
    const mm1Wait = rho / (1 - rho); // mean service 1
    expect(md1MeanWait(rho, 1)).toBeCloseTo(mm1Wait / 2, 12);
  });

  it('fan-out of one leaf is the leaf; tail at scale: 63.4% for 1% of 100 leaves', () => {
    expect(maxOfExponentialsQuantile(0.99, 1, 10)).toBeCloseTo(-10 * Math.log(0.01), 12);
    expect(atLeastOne(0.01, 100)).toBeCloseTo(0.634, 3);
    expect(atLeastOne(0.1, 1)).toBeCloseTo(0.1, 12);
  });

  it('keep-alive: lambda K = 1 leaves e^-1 of the calls cold', () => {
    expect(coldShare(0.01, 100)).toBeCloseTo(Math.exp(-1), 12);
  });

  it('the normal CDF to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-2.326347874040841)).toBeCloseTo(0.01, 7);
  });

  // Lindley's recursion, W' = max(0, W + S - A), on its own random numbers: an independent
  // check of the numerical M/G/1 wait and of the patience formula.
  const lindley = (o: {
    n: number;
    lambda: number;
    service: (u: () => number) => number;
    patience?: number;
  }) => {
    const rng = createStream(5, 'lindley');
    const waits = new Float64Array(o.n);
    let w = 0;
    let gaveUp = 0;
    for (let i = 0; i < o.n; i++) {
      waits[i] = w;
      // A call whose wait would pass its patience leaves at once, adding no work.
      const served = o.patience === undefined || w <= o.patience;
      if (!served) gaveUp++;
      const s = served ? o.service(rng) : 0;
      w = Math.max(0, w + s + Math.log(1 - rng()) / o.lambda);
    }
    waits.sort();
    return { p99: waits[Math.floor(0.99 * o.n)], gaveUp: gaveUp / o.n };
  };

  it('M/G/1 with lognormal service: the numerical wait p99 matches a long Lindley run', () => {
    const sigma = 0.8;
    const mu = Math.log(10) - (sigma * sigma) / 2;
    const lambda = 0.05;
    const normal = (u: () => number) =>
      Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    const { p99 } = lindley({
      n: 1_000_000,
      lambda,
      service: (u) => Math.exp(mu + sigma * normal(u)),
    });
    const exact = mg1LognormalWaitQuantile(0.99, lambda, mu, sigma, 0.05);
    // 1e6 correlated waits at rho 0.5: the sample p99 within some 3%.
    expect(Math.abs(p99 - exact) / exact).toBeLessThan(0.03);
    // Below the share that does not wait, the quantile is 0.
    expect(mg1LognormalWaitQuantile(0.4, lambda, mu, sigma, 0.05)).toBe(0);
    // P-K with exponential service: rho / (mu - lambda).
    expect(pkMeanWait(0.5, 1, 2)).toBeCloseTo(1, 12);
  });

  it('M/M/1 with patience: Erlang B at zero patience, none leave with infinite, a Lindley run between', () => {
    expect(mm1PatienceAbandon(0.08, 0.1, 0)).toBeCloseTo(0.8 / 1.8, 12);
    expect(mm1PatienceAbandon(0.08, 0.1, 1e6)).toBeCloseTo(0, 12);
    const { gaveUp } = lindley({
      n: 1_000_000,
      lambda: 0.08,
      service: (u) => -Math.log(1 - u()) / 0.1,
      patience: 20,
    });
    expect(Math.abs(gaveUp - mm1PatienceAbandon(0.08, 0.1, 20))).toBeLessThan(0.005);
  });

  it('M/M/1 with exponential setup adds exactly the mean setup time', () => {
    expect(mm1SetupMeanTime(0.05, 0.1, 20, 2 * 400)).toBeCloseTo(20 + 20, 12);
  });

  it("a deterministic burst from zero starts ceil((S + E) / (c g)) instances (the verify case's closed form)", () => {
    for (const c of [1, 4]) {
      const counted = burstFromZero({
        calls: 200,
        gap: 10,
        start: 253,
        execution: 97,
        concurrency: c,
        binding: 'early',
      });
      expect(counted.starts).toBe(Math.ceil((253 + 97) / (c * 10)));
    }
  });
});
