/** The closed forms against published values and against each other. */
import { describe, expect, it } from 'vitest';
import {
  atLeastOne,
  coldShare,
  erlangB,
  erlangC,
  maxOfExponentialsQuantile,
  md1MeanWait,
  mm1SojournQuantile,
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
});
