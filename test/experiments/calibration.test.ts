/**
 * The presets against the published figures of CALIBRATION.md. Each check
 * samples the preset's distributions as the simulator does (100,000 draws at
 * a fixed seed) and compares percentiles with the figure, within a tolerance
 * that says how closely the preset claims to match it: tight where the
 * preset was fitted to a measurement, looser for the far tails and for
 * starting shapes that are themselves estimates.
 */
import { describe, expect, it } from 'vitest';
import { toClientConfig } from '../../src/models/clientModel.ts';
import { toPlatformConfig } from '../../src/models/platformModel.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import type { PlatformConfig } from '../../src/platform/config.ts';
import { Hop } from '../../src/platform/hop.ts';
import type { Distribution } from '../../src/random/distribution.ts';
import { parseDistributionSpec } from '../../src/random/distributionSpec.ts';
import { fromSpec } from '../../src/random/fromSpec.ts';
import { createStream } from '../../src/random/streams.ts';

const N = 100_000;
const SEED = 'calibration';
const models = presetRegistry();

/** Sorted draws of `draw`, and their p-quantile (nearest rank). */
function sample(draw: () => number): (p: number) => number {
  const a = new Float64Array(N);
  for (let i = 0; i < N; i++) a[i] = draw();
  a.sort();
  return (p) => a[Math.min(N - 1, Math.max(0, Math.ceil(p * N) - 1))];
}

function platform(name: string): PlatformConfig {
  return toPlatformConfig(models.platform(name, 'test').model);
}

/** The cold start: the sum of its phases, one draw each. */
function coldStart(name: string): (p: number) => number {
  const phases = platform(name).coldStart;
  const rng = createStream(SEED, `${name}/coldStart`);
  return sample(() => phases.reduce((s, d) => s + d.sample(rng), 0));
}

// The function of the shipped experiments and of the warm-path figures: a
// responsive function, median 5 ms (the founding article: 1-10 ms).
const FUNCTION: Distribution = fromSpec(
  parseDistributionSpec({ lognormal: { p50: '5ms', p99: '20ms' } }),
);

/**
 * A warm call from inside the region (no internet hop): gateway and cloud
 * network both ways, the front end, and the function. This is what Wang et
 * al. timed from a VM in the same region.
 */
function warmPath(name: string): (p: number) => number {
  const p = platform(name);
  const rng = createStream(SEED, `${name}/warm`);
  return sample(() => {
    let t = p.network.sample(rng) + p.network.sample(rng) + p.frontEnd.sample(rng);
    if (p.gateway) t += p.gateway.sample(rng) + p.gateway.sample(rng);
    return t + FUNCTION.sample(rng);
  });
}

/** The client's internet round trip: one draw each way, lost packets included. */
function roundTrip(name: string): (p: number) => number {
  const c = toClientConfig(models.client(name, 'test').model);
  const hop = new Hop(
    c.internet!,
    createStream(SEED, `${name}/internet`),
    c.lossProbability,
    c.retransmitTimeout,
  );
  return sample(() => hop.sample() + hop.sample());
}

/** |actual / target - 1| <= tolerance. */
function near(actual: number, target: number, tolerance: number, what: string): void {
  const err = actual / target - 1;
  expect(
    Math.abs(err),
    `${what}: ${actual.toFixed(2)} vs ${target} (${(err * 100).toFixed(1)}%)`,
  ).toBeLessThanOrEqual(tolerance);
}

describe('cold starts (Shilkov, mikhail.io, 2019: median and 67% / 95% ranges)', () => {
  it.each(['aws-lambda-2019', 'aws-lambda-2019-http-api'])(
    '%s: Node.js median 202 ms, 67% in 163-272 ms, 95% in 80-735 ms',
    (name) => {
      const q = coldStart(name);
      near(q(0.5), 202, 0.02, 'median');
      near(q(0.165), 163, 0.05, 'p16.5');
      near(q(0.835), 272, 0.05, 'p83.5');
      near(q(0.025), 80, 0.1, 'p2.5');
      near(q(0.975), 735, 0.1, 'p97.5');
    },
  );

  it('google-cloud-functions: Node.js median 1.37 s, 95% in 0.25-2.29 s', () => {
    const q = coldStart('google-cloud-functions');
    near(q(0.5), 1370, 0.02, 'median');
    near(q(0.025), 250, 0.1, 'p2.5');
    near(q(0.975), 2290, 0.1, 'p97.5');
  });

  it('azure-functions: Node.js median 3.97 s, 95% in 2.05-12.4 s', () => {
    const q = coldStart('azure-functions');
    near(q(0.5), 3970, 0.02, 'median');
    near(q(0.025), 2050, 0.1, 'p2.5');
    near(q(0.975), 12_400, 0.1, 'p97.5');
  });

  it('cloudflare-workers: isolates start in under 5 ms', () => {
    expect(coldStart('cloudflare-workers')(1)).toBeLessThanOrEqual(5);
  });

  it('the founding article: a cold start of about 1 s sits between Lambda and Azure', () => {
    expect(coldStart('aws-lambda-2019')(0.5)).toBeLessThan(1000);
    expect(coldStart('google-cloud-functions')(0.5)).toBeGreaterThan(1000);
  });
});

