/**
 * `npm run bench`: speed and memory, as ratios measured in one run.
 * `npm run bench -- --json` prints one JSON object on stdout.
 * `npm run bench -- --only engine` runs the cases whose name contains "engine".
 */
import { cases } from './cases/index.ts';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;

const report: Record<string, unknown> = {
  machine: { node: process.version, platform: process.platform, arch: process.arch },
};
for (const c of cases) {
  if (only && !c.name.includes(only)) continue;
  if (!json) process.stderr.write(`running ${c.name}...\n`);
  const result = await c.run();
  Object.assign(report, result.json);
  if (!json) process.stdout.write(`\n${result.text}\n`);
}
report.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else process.stdout.write(`\npeak resident memory of the whole run: ${report.peakRssMB} MB\n`);
