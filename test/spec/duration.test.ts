import { describe, expect, it } from 'vitest';
import { duration, formatDuration, parseDuration } from '../../src/spec/duration.ts';
import { object } from '../../src/spec/schema.ts';
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

describe('parseDuration', () => {
  it.each([
    [0, 0],
    [8, 8],
    [0.25, 0.25],
    ['250us', 0.25],
    ['250µs', 0.25], // micro sign
    ['250μs', 0.25], // greek mu
    ['1500ns', 0.0015],
    ['8ms', 8],
    ['0ms', 0],
    ['-0ms', 0],
    ['1.2s', 1200],
    ['1.1s', 1100],
    ['2sec', 2000],
    ['.5s', 500],
    ['3.s', 3000],
    ['1e3ms', 1000],
    ['2.5E-1s', 250],
    ['+5ms', 5],
    ['10min', 600000],
    ['10m', 600000],
    ['0.1h', 360000],
    ['1.5 h', 5400000],
    ['  8 ms  ', 8],
    ['7h', 25200000],
    ['14d', 1209600000],
    ['0.5 d', 43200000],
  ] as const)('%j is %j ms', (input, ms) => {
    expect(parseDuration(input, 'd')).toBe(ms);
  });

  it.each([
    ['12 parsecs', 'unknown duration unit "parsecs" (use ns, us, ms, s, min, h, d)'],
    ['5mins', 'unknown duration unit "mins" (use ns, us, ms, s, min, h, d); did you mean "min"?'],
    ['5S', 'unknown duration unit "S" (use ns, us, ms, s, min, h, d); did you mean "s"?'],
    ['5 ms2', 'unknown duration unit "ms2" (use ns, us, ms, s, min, h, d); did you mean "ms"?'],
    ['12', 'missing unit in "12" (write the number 12 for milliseconds, or add a unit: "12ms")'],
    [
      ' 1.5 ',
      'missing unit in " 1.5 " (write the number 1.5 for milliseconds, or add a unit: "1.5ms")',
    ],
    ['-5ms', 'must not be negative (got "-5ms")'],
    [-3, 'must not be negative (got -3)'],
    [Number.NaN, 'must be a finite number of milliseconds (got NaN)'],
    [Number.POSITIVE_INFINITY, 'must be a finite number of milliseconds (got Infinity)'],
    ['1e400h', 'is too large (got "1e400h")'],
    ['fast', 'must be a duration such as "8ms", "1.2s" or 8 (milliseconds) (got "fast")'],
    ['', 'must be a duration such as "8ms", "1.2s" or 8 (milliseconds) (got "")'],
    ['1.2.3s', 'must be a duration such as "8ms", "1.2s" or 8 (milliseconds) (got "1.2.3s")'],
    ['5 m s', 'must be a duration such as "8ms", "1.2s" or 8 (milliseconds) (got "5 m s")'],
    [true, 'must be a duration such as "8ms", "1.2s" or 8 (milliseconds) (got boolean true)'],
    [null, 'must be a duration such as "8ms", "1.2s" or 8 (milliseconds) (got null)'],
    [{ ms: 5 }, 'must be a duration such as "8ms", "1.2s" or 8 (milliseconds) (got object)'],
  ] as const)('refuses %j', (input, reason) => {
    const err = specError(() => parseDuration(input, 'platform.keepAlive'));
    expect(err.path).toBe('platform.keepAlive');
    expect(err.reason).toBe(reason);
  });

  it('applies allowZero and min', () => {
    expect(specError(() => parseDuration(0, 'x', { allowZero: false })).reason).toBe(
      'must be greater than zero (got 0)',
    );
    expect(specError(() => parseDuration('0s', 'x', { allowZero: false })).reason).toBe(
      'must be greater than zero (got "0s")',
    );
    expect(specError(() => parseDuration('250us', 'x', { min: 1 })).reason).toBe(
      'must be at least 1ms (got "250us")',
    );
    expect(specError(() => parseDuration(500, 'x', { min: 1000 })).reason).toBe(
      'must be at least 1s (got 500)',
    );
    expect(parseDuration('1s', 'x', { min: 1000 })).toBe(1000);
  });
});

describe('duration schema', () => {
  it('parses inside objects with paths', () => {
    const pool = object({ keepAlive: duration(), boot: duration({ allowZero: false }) });
    expect(pool.parse({ keepAlive: '10min', boot: '125ms' })).toEqual({
      keepAlive: 600000,
      boot: 125,
    });
    const err = specError(() => pool.parse({ keepAlive: '10 minutes', boot: 1 }, 'platform'));
    expect(err.message).toBe(
      'platform.keepAlive: unknown duration unit "minutes" (use ns, us, ms, s, min, h, d)',
    );
  });

  it('emits oneOf a number >= 0 or a string with a unit pattern, shared through $defs', () => {
    const json = duration().describe('idle time before reclaim').jsonSchema();
    expect(json.$ref).toBe('#/$defs/duration');
    expect(json.description).toBe('idle time before reclaim');
    const def = (json.$defs as Record<string, { oneOf: Record<string, unknown>[] }>).duration;
    expect(def.oneOf[0]).toEqual({ type: 'number', description: 'milliseconds', minimum: 0 });
    expect(def.oneOf[1].type).toBe('string');
    const pattern = new RegExp(def.oneOf[1].pattern as string, 'u');
    for (const ok of ['250us', '250µs', '8ms', '1.2s', '10min', '1.5 h', '1e3ms']) {
      expect(pattern.test(ok)).toBe(true);
    }
    for (const bad of ['12', '-5ms', '12 parsecs', 'fast', '1.2.3s']) {
      expect(pattern.test(bad)).toBe(false);
    }
  });

  it('names the variants apart', () => {
    const s = object({ a: duration(), b: duration({ allowZero: false }), c: duration({ min: 5 }) });
    const json = s.jsonSchema();
    expect(json.properties).toEqual({
      a: { $ref: '#/$defs/duration' },
      b: { $ref: '#/$defs/positiveDuration' },
      c: { $ref: '#/$defs/durationAtLeast5ms' },
    });
    const defs = json.$defs as Record<string, { oneOf: unknown[] }>;
    expect(defs.positiveDuration.oneOf[0]).toEqual({
      type: 'number',
      description: 'milliseconds',
      exclusiveMinimum: 0,
    });
    expect(defs.durationAtLeast5ms.oneOf[0]).toEqual({
      type: 'number',
      description: 'milliseconds',
      minimum: 5,
    });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [0.25, '250us'],
    [0.0015, '1.5us'],
    [0.0001, '100ns'],
    [8, '8ms'],
    [1200, '1.2s'],
    [1234.5, '1.23s'],
    [600000, '10min'],
    [5400000, '1.5h'],
    [999.96, '1s'], // rounds up into the next unit
    [59999, '1min'],
    [3.6e9, '1000h'],
    [-8, '-8ms'],
    [Number.NaN, 'NaN'],
  ] as const)('%j ms is %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('takes a precision', () => {
    expect(formatDuration(1234.5, 5)).toBe('1.2345s');
    expect(formatDuration(1234.5, 1)).toBe('1s');
  });

  it('round-trips through parseDuration within its precision', () => {
    for (const ms of [0.0042, 0.25, 3, 42.1, 999, 1500, 61000, 7.2e6]) {
      const back = parseDuration(formatDuration(ms, 6));
      expect(Math.abs(back - ms) / ms).toBeLessThan(1e-5);
    }
  });
});
