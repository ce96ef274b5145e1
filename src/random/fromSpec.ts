import type { Distribution } from './distribution.ts';
import type { DistributionFamily } from './families/family.ts';
import { type DistributionSpec, FAMILIES } from './families/index.ts';

// Each family is only ever handed specs of its own kinds (looked up by kind below).
const byKind = new Map<string, DistributionFamily<DistributionSpec>>(
  FAMILIES.flatMap((f) =>
    f.kinds.map((k) => [k, f as unknown as DistributionFamily<DistributionSpec>] as const),
  ),
);

const KNOWN = `known: ${[...byKind.keys()].join(', ')}`;

/**
 * Builds a sampler from a validated distribution spec. The spec parser has
 * already checked every constraint, so the constructors' own checks are a
 * second line that should never fire here.
 *
 * A library caller may pass anything, though: what is not a spec is refused with an error
 * that says what was expected (not "Cannot read properties of null"), and a spec of a known
 * kind whose fields the sampler cannot use gets the sampler's reason with the kind.
 */
export function fromSpec(spec: DistributionSpec): Distribution {
  const value: unknown = spec;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(
      `fromSpec: expected a distribution spec, an object such as {kind: 'constant', value: 3} (${KNOWN}), got ${describe(value)}`,
    );
  }
  const kind = (value as { kind?: unknown }).kind;
  const family = typeof kind === 'string' ? byKind.get(kind) : undefined;
  if (family === undefined) {
    throw new TypeError(`fromSpec: unknown distribution kind ${describe(kind)} (${KNOWN})`);
  }
  try {
    return family.build(spec, fromSpec);
  } catch (e) {
    // A nested spec's own refusal (shifted, mixture) already says what it is.
    if (!(e instanceof Error) || e.message.startsWith('fromSpec: ')) throw e;
    const Kind = e instanceof RangeError ? RangeError : TypeError;
    throw new Kind(`fromSpec: not a valid "${kind}" spec ${describe(spec)}: ${e.message}`, {
      cause: e,
    });
  }
}

/** A value as JSON, cut short: an empirical table may hold thousands of points. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) return typeof value;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
