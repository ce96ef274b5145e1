/** Schema nodes for containers: arrays, tuples, records, objects and one-key objects. */
import {
  BaseSchema,
  cloneData,
  describeValue,
  type Infer,
  isPlainObject,
  type JsonSchema,
  type JsonSchemaContext,
  quote,
  type Schema,
  setField,
} from './core.ts';
import { suggestion } from './didYouMean.ts';
import { NumberSchema } from './primitives.ts';
import { joinPath, SpecError } from './specError.ts';

function items(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

function requireObject(value: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new SpecError(path, `must be an object (got ${describeValue(value)})`);
  }
  return value;
}

export interface ArrayOptions {
  minItems?: number;
  maxItems?: number;
}

export class ArraySchema<T> extends BaseSchema<T[]> {
  constructor(
    private readonly item: Schema<T>,
    private readonly options: ArrayOptions = {},
  ) {
    super();
  }

  parse(value: unknown, path = ''): T[] {
    const { minItems, maxItems } = this.options;
    if (!Array.isArray(value)) {
      throw new SpecError(path, `must be an array (got ${describeValue(value)})`);
    }
    if (minItems !== undefined && value.length < minItems) {
      throw new SpecError(path, `must have at least ${items(minItems)} (got ${value.length})`);
    }
    if (maxItems !== undefined && value.length > maxItems) {
      throw new SpecError(path, `must have at most ${items(maxItems)} (got ${value.length})`);
    }
    // Numbers, the bulk of the files coldtail reads back (timelines), are checked in a tight
    // loop; the path is spelled out only when one fails.
    const item = this.item;
    if (item instanceof NumberSchema) {
      for (let i = 0; i < value.length; i++) {
        if (!item.accepts(value[i])) item.parse(value[i], joinPath(path, i));
      }
      return value.slice() as T[];
    }
    const out = new Array<T>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = item.parse(value[i], `${path}[${i}]`);
    return out;
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    const out: JsonSchema = { type: 'array', items: this.item.jsonSchema(context) };
    if (this.options.minItems !== undefined) out.minItems = this.options.minItems;
    if (this.options.maxItems !== undefined) out.maxItems = this.options.maxItems;
    return out;
  }
}

export function array<T>(item: Schema<T>, options: ArrayOptions = {}): ArraySchema<T> {
  return new ArraySchema(item, options);
}

type TupleOutput<S extends readonly Schema<unknown>[]> = { -readonly [K in keyof S]: Infer<S[K]> };

export class TupleSchema<S extends readonly Schema<unknown>[]> extends BaseSchema<TupleOutput<S>> {
  constructor(private readonly items: S) {
    super();
  }

  parse(value: unknown, path = ''): TupleOutput<S> {
    const n = this.items.length;
    if (!Array.isArray(value)) {
      throw new SpecError(path, `must be an array of ${items(n)} (got ${describeValue(value)})`);
    }
    if (value.length !== n) {
      throw new SpecError(path, `must have exactly ${items(n)} (got ${value.length})`);
    }
    return this.items.map((s, i) => s.parse(value[i], `${path}[${i}]`)) as TupleOutput<S>;
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    const n = this.items.length;
    return {
      type: 'array',
      prefixItems: this.items.map((s) => s.jsonSchema(context)),
      items: false,
      minItems: n,
      maxItems: n,
    };
  }
}

/** A fixed-length array whose items each have their own schema, e.g. [probability, duration]. */
export function tuple<const S extends readonly Schema<unknown>[]>(...items: S): TupleSchema<S> {
  return new TupleSchema(items);
}

export interface RecordOptions {
  /** Field names must match this (anchor it); others are refused. */
  keyPattern?: RegExp;
  /** What the field names should look like, for messages: "a percentile such as p50". */
  keyHint?: string;
  minEntries?: number;
  maxEntries?: number;
}

export class RecordSchema<T> extends BaseSchema<Record<string, T>> {
  constructor(
    private readonly value: Schema<T>,
    private readonly options: RecordOptions = {},
  ) {
    super();
  }

