import type { FunctionConfig, PlatformConfig } from '../platform/config.ts';
import { type MemoryModel, offers, vcpuAt } from '../platform/memory.ts';
import type { Distribution } from '../random/distribution.ts';
import { fromSpec } from '../random/fromSpec.ts';
import { SpecError } from '../spec/specError.ts';
import type { FunctionArrivals, RegionFunction } from '../workload/population/regionFunction.ts';

/** A function of a region as a resolved source holds it: its name and its calls. */
export interface RegionRoute {
  name: string;
  arrivals: FunctionArrivals;
}

/**
 * The memory size a platform gives a function that holds `mb`: the smallest size it offers
 * that is at least that, or its largest (a function of the Burr tail asking for more than the
 * platform has gets the most there is). Without a memory model, `mb` rounded up to a whole MB.
 */
export function fitMemory(m: MemoryModel | null, mb: number): number {
  const want = Math.max(1, Math.ceil(mb));
  if (m === null) return want;
  if (m.kind === 'tiers') {
    const sizes = m.tiers.map((t) => t.memoryMB).sort((a, b) => a - b);
    return sizes.find((s) => s >= want) ?? sizes[sizes.length - 1];
  }
  const top = m.minMB + Math.floor((m.maxMB - m.minMB) / m.stepMB) * m.stepMB;
  if (want <= m.minMB) return m.minMB;
  const up = m.minMB + Math.ceil((want - m.minMB) / m.stepMB) * m.stepMB;
  return Math.min(up, top);
}

/**
 * The functions of a workload of many functions, resolved on `platform`: each its own
 * FunctionConfig (its own pool), with its own execution and memory where the source gives
 * them, the experiment's `function` settings where it does not.
 */
export function regionFunctionConfigs(
  region: RegionFunction[],
  platform: PlatformConfig,
  defaults: {
    execution: Distribution;
    memoryMB: number;
    timeout: number;
    /** The experiment's `function.crashProbability`, for every function of the source. */
    crashProbability?: number;
  },
  taken: Set<string>,
  path: string,
): { configs: FunctionConfig[]; routes: RegionRoute[] } {
  const configs: FunctionConfig[] = [];
  const routes: RegionRoute[] = [];
  // Executions drawn alike (a trace's functions without a duration row) share one sampler.
  for (const f of region) {
    if (taken.has(f.name)) {
      throw new SpecError(
        path,
        `function "${f.name}" is already a function of the experiment (a graph function or another source's): give the source another prefix`,
      );
    }
    taken.add(f.name);
    const memoryMB =
      f.memoryMB === undefined ? defaults.memoryMB : fitMemory(platform.memory, f.memoryMB);
    const m = platform.memory;
    configs.push({
      name: f.name,
      platform,
      execution: f.execution ? fromSpec(f.execution) : defaults.execution,
      timeout: defaults.timeout,
      memoryMB,
      ...(defaults.crashProbability ? { crashProbability: defaults.crashProbability } : {}),
      vcpu: m !== null && offers(m, memoryMB) ? vcpuAt(m, memoryMB) : 0,
    });
    routes.push({ name: f.name, arrivals: f.arrivals });
  }
  return { configs, routes };
}
