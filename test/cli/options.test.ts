import { describe, expect, it } from 'vitest';
import { check, specOverrides } from '../../src/cli/options.ts';

describe('check', () => {
  it('accepts absent options and whole numbers in range', () => {
    expect(check({})).toBe(true);
    expect(
      check({ replications: 10_000, 'max-points': 1, point: 0, threads: 256, seed: 'a' }),
    ).toBe(true);
  });

  it.each([
    [{ replications: 0 }, '--replications: must be a whole number from 1 to 10000 (got 0)'],
    [{ replications: 1.5 }, '--replications: must be a whole number from 1 to 10000 (got 1.5)'],
    [{ 'max-points': 0 }, '--max-points: must be a whole number >= 1 (got 0)'],
    [{ point: -1 }, '--point: must be a whole number >= 0 (got -1)'],
    [{ threads: 257 }, '--threads: must be a whole number from 1 to 256 (got 257)'],
    [{ threads: Number.NaN }, '--threads: must be a whole number from 1 to 256 (got NaN)'],
    [{ seed: ' ' }, '--seed: must not be empty'],
    // As typed (main turns yargs' number parsing off): what was given, not NaN or 1e+20.
    [{ threads: 'abc' }, '--threads: must be a whole number from 1 to 256 (got abc)'],
    [{ threads: '' }, '--threads: must be a whole number from 1 to 256 (got "")'],
    [{ threads: '2x' }, '--threads: must be a whole number from 1 to 256 (got 2x)'],
    [
      { 'max-points': '99999999999999999999' },
      '--max-points: must be a whole number >= 1 (got 99999999999999999999)',
    ],
    [{ threads: ['1', '2'] }, '--threads: given more than once'],
    [
      { shard: '1/99999999999999999999' },
      '--shard: must be K/N with 1 <= K <= N, e.g. 2/8, whole numbers up to 9007199254740991 (got "1/99999999999999999999")',
    ],
    [{ shard: '3/2' }, '--shard: must be K/N with 1 <= K <= N'],
    [{ shard: '0/2' }, '--shard: must be K/N with 1 <= K <= N'],
  ])('refuses %o', (argv, message) => {
    expect(() => check(argv)).toThrow(message);
  });
});

describe('check turns whole numbers typed into numbers', () => {
  it('for the option and its camel-case twin', () => {
    const argv: Record<string, unknown> = { threads: '4', 'max-points': ' 12 ', point: '+0' };
    check(argv);
    expect(argv).toMatchObject({ threads: 4, 'max-points': 12, maxPoints: 12, point: 0 });
  });
});

describe('specOverrides', () => {
  it('makes --seed a number only while the number is exact', () => {
    expect(specOverrides({ seed: '42' })).toEqual({ seed: 42 });
    expect(specOverrides({ seed: '9007199254740991' })).toEqual({ seed: 9007199254740991 });
    expect(specOverrides({ seed: '9007199254740993' })).toEqual({ seed: '9007199254740993' });
    expect(specOverrides({ seed: 'blue' })).toEqual({ seed: 'blue' });
  });
});
