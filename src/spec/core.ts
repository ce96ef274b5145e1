/**
 * The core of the schema DSL: the Schema interface that every node
 * implements, the base class that gives nodes descriptions and JSON Schema
 * `$defs` handling, and the helpers that word error messages.
 */

/** A JSON Schema (draft 2020-12) fragment: plain JSON data. */
export type JsonSchema = { [keyword: string]: unknown };

/** The types a JSON value can have, as JSON Schema names them (minus "integer"). */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/**
 * How an object field treats absence: required (an error), optional (left
 * out of the result) or defaulted (filled in). Only object() looks at it.
 */
export type Presence = 'required' | 'optional' | 'default';

export interface Schema<T> {
  /** Shown to editors through JSON Schema; set it with `describe`. */
  readonly description?: string;
  readonly presence: Presence;
  /**
   * Validates `value` (parsed JSON, or a plain JS value) and returns it in its
   * typed form. Throws SpecError; `path` locates `value` in the document.
   */
  parse(value: unknown, path?: string): T;
  /**
   * The JSON Schema fragment for this node. Called without a context, it is
   * a complete schema: shared or recursive nodes land in its `$defs`.
   */
  jsonSchema(context?: JsonSchemaContext): JsonSchema;
  /** A copy of this node with a description. */
  describe(text: string): this;
}

/** The type a schema parses to. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/**
 * true when A and B have the same fields (optional ones included), else false: for a
 * compile-time check that a schema and the interface it stands for have not drifted apart,
 * `const _: SameKeys<Interface, Infer<typeof schema>> = true`.
 */
export type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;

/**
 * Collects the named definitions (`$defs`) of one JSON Schema document while
 * it is built. Definitions are keyed by identity so that a recursive schema
 * refers to itself instead of expanding forever.
 */
export class JsonSchemaContext {
  readonly defs: Record<string, JsonSchema> = {};
  private readonly names = new Map<unknown, string>();

  /** A `$ref` to the definition of `key`, building it the first time it is seen. */
  ref(key: unknown, name: string, build: () => JsonSchema): JsonSchema {
    let defName = this.names.get(key);
    if (defName === undefined) {
      defName = name;
      for (let i = 2; Object.hasOwn(this.defs, defName); i++) defName = `${name}${i}`;
      this.names.set(key, defName);
      // Registered before building so that a self-reference finds the name.
      this.defs[defName] = {};
      this.defs[defName] = build();
    }
    return { $ref: `#/$defs/${defName}` };
  }
}

export abstract class BaseSchema<T> implements Schema<T> {
  description?: string;
  readonly presence: Presence = 'required';

  abstract parse(value: unknown, path?: string): T;

  /** The fragment without the description, which jsonSchema() adds. */
  protected abstract toJsonSchema(context: JsonSchemaContext): JsonSchema;

  jsonSchema(context?: JsonSchemaContext): JsonSchema {
    const ctx = context ?? new JsonSchemaContext();
    let out = this.toJsonSchema(ctx);
    if (this.description !== undefined) out = { ...out, description: this.description };
    if (context === undefined && Object.keys(ctx.defs).length > 0) {
      out = { ...out, $defs: ctx.defs };
    }
    return out;
  }

  describe(text: string): this {
    // A shallow copy keeps the node's class, so object() still recognises
    // optional() and withDefault() fields after they are described.
    const copy = Object.assign(Object.create(Object.getPrototypeOf(this)), this) as this;
    copy.description = text;
    return copy;
  }
}

/** A complete JSON Schema document (with `$schema`) for a top-level schema. */
export function toJsonSchemaDocument(
  schema: Schema<unknown>,
  meta: { id?: string; title?: string } = {},
): JsonSchema {
  const head: JsonSchema = { $schema: 'https://json-schema.org/draft/2020-12/schema' };
  if (meta.id !== undefined) head.$id = meta.id;
  if (meta.title !== undefined) head.title = meta.title;
  return { ...head, ...schema.jsonSchema() };
}

/** The JSON type of a value; "undefined" or "other" for things JSON cannot carry. */
export function jsonTypeOf(value: unknown): JsonType | 'undefined' | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  switch (type) {
    case 'boolean':
    case 'number':
    case 'string':
    case 'undefined':
      return type;
    case 'object':
      return isPlainObject(value) ? 'object' : 'other';
    default:
      return 'other';
  }
}

/** An object as JSON.parse makes them (not an array, Map, Date or class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const MAX_SHOWN_STRING = 40;

/** A JSON string literal, shortened when long: for "(got ...)" parts of messages. */
export function quote(text: string): string {
  const shown = text.length > MAX_SHOWN_STRING ? `${text.slice(0, MAX_SHOWN_STRING)}...` : text;
  return JSON.stringify(shown);
}

/**
 * A value with its type, for messages about the wrong type:
 * `string "abc"`, `number 5`, `null`, `array`, `NaN`.
 */
export function describeValue(value: unknown): string {
  const type = jsonTypeOf(value);
  switch (type) {
    case 'null':
    case 'undefined':
    case 'array':
    case 'object':
      return type;
    case 'string':
      return `string ${quote(value as string)}`;
    case 'number':
      return Number.isFinite(value) ? `number ${value}` : String(value);
    case 'boolean':
      return `boolean ${value}`;
    default:
      if (typeof value === 'object') {
        const name = (value as object).constructor?.name;
        return name ? `${name} object` : 'object';
      }
      return typeof value;
  }
}

/** "a", "a or b", "a, b or c": for lists of alternatives in messages. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A deep copy of plain JSON-like data, so that defaults are never shared between results. */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setField(out, k, cloneData(v));
    return out as T;
  }
  return value;
}

/**
 * Sets a field by definition rather than assignment, so that a user's key
 * named "__proto__" becomes a field instead of replacing the prototype.
 */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment for every other key: defineProperty is several times slower, and files
  // coldtail reads back hold millions of fields.
  if (key !== '__proto__') {
    target[key] = value;
    return;
  }
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
