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
      throw new SpecError(
        at.path,
        `must be a number (${this.unit}), not a string with units (got ${JSON.stringify(at.text)})`,
      );
    }
    return this.inner.parse(value, path);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    return this.inner.jsonSchema(context);
  }
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
