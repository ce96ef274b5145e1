import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { experimentOf, limitsOf } from '../../src/playground/experiment.ts';
import { type PlaygroundState, readUrl } from '../../src/playground/state.ts';
import { TOUR, TOUR_SETTINGS } from '../../src/playground/tour.ts';

const models = presetRegistry();

interface Said {
  state: PlaygroundState;
  say: string;
  /** Four standard errors of a rate counted from the run's Poisson arrivals, relative. */
  tolerance: number;
}

/** Opens a link as the page does, runs what it shows, and returns its tour step's sentence. */
function sayOf(link: string): Said {
  const { state, notes } = readUrl(link, TOUR_SETTINGS, limitsOf(models));
  expect(notes, link).toEqual([]);
  if (state.tour === null) throw new Error(`${link} opens no tour step`);
  const { results } = runExperiment(prepareExperiment(experimentOf(state), { models }));
  const say = TOUR[state.tour].say(results);
  if (say === null) throw new Error(`${link}: the step says nothing`);
  return { state, say, tolerance: 4 / Math.sqrt(results.points[0].calls.arrivals) };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };

/** The time between requests the sentence gives, in ms. */
function gapOf(say: string): number {
  const m = /a request came every ([\d.]+) (ms|s|min|h) on average/.exec(say);
  if (!m) throw new Error(`no time between requests in: ${say}`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

describe("the tour's sentences follow the settings a link opens with", () => {
  // The report's "try next" links open the warm-versus-cold step with another keep-alive
  // or rate than the step's own (2 minutes, one request every 100 s).
  it('opens the warm-versus-cold step with a 30-minute keep-alive, and claims no 2 minutes', () => {
    const { state, say, tolerance } = sayOf('?tour=4&keepAlive=30');
    expect(TOUR[state.tour ?? -1].title).toBe('Warm versus cold');
    expect(state.keepAlive).toBe(30);
    expect(say).not.toMatch(/\b2[- ]min|2 minutes/);
    // The time between requests is the run's own: the rate the link kept, one every 100 s.
    expect(Math.abs(gapOf(say) * (state.rate / 1000) - 1)).toBeLessThan(tolerance);
  });

  it('gives the rate a link sets, not the step’s own', () => {
    const { state, say, tolerance } = sayOf('?tour=4&keepAlive=10&rate=0.0167');
    expect(state.rate).toBe(0.0167);
    expect(say).not.toMatch(/\b2[- ]min|2 minutes|100 s/);
    // One request a minute: about 60 s, counted in the run.
    expect(Math.abs(gapOf(say) * (state.rate / 1000) - 1)).toBeLessThan(tolerance);
  });

  it('names no warmer period or arrival rate the link changed', () => {
    const warm = sayOf('?tour=6&warmers=15').say;
    expect(warm).not.toMatch(/5 minutes/);
    const busy = sayOf('?tour=5&rate=5');
    const rate = /^In this run, at ([\d.]+) requests\/s,/.exec(busy.say);
    expect(rate, busy.say).not.toBeNull();
    expect(Math.abs(Number(rate?.[1]) / busy.state.rate - 1)).toBeLessThan(busy.tolerance);
  });
});
