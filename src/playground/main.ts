/// <reference lib="dom" />
/**
 * The playground page: controls, a run on simulation workers, the charts.
 *
 *   URL --readUrl--> settings --experimentOf--> experiment JSON --workers--> results --> charts, numbers, words
 *
 * The settings live in the URL: every change pushes a history entry (the
 * back button undoes it) and a link opens the same view. A change cancels
 * the run it makes stale.
 */
import { prepareExperiment } from '../experiments/prepare.ts';
import type { ExperimentResults } from '../experiments/results.ts';
import type { RunOutput } from '../experiments/runExperiment.ts';
import { presetRegistry } from '../models/registry.ts';
import { buildControls, h, readForm, writeForm } from './controls.ts';
import { BROWSER_WORK_LIMIT, checkWork, experimentOf, limitsOf } from './experiment.ts';
import { Runner } from './runner.ts';
import { type PlaygroundState, readUrl, sameState, writeUrl } from './state.ts';
import { TOUR, TOUR_SETTINGS, tourState } from './tour.ts';
import { ChartSlot, chartSpec, headline, numbersTable, sentences } from './view.ts';
import './style.css';
import SimulationWorker from './worker.ts?worker&inline';

/** Times of each run, for `npm run bench` (ms since the page's start). */
interface RunTiming {
  run: number;
  changedAt: number;
  firstChartsAt?: number;
  finalChartsAt?: number;
  /** When the last replication's results arrived from the workers. */
  finalResultsAt?: number;
  /** Time the workers spent simulating, summed over units. */
  simulationMs: number;
  /** Function invocations simulated (all points and replications). */
  calls?: number;
}
const timings: RunTiming[] = [];

const models = presetRegistry();
const limits = limitsOf(models);
const threads = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
// Inlined in the build (a blob: worker), so that the page also works opened from disk.
const runner = new Runner(() => new SimulationWorker(), threads);
(globalThis as { coldtail?: unknown }).coldtail = { timings, workers: runner.stats };

// ---- the page's parts ----
const form = buildControls(models);
const notesBox = h('div', { id: 'notes', className: 'notes', role: 'status', hidden: true });
const status = h('p', { id: 'status', className: 'status', role: 'status', 'aria-live': 'polite' });
const heading = h('div', { id: 'headline' });
const tourCard = h('section', {
  id: 'tour',
  className: 'tour',
  'aria-label': 'Guided tour',
  hidden: true,
});
const slots = {
  percentileCurves: new ChartSlot(h('div', { id: 'chart-curves', className: 'chart' })),
  stageBreakdown: new ChartSlot(h('div', { id: 'chart-stages', className: 'chart' })),
  tailPlot: new ChartSlot(h('div', { id: 'chart-tail', className: 'chart' })),
};
const tourSlot = new ChartSlot(h('div', { id: 'chart-tour', className: 'chart' }));
const numbers = h('div', { id: 'numbers' });
const words = h('div', { id: 'words' });
const downloadExperiment = h(
  'a',
  { id: 'download-experiment', className: 'button', download: 'playground.json' },
  'Download experiment',
);
const downloadResults = h(
  'a',
  {
    id: 'download-results',
    className: 'button',
    download: 'results.json',
    'aria-disabled': 'true',
  },
  'Download results',
);
const tourButton = h(
  'button',
  { id: 'tour-start', type: 'button', className: 'button' },
  'Take the tour',
);

const section = (title: string, id: string, ...body: Node[]) =>
  h('section', { className: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...body);

document
  .getElementById('app')!
  .replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, 'coldtail playground'),
      h(
        'p',
        { className: 'lede' },
        'Move a control and watch the percentiles move: a simulation of serverless calls, run in your browser, with the same model and charts as the ',
        h('code', {}, 'coldtail'),
        ' command line.',
      ),
      h('div', { className: 'actions' }, tourButton, downloadExperiment, downloadResults),
    ),
    notesBox,
    h(
      'div',
      { className: 'layout' },
      h(
        'aside',
        { className: 'sidebar' },
        h(
          'p',
          { className: 'hint' },
          'A change runs when you leave the field or press Enter; the link in the address bar keeps the settings.',
        ),
        form,
      ),
      h(
        'main',
        {},
        status,
        tourCard,
        heading,
        section('Percentiles along the sweep', 'h-curves', slots.percentileCurves.element),
        section(
          'Where the time goes, at the p50 and the p99',
          'h-stages',
          slots.stageBreakdown.element,
        ),
        section('The tail', 'h-tail', slots.tailPlot.element),
        section('Cold starts, throttles and cost', 'h-numbers', numbers),
        section('In words', 'h-words', words),
      ),
    ),
  );

