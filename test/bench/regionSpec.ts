/** The experiments the region benchmarks run (test/bench/regionRun.ts, cases/regionCases.ts). */

/** A synthetic Azure-like region: each function capped at 2.5 calls/s, about 1e8 calls a day for 10,000. */
export function regionSpec(functions: number, duration: string): Record<string, unknown> {
  return {
    name: 'region',
    description: 'bench',
    replications: 1,
    duration,
    client: 'us-typical',
    platform: 'azure-functions',
    // No account-wide limit: the bench measures the simulator, not Azure's 2019 limits.
    platformOverrides: { maxConcurrency: 'unlimited' },
    function: { timeout: '10min' },
    workload: { population: { functions, maxPerSecond: 2.5 } },
    limits: { maxInFlight: 1e7, maxCallsInFlight: 1e7 },
  };
}

/**
 * How the idle case's functions run: 'function', uncoupled (limits per function), so a run
 * splits them into blocks of 256, each a simulation of its own (as the command runs such a
 * region); 'account', under one account-wide limit so large it never binds, so the blocks run
 * apart and the check afterwards passes (sharedCheck.ts); 'whole', the same region with all its
 * blocks in one simulation (togetherSteps: what a region pays where something couples it, or
 * where an account's limit binds).
 */
export type IdleCoupling = 'function' | 'account' | 'whole';

/** `functions` functions with `provisioned` idle instances each, called evenly at `perSecond` in all. */
export function idleSpec(
  functions: number,
  provisioned: number,
  perSecond: number,
  duration: string,
  scope: IdleCoupling = 'function',
): Record<string, unknown> {
  return {
    name: 'idle',
    description: 'bench',
    replications: 1,
    duration,
    client: 'us-typical',
    platform: 'aws-lambda-2019',
    platformOverrides: {
      maxConcurrency: 'unlimited',
      burst: { initial: 1e9, perSecond: 1e9 },
      keepAlive: 'forever',
      limitScope: scope === 'function' ? 'function' : 'account',
      provisioned,
    },
    workload: {
      population: {
        functions,
        perDay: (perSecond / functions) * 86_400,
        periodicShare: 0,
        iatCv: 1,
        execution: '10ms',
        executionSigma: 0,
        memoryMB: 128,
      },
    },
  };
}
