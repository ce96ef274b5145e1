import type { Distribution } from './distribution.ts';
import type { DistributionFamily } from './families/family.ts';
import { type DistributionSpec, FAMILIES } from './families/index.ts';

// Each family is only ever handed specs of its own kinds (looked up by kind below).
const byKind = new Map<string, DistributionFamily<DistributionSpec>>(
  FAMILIES.flatMap((f) =>
    f.kinds.map((k) => [k, f as unknown as DistributionFamily<DistributionSpec>] as const),
  ),
);

/**
 * Builds a sampler from a validated distribution spec. The spec parser has
 * already checked every constraint, so the constructors' own checks are a
 * second line that should never fire here.
 */
export function fromSpec(spec: DistributionSpec): Distribution {
  const kind = (spec as { kind?: unknown } | null)?.kind;
  const family = typeof kind === 'string' ? byKind.get(kind) : undefined;
  if (family === undefined) {
    // A library caller may pass anything; the parser's own specs never get here.
    throw new TypeError(
      `fromSpec: unknown distribution kind ${JSON.stringify(kind)} (known: ${[...byKind.keys()].join(', ')})`,
    );
  }
  return family.build(spec, fromSpec);
}
