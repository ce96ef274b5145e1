import { describe, expect, it } from 'vitest';
import { engineMathUses } from './engineMath.ts';

describe('engineMathUses (the lint guard for engine-dependent Math)', () => {
  it('names each Math.exp-like call and non-2 ** by line, also when passed as a value', () => {
    const text = [
      'const a = Math.exp(1) + Math.sqrt(2);',
      'const b = x ** 0.5;',
      'const c = xs.map(Math.log);',
      'let d = 3; d **= 2;',
    ].join('\n');
    expect(engineMathUses(text)).toEqual([
      'line 1: Math.exp',
      'line 2: x ** 0.5 (only 2 ** n is exact; use pow)',
      'line 3: Math.log',
      'line 4: d **= 2 (only 2 ** n is exact; use pow)',
    ]);
  });

  it('ignores comments, strings, regular expressions, exact operations and 2 ** n', () => {
    const text = [
      '// Math.log(2) in a comment',
      "/** x ** y */ const s = 'Math.sin(1)';",
      'const r = /["*]/; const t = 2 ** 20 + 2 ** -k;',
      'const u = Math.floor(Math.abs(Math.sqrt(v)));',
    ].join('\n');
    expect(engineMathUses(text)).toEqual([]);
  });
});
