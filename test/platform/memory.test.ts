import { describe, expect, it } from 'vitest';
import {
  allowedSizes,
  billedMemoryMB,
  billedMs,
  coldStartFactor,
  executionFactor,
  type MemoryModel,
  offers,
  scaleBy,
  vcpuAt,
} from '../../src/platform/memory.ts';
import { lognormalFromQuantiles } from '../../src/random/distributions/lognormalFromQuantiles.ts';
import { createStream } from '../../src/random/streams.ts';

const lambda2019: MemoryModel = {
  kind: 'proportional',
  minMB: 128,
  maxMB: 3008,
  stepMB: 64,
  oneVcpuAtMB: 1792,
};
const today: MemoryModel = {
  kind: 'proportional',
  minMB: 128,
  maxMB: 10240,
  stepMB: 1,
  oneVcpuAtMB: 1769,
  maxVcpu: 6,
};
const gcf: MemoryModel = {
  kind: 'tiers',
  tiers: [
    { memoryMB: 128, vcpu: 0.083 },
    { memoryMB: 2048, vcpu: 1 },
  ],
};

describe('billed duration: max(minimum, duration rounded up to the granularity)', () => {
  it('rounds up to 100 ms steps as Lambda did until December 2020, and to 1 ms after', () => {
    // The AWS post's example: 27.40 ms billed 100 ms before, 27.55 ms billed 28 ms after.
    expect(billedMs(27.4, 100, 100)).toBe(100);
    expect(billedMs(27.55, 1, 0)).toBe(28);
    expect(billedMs(260, 100, 0)).toBe(300); // Google's example: 260 ms billed 300 ms
    expect(billedMs(100, 100, 0)).toBe(100);
    expect(billedMs(200.000000001, 100, 0)).toBe(200); // a sum's rounding error is no step
    expect(billedMs(5, 1, 100)).toBe(100); // Azure: at least 100 ms
    expect(billedMs(12.3, 0, 0)).toBe(12.3); // exact
  });

  it('rounds memory up to the platform step (Azure: 160 MB used is billed 256 MB)', () => {
    expect(billedMemoryMB(160, { granularity: 1, minimum: 100, memoryStepMB: 128 })).toBe(256);
    expect(billedMemoryMB(128, { granularity: 1, minimum: 100, memoryStepMB: 128 })).toBe(128);
    expect(billedMemoryMB(160, { granularity: 0, minimum: 0, memoryStepMB: 1 })).toBe(160);
  });
});

describe('the sizes a platform offers and the CPU each gets', () => {
  it('Lambda 2019: 128 to 3,008 MB on a 64 MB grid, vCPU = MB / 1,792', () => {
    expect(offers(lambda2019, 1024)).toBe(true);
    expect(offers(lambda2019, 1000)).toBe(false);
    expect(offers(lambda2019, 3072)).toBe(false);
    expect(offers(lambda2019, 64)).toBe(false);
    expect(allowedSizes(lambda2019)).toBe('128 to 3008 MB in steps of 64 MB');
    expect(vcpuAt(lambda2019, 1792)).toBe(1);
    expect(vcpuAt(lambda2019, 896)).toBe(0.5);
  });

  it('Lambda today: one vCPU at 1,769 MB, 5.79 at 10,240 MB (under the cap of 6)', () => {
    expect(vcpuAt(today, 1769)).toBe(1);
    expect(vcpuAt(today, 10240)).toBeCloseTo(5.79, 2);
    expect(allowedSizes(today)).toBe('128 to 10240 MB');
    expect(vcpuAt({ ...today, maxVcpu: 2 }, 10240)).toBe(2);
  });

  it('Google Cloud Functions 1st gen: only its tiers', () => {
    expect(offers(gcf, 2048)).toBe(true);
    expect(offers(gcf, 1000)).toBe(false);
    expect(allowedSizes(gcf)).toBe('only 128, 2048 MB');
    expect(vcpuAt(gcf, 128)).toBe(0.083);
  });
});

describe('execution time follows the CPU a size gets', () => {
  it('a wholly CPU-bound single-threaded function: 1/memory below one vCPU, flat above', () => {
    const cpu = { referenceMB: 1024, cpuBound: 1, threads: 1 };
    // AWS's prime-number example: 8x the memory, 8x faster (11.722 s at 128 MB, 1.465 at 1,024).
    expect(executionFactor(today, cpu, 128)).toBeCloseTo(8, 12);
    expect(executionFactor(today, cpu, 1769)).toBeCloseTo(1024 / 1769, 12);
    // A single thread cannot use more than one vCPU.
    expect(executionFactor(today, cpu, 10240)).toBeCloseTo(1024 / 1769, 12);
    const four = { ...cpu, threads: 4 };
    expect(executionFactor(today, four, 7076)).toBeCloseTo(1024 / 7076, 12);
    expect(executionFactor(today, four, 10240)).toBeCloseTo(1024 / 1769 / 4, 12);
  });

  it('only the CPU-bound share scales; the rest (waiting on I/O) stays', () => {
    const cpu = { referenceMB: 1024, cpuBound: 0.25, threads: 1 };
    expect(executionFactor(today, cpu, 512)).toBeCloseTo(0.75 + 0.25 * 2, 12);
    expect(executionFactor(today, { ...cpu, cpuBound: 0 }, 128)).toBe(1);
    expect(executionFactor(today, cpu, 1024)).toBe(1);
  });

  it('CPU-bound cold-start phases scale as a single thread from the reference size', () => {
    const cpu = { referenceMB: 1024, cpuBound: 0.1, threads: 4 };
    expect(coldStartFactor(today, cpu, 256)).toBeCloseTo(4, 12);
    expect(coldStartFactor(today, cpu, 4096)).toBeCloseTo(1024 / 1769, 12);
  });

  it('a scaled distribution draws the same values times the factor, and says so', () => {
    const d = lognormalFromQuantiles(0.5, 5, 0.99, 20);
    const s = scaleBy(d, 3);
    const a = createStream(1, 'x');
    const b = createStream(1, 'x');
    for (let i = 0; i < 100; i++) expect(s.sample(a)).toBeCloseTo(3 * d.sample(b), 12);
    expect(s.mean).toBeCloseTo(3 * d.mean, 12);
    expect(s.quantile(0.99)).toBeCloseTo(60, 9);
    expect(s.cdf(15)).toBeCloseTo(0.5, 9);
    expect(scaleBy(d, 1)).toBe(d);
  });
});
