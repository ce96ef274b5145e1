import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/spec/specError.ts';
import { azure2019 } from '../../../src/workload/population/characterisations/azure2019.ts';
import { drawPopulation } from '../../../src/workload/population/drawPopulation.ts';
import { sourceSchema } from '../../../src/workload/sources/index.ts';
import type { PopulationSource } from '../../../src/workload/sources/population.ts';

const parse = (population: Record<string, unknown>) =>
  sourceSchema.parse({ population }, 'workload') as PopulationSource;

/** 4 standard errors of a share p estimated from n draws. */
const tol = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

describe('a population drawn like Azure Functions 2019', () => {
  it('gives the same functions for the same seed, others for another', () => {
    const spec = parse({ functions: 50 });
    expect(drawPopulation(spec, 7)).toEqual(drawPopulation(spec, 7));
    expect(drawPopulation(spec, 8)).not.toEqual(drawPopulation(spec, 7));
  });

  it('keeps the first functions of a smaller population when it grows', () => {
    const small = drawPopulation(parse({ functions: 10 }), 'x');
    const large = drawPopulation(parse({ functions: 1000 }), 'x');
    // Names are padded to the population's size; everything else is the same function.
    expect(large.slice(0, 10).map((f) => ({ ...f, name: '' }))).toEqual(
      small.map((f) => ({ ...f, name: '' })),
    );
    expect(large[7].name).toBe('fn007');
  });

  // The shares the paper and its figures give (models/CALIBRATION.md), within 4 standard errors.
  it('reproduces the published shares of rates, burstiness, execution times and memory', () => {
    const n = 20_000;
    const fns = drawPopulation(parse({ functions: n }), 2019);
    const share = (pred: (f: (typeof fns)[number]) => boolean) => fns.filter(pred).length / n;
    const perDay = (f: (typeof fns)[number]) =>
      f.arrivals.kind === 'renewal' ? f.arrivals.perSecond * 86_400 : Number.NaN;
    const cv = (f: (typeof fns)[number]) => (f.arrivals.kind === 'renewal' ? f.arrivals.cv : -1);
    const checks: [string, number, number][] = [
      ['at most once an hour', share((f) => perDay(f) <= 24 * (1 + 1e-9)), 0.64],
      ['at most once a minute', share((f) => perDay(f) <= 1440 * (1 + 1e-9)), 0.93],
      ['called once in 14 days', share((f) => perDay(f) <= (1 / 14) * (1 + 1e-9)), 0.07],
      ['periodic (CV 0)', share((f) => cv(f) === 0), 0.2],
      ['CV above 1', share((f) => cv(f) > 1), 0.42],
      [
        'mean execution under 1 s',
        share((f) => meanOf(f) < 1000),
        azure2019.meanExecutionMs.cdf(1000),
      ],
      ['memory at most 170 MB', share((f) => f.memoryMB! <= 170), azure2019.memoryMB.cdf(170)],
    ];
    for (const [what, got, want] of checks) {
      expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThan(tol(want, n));
    }
    // The published fits' own shares (D from the fits): half under 1 s is 0.56, 170 MB is 0.69.
    expect(azure2019.meanExecutionMs.cdf(1000)).toBeCloseTo(0.56, 2);
    expect(azure2019.memoryMB.quantile(0.5)).toBeCloseTo(140, 0);
  });

  it('draws applications like the paper counts them: 45 % at most hourly, 81 % at most once a minute', () => {
    const n = 20_000;
    const apps = drawPopulation(parse({ functions: n, like: 'azure-2019-apps' }), 2019);
    const perDay = (f: (typeof apps)[number]) =>
      (f.arrivals as { perSecond: number }).perSecond * 86_400;
    const hourly = apps.filter((f) => perDay(f) <= 24 * (1 + 1e-9)).length / n;
    const minutely = apps.filter((f) => perDay(f) <= 1440 * (1 + 1e-9)).length / n;
    expect(Math.abs(hourly - 0.45)).toBeLessThan(tol(0.45, n));
    expect(Math.abs(minutely - 0.81)).toBeLessThan(tol(0.81, n));
  });

  it('applies a rate scale and a cap on any one function', () => {
    const plain = drawPopulation(parse({ functions: 200 }), 1);
    const scaled = drawPopulation(parse({ functions: 200, rateScale: 2, maxPerSecond: 0.5 }), 1);
    plain.forEach((f, i) => {
      const a = f.arrivals as { perSecond: number };
      const b = scaled[i].arrivals as { perSecond: number };
      expect(b.perSecond).toBeCloseTo(Math.min(0.5, 2 * a.perSecond), 12);
    });
  });

  it('takes each function its own lognormal execution, of the mean it drew', () => {
    const [f] = drawPopulation(parse({ functions: 1, execution: '200ms', executionSigma: 0.5 }), 1);
    expect(f.execution).toEqual({ kind: 'lognormal', mu: Math.log(200) - 0.125, sigma: 0.5 });
  });
});

