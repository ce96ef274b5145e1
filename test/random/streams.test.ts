import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { aleaNext, aleaStream, claimStreamState, createStream } from '../../src/random/streams.ts';

describe('createStream', () => {
  it("draws seedrandom's alea numbers bit for bit, whatever the seed string", () => {
    // Seeds of every shape a run makes (names with slashes, colons, digits, non-ASCII), and
    // more streams than one slab holds, drawn interleaved so that neighbours in a slab would
    // show if one wrote into another's state.
    const seeds = [
      '',
      ' ',
      'coldtail/1/fn:api/execution',
      'coldtail/a3f09c1e77b2d410/arrivals:0/fn-00042',
      'ünïcødé/€/𝄞',
      ...Array.from({ length: 1200 }, (_, k) => `coldtail/${k * 7919}/fn:f${k}/routing`),
    ];
    const ours = seeds.map((s) => aleaStream(s));
    const theirs = seeds.map((s) => seedrandom.alea(s));
    for (let round = 0; round < 50; round++) {
      for (let k = 0; k < seeds.length; k++) {
        const a = ours[k]();
        const b = theirs[k]();
        if (!Object.is(a, b)) {
          expect.fail(`seed ${JSON.stringify(seeds[k])}, draw ${round}: ${a} against ${b}`);
        }
      }
    }
  });

  it('names the stream: the same (seed, name) draws the same, another name other numbers', () => {
    const a = createStream(7, 'fn:x/execution');
    const b = createStream(7, 'fn:x/execution');
    const c = createStream(7, 'fn:x/routing');
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    const r = seedrandom.alea('coldtail/7/fn:x/execution');
    expect(xs).toEqual(Array.from({ length: 5 }, () => r()));
  });
});

describe('claimStreamState', () => {
  it('gives the state once, and aleaNext on it continues the stream the closure draws', () => {
    const a = createStream('claim', 'x');
    const b = createStream('claim', 'x');
    const state = claimStreamState(a)!;
    expect(state).not.toBeNull();
    expect(claimStreamState(a)).toBeNull();
    // A generator not made by createStream has no state to claim.
    expect(claimStreamState(() => 0.5)).toBeNull();
    // Closure and aleaNext interleaved on one state: the numbers of one stream, in order.
    for (let k = 0; k < 100; k++) {
      const mine = k % 3 === 0 ? aleaNext(state.slab, state.index) : a();
      const expected = b();
      if (!Object.is(mine, expected)) expect.fail(`draw ${k}: ${mine} against ${expected}`);
    }
  });
});
