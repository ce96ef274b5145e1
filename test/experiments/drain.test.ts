import { probit } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { expectConserved, platformModel, prepare } from './experimentHelpers.ts';

/**
 * End-of-run censoring. Latencies that are not small against the run's length: an unlimited
 * platform that keeps its instances, no network, execution lognormal with p50 1 s and p99 60 s
 * (sigma 1.76: a mean of 4.7 s and calls of many minutes), Poisson 10/s, 10-minute runs. A run
 * that stops at its end and leaves out the calls still running loses the longest ones: it gave
 * a p99 of 53.3 s and a mean of 4.17 s. Arrivals stop at the end and the calls in flight drain,
 * so every call that started in the window counts, however long it took.
 */
const P50 = 1000;
const P99 = 60_000;
// The lognormal by its two percentiles, computed here from the normal's quantiles.
const SIGMA = Math.log(P99 / P50) / probit(0.99);
const MU = Math.log(P50);
const quantile = (p: number) => Math.exp(MU + SIGMA * probit(p));
const density = (x: number) =>
  Math.exp(-((Math.log(x) - MU) ** 2) / (2 * SIGMA * SIGMA)) / (x * SIGMA * Math.sqrt(2 * Math.PI));
const MEAN = Math.exp(MU + (SIGMA * SIGMA) / 2);
const SD = MEAN * Math.sqrt(Math.exp(SIGMA * SIGMA) - 1);

const spec = (limits?: Record<string, unknown>) => ({
  name: 'drain',
  seed: 17,
  replications: 20,
  duration: '10min',
  workload: { poisson: { perSecond: 10 } },
  platform: platformModel(),
  function: { execution: { lognormal: { p50: '1s', p99: '60s' } } },
  ...(limits ? { limits } : {}),
});

describe('the drain at the end of a run', () => {
  const point = runExperiment(prepare(spec({ drain: '2h' }))).results.points[0];

  it('counts every call that started in the window: the quantiles and the mean are the true ones', () => {
    expectConserved(point);
    const n = point.endToEnd.count;
    // Poisson 10/s for 20 x 600 s: about 120,000 calls.
    expect(n).toBeGreaterThan(115_000);
    for (const [key, p] of [
      ['p50', 0.5],
      ['p90', 0.9],
      ['p99', 0.99],
    ] as const) {
      const truth = quantile(p);
      // The sample quantile's standard error, sqrt(p (1 - p) / n) / f(x_p); four of them.
      const tolerance = (4 * Math.sqrt((p * (1 - p)) / n)) / density(truth);
      expect(Math.abs(point.endToEnd[key].value! - truth), `${key} against ${truth}`).toBeLessThan(
        tolerance,
      );
    }
    expect(Math.abs(point.endToEnd.mean.value! - MEAN)).toBeLessThan((4 * SD) / Math.sqrt(n));
    expect(point.calls.inFlight).toBe(0);
    // The drain ran after the end, as long as the longest call still running needed.
    expect(point.drain!.max).toBeGreaterThan(0);
    expect(point.drain!.max).toBeLessThan(2 * 3_600_000);
  });

  // Two replications, with a timeline, drained for 10 s or not at all.
  const short = (drain: string | number) =>
    runExperiment(prepare({ ...spec({ drain }), replications: 2, timeline: { window: '1min' } }))
      .results.points[0];
  const cut = short('10s');
  const none = short(0);

  it('reports the calls a drain limit cuts off, and leaves them out of the percentiles', () => {
    expectConserved(cut);
    expectConserved(none);
    // Calls still running 10 s after the end are cut off; more are at the end itself.
    expect(cut.calls.inFlight).toBeGreaterThan(0);
    expect(cut.drain!.max).toBe(10_000);
    expect(none.calls.inFlight).toBeGreaterThan(cut.calls.inFlight);
    expect(none.drain!.max).toBe(0);
    expect(cut.endToEnd.count).toBe(none.endToEnd.count + none.calls.inFlight - cut.calls.inFlight);
  });

  it('keeps the instances and the timeline to the measured window', () => {
    // The drain has no arrivals: what the instances do then is not the window's steady state.
    expect(cut.instances).toEqual(none.instances);
    expect(cut.timeline!.t).toHaveLength(10);
    expect(cut.timeline!.busy).toEqual(none.timeline!.busy);
    expect(cut.timeline!.arrivals).toEqual(none.timeline!.arrivals);
  });
});
