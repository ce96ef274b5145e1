import { join } from 'node:path';
import { buildReport, type ReportSection, reportSection } from '../charts/report.ts';
import type { PreparedExperiment } from '../experiments/prepare.ts';
import { watchPlans, wholeNote } from '../experiments/regionSplit.ts';
import { ranAgainNote } from '../experiments/sharedCheck.ts';
import { VERSION } from '../version.ts';
import { writeFileAtomic } from './files.ts';
import { InputError } from './inputError.ts';
import { reportInterrupted } from './interrupt.ts';
import type { Io } from './io.ts';
import { jsonFiles, loadExperiment, newInputs } from './loadExperiment.ts';
import { checkOutputFolder, lockOutputFolder, writing } from './outputFolder.ts';
import { runAndDraw } from './runAndDraw.ts';

export interface RunAllRequest {
  /** A folder of experiment files (or one file). */
  experiments: string;
  out: string;
  threads?: number;
  quiet: boolean;
  /** Also build the playground into <out>/playground/ and link the report to it. */
  playground?: boolean;
}

/** The report's file in the output folder. */
export const REPORT = 'report.html';

/**
 * `coldtail start` (npm start): every experiment of a folder, each into <out>/<name>/
 * with its charts, then <out>/report.html. Every file is read and checked first (with the
 * caller's `check`), so a bad one fails the whole start before anything runs. Returns the
 * exit code (0, or 130 interrupted); bad input throws.
 */
export async function runAll(
  req: RunAllRequest,
  io: Io,
  check: (prepared: PreparedExperiment) => void = () => {},
): Promise<number> {
  const files = jsonFiles(req.experiments);
  const loaded = files.map((file) => {
    const inputs = newInputs();
    return { file, inputs, prepared: loadExperiment(file, { inputs }) };
  });
  for (const { prepared } of loaded) check(prepared);
  checkNames(loaded);
  checkOutputFolder(req.out, '--out');
  for (const { prepared } of loaded) checkOutputFolder(join(req.out, prepared.spec.name));
  // A region that the threads cannot split by function says why, once per file, as run does.
  if (req.threads !== 1) {
    for (const { file, prepared } of loaded) {
      const note = wholeNote(prepared);
      if (note !== null) io.stderr.write(`note: ${file}: ${note}\n`);
    }
  }
  if (io.interrupts.requested())
    return reportInterrupted(io.stderr, ' before starting; nothing written');
  // The whole folder is this start's: a second start into it is refused.
  const release = lockOutputFolder(req.out, '--out');
  try {
    const sections: ReportSection[] = [];
    for (const [i, { file, inputs, prepared }] of loaded.entries()) {
      const name = prepared.spec.name;
      const dir = join(req.out, name);
      const t0 = Date.now();
      let ranAgain = 0;
      const outcome = await runAndDraw(
        prepared,
        { file, inputs },
        {
          out: dir,
          quiet: req.quiet,
          threads: req.threads,
          charts: true,
          interrupts: io.interrupts,
          progress: io.stderr,
          prefix: `[${i + 1}/${loaded.length}] ${name}`,
          chartsFailed: '; no report written',
          onRunAgain: () => ranAgain++,
        },
      );
      if (outcome.interrupted) {
        const when = outcome.while === 'running' ? 'during' : 'while drawing the charts of';
        return reportInterrupted(io.stderr, ` ${when} ${name}; ${outcome.kept}; no report written`);
      }
      const again = ranAgainNote(ranAgain, watchPlans(prepared));
      if (again !== null) io.stderr.write(`note: ${file}: ${again}\n`);
      const { output, charts } = outcome;
      sections.push(reportSection(output!.results, charts, { charts: prepared.spec.charts }));
      if (!req.quiet) {
        const n = charts.length;
        io.stdout.write(
          `${name}: ${prepared.points.length} points x ${prepared.spec.replications} replications, ${n} chart${n === 1 ? '' : 's'}, ${((Date.now() - t0) / 1000).toFixed(1)} s -> ${dir}/\n`,
        );
      }
    }
    const playground = req.playground === true && (await writePlayground(req, io));
    if (io.interrupts.requested())
      return reportInterrupted(io.stderr, ' while building the playground; no report written');
    const html = buildReport({
      title: 'coldtail: why serverless is slow, and what would fix it',
      generatedBy: `coldtail ${VERSION}, ${loaded.length} experiments from ${req.experiments}/`,
      sections,
      playground,
    });
    const report = join(req.out, REPORT);
    await writing('no report written', () => writeFileAtomic(report, html));
    if (!req.quiet) io.stdout.write(`\nwrote ${report}\n`);
    return 0;
  } finally {
    release();
  }
}

/**
 * Builds the playground page into <out>/playground/ (skipped when its sources have not
 * changed since the last build); true when the page is there for the report to link to.
 * Vite is a development dependency: without it the page is skipped with a note, not a failure.
 */
async function writePlayground(req: RunAllRequest, io: Io): Promise<boolean> {
  const { buildPlayground, PlaygroundUnavailable } = await import('./buildPlayground.ts');
  try {
    const { file, built } = await buildPlayground(join(req.out, 'playground'));
    if (!req.quiet) io.stdout.write(`playground: ${file}${built ? '' : ' (unchanged)'}\n`);
    return true;
  } catch (e) {
    if (!(e instanceof PlaygroundUnavailable)) throw e;
    io.stderr.write(`coldtail start: playground skipped: ${e.message}\n`);
    return false;
  }
}

/**
 * Each experiment writes to <out>/<name>/: two with one name would overwrite
 * each other's results, and one named like the report would stand in its way.
 */
function checkNames(loaded: { file: string; prepared: PreparedExperiment }[]): void {
  const seen = new Map<string, string>();
  for (const { file, prepared } of loaded) {
    const name = prepared.spec.name;
    if (name === REPORT)
      throw new InputError(`${file}: name: "${name}" is the file of start's report; rename it`);
    const other = seen.get(name);
    if (other !== undefined) {
      throw new InputError(
        `${file}: name: "${name}" is also the name of ${other}; both would write to the same folder`,
      );
    }
    seen.set(name, file);
  }
}
