/**
 * The experiment a playground's settings stand for: a plain experiment file,
 * the one "Download experiment" saves and `coldtail run` accepts, so that the
 * page and the command line run exactly the same thing.
 */
import { estimateWork } from '../experiments/estimate.ts';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import type { ModelRegistry } from '../models/registry.ts';
import { instanceLimit, type PlatformConfig } from '../platform/config.ts';
import type { Limits, PlaygroundState } from './state.ts';

/** Above this many simulated calls the page does not run an experiment: a browser tab is not the place. */
export const BROWSER_WORK_LIMIT = 1e7;

/** Fan-out widths run up to the chosen width (which is always run). */
const WIDTHS = [1, 2, 5, 10, 20, 50, 100, 200];

/** A duration written as people write it, exact: "6min", "90s", "2.5ms". */
export function durationText(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}min`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** The sweep axis's values: chain depths 1..depth, or fan-out widths from waitFor up to width. */
export function xValues(state: PlaygroundState): number[] {
  if (state.graph === 'chain') return Array.from({ length: state.depth }, (_, i) => i + 1);
  const least = Math.max(1, state.waitFor);
  const ws = WIDTHS.filter((w) => w >= least && w < state.width);
  return [...ws, state.width];
}

export const X_PATH = { chain: 'graph.chain.depth', fanOut: 'graph.fanOut.width' } as const;

export type ExperimentJson = Record<string, unknown>;

export function experimentOf(state: PlaygroundState): ExperimentJson {
  const durationMs = Math.round(state.duration * 60_000);
  // A sixth of the run warms the pool up before anything is measured.
  const warmupMs = Math.round(durationMs / 6);
  const overrides: Record<string, unknown> = {};
  if (state.keepAlive !== null)
    overrides.keepAlive = durationText(Math.round(state.keepAlive * 60_000));
  if (state.provisioned > 0) overrides.provisioned = state.provisioned;
  const xs = xValues(state);
  const graph =
    state.graph === 'chain'
      ? { chain: { depth: xs[0] } }
      : { fanOut: { width: xs[0], waitFor: state.waitFor === 0 ? 'all' : state.waitFor } };
  const sweep: Record<string, unknown[]> = {};
  if (state.compare !== '') sweep.platform = [state.platform, state.compare];
  sweep[X_PATH[state.graph]] = xs;
  const platforms =
    state.compare !== '' ? `${state.platform} and ${state.compare}` : state.platform;
  const wait = state.waitFor === 0 ? 'all' : `the first ${state.waitFor}`;
  const shape =
    state.graph === 'chain'
      ? state.depth === 1
        ? 'one function'
        : `a chain of 1 to ${state.depth} functions`
      : xs.length === 1
        ? `a fan-out of ${state.width} parallel calls, waiting for ${wait}`
        : `a fan-out of ${xs[0]} to ${state.width} parallel calls, waiting for ${wait}`;
  return {
    name: 'playground',
    title: `${shape[0].toUpperCase()}${shape.slice(1)} on ${platforms}, from ${state.client}`,
    description: `Made in the coldtail playground: ${shape} on ${platforms}, called from ${state.client} at ${state.rate} requests/s; the function runs ${state.p50} ms at the median and ${state.p99} ms at the p99.`,
    seed: state.seed,
    replications: state.replications,
    duration: durationText(durationMs),
    warmup: durationText(warmupMs),
    client: state.client,
    platform: state.platform,
    ...(Object.keys(overrides).length > 0 ? { platformOverrides: overrides } : {}),
    function: {
      execution: { lognormal: { p50: `${state.p50}ms`, p99: `${state.p99}ms` } },
    },
    graph,
    workload: { poisson: { perSecond: state.rate } },
    ...(state.warmers
      ? { warmers: { period: durationText(Math.round(state.warmerPeriod * 60_000)) } }
      : {}),
    sweep,
    charts: ['percentileCurves', 'stageBreakdown', 'tailPlot'],
  };
}

export interface WorkCheck {
  calls: number;
  /** Why the page will not run it, and what to lower; null when it will. */
  refusal: string | null;
}

/** Weighs a prepared experiment's work against what a browser tab should run. */
export function checkWork(prepared: PreparedExperiment): WorkCheck {
  const { calls } = estimateWork(prepared);
  if (calls <= BROWSER_WORK_LIMIT) return { calls, refusal: null };
  const times = calls / BROWSER_WORK_LIMIT;
  return {
    calls,
    refusal: `These settings ask for about ${calls.toExponential(1)} simulated calls, ${times.toFixed(times < 10 ? 1 : 0)} times what this page runs (${BROWSER_WORK_LIMIT.toExponential(0)}). Lower the arrival rate, the simulated time, the replications, or the depth or width — or download the experiment and run it with \`npx coldtail run playground.json\`.`,
  };
}

/** What the registry's models allow, for the settings' reader. */
export function limitsOf(models: ModelRegistry): Limits {
  return {
    maxProvisioned(platform) {
      const m = models.platforms.get(platform)?.model;
      if (!m) return Number.POSITIVE_INFINITY;
      // The same limit as the run checks; it reads only these two fields.
      const { maxConcurrency, concurrencyPerInstance } = m;
      return instanceLimit({ maxConcurrency, concurrencyPerInstance } as unknown as PlatformConfig);
    },
  };
}