  parse(value: unknown, path = ''): Record<string, T> {
    const { keyPattern, keyHint, minEntries, maxEntries } = this.options;
    const input = requireObject(value, path);
    const keys = Object.keys(input);
    if (keyPattern !== undefined) {
      const bad = keys.find((k) => !keyPattern.test(k));
      if (bad !== undefined) {
        const expected = keyHint ?? `a name matching ${keyPattern}`;
        throw new SpecError(path, `unknown field ${quote(bad)} (expected ${expected})`);
      }
    }
    if (minEntries !== undefined && keys.length < minEntries) {
      throw new SpecError(path, `must have at least ${fields(minEntries)} (got ${keys.length})`);
    }
    if (maxEntries !== undefined && keys.length > maxEntries) {
      throw new SpecError(path, `must have at most ${fields(maxEntries)} (got ${keys.length})`);
    }
    const out: Record<string, T> = {};
    for (const key of keys) setField(out, key, this.value.parse(input[key], joinPath(path, key)));
    return out;
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    const { keyPattern, minEntries, maxEntries } = this.options;
    const out: JsonSchema = {
      type: 'object',
      additionalProperties: this.value.jsonSchema(context),
    };
    if (keyPattern !== undefined) out.propertyNames = { pattern: keyPattern.source };
    if (minEntries !== undefined) out.minProperties = minEntries;
    if (maxEntries !== undefined) out.maxProperties = maxEntries;
    return out;
  }
}

function fields(n: number): string {
  return n === 1 ? '1 field' : `${n} fields`;
}

/** An object used as a map: any field names (optionally matching a pattern), one value schema. */
export function record<T>(value: Schema<T>, options: RecordOptions = {}): RecordSchema<T> {
  return new RecordSchema(value, options);
}

/** Marks an object field that may be left out; the result then has no such key. */
export class OptionalSchema<T> extends BaseSchema<T> {
  override readonly presence = 'optional' as const;

  constructor(readonly inner: Schema<T>) {
    super();
  }

  parse(value: unknown, path = ''): T {
    return this.inner.parse(value, path);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    return this.inner.jsonSchema(context);
  }
}

/**
 * An object field that may be left out. Put it outermost:
 * `optional(refine(x, ...))`, not `refine(optional(x), ...)`.
 */
export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  return new OptionalSchema(schema);
}

/** An object field that takes `value` when left out. */
export class DefaultSchema<T> extends BaseSchema<T> {
  override readonly presence = 'default' as const;

  constructor(
    readonly inner: Schema<T>,
    private readonly value: T,
  ) {
    super();
  }

  /** A fresh copy, so that callers mutating one result do not change the next. */
  defaultValue(): T {
    return cloneData(this.value);
  }

  parse(value: unknown, path = ''): T {
    return this.inner.parse(value, path);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    return { ...this.inner.jsonSchema(context), default: cloneData(this.value) };
  }
}

/**
 * An object field with a default. The default is in the parsed form and is
 * also published as the JSON Schema "default", so prefer values that are
 * valid input too (numbers, strings, durations as milliseconds).
 */
export function withDefault<T>(schema: Schema<T>, value: T): DefaultSchema<T> {
  return new DefaultSchema(schema, value);
}

/** The fields of an object schema. */
export type Shape = { readonly [key: string]: Schema<unknown> };

type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends { readonly presence: 'optional' } ? K : never;
}[keyof S];

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** What object(shape) parses to: optional() fields are optional, the rest required. */
export type ObjectOutput<S extends Shape> = Simplify<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    -readonly [K in OptionalKeys<S>]?: Infer<S[K]>;
  }
>;

export interface ObjectOptions {
  /** Refuse fields not in the shape (the default): a misspelled key must not pass silently. */
  strict?: boolean;
}

export class ObjectSchema<S extends Shape> extends BaseSchema<ObjectOutput<S>> {
  private readonly strict: boolean;
  // Each field's path after a parent's ("" + "a" = "a", "x" + ".a", or "x" + '["p99.9"]'),
  // spelled once here rather than for every object parsed.
  private readonly rootPaths = new Map<string, string>();
  private readonly subPaths = new Map<string, string>();

