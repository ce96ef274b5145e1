/**
 * The playground's settings: every control with its unit and range, their
 * defaults, and the URL that holds them. They live here, below the playground
 * (which re-exports them from playground/state.ts), because the report's
 * "try next" links (story/playground.ts) are written in the same names and
 * checked with the same reader. A URL is read leniently (a link in
 * a report or a chat must open a page, never a blank one): what is unknown,
 * malformed or out of range is replaced by a default or the nearest allowed
 * value, and each change is told in a note the page shows.
 */
import { didYouMean } from '../spec/didYouMean.ts';
import { parseDuration } from '../spec/duration.ts';

export const CLIENTS = [
  'same-region',
  'us-metro',
  'us-typical',
  'us-rural',
  'mobile-5g',
  'mobile-4g',
  'intercontinental',
] as const;

export const PLATFORMS = [
  'aws-lambda-2019',
  'aws-lambda-2019-http-api',
  'google-cloud-functions',
  'azure-functions',
  'cloudflare-workers',
  'self-managed-fleet',
  'article-2019-managed',
  'article-2019-latency-optimised',
] as const;

export type GraphShape = 'chain' | 'fanOut';

export interface PlaygroundState {
  client: string;
  platform: string;
  /** A second platform run side by side under common random numbers; '' for none. */
  compare: string;
  /** The function's execution time, median and p99, ms. */
  p50: number;
  p99: number;
  graph: GraphShape;
  /** Chains are run at every depth from 1 to this. */
  depth: number;
  /** Fan-outs are run at widths from 1 (or waitFor) up to this. */
  width: number;
  /** Answers a fan-out waits for; 0 waits for all. */
  waitFor: number;
  /** Root calls per second (Poisson). */
  rate: number;
  /** Minutes an idle instance is kept; null keeps the platform's own. */
  keepAlive: number | null;
  warmers: boolean;
  /** Minutes between warmer pings. */
  warmerPeriod: number;
  provisioned: number;
  /** Simulated minutes per replication, the first sixth of them not measured. */
  duration: number;
  replications: number;
  seed: number;
  /** The tour step shown (0-based), or null outside the tour. */
  tour: number | null;
}

/** How a numeric setting is read, shown and checked. */
export interface NumberControl {
  key: keyof PlaygroundState & string;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  integer: boolean;
  /** The unit a duration string in the URL ("10min") is converted to, in ms. */
  durationUnitMs?: number;
}

const MINUTE = 60_000;

export const NUMBER_CONTROLS: readonly NumberControl[] = [
  {
    key: 'p50',
    label: 'Execution time, median',
    unit: 'ms',
    min: 0.1,
    max: 60_000,
    step: 0.1,
    integer: false,
    durationUnitMs: 1,
  },
  {
    key: 'p99',
    label: 'Execution time, p99',
    unit: 'ms',
    min: 0.2,
    max: 300_000,
    step: 0.1,
    integer: false,
    durationUnitMs: 1,
  },
  {
    key: 'depth',
    label: 'Chain depth (run at 1 to this)',
    unit: 'functions',
    min: 1,
    max: 20,
    step: 1,
    integer: true,
  },
  {
    key: 'width',
    label: 'Fan-out width (run up to this)',
    unit: 'parallel calls',
    min: 1,
    max: 200,
    step: 1,
    integer: true,
  },
  {
    key: 'waitFor',
    label: 'Answers to wait for (0 = all)',
    unit: 'answers',
    min: 0,
    max: 200,
    step: 1,
    integer: true,
  },
  {
    key: 'rate',
    label: 'Arrival rate',
    unit: 'requests/s',
    min: 0.0001,
    max: 1000,
    step: 0.0001,
    integer: false,
  },
  {
    key: 'keepAlive',
    label: "Keep-alive (empty = the platform's own)",
    unit: 'min',
    min: 0,
    max: 1440,
    step: 0.5,
    integer: false,
    durationUnitMs: MINUTE,
  },
  {
    key: 'warmerPeriod',
    label: 'Warmer period',
    unit: 'min',
    min: 0.5,
    max: 120,
    step: 0.5,
    integer: false,
    durationUnitMs: MINUTE,
  },
  {
    key: 'provisioned',
    label: 'Provisioned instances',
    unit: 'instances',
    min: 0,
    max: 1000,
    step: 1,
    integer: true,
  },
  {
    key: 'duration',
    label: 'Simulated time per replication',
    unit: 'min',
    min: 1,
    max: 20_160,
    step: 1,
    integer: false,
    durationUnitMs: MINUTE,
  },
  {
    key: 'replications',
    label: 'Replications',
    unit: 'runs',
    min: 1,
    max: 20,
    step: 1,
    integer: true,
  },
  {
    key: 'seed',
    label: 'Seed',
    unit: 'whole number',
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    step: 1,
    integer: true,
  },
];

