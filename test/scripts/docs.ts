/**
 * `npm run docs`: regenerates the parts of the docs that come from runs, so that they are
 * computed, never typed: the validation table in docs/validation.md (coldtail verify), the
 * performance figures in docs/performance.md (npm run bench -- --json) and the signature
 * chart of README.md (experiments/chain-depth.json, drawn into output/charts/). Each part
 * lies between `<!-- name:begin -->` and `<!-- name:end -->` in its file; name parts to
 * redo only those (`npm run docs -- verify`; parts: verify, bench, chart, charts and
 * chartOptions, the last two docs/charts.md's tables, made from the chart registries).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chartKindsTable, chartOptionsTable } from './chartTables.ts';

/** Each part: the file that holds it and the name of its block there. */
const PARTS = {
  verify: { file: 'docs/validation.md', block: 'verify' },
  bench: { file: 'docs/performance.md', block: 'bench' },
  chart: { file: 'README.md', block: 'signature-chart' },
  charts: { file: 'docs/charts.md', block: 'chart-kinds' },
  chartOptions: { file: 'docs/charts.md', block: 'chart-options' },
} as const;
type Part = keyof typeof PARTS;

function replaceBetween(file: string, text: string, name: string, body: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file} has no ${begin} ... ${end}`);
  return `${text.slice(0, i + begin.length)}\n${body.trim()}\n${text.slice(j)}`;
}

const only = process.argv.slice(2);
for (const part of only) {
  if (!(part in PARTS)) {
    process.stderr.write(
      `docs: unknown part "${part}" (parts: ${Object.keys(PARTS).join(', ')})\n`,
    );
    process.exit(2);
  }
}
const want = (part: Part) => only.length === 0 || only.includes(part);
/** The files' texts, each read once and written back at the end. */
const texts = new Map<string, string>();
const replace = (part: Part, body: string) => {
  const { file, block } = PARTS[part];
  const text = texts.get(file) ?? readFileSync(file, 'utf8');
  texts.set(file, replaceBetween(file, text, block, body));
};
const cli = (...args: string[]) =>
  execFileSync('node', ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });

if (want('verify')) {
  process.stderr.write('docs: coldtail verify...\n');
  let table: string;
  try {
    table = cli('verify');
  } catch (e) {
    // A failing case is still what the docs must show; verify exits 1 then.
    table = (e as { stdout?: string }).stdout ?? '';
    if (!table) throw e;
  }
  replace('verify', `\`\`\`\n${table.trimEnd()}\n\`\`\``);
}

if (want('bench')) {
  process.stderr.write('docs: npm run bench...\n');
  const json = JSON.parse(
    execFileSync('npx', ['tsx', 'test/bench/main.ts', '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    }),
  );
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const rows: string[][] = [];
  const n = (x: unknown) =>
    typeof x === 'number' ? Math.round(x).toLocaleString('en-US') : String(x);
  const add = (what: string, value: string) => rows.push([what, value]);
  if (json.engine) {
    add(
      'engine, M/M/c (c = 10, lambda = 9, mu = 1), 1M customers',
      `${n(json.engine.customersPerSecond)} customers/s`,
    );
    add(
      'bare typed-array heap loop, same model, same run',
      `${n(json.baseline.customersPerSecond)} customers/s`,
    );
    add('ratio engine / bare loop (target >= 0.60)', String(json.ratio));
  }
  if (json.path)
    add(
      'whole path, one warm function (internet, gateway, network, front end, pool)',
      `${n(json.path.warmCallsPerSecond)} calls/s`,
    );
  if (json.pool) {
    const pool = json.pool;
    const base = pool.callsPerSecond['10'];
    for (const [busy, cps] of Object.entries(pool.callsPerSecond as Record<string, number>)) {
      const ratio = busy === '10' ? '' : ` (${(cps / base).toFixed(3)} of 10 busy)`;
      add(
        `pool with about ${n(Number(busy))} busy instances, same calls`,
        `${n(cps)} calls/s${ratio}`,
      );
    }
    add(
      'ratio 1,000 busy / 10 busy, median and range over rounds',
      `${pool.ratio} (${pool.roundRatios.min}-${pool.roundRatios.max})`,
    );
  }
  if (json.chain) add('depth-5 chain with cold starts', `${n(json.chain.callsPerSecond)} calls/s`);
  if (json.keepAlive) {
    add(
      'keep-alive scenario (Poisson 0.9/s, 1e6 simulated s; a Python simulator: about 18 s)',
      `${json.keepAlive.seconds} s (${n(json.keepAlive.callsPerSecond)} calls/s), cold share ${(100 * json.keepAlive.coldShare).toFixed(3)}%, mean instances ${json.keepAlive.meanInstances}`,
    );
  }
  if (json.hedgedFanOut) {
    add(
      'hedged fan-out of 20, hedge after the p90 (calls: leaves and hedges)',
      `${n(json.hedgedFanOut.callsPerSecond)} calls/s (${n(json.hedgedFanOut.requestsPerSecond)} requests/s)`,
    );
  }
  if (json.retryStorm) {
    add(
      'retry storm: throttled burst, 8 attempts with full jitter (calls: attempts)',
      `${n(json.retryStorm.callsPerSecond)} calls/s`,
    );
  }
  if (json.threads) {
    add(`sweep on 1 thread vs ${json.threads.threads}`, `speed-up ${json.threads.speedup}`);
  }
  if (json.memory) {
    for (const m of json.memory)
      add(`peak resident memory, ${n(m.calls)} calls (${m.what})`, `${m.peakRssMB} MB`);
  }
  const table = [
    '| measure | result |',
    '|---|---|',
    ...rows.map((r) => `| ${r[0]} | ${r[1]} |`),
  ].join('\n');
  replace('bench', `Measured on ${machine}.\n\n${table}`);
}

if (want('chart')) {
  process.stderr.write('docs: the signature chart...\n');
  cli('run', 'experiments/chain-depth.json', '--out', 'output/chain-depth', '--quiet');
  mkdirSync('output/charts', { recursive: true });
  copyFileSync('output/chain-depth/percentileCurves.png', 'output/charts/chain-depth.png');
  replace(
    'chart',
    '![p50, p90, p99 and p99.9 against chain depth on each preset platform](output/charts/chain-depth.png)\n\n*`experiments/chain-depth.json`: how the percentiles grow with the depth of a chain of functions on each preset platform (bands: 95% intervals).*',
  );
}

if (want('charts')) replace('charts', chartKindsTable());
if (want('chartOptions')) replace('chartOptions', chartOptionsTable());

for (const [file, text] of texts) {
  writeFileSync(file, text);
  process.stderr.write(`docs: ${file} updated\n`);
}
