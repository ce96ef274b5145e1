import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { BenchCase } from './index.ts';

const BIN = resolve('dist/bin/bin.js');
const RUNS = 7;

/** Median wall time of `node <args>` over RUNS runs (after one to warm the disk cache). */
function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    if (i > 0) times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Start-up of the built CLI (dist/, as installed): `coldtail --version`, and `coldtail
 * validate` of one shipped experiment; bare Node (`node -e 0`) as the floor, and the same
 * CLI run from its sources through tsx, the cost that compiling once removes. Target:
 * under 0.3 s each on an idle 2-core machine.
 */
export const startup: BenchCase = {
  name: 'start-up: coldtail --version, validate',
  run() {
    const node = median(['-e', '0']);
    const version = median([BIN, '--version']);
    const validate = median([BIN, 'validate', 'experiments/chain-depth.json']);
    const tsx = median(['--import', 'tsx', resolve('src/cli/bin.ts'), '--version']);
    const row = (label: string, s: number) => `  ${label.padEnd(48)} ${s.toFixed(3)} s`;
    return {
      json: {
        startup: {
          nodeSeconds: Number(node.toFixed(3)),
          versionSeconds: Number(version.toFixed(3)),
          validateSeconds: Number(validate.toFixed(3)),
          versionFromSourcesSeconds: Number(tsx.toFixed(3)),
        },
      },
      text: [
        `Start-up (median of ${RUNS} runs; target under 0.3 s):`,
        row('node -e 0 (the floor)', node),
        row('coldtail --version', version),
        row('coldtail validate experiments/chain-depth.json', validate),
        row('coldtail --version from sources (tsx)', tsx),
      ].join('\n'),
    };
  },
};
