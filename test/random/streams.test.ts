import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  aimStreamCursor,
  aleaNext,
  aleaStream,
  claimStreamState,
  createStream,
  STREAM_CURSOR,
} from '../../src/random/streams.ts';

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

describe('STREAM_CURSOR', () => {
  it('draws from the state it was last aimed at, each stream continuing where it was', () => {
    const a = createStream('cursor', 'a');
    const b = createStream('cursor', 'b');
    const sa = claimStreamState(a)!;
    const sb = claimStreamState(b)!;
    const ta = createStream('cursor', 'a');
    const tb = createStream('cursor', 'b');
    for (let k = 0; k < 200; k++) {
      const onA = k % 3 !== 1;
      const s = onA ? sa : sb;
      aimStreamCursor(s.slab, s.index);
      // Two draws per aim, as a distribution's sample may take several.
      const got = [STREAM_CURSOR(), STREAM_CURSOR()];
      const want = onA ? [ta(), ta()] : [tb(), tb()];
      expect(got).toEqual(want);
    }
    // The streams' own closures continue from the same place.
    expect(a()).toBe(ta());
    expect(b()).toBe(tb());
  });
});