export const DEFAULT_STATE: Readonly<PlaygroundState> = {
  client: 'us-typical',
  platform: 'aws-lambda-2019',
  compare: '',
  p50: 5,
  p99: 20,
  graph: 'chain',
  depth: 6,
  width: 20,
  waitFor: 0,
  rate: 10,
  keepAlive: null,
  warmers: false,
  warmerPeriod: 5,
  provisioned: 0,
  duration: 6,
  replications: 5,
  seed: 2019,
  tour: null,
};

/** The URL parameters, in the order they are written. */
export const URL_KEYS = [
  'tour',
  'client',
  'platform',
  'compare',
  'p50',
  'p99',
  'graph',
  'depth',
  'width',
  'waitFor',
  'rate',
  'keepAlive',
  'warmers',
  'provisioned',
  'duration',
  'reps',
  'seed',
] as const;

export interface ReadState {
  state: PlaygroundState;
  /** What was changed from the URL as given, in words; empty when it was all good. */
  notes: string[];
}

function clampNumber(
  c: NumberControl,
  raw: string,
  name: string,
  notes: string[],
  fallback: number,
): number {
  let v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v)) {
    v = Number.NaN;
    if (c.durationUnitMs !== undefined) {
      try {
        v = parseDuration(raw) / c.durationUnitMs;
      } catch {
        v = Number.NaN;
      }
    }
    if (!Number.isFinite(v)) {
      notes.push(`${name}=${raw} is not a number (in ${c.unit}): using ${fallback}`);
      return fallback;
    }
  }
  if (c.integer && !Number.isInteger(v)) {
    const r = Math.round(v);
    notes.push(`${name}=${raw} is not a whole number: using ${r}`);
    v = r;
  }
  if (v < c.min) {
    notes.push(`${name}=${raw} is below ${c.min} ${c.unit}: using ${c.min}`);
    return c.min;
  }
  if (v > c.max) {
    notes.push(`${name}=${raw} is above ${c.max} ${c.unit}: using ${c.max}`);
    return c.max;
  }
  return v;
}

function pick(
  raw: string,
  name: string,
  allowed: readonly string[],
  fallback: string,
  notes: string[],
): string {
  if (allowed.includes(raw)) return raw;
  const near = didYouMean(raw, allowed);
  notes.push(
    `${name}=${raw} is not one of ${allowed.join(', ')}${near ? ` (did you mean ${near}?)` : ''}: using ${fallback || 'none'}`,
  );
  return fallback;
}

const control = (key: string) => NUMBER_CONTROLS.find((c) => c.key === key)!;

/** The settings of each tour step, over the defaults (tour.ts holds the steps). */
export type TourSettings = readonly Partial<PlaygroundState>[];

/** What a URL's settings are changes to: the tour step's settings, or the defaults. */
export function baseState(tour: number | null, tours: TourSettings): PlaygroundState {
  return tour === null ? { ...DEFAULT_STATE } : { ...DEFAULT_STATE, ...tours[tour], tour };
}

/**
 * Reads the settings from a URL's query (a URLSearchParams or "?a=1&b=2"):
 * `tour=N` starts from step N's settings, the other parameters change them.
 */
export function readUrl(
  query: URLSearchParams | string,
  tours: TourSettings,
  limits: Limits = NO_LIMITS,
): ReadState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const notes: string[] = [];
  let tour: number | null = null;
  const rawTour = params.get('tour');
  if (rawTour !== null) {
    const n = Number(rawTour);
    if (Number.isInteger(n) && n >= 1 && n <= tours.length) tour = n - 1;
    else notes.push(`tour=${rawTour} is not a step from 1 to ${tours.length}: the tour is closed`);
  }
  const state = baseState(tour, tours);
  const seen = new Set<string>();
  for (const [name, raw] of params) {
    if (seen.has(name)) {
      notes.push(`${name} is given twice: using the first (${params.get(name)})`);
      continue;
    }
    seen.add(name);
    switch (name) {
      case 'client':
        state.client = pick(raw, name, CLIENTS, DEFAULT_STATE.client, notes);
        break;
      case 'platform':
        state.platform = pick(raw, name, PLATFORMS, DEFAULT_STATE.platform, notes);
        break;
      case 'compare':
        state.compare = raw === '' || raw === 'none' ? '' : pick(raw, name, PLATFORMS, '', notes);
        break;
      case 'graph':
        state.graph = pick(
          raw,
          name,
          ['chain', 'fanOut'],
          DEFAULT_STATE.graph,
          notes,
        ) as GraphShape;
        break;
      case 'keepAlive':
        state.keepAlive =
          raw === '' || raw === 'default'
            ? null
            : clampNumber(control('keepAlive'), raw, name, notes, 10);
        break;
      case 'warmers':
        if (raw === 'off' || raw === '0') state.warmers = false;
        else {
          state.warmers = true;
          if (raw !== 'on')
            state.warmerPeriod = clampNumber(
              control('warmerPeriod'),
              raw,
              name,
              notes,
              state.warmerPeriod,
            );
        }
        break;
      case 'waitFor':
        state.waitFor = raw === 'all' ? 0 : clampNumber(control('waitFor'), raw, name, notes, 0);
        break;
      case 'reps':
        state.replications = clampNumber(
          control('replications'),
          raw,
          name,
          notes,
          DEFAULT_STATE.replications,
        );
        break;
      case 'tour':
        break; // read first, above
      case 'p50':
      case 'p99':
      case 'depth':
      case 'width':
      case 'rate':
      case 'provisioned':
      case 'duration':
      case 'seed': {
        const c = control(name);
        (state as unknown as Record<string, number>)[name] = clampNumber(
          c,
          raw,
          name,
          notes,
          state[name] as number,
        );
        break;
      }
      default: {
        const near = didYouMean(name, URL_KEYS);
        notes.push(
          `unknown parameter ${name}${near ? ` (did you mean ${near}?)` : ''} was ignored`,
        );
      }
    }
  }
  return { state, notes: [...notes, ...reconcile(state, limits)] };
}

