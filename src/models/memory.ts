import type { Billing, CpuSpec, MemoryModel } from '../platform/memory.ts';
import { duration } from '../spec/duration.ts';
import {
  array,
  enumOf,
  integer,
  number,
  object,
  oneKey,
  optional,
  probability,
  refine,
  type Schema,
  transform,
  withDefault,
} from '../spec/schema.ts';

/** The largest memory size any platform field may name, MB (32 GB, as function.memoryMB). */
export const MAX_MEMORY_MB = 32_768;

const mb = integer({ min: 1, max: MAX_MEMORY_MB });

/** Sizes from minMB to maxMB in steps of stepMB (from minMB): maxMB must lie on the grid. */
const range = {
  minMB: mb.describe('The smallest size offered'),
  maxMB: mb.describe('The largest size offered'),
  stepMB: withDefault(mb, 1).describe('Sizes go up from minMB in these steps'),
};

function checkRange(r: { minMB: number; maxMB: number; stepMB: number }) {
  if (r.maxMB < r.minMB) return { path: 'maxMB', reason: `must be at least minMB (${r.minMB})` };
  if ((r.maxMB - r.minMB) % r.stepMB !== 0) {
    return {
      path: 'maxMB',
      reason: `must be minMB (${r.minMB}) plus a whole number of steps of ${r.stepMB} MB`,
    };
  }
  return undefined;
}

/**
 * How much CPU a function gets at each memory size the platform offers, as the platform
 * documents it: in proportion to memory (Lambda), one CPU figure per memory tier (Google
 * Cloud Functions 1st gen), or the same CPU at every size (Azure's Consumption plan).
 */
export const memorySchema: Schema<MemoryModel> = oneKey({
  proportional: transform(
    refine(
      object({
        ...range,
        oneVcpuAtMB: mb.describe('The memory size that gets one full vCPU'),
        maxVcpu: optional(number({ exclusiveMin: 0, max: 1024 })).describe(
          'The most vCPU any size gets (absent: no cap below maxMB)',
        ),
      }),
      checkRange,
    ),
    (v) => ({ kind: 'proportional' as const, ...v }),
  ).describe('vCPU = memory / oneVcpuAtMB, at most maxVcpu (AWS Lambda).'),
  tiers: transform(
    refine(
      array(object({ memoryMB: mb, vcpu: number({ exclusiveMin: 0, max: 1024 }) }), {
        minItems: 1,
      }),
      (tiers) => {
        for (let i = 1; i < tiers.length; i++) {
          if (!(tiers[i].memoryMB > tiers[i - 1].memoryMB)) {
            return {
              path: [i, 'memoryMB'],
              reason: `must be larger than the tier before (${tiers[i - 1].memoryMB} MB)`,
            };
          }
        }
        return undefined;
      },
    ),
    (tiers) => ({ kind: 'tiers' as const, tiers }),
  ).describe('Only these sizes, each with its vCPU (Google Cloud Functions 1st gen).'),
  fixed: transform(
    refine(object({ ...range, vcpu: number({ exclusiveMin: 0, max: 1024 }) }), checkRange),
    (v) => ({ kind: 'fixed' as const, ...v }),
  ).describe('The same vCPU at every size (Azure Functions Consumption: one CPU per instance).'),
}).describe(
  'The memory sizes the platform offers and the CPU each gets. Absent: any size, and the execution time does not depend on it.',
);

/**
 * How the platform bills a call's duration and memory, in its era. A call is billed
 * max(minimum, duration rounded up to granularity); memory is rounded up to memoryStepMB.
 */
export const billingSchema: Schema<Billing> = object({
  granularity: withDefault(duration(), 0).describe(
    'Billed duration is rounded up to a multiple of this (0: billed exactly). Lambda: 100ms until December 2020, 1ms after.',
  ),
  minimum: withDefault(duration(), 0).describe('The least duration billed for a call.'),
  memoryStepMB: withDefault(mb, 1).describe(
    'Billed memory is rounded up to a multiple of this (Azure Consumption: 128).',
  ),
  per: withDefault(enumOf(['call', 'instance'] as const), 'call').describe(
    "What is billed: each call's time on its instance (call: Lambda, Azure Consumption), or an instance's time while it starts and while at least one call runs on it, counted once however many calls share it (instance: Cloud Run's request-based billing); granularity and minimum then round each such stretch.",
  ),
}).describe('How durations and memory are rounded for the bill (absent: billed exactly).');

/**
 * A function's execution time as measured at one memory size: how much of it is CPU-bound,
 * and how many threads its code can use (a single-threaded function stops speeding up at
 * one vCPU).
 */
export const cpuSchema: Schema<CpuSpec> = object({
  referenceMB: integer({ min: 1, max: MAX_MEMORY_MB }).describe(
    'The memory size at which `execution` was measured',
  ),
  cpuBound: probability().describe(
    'The share of the execution time at referenceMB spent computing (0: all waiting on I/O, 1: all CPU)',
  ),
  threads: withDefault(integer({ min: 1, max: 1024 }), 1).describe(
    'Threads the code can keep busy at once (default 1)',
  ),
}).describe(
  "How the function's execution time follows its memory size on a platform whose CPU follows memory (absent: the same at every size)",
);
