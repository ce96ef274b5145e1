import { describe, expect, it } from 'vitest';
import {
  type DistributionSpec,
  distributionSchema,
  parseDistributionSpec,
} from '../../src/random/distributionSpec.ts';
import { SpecError } from '../../src/spec/specError.ts';

function specError(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SpecError) return err;
    throw err;
  }
  throw new Error('expected a SpecError, but nothing was thrown');
}

function expectFailure(value: unknown, path: string, reason: string) {
  const err = specError(() => parseDistributionSpec(value, 'coldStart'));
  expect({ path: err.path, reason: err.reason }).toEqual({ path, reason });
}

const FAMILIES =
  'constant, uniform, exponential, normal, lognormal, gamma, weibull, pareto, shifted, mixture, empirical';

describe('parseDistributionSpec: accepted forms', () => {
  it.each<[string, unknown, DistributionSpec]>([
    ['a bare string duration', '5ms', { kind: 'constant', value: 5 }],
    ['a bare number', 5, { kind: 'constant', value: 5 }],
    ['zero', 0, { kind: 'constant', value: 0 }],
    ['constant', { constant: '1.2s' }, { kind: 'constant', value: 1200 }],
    ['uniform', { uniform: { min: '1ms', max: 3 } }, { kind: 'uniform', min: 1, max: 3 }],
    ['degenerate uniform', { uniform: { min: 2, max: 2 } }, { kind: 'uniform', min: 2, max: 2 }],
    ['exponential', { exponential: { mean: '250us' } }, { kind: 'exponential', mean: 0.25 }],
    ['normal', { normal: { mean: '20ms', sd: '5ms' } }, { kind: 'normal', mean: 20, sd: 5 }],
    [
      'lognormal by parameters',
      { lognormal: { mu: -0.38, sigma: 2.36 } },
      { kind: 'lognormal', mu: -0.38, sigma: 2.36 },
    ],
    [
      'lognormal by p50 and p99',
      { lognormal: { p50: '8ms', p99: '40ms' } },
      { kind: 'lognormalQuantiles', p1: 0.5, x1: 8, p2: 0.99, x2: 40 },
    ],
    [
      'lognormal by percentiles in any order',
      { lognormal: { 'p99.9': '2s', p90: '300ms' } },
      { kind: 'lognormalQuantiles', p1: 0.9, x1: 300, p2: 0.999, x2: 2000 },
    ],
    [
      'lognormal by median',
      { lognormal: { median: '202ms', p99: '735ms' } },
      { kind: 'lognormalQuantiles', p1: 0.5, x1: 202, p2: 0.99, x2: 735 },
    ],
    [
      'lognormal by low percentiles',
      { lognormal: { 'p0.5': 1, p1: 2 } },
      { kind: 'lognormalQuantiles', p1: 0.005, x1: 1, p2: 0.01, x2: 2 },
    ],
    [
      'gamma by scale',
      { gamma: { shape: 2, scale: '3ms' } },
      { kind: 'gamma', shape: 2, scale: 3 },
    ],
    [
      'gamma by mean',
      { gamma: { shape: 4, mean: '10ms' } },
      { kind: 'gamma', shape: 4, scale: 2.5 },
    ],
    [
      'weibull',
      { weibull: { shape: 1.5, scale: '1s' } },
      { kind: 'weibull', shape: 1.5, scale: 1000 },
    ],
    ['pareto', { pareto: { min: '10ms', shape: 1.1 } }, { kind: 'pareto', min: 10, shape: 1.1 }],
    [
      'shifted',
      { shifted: { by: '2ms', dist: { exponential: { mean: 1 } } } },
      { kind: 'shifted', by: 2, dist: { kind: 'exponential', mean: 1 } },
    ],
    [
      'mixture',
      {
        mixture: [
          { weight: 0.9, dist: { lognormal: { p50: '200ms', p99: '400ms' } } },
          { weight: 0.1, dist: '1s' },
        ],
      },
      {
        kind: 'mixture',
        components: [
          {
            weight: 0.9,
            dist: { kind: 'lognormalQuantiles', p1: 0.5, x1: 200, p2: 0.99, x2: 400 },
          },
          { weight: 0.1, dist: { kind: 'constant', value: 1000 } },
        ],
      },
    ],
    [
      'mixture with float noise in the weights',
      { mixture: [0.1, 0.2, 0.3, 0.4].map((weight) => ({ weight, dist: 1 })) },
      {
        kind: 'mixture',
        components: [0.1, 0.2, 0.3, 0.4].map((weight) => ({
          weight,
          dist: { kind: 'constant', value: 1 },
        })),
      },
    ],
    [
      'empirical table',
      { empirical: { p99: '40ms', p0: 0, p50: '8ms', p100: '1s' } },
      {
        kind: 'empirical',
        points: [
          { p: 0, value: 0 },
          { p: 0.5, value: 8 },
          { p: 0.99, value: 40 },
          { p: 1, value: 1000 },
        ],
      },
    ],
    [
      'empirical table with median and equal values',
      { empirical: { median: 5, 'p99.99': 5 } },
      {
        kind: 'empirical',
        points: [
          { p: 0.5, value: 5 },
          { p: 0.9999, value: 5 },
        ],
      },
    ],
    [
      'empirical pairs, sorted',
      {
        empirical: [
          [0.99, '40ms'],
          [0.5, 8],
          [1, '1s'],
        ],
      },
      {
        kind: 'empirical',
        points: [
          { p: 0.5, value: 8 },
          { p: 0.99, value: 40 },
          { p: 1, value: 1000 },
        ],
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(parseDistributionSpec(input, 'x')).toEqual(expected);
    expect(distributionSchema.parse(input)).toEqual(expected);
  });

  it('nests to any depth', () => {
    const spec = parseDistributionSpec({
      shifted: {
        by: '1ms',
        dist: { mixture: [{ weight: 1, dist: { shifted: { by: 1, dist: '2ms' } } }] },
      },
    });
    expect(spec).toEqual({
      kind: 'shifted',
      by: 1,
      dist: {
        kind: 'mixture',
        components: [
          { weight: 1, dist: { kind: 'shifted', by: 1, dist: { kind: 'constant', value: 2 } } },
        ],
      },
    });
  });
});

describe('parseDistributionSpec: errors', () => {
  it('lognormal percentiles out of order', () => {
    expectFailure(
      { lognormal: { p50: '40ms', p99: '8ms' } },
      'coldStart.lognormal.p99',
      'must be greater than p50',
    );
    expectFailure(
      { lognormal: { median: '8ms', p99: '8ms' } },
      'coldStart.lognormal.p99',
      'must be greater than median',
    );
    expectFailure(
      { lognormal: { 'p99.9': 1, p90: 2 } },
      'coldStart.lognormal["p99.9"]',
      'must be greater than p90',
    );
  });

  it('lognormal forms', () => {
    expectFailure(
      { lognormal: { p50: '8ms' } },
      'coldStart.lognormal',
      'needs exactly two percentiles such as "p50" and "p99" (got 1: p50)',
    );
    expectFailure(
      { lognormal: { p50: 1, p90: 2, p99: 3 } },
      'coldStart.lognormal',
      'needs exactly two percentiles such as "p50" and "p99" (got 3: p50, p90, p99)',
    );
    expectFailure(
      { lognormal: { median: 1, p50: 2 } },
      'coldStart.lognormal.p50',
      'same percentile as median',
    );
    expectFailure(
      { lognormal: { p0: 1, p50: 2 } },
      'coldStart.lognormal.p0',
      'must be a percentile above p0 and below p100',
    );
    expectFailure(
      { lognormal: { p50: 1, p100: 2 } },
      'coldStart.lognormal.p100',
      'must be a percentile above p0 and below p100',
    );
    expectFailure(
      { lognormal: { p50: 0, p99: 2 } },
      'coldStart.lognormal.p50',
      'must be greater than zero (got 0)',
    );
    expectFailure(
      { lognormal: {} },
      'coldStart.lognormal',
      'expected "mu" and "sigma", or two percentiles such as "p50" and "p99"; got an empty object',
    );
    expectFailure(
      { lognormal: { mean: 1, sd: 2 } },
      'coldStart.lognormal',
      'unknown field "mean" (expected "mu" and "sigma", or two percentiles such as "p50" and "p99")',
    );
    expectFailure(
      { lognormal: { medain: 1, p99: 2 } },
      'coldStart.lognormal',
      'unknown field "medain"; did you mean "median"?',
    );
    expectFailure(
      { lognormal: { mu: 1, sigam: 2 } },
      'coldStart.lognormal',
      'unknown field "sigam"; did you mean "sigma"?',
    );
    expectFailure(
      { lognormal: { mu: 1, p99: 2 } },
      'coldStart.lognormal',
      'give either "mu" and "sigma" or two percentiles, not both',
    );
    expectFailure(
      { lognormal: { mu: 1, sigma: 0 } },
      'coldStart.lognormal.sigma',
      'must be > 0 (got 0)',
    );
    expectFailure(
      { lognormal: { mu: 1 } },
      'coldStart.lognormal',
      'missing required field "sigma"',
    );
    expectFailure({ lognormal: 5 }, 'coldStart.lognormal', 'must be an object (got number 5)');
  });

  it('the family key', () => {
    expectFailure(
      { lognormall: { p50: 1, p99: 2 } },
      'coldStart',
      `expected exactly one of ${FAMILIES}; got "lognormall"; did you mean "lognormal"?`,
    );
    expectFailure(
      { lognormal: { p50: 1, p99: 2 }, source: 'x' },
      'coldStart',
      `expected exactly one of ${FAMILIES}; got "lognormal", "source"`,
    );
    expectFailure({}, 'coldStart', `expected exactly one of ${FAMILIES}; got an empty object`);
    expectFailure(
      true,
      'coldStart',
      'must be a duration such as "5ms" or a distribution such as {"lognormal": {"p50": "8ms", "p99": "40ms"}} (got boolean true)',
    );
    expectFailure(
      [1, 2],
      'coldStart',
      'must be a duration such as "5ms" or a distribution such as {"lognormal": {"p50": "8ms", "p99": "40ms"}} (got array)',
    );
  });

  it('durations', () => {
    expectFailure(
      '12 parsecs',
      'coldStart',
      'unknown duration unit "parsecs" (use ns, us, ms, s, min, h, d)',
    );
    expectFailure(-3, 'coldStart', 'must not be negative (got -3)');
    expectFailure(Number.NaN, 'coldStart', 'must be a finite number of milliseconds (got NaN)');
    expectFailure(
      { constant: Number.POSITIVE_INFINITY },
      'coldStart.constant',
      'must be a finite number of milliseconds (got Infinity)',
    );
    expectFailure(
      { exponential: { mean: 0 } },
      'coldStart.exponential.mean',
      'must be greater than zero (got 0)',
    );
  });

  it('uniform, normal, gamma, weibull, pareto, shifted', () => {
    expectFailure(
      { uniform: { min: '5ms', max: '3ms' } },
      'coldStart.uniform.max',
      'must not be less than min',
    );
    expectFailure({ uniform: { min: 1 } }, 'coldStart.uniform', 'missing required field "max"');
    expectFailure(
      { normal: { mean: 5, sd: 0 } },
      'coldStart.normal.sd',
      'must be greater than zero (got 0)',
    );
    expectFailure(
      { normal: { mean: 5, stdev: 1 } },
      'coldStart.normal',
      'unknown field "stdev" (allowed: mean, sd)',
    );
    expectFailure(
      { gamma: { shape: 2, scale: 1, mean: 2 } },
      'coldStart.gamma',
      'give either "scale" or "mean", not both',
    );
    expectFailure(
      { gamma: { shape: 2 } },
      'coldStart.gamma',
      'missing required field "scale" (or "mean")',
    );
    expectFailure(
      { gamma: { shape: -1, scale: 1 } },
      'coldStart.gamma.shape',
      'must be > 0 (got -1)',
    );
    expectFailure(
      { weibull: { shape: 1, scael: 1 } },
      'coldStart.weibull',
      'unknown field "scael"; did you mean "scale"?',
    );
    expectFailure(
      { pareto: { min: 0, shape: 1 } },
      'coldStart.pareto.min',
      'must be greater than zero (got 0)',
    );
    expectFailure(
      { shifted: { by: '1ms', dist: { normal: { mean: 'x', sd: 1 } } } },
      'coldStart.shifted.dist.normal.mean',
      'must be a duration such as "8ms", "1.2s" or 8 (milliseconds) (got "x")',
    );
  });

  it('mixture', () => {
    expectFailure(
      {
        mixture: [
          { weight: 0.5, dist: 1 },
          { weight: 0.45, dist: 2 },
        ],
      },
      'coldStart.mixture',
      'weights must sum to 1 (got 0.95)',
    );
    expectFailure(
      { mixture: [0.1, 0.2, 0.65].map((weight) => ({ weight, dist: 1 })) },
      'coldStart.mixture',
      'weights must sum to 1 (got 0.95)',
    );
    expectFailure(
      { mixture: [{ weight: 1.5, dist: 1 }] },
      'coldStart.mixture[0].weight',
      'must be <= 1 (got 1.5)',
    );
    expectFailure(
      { mixture: [{ weight: 1, dist: { lognormal: { p50: 3, p99: 2 } } }] },
      'coldStart.mixture[0].dist.lognormal.p99',
      'must be greater than p50',
    );
    expectFailure({ mixture: [] }, 'coldStart.mixture', 'must have at least 1 item (got 0)');
    expectFailure(
      { mixture: { weight: 1, dist: 1 } },
      'coldStart.mixture',
      'must be an array (got object)',
    );
  });

  it('empirical', () => {
    expectFailure(
      { empirical: { p0: 1, p50: 5, p99: 3 } },
      'coldStart.empirical.p99',
      'must not be less than p50',
    );
    expectFailure(
      { empirical: { p50: 5 } },
      'coldStart.empirical',
      'needs at least two percentiles such as "p50" and "p99" (got 1: p50)',
    );
    expectFailure(
      { empirical: { p50: 5, mean: 3 } },
      'coldStart.empirical',
      'unknown field "mean" (expected a percentile such as p0, p50, p99.9 or p100, or median)',
    );
    expectFailure(
      { empirical: { p50: 5, p101: 3 } },
      'coldStart.empirical',
      'unknown field "p101" (expected a percentile such as p0, p50, p99.9 or p100, or median)',
    );
    expectFailure(
      { empirical: { 'p50.0': 5, p50: 3 } },
      'coldStart.empirical.p50',
      'same percentile as p50.0',
    );
    expectFailure(
      {
        empirical: [
          [0.5, 8],
          [0.99, 4],
        ],
      },
      'coldStart.empirical[1][1]',
      'must not be less than the value at probability 0.5',
    );
    expectFailure(
      {
        empirical: [
          [0.99, 40],
          [0.5, 80],
        ],
      },
      'coldStart.empirical[0][1]',
      'must not be less than the value at probability 0.5',
    );
    expectFailure(
      {
        empirical: [
          [0.5, 8],
          [0.5, 9],
        ],
      },
      'coldStart.empirical[1][0]',
      'same probability as [0]',
    );
    expectFailure(
      {
        empirical: [
          [50, '8ms'],
          [0.99, 9],
        ],
      },
      'coldStart.empirical[0][0]',
      'must be <= 1 (got 50)',
    );
    expectFailure(
      { empirical: [[0.5, '8ms']] },
      'coldStart.empirical',
      'must have at least 2 items (got 1)',
    );
    expectFailure(
      { empirical: '8ms' },
      'coldStart.empirical',
      'must be a percentile table such as {"p50": "8ms", "p99": "40ms"} or [probability, duration] pairs (got string "8ms")',
    );
  });

  it('carries the file when annotated', () => {
    const err = specError(() =>
      parseDistributionSpec({ lognormal: { p50: '40ms', p99: '8ms' } }, 'platform.coldStart'),
    );
    expect(err.message).toBe('platform.coldStart.lognormal.p99: must be greater than p50');
  });
});