/** What the models allow (the page asks its registry; see experiment.ts). */
export interface Limits {
  /** Provisioned instances a platform's concurrency limit allows. */
  maxProvisioned(platform: string): number;
}
const NO_LIMITS: Limits = { maxProvisioned: () => Number.POSITIVE_INFINITY };

/** The widest execution time the page offers: a p99 this many times the median. */
export const MAX_TAIL_RATIO = 1000;

/**
 * Settings that are each in range but do not fit together, put right: a p99
 * at or below the median, waiting for more answers than there are calls, a
 * second platform equal to the first.
 */
export function reconcile(state: PlaygroundState, limits: Limits = NO_LIMITS): string[] {
  const notes: string[] = [];
  if (state.p99 <= state.p50) {
    const p99 = Math.min(control('p99').max, Number((state.p50 * 4).toPrecision(6)));
    notes.push(
      `the execution p99 (${state.p99} ms) must be above its median (${state.p50} ms): using ${p99} ms`,
    );
    state.p99 = p99;
  }
  // A wider lognormal draws values beyond what the model accepts (years) in its far tail.
  if (state.p99 > MAX_TAIL_RATIO * state.p50) {
    const p99 = Number((state.p50 * MAX_TAIL_RATIO).toPrecision(6));
    notes.push(
      `the execution p99 (${state.p99} ms) may be at most ${MAX_TAIL_RATIO} times its median (${state.p50} ms): using ${p99} ms`,
    );
    state.p99 = p99;
  }
  if (state.waitFor > state.width) {
    notes.push(
      `waiting for ${state.waitFor} answers of a fan-out ${state.width} wide cannot be: waiting for all ${state.width}`,
    );
    state.waitFor = 0;
  }
  if (state.compare === state.platform) {
    notes.push(`compare is the same platform as platform (${state.platform}): comparing with none`);
    state.compare = '';
  }
  for (const platform of state.compare ? [state.platform, state.compare] : [state.platform]) {
    const most = limits.maxProvisioned(platform);
    if (state.provisioned > most) {
      notes.push(
        `${platform} allows at most ${most} provisioned instances (its concurrency limit): using ${most}`,
      );
      state.provisioned = most;
    }
  }
  return notes;
}

/**
 * The URL query of a state: `tour` when in the tour, then only the settings
 * that differ from the tour step's (or the defaults), in URL_KEYS order.
 */
export function writeUrl(state: PlaygroundState, tours: TourSettings): string {
  const p = new URLSearchParams();
  const b = baseState(state.tour, tours);
  if (state.tour !== null) p.set('tour', String(state.tour + 1));
  const put = (name: string, key: keyof PlaygroundState) => {
    if (state[key] !== b[key]) p.set(name, String(state[key]));
  };
  put('client', 'client');
  put('platform', 'platform');
  if (state.compare !== b.compare) p.set('compare', state.compare === '' ? 'none' : state.compare);
  put('p50', 'p50');
  put('p99', 'p99');
  put('graph', 'graph');
  put('depth', 'depth');
  put('width', 'width');
  put('waitFor', 'waitFor');
  put('rate', 'rate');
  if (state.keepAlive !== b.keepAlive)
    p.set('keepAlive', state.keepAlive === null ? 'default' : String(state.keepAlive));
  if (state.warmers !== b.warmers || (state.warmers && state.warmerPeriod !== b.warmerPeriod))
    p.set('warmers', state.warmers ? String(state.warmerPeriod) : 'off');
  put('provisioned', 'provisioned');
  put('duration', 'duration');
  put('reps', 'replications');
  put('seed', 'seed');
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}

/** Two states give the same experiment and view. */
export function sameState(a: PlaygroundState, b: PlaygroundState): boolean {
  return (Object.keys(DEFAULT_STATE) as (keyof PlaygroundState)[]).every((k) => a[k] === b[k]);
}
