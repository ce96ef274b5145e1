import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/metrics/confidence.ts';
import { createStream } from '../../src/random/streams.ts';
import { erlangC } from '../../src/verify/theory.ts';
import { runQueue } from '../support/queueModel.ts';

/**
 * The engine against closed forms (CALIBRATION.md). Each check runs
 * independent replications at fixed seeds and asserts that the theoretical
 * value lies inside the 99.9% Student-t interval of the replication means:
 * a width computed from the run, not chosen to pass.
 */
const LEVEL = 0.999;

function replicate(r: number, run: (seed: string) => number) {
  const values = Array.from({ length: r }, (_, i) => run(`rep-${i}`));
  return meanInterval(values, LEVEL);
}

function expRng(seed: string, name: string, rate: number) {
  const rng = createStream(seed, name);
  return () => -Math.log(1 - rng()) / rate;
}

describe('engine against queueing theory', () => {
  it('M/M/1: mean time in system 1/(mu - lambda) and its quantiles -ln(1-p)/(mu - lambda)', () => {
    const lambda = 0.5;
    const mu = 1;
    const quantiles = [0.5, 0.9, 0.99];
    const perRep: number[][] = quantiles.map(() => []);
    const mean = replicate(20, (seed) => {
      const r = runQueue({
        servers: 1,
        interarrival: expRng(seed, 'a', lambda),
        service: expRng(seed, 's', mu),
        customers: 40_000,
        warmup: 2_000,
        keepSamples: true,
      });
      const sorted = Float64Array.from(r.sojourns!).sort();
      quantiles.forEach((p, i) => {
        perRep[i].push(sorted[Math.ceil(p * sorted.length) - 1]);
      });
      return r.meanSojourn;
    });
    const expectedMean = 1 / (mu - lambda);
    expect(mean.low!).toBeLessThan(expectedMean);
    expect(mean.high!).toBeGreaterThan(expectedMean);
    quantiles.forEach((p, i) => {
      const q = meanInterval(perRep[i], LEVEL);
      const expected = -Math.log(1 - p) / (mu - lambda);
      expect(q.low!, `p${p * 100}`).toBeLessThan(expected);
      expect(q.high!, `p${p * 100}`).toBeGreaterThan(expected);
    });
  });

  it('M/M/c with c = 10, lambda = 9, mu = 1: P(wait) = Erlang C and mean wait 0.6687', () => {
    const c = 10;
    const lambda = 9;
    const mu = 1;
    const C = erlangC(c, lambda / mu);
    const meanWait = C / (c * mu - lambda);
    expect(meanWait).toBeCloseTo(0.6687, 4);
    const probs: number[] = [];
    const waits = replicate(20, (seed) => {
      const r = runQueue({
        servers: c,
        interarrival: expRng(seed, 'a', lambda),
        service: expRng(seed, 's', mu),
        customers: 150_000,
        warmup: 10_000,
      });
      probs.push(r.probWait);
      return r.meanWait;
    });
    expect(waits.low!).toBeLessThan(meanWait);
    expect(waits.high!).toBeGreaterThan(meanWait);
    const p = meanInterval(probs, LEVEL);
    expect(p.low!).toBeLessThan(C);
    expect(p.high!).toBeGreaterThan(C);
  });

  it('M/D/1: mean wait rho D / (2 (1 - rho)) (Pollaczek-Khinchine)', () => {
    const lambda = 0.7;
    const D = 1;
    const rho = lambda * D;
    const expected = (rho * D) / (2 * (1 - rho));
    const waits = replicate(20, (seed) => {
      return runQueue({
        servers: 1,
        interarrival: expRng(seed, 'a', lambda),
        service: () => D,
        customers: 50_000,
        warmup: 2_000,
      }).meanWait;
    });
    expect(waits.low!).toBeLessThan(expected);
    expect(waits.high!).toBeGreaterThan(expected);
    // The interval is tight enough to tell M/D/1 from M/M/1 (whose mean wait is twice as long).
    expect(waits.high!).toBeLessThan(2 * expected);
  });
});
