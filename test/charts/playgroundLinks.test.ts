/**
 * The report's "try next" links, read by the playground's own URL reader with
 * its own tour: each opens the section's scenario with the suggested change
 * applied and no note, or there is no link at all.
 */
import { describe, expect, it } from 'vitest';
import type { PlaygroundState } from '../../src/charts/playgroundState.ts';
import { buildReport, reportSection } from '../../src/charts/report.ts';
import { STORY } from '../../src/charts/story/order.ts';
import {
  lessonLink,
  PLAYGROUND_PATH,
  playgroundLink,
  playgroundQuery,
} from '../../src/charts/story/playground.ts';
import { readUrl } from '../../src/playground/state.ts';
import { TOUR, TOUR_SETTINGS } from '../../src/playground/tour.ts';
import { keepAliveSweep } from './fixtures.ts';

/**
 * What each suggestion must open, written by hand from the words (so that a
 * wrong unit or field in the mapping fails): the tour step (1-based) and the
 * controls the page must show; null where the playground cannot say it.
 */
const EXPECTED: Record<string, { tour: number; state: Partial<PlaygroundState> } | null> = {
  'Percentiles, not means / a function called once a minute': {
    tour: 1,
    state: { rate: 0.0167, duration: 1440 },
  },
  'The invocation path: where the time goes / a typical user in Europe': {
    tour: 2,
    state: { client: 'intercontinental' },
  },
  'The invocation path: where the time goes / a user on a 4G phone': {
    tour: 2,
    state: { client: 'mobile-4g' },
  },
  "Geography and the client's network / the same users on Cloudflare Workers": {
    tour: 3,
    state: { platform: 'cloudflare-workers', client: 'mobile-4g' },
  },
  'Warm and cold / a keep-alive of 30 minutes': { tour: 4, state: { keepAlive: 30 } },
  'How long an idle instance is kept / a function called once a minute': {
    tour: 4,
    state: { rate: 0.0167, keepAlive: 10 },
  },
  'Scaling from 0 to 1, and from n to n + m / a burst of 1,000 calls per second': null,
  'Warmers and what they cost / two instances kept warm': null,
  'Latency budgets by use case / a user on a 4G phone': { tour: 7, state: { client: 'mobile-4g' } },
  'Chains: the overhead of every link / a rarely called chain': {
    tour: 8,
    state: { rate: 0.002, duration: 2880, depth: 10 },
  },
  'Chains: cold starts compound / a keep-alive of 30 minutes': {
    tour: 8,
    state: { rate: 0.005, duration: 2880, keepAlive: 30, depth: 10 },
  },
  'Fan-out: the tail at scale / a fan-out of 200 calls': {
    tour: 9,
    state: { graph: 'fanOut', width: 200 },
  },
  // The playground has no caller's policy: these are named in words, with no link.
  "The client's side of the tail: hedged requests / cancelling the copy that lost": null,
  'The tail at scale, hedged: a copy of each call in a fan-out / cancelling the copies that lost':
    null,
  "The client's side of the tail: retries on a throttled burst / a base backoff of 1 s": null,
  'What a latency-optimised platform changes / a user on a 4G phone': {
    tour: 10,
    state: { client: 'mobile-4g', compare: 'article-2019-latency-optimised' },
  },
};

// Today's platforms have no playground step yet: their suggestions give no link.
EXPECTED['Today: an adaptive keep-alive / a timer every hour'] = null;
EXPECTED['Today: snapshot restore on a Java chain / a chain called once a minute'] = null;
EXPECTED[
  'Today: many calls per instance on Cloud Run / a call that mostly waits on I/O (a tenth computing)'
] = null;
EXPECTED['Today: many calls per instance on Cloud Run / two vCPUs per instance'] = null;
EXPECTED['Today: a burst on Lambda, Knative, Cloud Run and Azure Flex / a burst twice as high'] =
  null;
EXPECTED[
  'Today: a burst on Lambda, Knative, Cloud Run and Azure Flex / calls that compute half their time'
] = null;
EXPECTED[
  'Today: a published result, keep-alive across a whole region / 1,000 applications over 14 hours, as experiments/region/keep-alive-region.json runs'
] = null;
EXPECTED[
  'Today: a published result, keep-alive across a whole region / another region drawn alike'
] = null;

const suggestions = STORY.flatMap((s) =>
  s.tryNext.map((t) => ({ entry: s, next: t, key: `${s.heading} / ${t.words}` })),
);