  constructor(
    readonly shape: S,
    options: ObjectOptions = {},
  ) {
    super();
    this.strict = options.strict ?? true;
    for (const key of Object.keys(shape)) {
      this.rootPaths.set(key, joinPath('', key));
      const sub = joinPath('x', key).slice(1);
      this.subPaths.set(key, sub);
    }
  }

  parse(value: unknown, path = ''): ObjectOutput<S> {
    const input = requireObject(value, path);
    const known = Object.keys(this.shape);
    // Unknown fields first: a misspelled required field is also a missing
    // one, and "did you mean" is the more useful of the two messages.
    if (this.strict) {
      for (const key of Object.keys(input)) {
        if (Object.hasOwn(this.shape, key)) continue;
        const hint = suggestion(key, known);
        const reason = hint
          ? `unknown field ${quote(key)}${hint}`
          : `unknown field ${quote(key)} (allowed: ${known.join(', ') || 'none'})`;
        throw new SpecError(path, reason);
      }
    }
    const out: Record<string, unknown> = {};
    for (const key of known) {
      const schema = this.shape[key];
      const raw = Object.hasOwn(input, key) ? input[key] : undefined;
      if (raw === undefined) {
        if (schema instanceof DefaultSchema) setField(out, key, schema.defaultValue());
        else if (!(schema instanceof OptionalSchema)) {
          throw new SpecError(path, `missing required field ${quote(key)}`);
        }
        continue;
      }
      const at = path === '' ? this.rootPaths.get(key)! : path + this.subPaths.get(key)!;
      setField(out, key, schema.parse(raw, at));
    }
    return out as ObjectOutput<S>;
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    const properties: JsonSchema = {};
    const required: string[] = [];
    for (const [key, schema] of Object.entries(this.shape)) {
      properties[key] = schema.jsonSchema(context);
      if (!(schema instanceof OptionalSchema) && !(schema instanceof DefaultSchema)) {
        required.push(key);
      }
    }
    const out: JsonSchema = { type: 'object', properties };
    if (required.length > 0) out.required = required;
    if (this.strict) out.additionalProperties = false;
    return out;
  }
}

/** An object with known fields; see ObjectOptions for unknown ones. */
export function object<const S extends Shape>(
  shape: S,
  options: ObjectOptions = {},
): ObjectSchema<S> {
  return new ObjectSchema(shape, options);
}

type OneKeyOutput<M extends Shape> = { [K in keyof M]: Infer<M[K]> }[keyof M];

/**
 * An object with exactly one field, chosen among alternatives that each have
 * their own schema: {"lognormal": {...}} or {"constant": "5ms"}. Parses to
 * what the chosen alternative parses to (use transform() there to tag it).
 */
export class OneKeySchema<M extends Shape> extends BaseSchema<OneKeyOutput<M>> {
  constructor(readonly alternatives: M) {
    super();
  }

  parse(value: unknown, path = ''): OneKeyOutput<M> {
    const names = Object.keys(this.alternatives);
    const expected = `exactly one of ${names.join(', ')}`;
    if (!isPlainObject(value)) {
      throw new SpecError(path, `must be an object with ${expected} (got ${describeValue(value)})`);
    }
    const keys = Object.keys(value);
    if (keys.length === 1 && Object.hasOwn(this.alternatives, keys[0])) {
      const key = keys[0];
      return this.alternatives[key].parse(value[key], joinPath(path, key)) as OneKeyOutput<M>;
    }
    if (keys.length === 0) throw new SpecError(path, `expected ${expected}; got an empty object`);
    const got = keys.map(quote).join(', ');
    const hint = keys.length === 1 ? suggestion(keys[0], names) : '';
    throw new SpecError(path, `expected ${expected}; got ${got}${hint}`);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    const properties: JsonSchema = {};
    for (const [key, schema] of Object.entries(this.alternatives)) {
      properties[key] = schema.jsonSchema(context);
    }
    // One object with every alternative as a property (rather than a oneOf of
    // one-property objects) lets editors offer all the keys for completion.
    return {
      type: 'object',
      properties,
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
    };
  }
}

export function oneKey<const M extends Shape>(alternatives: M): OneKeySchema<M> {
  if (Object.keys(alternatives).length === 0) throw new Error('oneKey needs at least one key');
  return new OneKeySchema(alternatives);
}
