import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/spec/specError.ts';
import { platformModel, prepare, run } from './experimentHelpers.ts';

function refusal(spec: Record<string, unknown>): { path: string; reason: string } {
  try {
    prepare({ duration: '1min', workload: { poisson: { perSecond: 1 } }, ...spec });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return { path: (e as SpecError).path, reason: (e as SpecError).reason };
  }
  throw new Error('the experiment was accepted');
}

const proportional = {
  proportional: { minMB: 128, maxMB: 3008, stepMB: 64, oneVcpuAtMB: 1792 },
};

describe('memory sizes a platform does not offer are refused, naming what it offers', () => {
  it('off the 64 MB grid of Lambda in 2019, or above its 3,008 MB', () => {
    expect(refusal({ platform: 'aws-lambda-2019', function: { memoryMB: 1000 } })).toEqual({
      path: 'function.memoryMB',
      reason:
        'platform "aws-lambda-2019" does not offer 1000 MB: it offers 128 to 3008 MB in steps of 64 MB',
    });
    expect(refusal({ platform: 'aws-lambda-2019', functions: { f1: { memoryMB: 4096 } } })).toEqual(
      {
        path: 'functions.f1.memoryMB',
        reason:
          'platform "aws-lambda-2019" does not offer 4096 MB: it offers 128 to 3008 MB in steps of 64 MB',
      },
    );
  });

  it('a size between the tiers of Google Cloud Functions', () => {
    expect(refusal({ platform: 'google-cloud-functions', function: { memoryMB: 768 } })).toEqual({
      path: 'function.memoryMB',
      reason:
        'platform "google-cloud-functions" does not offer 768 MB: it offers only 128, 256, 512, 1024, 2048 MB',
    });
  });

  it('a reference size the platform does not offer', () => {
    expect(
      refusal({
        platform: 'aws-lambda-2019',
        function: { cpu: { referenceMB: 1000, cpuBound: 1 } },
      }),
    ).toEqual({
      path: 'function.cpu.referenceMB',
      reason:
        'platform "aws-lambda-2019" does not offer 1000 MB: it offers 128 to 3008 MB in steps of 64 MB',
    });
  });

  it('a CPU share on a platform that says nothing of CPU per size', () => {
    const r = refusal({
      platform: 'cloudflare-workers',
      function: { cpu: { referenceMB: 128, cpuBound: 1 } },
    });
    expect(r.path).toBe('function.cpu');
    expect(r.reason).toMatch(/platform "cloudflare-workers" says nothing of the CPU/);
  });

  it('bad values of the new fields, each at its path', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { function: { cpu: { referenceMB: 1024, cpuBound: 1.5 } } },
        'function.cpu.cpuBound',
        /<= 1/,
      ],
      [
        { function: { cpu: { referenceMB: 1024, cpuBound: 1, threads: 0 } } },
        'function.cpu.threads',
        />= 1/,
      ],
      [
        { function: { cpu: { referenceMB: 1024, cpuBound: 1, threads: 1.5 } } },
        'function.cpu.threads',
        /whole number|integer/,
      ],
      [{ function: { cpu: { cpuBound: 1 } } }, 'function.cpu', /referenceMB/],
      [
        { platform: platformModel({ billing: { granularity: 'soon' } }) },
        'platform.billing.granularity',
        /duration/,
      ],
      [
        { platform: platformModel({ billing: { memoryStepMB: 0 } }) },
        'platform.billing.memoryStepMB',
        />= 1/,
      ],
      [
        {
          platform: platformModel({
            memory: { proportional: { minMB: 128, maxMB: 1000, stepMB: 64, oneVcpuAtMB: 1792 } },
          }),
        },
        'platform.memory.proportional.maxMB',
        /whole number of steps of 64 MB/,
      ],
      [
        {
          platform: platformModel({
            memory: {
              tiers: [
                { memoryMB: 256, vcpu: 0.2 },
                { memoryMB: 128, vcpu: 0.1 },
              ],
            },
          }),
        },
        'platform.memory.tiers[1].memoryMB',
        /larger than the tier before \(256 MB\)/,
      ],
      [
        { platformOverrides: { billing: { minimum: '-1ms' } } },
        'platformOverrides.billing.minimum',
        /./,
      ],
    ];
    for (const [spec, path, reason] of cases) {
      const r = refusal(spec);
      expect(r.path, JSON.stringify(spec)).toBe(path);
      expect(r.reason).toMatch(reason);
    }
  });
});

