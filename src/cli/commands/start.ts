import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { buildReport, type ReportSection, reportSection } from '../../charts/report.ts';
import type { PreparedExperiment } from '../../experiments/prepare.ts';
import { drawCharts } from '../../node/drawCharts.ts';
import { writeFileAtomic } from '../../node/files.ts';
import { EXIT_INTERRUPTED, watchInterrupts } from '../../node/interrupt.ts';
import { jsonFiles, loadExperiment } from '../../node/loadExperiment.ts';
import { runToFiles } from '../../node/runToFiles.ts';
import { VERSION } from '../../version.ts';
import { checkCharts } from '../checkCharts.ts';

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
      .option('quiet', { type: 'boolean', alias: 'q', default: false }) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const files = jsonFiles(argv.experiments);
    // Every file is checked before anything runs, so a bad one fails the whole start at once.
    const prepared: [string, PreparedExperiment][] = files.map((f) => [f, loadExperiment(f)]);
    for (const [, exp] of prepared) checkCharts(exp);
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
        if (stopped) {
          process.stderr.write(
            `coldtail: interrupted during ${exp.spec.name}; no report written\n`,
          );
          process.exitCode = EXIT_INTERRUPTED;
          return;
        }
        const hints = { charts: exp.spec.charts };
        const charts = await drawCharts(dir, output!.results, hints);
        sections.push(reportSection(output!.results, charts, hints));
        if (!argv.quiet) {
          process.stdout.write(
            `${exp.spec.name}: ${exp.points.length} points x ${exp.spec.replications} replications, ${charts.length} chart${charts.length === 1 ? '' : 's'}, ${((Date.now() - t0) / 1000).toFixed(1)} s -> ${dir}/\n`,
          );
        }
      }
    } finally {
      interrupts.dispose();
    }
    const html = buildReport({
      title: 'coldtail: why serverless is slow, and what would fix it',
      generatedBy: `coldtail ${VERSION}, ${prepared.length} experiments from ${argv.experiments}/`,
      sections,
    });
    const report = join(argv.out, 'report.html');
    writeFileAtomic(report, html);
    if (!argv.quiet) process.stdout.write(`\nwrote ${report}\n`);
  },
};
