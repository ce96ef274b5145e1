import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestion } from '../../src/spec/didYouMean.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['keepAlive', 'keepAlive', 0],
    ['kaepAlive', 'keepAlive', 1],
    ['sigam', 'sigma', 1], // a transposition is one edit
    ['lognormall', 'lognormal', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // optimal string alignment, not full Damerau
    ['parsecs', 'sec', 4],
  ] as const)('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('didYouMean', () => {
  const fields = ['keepAlive', 'concurrency', 'maxConcurrency', 'coldStart'];

  it('suggests the closest candidate within the tolerance', () => {
    expect(didYouMean('kaepAlive', fields)).toBe('keepAlive');
    expect(didYouMean('keepalive', fields)).toBe('keepAlive');
    expect(didYouMean('coldstrat', fields)).toBe('coldStart');
    expect(didYouMean('maxConcurency', fields)).toBe('maxConcurrency');
  });

  it('suggests nothing when nothing is close', () => {
    expect(didYouMean('timeout', fields)).toBeUndefined();
    expect(didYouMean('x', ['h', 's'])).toBeUndefined();
    expect(didYouMean('keepAlive', ['keepAlive'])).toBeUndefined();
  });

  it('is stricter for short words', () => {
    expect(didYouMean('S', ['ns', 's', 'h'])).toBe('s');
    expect(didYouMean('mo', ['mu', 'sigma'])).toBe('mu');
    expect(didYouMean('xyz', ['abc'])).toBeUndefined();
    expect(didYouMean('mins', ['ms', 'min', 'h'])).toBe('min');
  });

  it('prefers the first of equally close candidates', () => {
    expect(didYouMean('ab', ['ac', 'ad'])).toBe('ac');
  });

  it('words the suggestion for messages', () => {
    expect(suggestion('kaepAlive', fields)).toBe('; did you mean "keepAlive"?');
    expect(suggestion('timeout', fields)).toBe('');
  });
});
