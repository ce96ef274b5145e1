import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import {
  BROWSER_WORK_LIMIT,
  checkWork,
  durationText,
  experimentOf,
  limitsOf,
  xValues,
} from '../../src/playground/experiment.ts';
import {
  CLIENTS,
  DEFAULT_STATE,
  MAX_TAIL_RATIO,
  NUMBER_CONTROLS,
  PLATFORMS,
  type PlaygroundState,
  readUrl,
  URL_KEYS,
  writeUrl,
} from '../../src/playground/state.ts';
import { TOUR, TOUR_SETTINGS, tourState } from '../../src/playground/tour.ts';

const models = presetRegistry();
const limits = limitsOf(models);
const read = (q: string) => readUrl(q, TOUR_SETTINGS, limits);

describe('reading settings from a URL', () => {
  it('opens the defaults, with no note, from an empty query', () => {
    expect(read('')).toEqual({ state: DEFAULT_STATE, notes: [] });
  });

  it('clamps out-of-range values, names unknown and malformed ones, and says what it used', () => {
    const { state, notes } = read(
      '?depth=50&foo=1&client=us-typcal&rate=abc&p50=-3&reps=2.6&tour=99&graph=star',
    );
    expect(state.depth).toBe(20);
    expect(state.client).toBe('us-typical');
    expect(state.rate).toBe(DEFAULT_STATE.rate);
    expect(state.p50).toBe(0.1);
    expect(state.replications).toBe(3);
    expect(state.tour).toBeNull();
    expect(state.graph).toBe('chain');
    expect(notes).toEqual([
      `tour=99 is not a step from 1 to ${TOUR.length}: the tour is closed`,
      'depth=50 is above 20 functions: using 20',
      'unknown parameter foo was ignored',
      expect.stringContaining('client=us-typcal is not one of'),
      'rate=abc is not a number (in requests/s): using 10',
      'p50=-3 is below 0.1 ms: using 0.1',
      'reps=2.6 is not a whole number: using 3',
      expect.stringContaining('graph=star is not one of chain, fanOut'),
    ]);
    expect(notes[3]).toContain('did you mean us-typical?');
  });

  it('puts right settings that do not fit together', () => {
    const { state, notes } = read(
      '?p50=50&p99=10&graph=fanOut&width=5&waitFor=9&compare=aws-lambda-2019',
    );
    expect(state.p99).toBeGreaterThan(state.p50);
    expect(state.waitFor).toBe(0);
    expect(state.compare).toBe('');
    expect(notes).toHaveLength(3);
  });

  it("keeps provisioned instances within the platforms' concurrency limits", () => {
    const { state, notes } = read('?platform=self-managed-fleet&provisioned=50');
    expect(state.provisioned).toBe(10);
    expect(notes).toEqual([
      'self-managed-fleet allows at most 10 provisioned instances (its concurrency limit): using 10',
    ]);
    expect(() => prepareExperiment(experimentOf(state), { models })).not.toThrow();
  });

  it('reads durations with units in the unit of the parameter', () => {
    const { state, notes } = read('?keepAlive=90s&duration=2h&p50=0.5s&p99=2s&warmers=30s');
    expect(notes).toEqual([]);
    expect(state.keepAlive).toBe(1.5);
    expect(state.duration).toBe(120);
    expect(state.p50).toBe(500);
    expect(state.warmers).toBe(true);
    expect(state.warmerPeriod).toBe(0.5);
  });

  it('starts a tour link from the step, and lets other parameters change it', () => {
    const step = TOUR.findIndex((s) => s.settings.rate !== undefined);
    const { state } = read(`?tour=${step + 1}&seed=7`);
    expect(state).toEqual({ ...tourState(step), seed: 7 });
  });
});

const stateArb: fc.Arbitrary<PlaygroundState> = fc
  .record({
    client: fc.constantFrom(...CLIENTS),
    platform: fc.constantFrom(...PLATFORMS),
    compare: fc.constantFrom('', ...PLATFORMS),
    graph: fc.constantFrom('chain' as const, 'fanOut' as const),
    keepAlive: fc.option(fc.integer({ min: 0, max: 2880 }).map((n) => n / 2)),
    warmers: fc.boolean(),
    tour: fc.option(fc.integer({ min: 0, max: TOUR.length - 1 })),
    numbers: fc.record(
      Object.fromEntries(
        NUMBER_CONTROLS.filter((c) => c.key !== 'keepAlive').map((c) => [
          c.key,
          c.integer
            ? fc.integer({ min: c.min, max: Math.min(c.max, 1e6) })
            : fc.integer({ min: Math.ceil(c.min * 10), max: c.max * 10 }).map((n) => n / 10),
        ]),
      ),
    ),
  })
  .map(({ numbers, ...rest }) => {
    const s = { ...DEFAULT_STATE, ...rest, ...numbers } as PlaygroundState;
    // Only settings that fit together: the reader would put the others right, with a note.
    if (s.p99 <= s.p50 || s.p99 > MAX_TAIL_RATIO * s.p50) s.p99 = s.p50 * 4;
    if (s.waitFor > s.width) s.waitFor = 0;
    if (s.compare === s.platform) s.compare = '';
    if (!s.warmers) s.warmerPeriod = DEFAULT_STATE.warmerPeriod;
    for (const p of [s.platform, s.compare]) {
      if (p) s.provisioned = Math.min(s.provisioned, limits.maxProvisioned(p));
    }
    return s;
  });

