import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { BenchCase } from './index.ts';

const BIN = resolve('dist/bin/bin.js');
const RUNS = 11;

/**
 * Median wall time of each `node <args>` over RUNS rounds (after one to warm the disk
 * cache). The commands take turns within a round, so that a machine whose load changes
 * during the case slows them alike and their ratios to the floor hold.
 */
function medians(commands: string[][]): number[] {
  const times: number[][] = commands.map(() => []);
  for (let i = 0; i <= RUNS; i++) {
    commands.forEach((args, c) => {
      const t0 = performance.now();
      execFileSync(process.execPath, args, { stdio: 'ignore' });
      if (i > 0) times[c].push((performance.now() - t0) / 1000);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

/**
 * Start-up of the built CLI (dist/, as installed): `coldtail --version`, and `coldtail
 * validate` of one shipped experiment (80 sweep points to check); bare Node (`node -e 0`)
 * as the floor, and the same CLI run from its sources through tsx, the cost that compiling
 * once removes. Target (issue 16): under 0.3 s each on an idle 2-core machine. On a shared
 * machine compare the ratios to the floor, which the load moves far less than the seconds.
 */
export const startup: BenchCase = {
  name: 'start-up: coldtail --version, validate',
  run() {
    const load = loadavg()[0];
    const [node, version, validate, tsx] = medians([
      ['-e', '0'],
      [BIN, '--version'],
      [BIN, 'validate', 'experiments/chain-depth.json'],
      ['--import', 'tsx', resolve('src/cli/bin.ts'), '--version'],
    ]);
    const row = (label: string, s: number) =>
      `  ${label.padEnd(48)} ${s.toFixed(3)} s  ${(s / node).toFixed(2)} x the floor`;
    return {
      json: {
        startup: {
          nodeSeconds: Number(node.toFixed(3)),
          versionSeconds: Number(version.toFixed(3)),
          validateSeconds: Number(validate.toFixed(3)),
          versionFromSourcesSeconds: Number(tsx.toFixed(3)),
          versionRatio: Number((version / node).toFixed(2)),
          validateRatio: Number((validate / node).toFixed(2)),
          loadAverage: Number(load.toFixed(1)),
        },
      },
      text: [
        `Start-up (median of ${RUNS} rounds, load average ${load.toFixed(1)}; target under 0.3 s):`,
        row('node -e 0 (the floor)', node),
        row('coldtail --version', version),
        row('coldtail validate experiments/chain-depth.json', validate),
        row('coldtail --version from sources (tsx)', tsx),
      ].join('\n'),
    };
  },
};