// ---- state, URL and history ----
let state: PlaygroundState;
let resultsUrl: string | null = null;
let experimentUrl: string | null = null;

function showNotes(notes: string[], from: 'link' | 'form'): void {
  if (notes.length === 0) {
    notesBox.hidden = true;
    return;
  }
  const lead =
    from === 'link'
      ? 'The link asked for settings this page cannot use, so it changed them:'
      : 'Some settings were out of range and were changed:';
  const close = h(
    'button',
    { type: 'button', className: 'close', 'aria-label': 'Dismiss the note' },
    '×',
  );
  close.addEventListener('click', () => {
    notesBox.hidden = true;
  });
  notesBox.replaceChildren(
    close,
    h('p', {}, lead),
    h('ul', {}, ...notes.map((n) => h('li', {}, n))),
  );
  notesBox.hidden = false;
}

function setState(next: PlaygroundState, history: 'push' | 'replace' | 'none'): void {
  const changed = state === undefined || !sameState(state, next);
  state = next;
  writeForm(form, state);
  const url = `${location.pathname}${writeUrl(state, TOUR_SETTINGS)}${location.hash}`;
  if (history === 'push' && url !== `${location.pathname}${location.search}${location.hash}`)
    window.history.pushState(null, '', url);
  else if (history === 'replace') window.history.replaceState(null, '', url);
  renderTourCard();
  if (changed) startRun();
}

form.addEventListener('change', () => {
  const { state: next, notes } = readUrl(readForm(form, state.tour), TOUR_SETTINGS, limits);
  showNotes(notes, 'form');
  setState(next, 'push');
});

window.addEventListener('popstate', () => {
  const { state: next, notes } = readUrl(location.search, TOUR_SETTINGS, limits);
  showNotes(notes, 'link');
  setState(next, 'none');
});

// ---- the tour ----
tourButton.addEventListener('click', () => setState(tourState(0), 'push'));

function renderTourCard(): void {
  if (state.tour === null) {
    tourCard.hidden = true;
    return;
  }
  const i = state.tour;
  const step = TOUR[i];
  const prev = h(
    'button',
    { type: 'button', className: 'button', disabled: i === 0 },
    '← Previous',
  );
  const next = h(
    'button',
    { type: 'button', className: 'button', disabled: i === TOUR.length - 1 },
    'Next →',
  );
  const close = h('button', { type: 'button', className: 'button' }, 'Leave the tour');
  prev.addEventListener('click', () => setState(tourState(i - 1), 'push'));
  next.addEventListener('click', () => setState(tourState(i + 1), 'push'));
  close.addEventListener('click', () => setState({ ...state, tour: null }, 'push'));
  tourCard.replaceChildren(
    h('p', { className: 'step' }, `Step ${i + 1} of ${TOUR.length}`),
    h('h2', { id: 'tour-title' }, step.title),
    h('p', { className: 'lesson' }, step.lesson),
    tourSlot.element,
    h('p', { id: 'tour-say', className: 'say' }),
    h('div', { className: 'actions' }, prev, next, close),
  );
  tourCard.hidden = false;
}

// ---- runs ----
let runCount = 0;