describe('the URL of a state', () => {
  it('reads back as the same state, with no note', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const { state, notes } = read(writeUrl(s, TOUR_SETTINGS));
        expect(notes).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('is empty for the defaults and names only what differs', () => {
    expect(writeUrl(DEFAULT_STATE, TOUR_SETTINGS)).toBe('');
    expect(writeUrl({ ...DEFAULT_STATE, depth: 3, warmers: true }, TOUR_SETTINGS)).toBe(
      '?depth=3&warmers=5',
    );
    expect(writeUrl(tourState(2), TOUR_SETTINGS)).toBe('?tour=3');
  });
});

describe('the experiment of a state', () => {
  it('is one that coldtail accepts, for any settings in range', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const prepared = prepareExperiment(experimentOf(s), { models });
        const x = xValues(s);
        expect(prepared.points.length).toBe(x.length * (s.compare ? 2 : 1));
        expect(prepared.spec.seed).toBe(s.seed);
      }),
      { numRuns: 150, seed: 18 },
    );
  });

  it('sweeps fan-out widths from the answers waited for up to the width', () => {
    const s = { ...DEFAULT_STATE, graph: 'fanOut' as const, width: 70, waitFor: 3 };
    expect(xValues(s)).toEqual([5, 10, 20, 50, 70]);
    expect(xValues({ ...s, waitFor: 0 })).toEqual([1, 2, 5, 10, 20, 50, 70]);
    expect(xValues({ ...DEFAULT_STATE, depth: 4 })).toEqual([1, 2, 3, 4]);
  });

  it('writes durations exactly', () => {
    expect(durationText(360_000)).toBe('6min');
    expect(durationText(90_000)).toBe('90s');
    expect(durationText(30_500)).toBe('30500ms');
  });

  it('refuses work beyond a browser, saying what to lower', () => {
    const big = prepareExperiment(experimentOf({ ...DEFAULT_STATE, rate: 1000, duration: 60 }), {
      models,
    });
    const check = checkWork(big);
    expect(check.calls).toBeGreaterThan(BROWSER_WORK_LIMIT);
    expect(check.refusal).toMatch(/Lower the arrival rate/);
    expect(
      checkWork(prepareExperiment(experimentOf(DEFAULT_STATE), { models })).refusal,
    ).toBeNull();
  });

  it('runs every tour step within what a browser runs', () => {
    TOUR.forEach((_, i) => {
      const prepared = prepareExperiment(experimentOf(tourState(i)), { models });
      expect(checkWork(prepared).refusal, TOUR[i].title).toBeNull();
    });
  });
});

describe("the playground's reference (docs/playground.md)", () => {
  const section = readFileSync('docs/playground.md', 'utf8');

  it('lists every tour step with the settings it sets', () => {
    const rows = [...section.matchAll(/^\| (\d+) \| (.+?) \| .+? \| (.+?) \|$/gm)];
    expect(rows.map((r) => r[2])).toEqual(TOUR.map((s) => s.title));
    rows.forEach((r, i) => {
      const url = writeUrl({ ...tourState(i), tour: null }, TOUR_SETTINGS);
      expect(r[3], TOUR[i].title).toBe(url === '' ? 'the defaults' : `\`${url.slice(1)}\``);
    });
  });

  it('documents every URL parameter, and the URL reader knows each', () => {
    const names = [...section.matchAll(/^\| `(\w+)`(?:, `(\w+)`)? \|/gm)].flatMap((m) =>
      m[2] ? [m[1], m[2]] : [m[1]],
    );
    expect([...names].sort()).toEqual([...URL_KEYS].sort());
    for (const name of URL_KEYS) {
      const { notes } = read(`?${name}=1`);
      expect(notes.join(' '), name).not.toContain('unknown parameter');
    }
  });
});
