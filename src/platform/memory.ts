import type { Distribution } from '../random/distribution.ts';
import type { Rng } from '../random/rng.ts';
import { formatDuration } from '../spec/duration.ts';

/**
 * Memory, CPU and billing as platforms document them: which memory sizes a platform offers,
 * the CPU each size gets, how a function's execution time follows that CPU, and how a call's
 * duration and memory are rounded for the bill. The schemas are in models/memory.ts.
 */

/** The memory sizes offered and the vCPU each gets (see models/memory.ts). */
export type MemoryModel =
  | {
      kind: 'proportional';
      minMB: number;
      maxMB: number;
      stepMB: number;
      oneVcpuAtMB: number;
      maxVcpu?: number;
    }
  | { kind: 'tiers'; tiers: { memoryMB: number; vcpu: number }[] }
  | { kind: 'fixed'; minMB: number; maxMB: number; stepMB: number; vcpu: number };

/** A call is billed max(minimum, duration rounded up to granularity); memory rounded up to memoryStepMB. */
export interface Billing {
  granularity: number;
  minimum: number;
  memoryStepMB: number;
  /**
   * What the duration is: each call's time on its instance ('call', absent), or an instance's
   * time while it starts and while at least one call runs on it, once however many share it
   * ('instance': Cloud Run's request-based billing); each stretch is rounded as a call is.
   */
  per?: 'call' | 'instance';
}

export const EXACT_BILLING: Billing = { granularity: 0, minimum: 0, memoryStepMB: 1 };

/** A function's execution as measured at `referenceMB`: its CPU-bound share and threads. */
export interface CpuSpec {
  referenceMB: number;
  cpuBound: number;
  threads: number;
}

/** The billed duration of a call that held its instance `ms`. */
export function billedMs(ms: number, step: number, minimum: number): number {
  const rounded = step > 0 ? Math.ceil(ms / step - 1e-9) * step : ms;
  return Math.max(rounded, minimum);
}

/** The billed memory, MB. */
export function billedMemoryMB(memoryMB: number, billing: Billing): number {
  return Math.ceil(memoryMB / billing.memoryStepMB) * billing.memoryStepMB;
}

/** Says which memory sizes `m` offers, for a message. */
export function allowedSizes(m: MemoryModel): string {
  if (m.kind === 'tiers') return `only ${m.tiers.map((t) => t.memoryMB).join(', ')} MB`;
  return m.stepMB === 1
    ? `${m.minMB} to ${m.maxMB} MB`
    : `${m.minMB} to ${m.maxMB} MB in steps of ${m.stepMB} MB`;
}

/** Whether the platform offers `memoryMB`. */
export function offers(m: MemoryModel, memoryMB: number): boolean {
  if (m.kind === 'tiers') return m.tiers.some((t) => t.memoryMB === memoryMB);
  return memoryMB >= m.minMB && memoryMB <= m.maxMB && (memoryMB - m.minMB) % m.stepMB === 0;
}

/** The vCPU a size gets (the size must be offered). */
export function vcpuAt(m: MemoryModel, memoryMB: number): number {
  switch (m.kind) {
    case 'proportional':
      return Math.min(memoryMB / m.oneVcpuAtMB, m.maxVcpu ?? Infinity);
    case 'tiers':
      return m.tiers.find((t) => t.memoryMB === memoryMB)!.vcpu;
    case 'fixed':
      return m.vcpu;
  }
}

/** The CPU a function can use at a size: its vCPU share, but no more cores than threads. */
export function usableCpu(m: MemoryModel, memoryMB: number, threads: number): number {
  return Math.min(vcpuAt(m, memoryMB), threads);
}

/**
 * How much longer (above 1) or shorter the execution is at `memoryMB` than at the reference
 * size: the CPU-bound share scales with the inverse of the usable CPU, the rest stays.
 */
export function executionFactor(m: MemoryModel, cpu: CpuSpec, memoryMB: number): number {
  const ratio = usableCpu(m, cpu.referenceMB, cpu.threads) / usableCpu(m, memoryMB, cpu.threads);
  return 1 - cpu.cpuBound + cpu.cpuBound * ratio;
}

/**
 * The factor for the CPU-bound phases of a cold start (runtime and function initialisation):
 * wholly CPU-bound and single-threaded, read as measured at the function's reference size.
 */
export function coldStartFactor(m: MemoryModel, cpu: CpuSpec, memoryMB: number): number {
  return usableCpu(m, cpu.referenceMB, 1) / usableCpu(m, memoryMB, 1);
}

/** Says a billing setting in words, for docs and messages. */
export function describeBilling(b: Billing): string {
  const parts = [
    b.granularity > 0 ? `rounded up to ${formatDuration(b.granularity)}` : 'billed exactly',
  ];
  if (b.minimum > 0)
    parts.push(
      `at least ${formatDuration(b.minimum)} a ${b.per === 'instance' ? 'stretch' : 'call'}`,
    );
  if (b.memoryStepMB > 1) parts.push(`memory rounded up to ${b.memoryStepMB} MB`);
  if (b.per === 'instance') parts.push('per instance while busy, not per call');
  return parts.join(', ');
}

/** `dist` with every draw multiplied by `factor` (> 0): an execution time at another size. */
export function scaleBy(dist: Distribution, factor: number): Distribution {
  if (factor === 1) return dist;
  return {
    kind: dist.kind,
    mean: dist.mean * factor,
    sample: (rng: Rng) => dist.sample(rng) * factor,
    cdf: (x: number) => dist.cdf(x / factor),
    quantile: (p: number) => dist.quantile(p) * factor,
  };
}