function setDownload(a: HTMLAnchorElement, text: string | null, old: string | null): string | null {
  if (old) URL.revokeObjectURL(old);
  if (text === null) {
    a.removeAttribute('href');
    a.setAttribute('aria-disabled', 'true');
    return null;
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.href = url;
  a.removeAttribute('aria-disabled');
  return url;
}

function startRun(): void {
  const run = ++runCount;
  const timing: RunTiming = { run, changedAt: performance.now(), simulationMs: 0 };
  timings.push(timing);
  const experiment = experimentOf(state);
  experimentUrl = setDownload(
    downloadExperiment,
    `${JSON.stringify(experiment, null, 2)}\n`,
    experimentUrl,
  );
  resultsUrl = setDownload(downloadResults, null, resultsUrl);
  status.dataset.run = String(run);
  let prepared: ReturnType<typeof prepareExperiment>;
  let refusal: string | null;
  try {
    prepared = prepareExperiment(experiment, { models });
    refusal = checkWork(prepared).refusal;
  } catch (e) {
    runner.cancel();
    setStatus(
      'error',
      `These settings cannot be run: ${e instanceof Error ? e.message : String(e)}`,
    );
    return;
  }
  if (refusal !== null) {
    runner.cancel();
    setStatus('refused', refusal);
    clearResults(`Not run: above ${BROWSER_WORK_LIMIT.toExponential(0)} simulated calls.`);
    return;
  }
  setStatus('running', 'Running the first replication of every point…');
  // Only the newest results are drawn: rounds that finish while a drawing is under way are skipped.
  let pending: { output: RunOutput; k: number; final: boolean } | null = null;
  let drawing = false;
  const drain = async () => {
    drawing = true;
    while (pending !== null && run === runCount) {
      const { output, k, final } = pending;
      pending = null;
      await show(output.results, run);
      if (run !== runCount) break;
      if (timing.firstChartsAt === undefined) timing.firstChartsAt = performance.now();
      if (final) {
        timing.finalChartsAt = performance.now();
        timing.calls = output.results.points.reduce((n, p) => n + p.cost.requests, 0);
        resultsUrl = setDownload(
          downloadResults,
          `${JSON.stringify(output.results, null, 2)}\n`,
          resultsUrl,
        );
        setStatus('final', `Done: ${k} replication${k === 1 ? '' : 's'} of every point.`);
      } else {
        setStatus(
          'running',
          `Estimate from ${k} of ${prepared.spec.replications} replications; refining…`,
        );
      }
    }
    drawing = false;
  };
  runner.start(prepared, experiment, {
    onResults(output, k, final, simulationMs) {
      timing.simulationMs = simulationMs;
      if (final) timing.finalResultsAt = performance.now();
      pending = { output, k, final };
      if (!drawing) void drain();
    },
    onProgress(done, total) {
      if (status.dataset.state === 'running' && done < total)
        status.dataset.progress = `${done}/${total}`;
    },
    onError(message) {
      if (run !== runCount) return;
      setStatus('error', `The run stopped: ${message}`);
    },
  });
}

function setStatus(kind: 'running' | 'final' | 'refused' | 'error', text: string): void {
  status.dataset.state = kind;
  status.textContent = text;
}

function clearResults(text: string): void {
  for (const slot of Object.values(slots)) slot.clear(text);
  tourSlot.clear(text);
  heading.replaceChildren();
  numbers.replaceChildren();
  words.replaceChildren();
}

/** Why no chart can be drawn, from the run's counts. */
function nothingCompleted(results: ExperimentResults): string {
  const sum = (f: (p: ExperimentResults['points'][number]) => number) =>
    results.points.reduce((n, p) => n + f(p), 0);
  const arrivals = sum((p) => p.calls.arrivals);
  const throttled = sum((p) => p.calls.throttled);
  if (arrivals === 0)
    return 'No request arrived in the measured window: raise the arrival rate or the simulated time.';
  if (throttled > 0)
    return `No request completed: ${throttled.toLocaleString('en-US')} of ${arrivals.toLocaleString('en-US')} were throttled at the platform's concurrency limit. Lower the arrival rate or the execution time, or pick a platform with a higher limit.`;
  return 'No request completed within the run (they were still queued or running at its end): lower the arrival rate, shorten the execution time, or lengthen the simulated time.';
}

async function show(results: ExperimentResults, run: number): Promise<void> {
  if (results.points.every((p) => p.endToEnd.count === 0)) {
    clearResults(nothingCompleted(results));
    // The table and the words still tell what happened to the requests (throttled, say).
    numbers.replaceChildren(numbersTable(results));
    words.replaceChildren(sentences(results));
    if (run === runCount) status.dataset.shown = String(run);
    return;
  }
  heading.replaceChildren(headline(results));
  numbers.replaceChildren(numbersTable(results));
  words.replaceChildren(sentences(results));
  const draws: Promise<void>[] = [];
  if (state.tour !== null) {
    const step = TOUR[state.tour];
    draws.push(tourSlot.draw(chartSpec(step.chart, results), step.title));
    const say = document.getElementById('tour-say');
    if (say) say.textContent = step.say(results) ?? '';
  }
  draws.push(
    slots.percentileCurves.draw(
      chartSpec('percentileCurves', results),
      'Percentiles along the sweep',
    ),
    slots.stageBreakdown.draw(chartSpec('stageBreakdown', results), 'Where the time goes'),
    slots.tailPlot.draw(chartSpec('tailPlot', results), 'The tail, 1 - CDF'),
  );
  await Promise.all(draws);
  if (run === runCount) status.dataset.shown = String(run);
}

// ---- start ----
{
  const { state: first, notes } = readUrl(location.search, TOUR_SETTINGS, limits);
  showNotes(notes, 'link');
  setState(first, notes.length > 0 ? 'replace' : 'none');
}