describe('try-next links into the playground', () => {
  it('covers every suggestion of the story, and nothing else', () => {
    expect(suggestions.map((s) => s.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const { entry, next, key } of suggestions) {
    it(`${key}: opens as promised, with no note`, () => {
      const want = EXPECTED[key];
      const link = playgroundLink(entry.playground, next);
      if (want === null || want === undefined) {
        expect(link).toBeNull();
        return;
      }
      expect(link).not.toBeNull();
      expect(link!.startsWith(`${PLAYGROUND_PATH}?`)).toBe(true);
      const { state, notes } = readUrl(link!.slice(link!.indexOf('?')), TOUR_SETTINGS);
      expect(notes).toEqual([]);
      expect(state.tour).toBe(want.tour - 1);
      expect(state).toMatchObject(want.state);
      // The suggestion changes something: the step alone does not show it.
      const step = readUrl(`?tour=${want.tour}`, TOUR_SETTINGS).state;
      const changed = Object.keys(want.state).filter(
        (k) => step[k as keyof PlaygroundState] !== state[k as keyof PlaygroundState],
      );
      expect(changed.length).toBeGreaterThan(0);
    });
  }

  it('links a section to the tour step that tells its lesson, where titles agree', () => {
    for (const s of STORY) {
      const step = TOUR.findIndex((t) => t.title === s.heading);
      if (step >= 0 && s.playground?.tour !== undefined) expect(s.playground.tour).toBe(step + 1);
      if (s.playground?.tour !== undefined)
        expect(s.playground.tour).toBeLessThanOrEqual(TOUR.length);
    }
  });

  it('gives no link for a setting the playground has no control for, or a value it would change', () => {
    const scenario = { tour: 9 };
    const t = (settings: Record<string, string | number>) => ({
      words: 'x',
      experiment: 'fan-out',
      settings,
    });
    expect(playgroundQuery(scenario, t({ 'warmers.instances': 2 }))).toBeNull();
    expect(playgroundQuery(scenario, t({ 'workload.burst.peak': 1000 }))).toBeNull();
    // Out of the control's range (the page would clamp it to 200), not a client it offers.
    expect(playgroundQuery(scenario, t({ 'graph.fanOut.width': 500 }))).toBeNull();
    expect(playgroundQuery(scenario, t({ client: 'mars' }))).toBeNull();
    expect(playgroundQuery(scenario, t({ 'platformOverrides.keepAlive': 'soon' }))).toBeNull();
    expect(playgroundQuery(null, t({ client: 'mobile-4g' }))).toBeNull();
    // Durations in either form an experiment file takes, in the page's minutes.
    expect(
      playgroundQuery(scenario, t({ 'platformOverrides.keepAlive': 1_800_000 }))?.toString(),
    ).toBe('tour=9&keepAlive=30');
  });

  it('opens the playground from every section of the article’s story (issue 18: every section links)', () => {
    const without = STORY.filter(
      (e) =>
        e.tryNext.every((t) => playgroundLink(e.playground, t) === null) &&
        lessonLink(e.playground) === null,
    ).map((e) => e.heading);
    // Only sections on what the page does not model (a caller's retries and hedges, today's
    // keep-alive and snapshot restore) have no scenario there, each saying so with
    // playground: null; every section of the founding article's story links.
    expect(without).toEqual(STORY.filter((e) => e.playground === null).map((e) => e.heading));
    expect(without.length).toBeLessThan(STORY.length / 2);
  });

  it('renders links only where there is one, and words for the rest', () => {
    const r = keepAliveSweep();
    const html = (name: string, playground: boolean) => {
      const results = { ...r, experiment: { ...r.experiment, name } };
      return buildReport({
        title: 't',
        generatedBy: 'g',
        sections: [reportSection(results, [])],
        playground,
      });
    };
    const linked = html('warm-vs-cold', true);
    expect(linked).toContain('<a href="playground/index.html?tour=4&amp;keepAlive=30">');
    expect(linked).not.toContain('experiment=');
    const words = html('warmers', true);
    expect(words).toContain('Try next (in a copy of the experiment file');
    // The suggestion is words only; the section still opens its own lesson, and nothing else.
    const hrefs = [...words.matchAll(/<a href="(playground[^"]*)"/g)].map((m) => m[1]);
    const warmers = STORY.find((e) => e.experiment === 'warmers');
    expect(hrefs).toEqual([`playground/index.html?tour=${warmers?.playground?.tour}`]);
    expect(words).toContain('this lesson in the playground</a>');
    expect(html('warm-vs-cold', false)).not.toContain('<a href="playground');
    // A section the playground has no scenario for never sends the reader there.
    const none = STORY.find((e) => e.playground === null);
    if (none) {
      for (const withPage of [true, false]) {
        const text = html(none.experiment, withPage);
        expect(text).toContain('Try next (in a copy of the experiment file):');
        expect(text).not.toContain('in the playground, or');
      }
    }
  });
});
