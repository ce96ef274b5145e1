/**
 * Runs one region experiment on this thread and prints, as JSON, its calls, wall time and the
 * process's peak resident memory. Started as a child process by the region benchmark, so that
 * each run has a fresh process and its own peak.
 *
 *   tsx test/bench/regionRun.ts region <functions> <duration>
 *   tsx test/bench/regionRun.ts idle <functions> <provisioned each> <calls per second> <duration> [function|account|whole]
 */
import { idleSpec, regionSpec } from './regionSpec.ts';

type PrepareModule = typeof import('../../src/experiments/prepare.ts');
type RunModule = typeof import('../../src/experiments/runExperiment.ts');
type RegistryModule = typeof import('../../src/models/registry.ts');
type SplitModule = typeof import('../../src/experiments/regionSplit.ts');
type ReplicationModule = typeof import('../../src/experiments/replication.ts');

// The compiled modules (dist/, built by `npm run bench`), as the command runs them: tsx's
// transform names every function it makes (esbuild's keepNames), which gives each closure a
// property array of its own (some 250 bytes; 110,000 closures with 10,000 functions), so
// that src/ run through tsx measures a bigger, sparser heap than the command has.
const dist = (f: string) => new URL(`../../dist/${f}`, import.meta.url).href;
const { prepareExperiment } = (await import(dist('experiments/prepare.js'))) as PrepareModule;
const { runExperiment } = (await import(dist('experiments/runExperiment.js'))) as RunModule;
const { presetRegistry } = (await import(dist('models/registry.js'))) as RegistryModule;
const { splitPlan } = (await import(dist('experiments/regionSplit.js'))) as SplitModule;
const { togetherSteps } = (await import(dist('experiments/replication.js'))) as ReplicationModule;
const { replicationSeed } = (await import(dist('experiments/runExperiment.js'))) as RunModule;

const [mode, ...args] = process.argv.slice(2);

const spec =
  mode === 'region'
    ? regionSpec(Number(args[0]), args[1])
    : idleSpec(
        Number(args[0]),
        Number(args[1]),
        Number(args[2]),
        args[3],
        args[4] === 'account' || args[4] === 'whole' ? args[4] : 'function',
      );
const t0 = performance.now();
const prepared = prepareExperiment(spec, { models: presetRegistry() });
const prepareSeconds = (performance.now() - t0) / 1000;
const t1 = performance.now();
const cpu0 = process.cpuUsage();
const p = args[4] === 'whole' ? togetherPoint() : runExperiment(prepared).results.points[0];
const seconds = (performance.now() - t1) / 1000;
// CPU time of the run: unlike wall time, it does not count the time other programs held the
// cores (the machine is shared), so it is what the ratios and the extrapolation use.
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(
  `${JSON.stringify({
    calls: p.calls.arrivals,
    completed: p.calls.completed,
    coldShare: p.cold.share.value,
    instancesMean: p.instances.mean,
    prepareSeconds,
    seconds,
    cpuSeconds,
    callsPerSecond: p.calls.arrivals / seconds,
    callsPerCpuSecond: p.calls.arrivals / cpuSeconds,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);

/**
 * The point's one replication with all its blocks in one simulation (the 'whole' case), in the
 * few fields printed above.
 */
function togetherPoint() {
  const point = prepared.points[0].resolved;
  const plan = splitPlan(point);
  if (plan.kind !== 'blocks') throw new Error('the idle case is a region: expected blocks');
  const steps = togetherSteps(point, replicationSeed(prepared.spec.seed, 0), plan.blocks);
  for (;;) {
    const r = steps.next();
    if (!r.done) continue;
    const d = r.value;
    return {
      calls: { arrivals: d.arrivals, completed: d.completed },
      cold: { share: { value: d.coldRoots / Math.max(1, d.completed) } },
      instances: { mean: d.instances.mean },
    };
  }
}