describe('a population that cannot make a function', () => {
  const refused = (population: Record<string, unknown>) => {
    try {
      parse(population);
    } catch (e) {
      expect(e).toBeInstanceOf(SpecError);
      return e as SpecError;
    }
    throw new Error('accepted');
  };

  it('refuses a rate distribution with no mass above zero, with its path', () => {
    const e = refused({ functions: 3, perDay: 0 });
    expect(e.path).toBe('workload.population.perDay');
    expect(e.reason).toMatch(/no mass above zero/);
    const u = refused({ functions: 3, perDay: { uniform: { min: 0, max: 0 } } });
    expect(u.path).toBe('workload.population.perDay');
  });

  it('refuses units where a count or a size is asked, with the path of the string', () => {
    // A distribution's strings are durations: "1h" would be read as 3.6 million calls a day.
    const e = refused({ functions: 3, perDay: { constant: '1h' } });
    expect(e.path).toBe('workload.population.perDay.constant');
    expect(e.reason).toBe('must be a number (calls a day), not a string with units (got "1h")');
    const m = refused({ functions: 3, memoryMB: { uniform: { min: 128, max: '1h' } } });
    expect(m.path).toBe('workload.population.memoryMB.uniform.max');
    expect(m.reason).toMatch(/\(MB\)/);
    expect(refused({ functions: 3, iatCv: '2ms' }).path).toBe('workload.population.iatCv');
    // A number in quotes has no unit: the message says to drop the quotes instead.
    const q = refused({ functions: 3, perDay: { lognormal: { p50: '10', p99: 100 } } });
    expect(q.path).toBe('workload.population.perDay.lognormal.p50');
    expect(q.reason).toBe('must be a number (calls a day), not a string: write 10 without quotes');
    // Numbers still read, and execution, a duration, still takes units.
    expect(() =>
      parse({ functions: 3, perDay: { constant: 3600 }, execution: '20ms' }),
    ).not.toThrow();
  });

  it('refuses a share outside [0, 1], with its path', () => {
    for (const bad of [-0.1, 1.5]) {
      const e = refused({ functions: 3, periodicShare: bad });
      expect(e.path).toBe('workload.population.periodicShare');
      expect(e.reason).toMatch(/1|0/);
    }
  });

  it('refuses no functions, and an unknown characterisation', () => {
    expect(refused({ functions: 0 }).path).toBe('workload.population.functions');
    expect(refused({ functions: 100_001 }).path).toBe('workload.population.functions');
    expect(refused({ functions: 1, like: 'aws-2030' }).path).toBe('workload.population.like');
  });
});

function meanOf(f: { execution?: unknown }): number {
  const e = f.execution as { mu: number; sigma: number };
  return Math.exp(e.mu + (e.sigma * e.sigma) / 2);
}
