import { describe, expect, it } from 'vitest';
import { type GraphSpec, toGraph } from '../../../../src/workload/graph/graphSpec.ts';
import { graphSchema, SHAPE_KINDS } from '../../../../src/workload/graph/shapes/index.ts';

describe('the graph shape registry', () => {
  it('puts every shape under its key, in the registry order, with its words for editors', () => {
    const json = graphSchema.jsonSchema() as {
      properties: Record<string, { description?: string }>;
    };
    expect(Object.keys(json.properties)).toEqual(SHAPE_KINDS.map((k) => k.name));
    for (const k of SHAPE_KINDS) expect(json.properties[k.name].description, k.name).toBeTruthy();
  });

  it("builds through the shape that parsed the spec, errors under the shape's key", () => {
    const spec = graphSchema.parse({ fanOut: { width: 3, waitFor: 4 } });
    expect(() => toGraph(spec, 'graph')).toThrow(
      'graph.fanOut.waitFor: cannot wait for 4 answers of 3 calls',
    );
  });

  it('refuses a shape it does not know with a TypeError naming the known ones', () => {
    const bad = { kind: 'nope' } as unknown as GraphSpec;
    expect(() => toGraph(bad, 'graph')).toThrow(
      /^unknown graph shape "nope" \(known: chain, fanOut, .*custom\)$/,
    );
  });
});