describe('billing as the platform billed in its era', () => {
  const price = { perMillionRequests: 0.2, perGBSecond: 0.0000166667 };
  const base = {
    duration: '100s',
    workload: { constant: { perSecond: 10 } },
    replications: 1,
    function: { execution: '27.4ms', memoryMB: 1024 },
  };
  const costOf = (billing?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    run({
      ...base,
      platform: platformModel({ price, ...(billing ? { billing } : {}), ...extra }),
    })[0].cost;

  it('each call is billed in whole steps: 27.4 ms is 100 ms in 100 ms steps, 28 in 1 ms steps', () => {
    const calls = 1000;
    const perCall = (ms: number) =>
      price.perMillionRequests / 1e6 + (ms / 1000) * 1 * price.perGBSecond;
    const exact = costOf();
    const old = costOf({ granularity: '100ms', minimum: '100ms' });
    const now = costOf({ granularity: '1ms' });
    expect(exact.requests).toBe(calls);
    expect(exact.usd).toBeCloseTo(calls * perCall(27.4), 12);
    expect(old.usd).toBeCloseTo(calls * perCall(100), 12);
    expect(now.usd).toBeCloseTo(calls * perCall(28), 12);
    expect(old.gbSeconds).toBeCloseTo(calls * 0.1, 9);
  });

  it('per instance (Cloud Run): calls sharing an instance are billed once, its idle time not at all', () => {
    // A call every 10 ms, each 27.4 ms, up to 10 at once on one always-warm instance: the
    // instance is never idle from the first call to the end of the last.
    const shared = { workload: { constant: { perSecond: 100 } } };
    const costs = (per: string) =>
      run({
        ...base,
        workload: shared.workload,
        platform: platformModel({
          price,
          provisioned: 1,
          concurrencyPerInstance: 10,
          billing: { per },
        }),
      })[0].cost;
    const perCall = costs('call');
    const perInstance = costs('instance');
    const calls = perCall.requests;
    expect(perCall.gbSeconds).toBeCloseTo(calls * 0.0274, 9);
    expect(perInstance.gbSeconds).toBeCloseTo((calls - 1) * 0.01 + 0.0274, 9);
    // The request fees are the same; the duration is billed about 2.7 times less.
    expect(perInstance.usd).toBeCloseTo(
      (calls * price.perMillionRequests) / 1e6 + perInstance.gbSeconds * price.perGBSecond,
      12,
    );
    // With a warm-up, the instance's stretch begun before it is billed from its end only.
    const [late] = run({
      ...base,
      warmup: '50s',
      workload: shared.workload,
      platform: platformModel({
        price,
        provisioned: 1,
        concurrencyPerInstance: 10,
        billing: { per: 'instance' },
      }),
    });
    // Busy from 50 s (the end of the warm-up) to the last call's end, at most 27.4 ms past
    // 100 s: 50 s billed, not the 100 s since the instance first got busy.
    expect(late.cost.gbSeconds).toBeGreaterThan(49.99);
    expect(late.cost.gbSeconds).toBeLessThan(50.03);
    // Calls 100 ms apart never share: per instance is per call again, each stretch rounded.
    const apart = (per: string) =>
      costOf({ per, granularity: '100ms' }, { provisioned: 1, concurrencyPerInstance: 10 });
    expect(apart('instance').gbSeconds).toBeCloseTo(apart('call').gbSeconds, 9);
  });

  it('memory is billed rounded up to the step (Azure: 160 MB is billed as 256 MB)', () => {
    const at = (memoryStepMB: number) =>
      run({
        ...base,
        function: { execution: '100ms', memoryMB: 160 },
        platform: platformModel({ price, billing: { memoryStepMB } }),
      })[0].cost;
    expect(at(128).gbSeconds / at(1).gbSeconds).toBeCloseTo(256 / 160, 12);
  });

  it('a CPU price adds vCPU-seconds at the vCPU the size gets (GCF 1st gen: GHz-seconds)', () => {
    const memory = { tiers: [{ memoryMB: 1024, vcpu: 0.583 }] };
    const plain = costOf(undefined, { memory });
    const withCpu = run({
      ...base,
      platform: platformModel({ price: { ...price, perVcpuSecond: 0.000024 }, memory }),
    })[0].cost;
    expect(withCpu.usd - plain.usd).toBeCloseTo(1000 * 0.0274 * 0.583 * 0.000024, 12);
  });

  it('the shipped Lambda 2019 preset bills a 5 ms call as 100 ms', () => {
    const [p] = run({
      duration: '60s',
      warmup: '10s',
      replications: 1,
      platform: 'aws-lambda-2019',
      workload: { constant: { perSecond: 5 } },
      function: { execution: '5ms', memoryMB: 128 },
    });
    expect(p.cost.gbSeconds).toBeCloseTo(p.cost.requests * 0.1 * 0.125, 9);
  });
});

describe('execution time and CPU-bound cold-start phases follow the memory size', () => {
  // Warm: one provisioned instance; cold: keep-alive 0, so every call starts an instance.
  const mean = (memoryMB: number, cpu: Record<string, unknown> | undefined, cold = false) =>
    run({
      duration: '10s',
      replications: 1,
      platform: platformModel({
        memory: proportional,
        coldStart: { sandbox: '50ms', runtimeInit: '200ms' },
        ...(cold ? { keepAlive: 0 } : { provisioned: 1 }),
      }),
      workload: { constant: { perSecond: 0.5 } },
      function: { execution: '100ms', memoryMB, ...(cpu ? { cpu } : {}) },
    })[0].endToEnd.mean.value;
  const cpu = { referenceMB: 1024, cpuBound: 1 };

  it('a CPU-bound single-threaded function given at 1,024 MB takes twice as long at 512 MB', () => {
    expect(mean(512, cpu)).toBeCloseTo(200, 9);
    // Above one vCPU (1,792 MB) a single thread gets no faster; two threads do.
    expect(mean(3008, cpu)).toBeCloseTo((100 * 1024) / 1792, 4);
    expect(mean(3008, { ...cpu, threads: 2 })).toBeCloseTo((100 * 1024) / 3008, 4);
    // Half CPU-bound: only half scales.
    expect(mean(512, { ...cpu, cpuBound: 0.5 })).toBeCloseTo(150, 9);
  });

  it('a cold start: runtimeInit (CPU-bound) doubles at half the memory, the sandbox does not', () => {
    expect(mean(512, cpu, true)).toBeCloseTo(50 + 400 + 200, 9);
    expect(mean(1024, cpu, true)).toBeCloseTo(50 + 200 + 100, 9);
  });

  it('without cpu, the execution is the same at every size', () => {
    expect(mean(128, undefined)).toBeCloseTo(100, 9);
    expect(mean(128, undefined, true)).toBeCloseTo(350, 9);
  });
});
