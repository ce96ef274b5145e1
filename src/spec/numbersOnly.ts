import { BaseSchema, type JsonSchema, type JsonSchemaContext, type Schema } from './core.ts';
import { joinPath, SpecError } from './specError.ts';

/**
 * A schema whose input must hold numbers, not strings: a distribution of counts or sizes
 * (calls a day, MB) takes the same families as a latency, whose strings are durations ("1h"
 * read as 3,600,000 ms), so `{"constant": "1h"}` would pass as 3.6 million calls a day. The
 * first string found is refused with its path and `unit` (what the numbers are).
 */
class NumbersOnlySchema<T> extends BaseSchema<T> {
  constructor(
    private readonly inner: Schema<T>,
    private readonly unit: string,
  ) {
    super();
  }

  parse(value: unknown, path = ''): T {
    const at = firstString(value, path);
    if (at !== null) {
      // A number in quotes is a slip of JSON, not a unit: say what to write instead.
      const bare = at.text.trim() !== '' && Number.isFinite(Number(at.text));
      const why = bare
        ? `not a string: write ${at.text.trim()} without quotes`
        : `not a string with units (got ${JSON.stringify(at.text)})`;
      throw new SpecError(at.path, `must be a number (${this.unit}), ${why}`);
    }
    return this.inner.parse(value, path);
  }

  /**
   * The inner schema with every branch that takes a string left out, as parse refuses them: an
   * editor checking a file against the published schema then flags `"1h"` here as `validate`
   * does. Definitions it refers to get a twin of their own (`durationNumbers`, ...).
   */
  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    return withoutStrings(this.inner.jsonSchema(context), context) ?? NOTHING;
  }
}

/** Takes no value: what a property whose every branch took strings becomes. */
const NOTHING: JsonSchema = { not: {} };

/**
 * Keywords whose value is a schema, and those whose value is a list of them or a map to them
 * (`not` is left as it is: taking strings out of a negation would let more in).
 */
const ONE_SCHEMA = new Set(['additionalProperties', 'items']);
const SCHEMA_LISTS = new Set(['oneOf', 'anyOf']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);

/**
 * `schema` with every branch that takes a string left out; null when nothing is left. A `$ref`
 * to a definition becomes one to its numbers-only twin, built once per document.
 */
function withoutStrings(schema: JsonSchema, context: JsonSchemaContext): JsonSchema | null {
  if (schema.type === 'string') return null;
  if (Array.isArray(schema.type) && schema.type.includes('string')) {
    const type = schema.type.filter((t) => t !== 'string');
    if (type.length === 0) return null;
    schema = { ...schema, type };
  }
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === '$ref') {
      const name = String(value).replace('#/$defs/', '');
      Object.assign(
        out,
        context.ref(
          `numbersOnly:${name}`,
          `${name}Numbers`,
          () => withoutStrings(context.defs[name], context) ?? NOTHING,
        ),
      );
    } else if (SCHEMA_LISTS.has(keyword)) {
      const kept = (value as JsonSchema[]).flatMap((x) => withoutStrings(x, context) ?? []);
      if (kept.length === 0) return null;
      out[keyword] = kept;
    } else if (keyword === 'prefixItems' || keyword === 'allOf') {
      // Positional, or all required: a branch left with nothing stays, taking nothing.
      out[keyword] = (value as JsonSchema[]).map((x) => withoutStrings(x, context) ?? NOTHING);
    } else if (SCHEMA_MAPS.has(keyword)) {
      out[keyword] = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([k, x]) => [
          k,
          withoutStrings(x, context) ?? NOTHING,
        ]),
      );
    } else if (ONE_SCHEMA.has(keyword) && typeof value === 'object' && value !== null) {
      out[keyword] = withoutStrings(value as JsonSchema, context) ?? NOTHING;
    } else if (keyword === 'description' && value === 'milliseconds') {
      // A duration's number: here a count or a size, which the field's description names.
    } else {
      out[keyword] = value;
    }
  }
  return out;
}

/** Where the first string in `value` is (depth first), or null; loops, no recursion. */
function firstString(value: unknown, path: string): { path: string; text: string } | null {
  const stack: { v: unknown; p: string }[] = [{ v: value, p: path }];
  while (stack.length > 0) {
    const { v, p } = stack.pop()!;
    if (typeof v === 'string') return { path: p, text: v };
    if (v === null || typeof v !== 'object') continue;
    const entries = Array.isArray(v)
      ? v.map((x, i) => [joinPath(p, i), x] as const)
      : Object.entries(v).map(([k, x]) => [joinPath(p, k), x] as const);
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push({ v: entries[i][1], p: entries[i][0] });
  }
  return null;
}

/** `inner`, with every string in its input refused (see NumbersOnlySchema). */
export function numbersOnly<T>(inner: Schema<T>, unit: string): Schema<T> {
  return new NumbersOnlySchema(inner, unit);
}
