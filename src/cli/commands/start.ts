import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { buildReport, type ReportSection, reportSection } from '../../charts/report.ts';
import type { PreparedExperiment } from '../../experiments/prepare.ts';
import { drawCharts } from '../../node/drawCharts.ts';
import { writeFileAtomic } from '../../node/files.ts';
import { InputError } from '../../node/inputError.ts';
import { EXIT_INTERRUPTED, watchInterrupts } from '../../node/interrupt.ts';
import { jsonFiles, loadExperiment } from '../../node/loadExperiment.ts';
import { checkOutputFolder, writing } from '../../node/outputFolder.ts';
import { runToFiles } from '../../node/runToFiles.ts';
import { VERSION } from '../../version.ts';
import { checkCharts } from '../checkCharts.ts';
import { check } from '../options.ts';

interface Args {
  experiments: string;
  out: string;
  threads?: number;
  quiet: boolean;
}

export const startCommand: CommandModule<object, Args> = {
  command: 'start',
  describe:
    'Run every shipped experiment, draw its charts and write output/report.html (npm start)',
  builder: (y) =>
    (y as Argv<object>)
      .option('experiments', {
        type: 'string',
        default: 'experiments',
        describe: 'Folder of experiment files',
      })
      .option('out', { type: 'string', default: 'output', describe: 'Output folder' })
      .option('threads', {
        type: 'number',
        describe: 'Worker threads (default: the number of cores)',
      })
      .option('quiet', { type: 'boolean', alias: 'q', default: false })
      .check(check) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const experiments: unknown = argv.experiments;
    if (typeof experiments !== 'string' || experiments.trim() === '')
      throw new InputError(
        `--experiments: ${Array.isArray(experiments) ? 'given more than once' : 'must not be empty'}`,
      );
    const files = jsonFiles(experiments);
    // Every file is checked before anything runs, so a bad one fails the whole start at once.
    const prepared: [string, PreparedExperiment][] = files.map((f) => [f, loadExperiment(f)]);
    for (const [, exp] of prepared) checkCharts(exp);
    checkNames(prepared);
    checkOutputFolder(argv.out, '--out');
    for (const [, exp] of prepared) checkOutputFolder(join(argv.out, exp.spec.name));
    const interrupts = watchInterrupts();
    const sections: ReportSection[] = [];
    try {
      for (const [i, [file, exp]] of prepared.entries()) {
        const dir = join(argv.out, exp.spec.name);
        const t0 = Date.now();
        const { output, stopped } = await runToFiles(
          exp,
          { file },
          {
            out: dir,
            quiet: argv.quiet,
            threads: argv.threads,
            shouldStop: interrupts.requested,
            prefix: `[${i + 1}/${prepared.length}] ${exp.spec.name}`,
          },
        );
        if (stopped || !output) {
          const kept = output
            ? `kept ${output.results.points.length} complete points in ${dir}/ (marked partial)`
            : `no point was complete; nothing written, ${dir}/ left as it was`;
          interrupted(`during ${exp.spec.name}; ${kept}`);
          return;
        }
        const hints = { charts: exp.spec.charts };
        const charts = await writing(
          `${dir}/results.json is complete, its charts are not; no report written`,
          () => drawCharts(dir, output.results, hints, interrupts.requested),
        );
        if (interrupts.requested()) {
          const n = charts.length;
          interrupted(
            `while drawing the charts of ${exp.spec.name}; kept its complete results and ${n} chart${n === 1 ? '' : 's'} in ${dir}/`,
          );
          return;
        }
        sections.push(reportSection(output.results, charts, hints));
        if (!argv.quiet) {
          process.stdout.write(
            `${exp.spec.name}: ${exp.points.length} points x ${exp.spec.replications} replications, ${charts.length} chart${charts.length === 1 ? '' : 's'}, ${((Date.now() - t0) / 1000).toFixed(1)} s -> ${dir}/\n`,
          );
        }
      }
      const html = buildReport({
        title: 'coldtail: why serverless is slow, and what would fix it',
        generatedBy: `coldtail ${VERSION}, ${prepared.length} experiments from ${experiments}/`,
        sections,
      });
      const report = join(argv.out, REPORT);
      await writing('no report written', () => writeFileAtomic(report, html));
      if (!argv.quiet) process.stdout.write(`\nwrote ${report}\n`);
    } finally {
      interrupts.dispose();
    }
  },
};

const REPORT = 'report.html';

/**
 * Each experiment writes to <out>/<name>/: two with one name would overwrite
 * each other's results, and one named like the report would stand in its way.
 */
function checkNames(prepared: [string, PreparedExperiment][]): void {
  const seen = new Map<string, string>();
  for (const [file, exp] of prepared) {
    const name = exp.spec.name;
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

/** Ctrl-C: says what was kept and exits 130. */
function interrupted(what: string): void {
  process.stderr.write(`coldtail: interrupted ${what}; no report written\n`);
  process.exitCode = EXIT_INTERRUPTED;
}
