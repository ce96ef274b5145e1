import { describe, expect, it } from 'vitest';
import { percentileName } from '../../src/special/percentileName.ts';

describe('percentileName', () => {
  it('formats levels the way latency percentiles are written', () => {
    expect(percentileName(0.5)).toBe('p50');
    expect(percentileName(0.99)).toBe('p99');
    expect(percentileName(0.999)).toBe('p99.9');
    expect(percentileName(0.9999)).toBe('p99.99');
    expect(percentileName(0.001)).toBe('p0.1');
    expect(percentileName(0.07)).toBe('p7');
    expect(percentileName(0)).toBe('p0');
    expect(percentileName(1)).toBe('p100');
  });
});
