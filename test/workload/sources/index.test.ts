import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src/random/streams.ts';
import {
  createArrivals,
  expectedArrivals,
  SOURCE_KINDS,
  type SourceSpec,
  sourceSchema,
} from '../../../src/workload/sources/index.ts';

describe('the arrival source registry', () => {
  it('puts every kind under its key, in the registry order, with its words for editors', () => {
    const json = sourceSchema.jsonSchema() as {
      properties: Record<string, { description?: string }>;
    };
    expect(Object.keys(json.properties)).toEqual(SOURCE_KINDS.map((k) => k.name));
    for (const k of SOURCE_KINDS) expect(json.properties[k.name].description, k.name).toBeTruthy();
  });

  it('makes arrivals and their expected count through the kind that parsed the spec', () => {
    const spec = sourceSchema.parse({ constant: { perSecond: 10 } });
    const arrivals = createArrivals(spec, createStream(1, 'a'));
    let n = 0;
    for (let t = arrivals.next(0); t < 2000; t = arrivals.next(t)) n++;
    // Evenly spaced: the rate times the window, give or take the arrival at its edge.
    expect(expectedArrivals(spec, 2000)).toBe(20);
    expect(Math.abs(n - 20)).toBeLessThanOrEqual(1);
  });

  it('refuses a kind it does not know with a TypeError naming the known ones', () => {
    const bad = { kind: 'nope' } as unknown as SourceSpec;
    expect(() => createArrivals(bad, createStream(1, 'a'))).toThrow(
      /^unknown arrival source kind "nope" \(known: poisson, constant, .*trace, population\)$/,
    );
    expect(() => expectedArrivals(bad, 1000)).toThrow(TypeError);
  });
});