describe('warm path from inside the region (Wang et al., USENIX ATC 2018)', () => {
  it('aws-lambda-2019: median about 25 ms; p99 about 60 ms (estimate)', () => {
    const q = warmPath('aws-lambda-2019');
    near(q(0.5), 25, 0.1, 'median');
    near(q(0.99), 60, 0.15, 'p99');
    // CALIBRATION.md's starting shape for the platform alone: median 15-25 ms.
    const p = platform('aws-lambda-2019');
    const rng = createStream(SEED, 'aws/platform');
    const alone = sample(
      () => p.network.sample(rng) + p.network.sample(rng) + p.frontEnd.sample(rng),
    );
    expect(alone(0.5)).toBeGreaterThanOrEqual(15);
    expect(alone(0.5)).toBeLessThanOrEqual(25);
  });

  it('google-cloud-functions: median about 79 ms', () => {
    near(warmPath('google-cloud-functions')(0.5), 79, 0.1, 'median');
  });

  it('azure-functions: median about 320 ms', () => {
    near(warmPath('azure-functions')(0.5), 320, 0.1, 'median');
  });

  it('aws-lambda-2019-http-api: the gateway adds a median of about 4 ms and a p99 under 10 ms', () => {
    const g = platform('aws-lambda-2019-http-api').gateway!;
    const rng = createStream(SEED, 'http-api/gateway');
    const q = sample(() => g.sample(rng) + g.sample(rng));
    near(q(0.5), 4, 0.1, 'gateway median');
    expect(q(0.99)).toBeLessThanOrEqual(10.5);
  });
});

describe('internet round trips (the founding article; CALIBRATION.md starting shapes)', () => {
  it('same-region: median 0.3 ms, p99 1 ms (one zone)', () => {
    const q = roundTrip('same-region');
    near(q(0.5), 0.3, 0.1, 'median');
    near(q(0.99), 1, 0.1, 'p99');
  });

  it('us-metro: median 4 ms, p99 10 ms (article: 3-4 ms)', () => {
    const q = roundTrip('us-metro');
    near(q(0.5), 4, 0.05, 'median');
    near(q(0.99), 10, 0.1, 'p99');
  });

  it('us-typical: median 10 ms, p99 25 ms (article: about 10 ms)', () => {
    const q = roundTrip('us-typical');
    near(q(0.5), 10, 0.05, 'median');
    near(q(0.99), 25, 0.1, 'p99');
  });

  it('us-rural: median 32 ms (article: 30-35 ms)', () => {
    const q = roundTrip('us-rural');
    near(q(0.5), 32, 0.05, 'median');
  });

  it('mobile-4g: median 50 ms, p99 150 ms (Opensignal 2019: 44-66 ms average)', () => {
    const q = roundTrip('mobile-4g');
    near(q(0.5), 50, 0.05, 'median');
    near(q(0.99), 150, 0.1, 'p99');
    const rng = createStream(SEED, 'mobile-4g/mean');
    const c = toClientConfig(models.client('mobile-4g', 'test').model);
    const hop = new Hop(c.internet!, rng, c.lossProbability, c.retransmitTimeout);
    let sum = 0;
    for (let i = 0; i < N; i++) sum += hop.sample() + hop.sample();
    const mean = sum / N;
    expect(mean).toBeGreaterThanOrEqual(44);
    expect(mean).toBeLessThanOrEqual(66);
  });

  it('mobile-5g: 1-2 ms more than a wired metro user', () => {
    const g = roundTrip('mobile-5g');
    const m = roundTrip('us-metro');
    for (const p of [0.5, 0.9, 0.99]) {
      const extra = g(p) - m(p);
      expect(extra, `at p${p * 100}`).toBeGreaterThanOrEqual(0.8);
      expect(extra, `at p${p * 100}`).toBeLessThanOrEqual(2.2);
    }
  });

  it('4G costs about 50 ms more than a wired metro user', () => {
    const extra = roundTrip('mobile-4g')(0.5) - roundTrip('us-metro')(0.5);
    expect(extra).toBeGreaterThanOrEqual(40);
    expect(extra).toBeLessThanOrEqual(55);
  });
});

describe('keep-alive, limits and sources', () => {
  const keepAlive = (name: string) => models.platform(name, 'test').model.keepAlive;

  it('idle instances kept: Lambda 10 min, Azure 20 min, Google 3 min to hours', () => {
    expect(keepAlive('aws-lambda-2019')).toEqual({ kind: 'constant', value: 600_000 });
    expect(keepAlive('aws-lambda-2019-http-api')).toEqual({ kind: 'constant', value: 600_000 });
    expect(keepAlive('azure-functions')).toEqual({ kind: 'constant', value: 1_200_000 });
    const google = fromSpec(keepAlive('google-cloud-functions')!);
    expect(google.quantile(0)).toBe(180_000);
    expect(google.quantile(1)).toBeGreaterThanOrEqual(3_600_000);
  });

  it('Lambda 2019: 1000 calls at once, a burst of 3000 starts, then 500 a minute', () => {
    for (const name of ['aws-lambda-2019', 'aws-lambda-2019-http-api']) {
      const m = models.platform(name, 'test').model;
      expect(m.maxConcurrency).toBe(1000);
      expect(m.onLimit).toBe('throttle');
      expect(m.burst?.initial).toBe(3000);
      near(m.burst!.perSecond * 60, 500, 0.001, 'starts per minute');
    }
  });

  it('every source names its kind: measured (M), claimed (C) or derived (D)', () => {
    const all = [...models.platforms.values(), ...models.clients.values()];
    for (const entry of all) {
      for (const line of entry.model.source) {
        expect(line, `${entry.file}: ${line}`).toMatch(/\((?:[^()]*[;,] )?[MCD](?:[,;][^()]*)?\)/);
      }
    }
  });
});
