import { describe, expect, it } from 'vitest';
import { FunctionRuntime, type PlatformRuntime } from '../../src/platform/functionRuntime.ts';
import { NO_HOP } from '../../src/platform/hop.ts';
import type { Distribution } from '../../src/random/distribution.ts';
import { constant, gamma, lognormal, mixture } from '../../src/random/distributions/index.ts';
import { createStream } from '../../src/random/streams.ts';

const PLATFORM: PlatformRuntime = {
  name: 'p',
  gateway: NO_HOP,
  network: NO_HOP,
  frontEnd: NO_HOP,
};

/**
 * sampleExecution writes out the constant's and the lognormal's draws (from the stream's
 * state, not its closure) for the invoker's hot path: the same numbers as the distribution's
 * own sample(), and the stream left at the same place, for those and for any other.
 */
describe('FunctionRuntime.sampleExecution', () => {
  const cases: [string, Distribution][] = [
    ['constant', constant(12.5)],
    ['lognormal', lognormal(2.3, 1.4)],
    ['gamma', gamma(0.7, 30)],
    [
      'mixture',
      mixture([
        { weight: 0.3, dist: lognormal(1, 0.5) },
        { weight: 0.7, dist: constant(3) },
      ]),
    ],
  ];
  for (const [name, d] of cases) {
    it(`draws what ${name}.sample draws from the same stream`, () => {
      const fn = new FunctionRuntime('f', PLATFORM, d, createStream(name, 'x'), 900, 128);
      const twin = createStream(name, 'x');
      for (let k = 0; k < 3000; k++) {
        const a = fn.sampleExecution();
        const b = d.sample(twin);
        if (!Object.is(a, b)) expect.fail(`draw ${k}: ${a} against ${b}`);
      }
      expect(fn.executionRng()).toBe(twin());
    });
  }

  it('calls a generator not made by createStream', () => {
    const d = lognormal(0, 1);
    const base = createStream('own', 'x');
    const fn = new FunctionRuntime('f', PLATFORM, d, () => base(), 900, 128);
    const twin = createStream('own', 'x');
    for (let k = 0; k < 100; k++) expect(fn.sampleExecution()).toBe(d.sample(twin));
  });
});
