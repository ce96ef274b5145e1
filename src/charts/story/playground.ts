/**
 * Links from the report into the playground (output/playground/index.html).
 * A section's "try next" link opens the playground on that section's scenario
 * (a step of the playground's tour, and settings over it) with the suggested
 * change applied. Sections and suggestions are written in experiment field
 * paths ('workload.poisson.perSecond'); PARAMS below is the one place that
 * says which playground URL parameter each one is. A suggestion the
 * playground cannot express (a burst, a count of warmed instances) gets no
 * link, never one that opens something else; the report names it in words.
 */
import { parseDuration } from '../../spec/duration.ts';
import { readUrl, type URL_KEYS } from '../playgroundState.ts';

type Setting = string | number | boolean;
type Settings = Readonly<Record<string, Setting>>;
type UrlKey = (typeof URL_KEYS)[number];

/** One thing to try next: words for the reader, and the settings that do it. */
export interface TryNext {
  /** What to try, in words: "a keep-alive of 30 minutes". */
  words: string;
  /** The experiment to start from (its name), for a reader who edits a copy of its file. */
  experiment: string;
  /** Field paths of the experiment and the values to give them. */
  settings: Settings;
}

/** A section's scenario in the playground: a tour step (1-based, as in ?tour=) and settings over it. */
export interface PlaygroundScenario {
  tour?: number;
  settings?: Settings;
}

/** Where the playground lives, relative to output/report.html. */
export const PLAYGROUND_PATH = 'playground/index.html';

const MINUTE_MS = 60_000;

/** A duration as an experiment file gives it (ms, or "30min"), in the playground's minutes. */
function minutes(v: Setting): string | null {
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? safeDuration(v) : Number.NaN;
  return Number.isFinite(ms) ? String(ms / MINUTE_MS) : null;
}
function safeDuration(s: string): number {
  try {
    return parseDuration(s);
  } catch {
    return Number.NaN;
  }
}
const text = (v: Setting): string | null => (typeof v === 'string' ? v : null);
const number = (v: Setting): string | null =>
  typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/**
 * Each experiment field path the playground can set: its URL parameter, the
 * value written there, and any parameter it needs besides (a width means
 * nothing unless the graph is a fan-out).
 */
const PARAMS: Readonly<
  Record<
    string,
    {
      param: UrlKey;
      value: (v: Setting) => string | null;
      also?: Partial<Record<UrlKey, string>>;
    }
  >
> = {
  client: { param: 'client', value: text },
  platform: { param: 'platform', value: text },
  'workload.poisson.perSecond': { param: 'rate', value: number },
  'platformOverrides.keepAlive': { param: 'keepAlive', value: minutes },
  duration: { param: 'duration', value: minutes },
  'graph.chain.depth': { param: 'depth', value: number, also: { graph: 'chain' } },
  'graph.fanOut.width': { param: 'width', value: number, also: { graph: 'fanOut' } },
  replications: { param: 'reps', value: number },
  seed: { param: 'seed', value: number },
};

/**
 * The playground's URL query for a suggestion on a section's scenario:
 * `tour=N`, then the scenario's settings and the suggestion's (which win),
 * in the order given. Null when the section has no scenario or a setting has
 * no playground parameter, or the playground's reader would change a value
 * (out of range, not a choice it offers): the link must open what it says.
 */
export function playgroundQuery(
  scenario: PlaygroundScenario | null,
  next: TryNext,
): URLSearchParams | null {
  if (scenario === null) return null;
  const values = new Map<UrlKey, string>();
  for (const [path, v] of Object.entries({ ...scenario.settings, ...next.settings })) {
    const p = PARAMS[path];
    const value = p?.value(v);
    if (!p || value === null || value === undefined) return null;
    for (const [k, w] of Object.entries(p.also ?? {})) values.set(k as UrlKey, w);
    values.set(p.param, value);
  }
  const settings = new URLSearchParams([...values]);
  // The page's own reader, over the defaults: any note means a value it would not take as given.
  if (readUrl(settings, []).notes.length > 0) return null;
  const query = new URLSearchParams();
  if (scenario.tour !== undefined) query.set('tour', String(scenario.tour));
  for (const [k, v] of settings) query.set(k, v);
  return query;
}

/** The playground URL for a suggestion on a section's scenario, or null where it cannot be said. */
export function playgroundLink(
  scenario: PlaygroundScenario | null,
  next: TryNext,
  base: string = PLAYGROUND_PATH,
): string | null {
  const q = playgroundQuery(scenario, next);
  return q === null ? null : `${base}?${q.toString()}`;
}
