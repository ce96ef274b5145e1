/**
 * Latency budgets by use case, from CALIBRATION.md ("Latency budgets by use
 * case"): what a p99 must stay under for a purpose to be served well. Kept
 * as data so that charts and narrative name the same figures and sources.
 */
export interface LatencyBudget {
  id: string;
  /** What the budget is for, as a reader would say it. */
  useCase: string;
  /** The budget in ms. */
  ms: number;
  source: string;
  note?: string;
}

export const LATENCY_BUDGETS: readonly LatencyBudget[] = [
  {
    id: 'frame-work',
    useCase: 'animation frame: the work',
    ms: 10,
    source: 'Google RAIL',
    note: '10 ms of work in a 16 ms frame',
  },
  { id: 'frame', useCase: 'animation frame', ms: 16, source: 'Google RAIL' },
  {
    id: 'instant',
    useCase: 'feels instantaneous',
    ms: 100,
    source: 'Nielsen, response time limits',
  },
  {
    id: 'input',
    useCase: 'respond to input',
    ms: 100,
    source: 'Google RAIL',
    note: 'handle the input in 50 ms',
  },
  { id: 'voice-good', useCase: 'voice one way: good', ms: 150, source: 'ITU-T G.114' },
  {
    id: 'voice-limit',
    useCase: 'voice one way: still acceptable',
    ms: 400,
    source: 'ITU-T G.114',
    note: 'unacceptable above 400 ms',
  },
  {
    id: 'flow',
    useCase: 'keeps the flow of thought',
    ms: 1000,
    source: 'Nielsen, response time limits',
  },
  {
    id: 'attention',
    useCase: 'keeps attention',
    ms: 10_000,
    source: 'Nielsen, response time limits',
  },
];

/** The budgets a latency fits within, tightest first. */
export function budgetsMet(ms: number, budgets: readonly LatencyBudget[] = LATENCY_BUDGETS) {
  return budgets.filter((b) => ms <= b.ms).sort((a, b) => a.ms - b.ms);
}
