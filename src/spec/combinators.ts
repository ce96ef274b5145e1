/** Schema nodes that combine or adjust others: unions, recursion, checks and conversions. */
import {
  BaseSchema,
  describeValue,
  type Infer,
  isPlainObject,
  type JsonSchema,
  type JsonSchemaContext,
  type JsonType,
  jsonTypeOf,
  orList,
  type Schema,
} from './core.ts';
import { suggestion } from './didYouMean.ts';
import { joinPath, type PathSegment, SpecError } from './specError.ts';

const TYPE_NAMES: Record<JsonType, string> = {
  null: 'null',
  boolean: 'a boolean',
  number: 'a number',
  string: 'a string',
  array: 'an array',
  object: 'an object',
};

// Listed in this order in messages, whatever order the caller wrote.
const TYPE_ORDER: readonly JsonType[] = ['number', 'string', 'boolean', 'array', 'object', 'null'];

// Distinct nodes only: one schema can serve several JSON types (a duration is a
// number or a string), and listing it twice would make "oneOf" match twice.
function distinct(schemas: readonly Schema<unknown>[]): Schema<unknown>[] {
  return [...new Set(schemas)];
}

export type TypeAlternatives = { readonly [K in JsonType]?: Schema<unknown> };

export interface OneOfTypeOptions {
  /** The whole expectation for the type error, e.g. 'a duration or a distribution object'. */
  expected?: string;
}

export class OneOfTypeSchema<M extends TypeAlternatives> extends BaseSchema<
  Infer<NonNullable<M[keyof M]>>
> {
  constructor(
    readonly alternatives: M,
    private readonly options: OneOfTypeOptions = {},
  ) {
    super();
  }

  parse(value: unknown, path = ''): Infer<NonNullable<M[keyof M]>> {
    const type = jsonTypeOf(value);
    const schema = type in this.alternatives ? this.alternatives[type as JsonType] : undefined;
    if (schema === undefined) {
      const expected =
        this.options.expected ??
        orList(
          TYPE_ORDER.filter((t) => this.alternatives[t] !== undefined).map((t) => TYPE_NAMES[t]),
        );
      throw new SpecError(path, `must be ${expected} (got ${describeValue(value)})`);
    }
    return schema.parse(value, path) as Infer<NonNullable<M[keyof M]>>;
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    const schemas = distinct(
      TYPE_ORDER.map((t) => this.alternatives[t]).filter((s) => s !== undefined),
    );
    return { oneOf: schemas.map((s) => s.jsonSchema(context)) };
  }
}

/**
 * A union chosen by the JSON type of the value, e.g.
 * `oneOfType({number: constantMs, string: constantMs, object: distributionObject})`.
 * Because the type picks the alternative, errors come from that alternative
 * instead of a vague "matches none of".
 */
export function oneOfType<const M extends TypeAlternatives>(
  alternatives: M,
  options: OneOfTypeOptions = {},
): OneOfTypeSchema<M> {
  return new OneOfTypeSchema(alternatives, options);
}

export interface SelectCase<T> {
  /** Whether this case applies; it sees the raw value. */
  when: (value: unknown) => boolean;
  schema: Schema<T>;
}

/**
 * A union chosen by a test on the value, for alternatives of the same JSON
 * type: e.g. a lognormal given by {mu, sigma} or by two percentiles. The
 * first case whose test passes parses the value; when none does,
 * `otherwise` parses it or words the error.
 */
export class SelectSchema<T> extends BaseSchema<T> {
  constructor(
    private readonly cases: readonly SelectCase<T>[],
    private readonly otherwise: Schema<T> | ((value: unknown) => string),
  ) {
    super();
  }

  parse(value: unknown, path = ''): T {
    for (const c of this.cases) if (c.when(value)) return c.schema.parse(value, path);
    if (typeof this.otherwise === 'function') throw new SpecError(path, this.otherwise(value));
    return this.otherwise.parse(value, path);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    const schemas = this.cases.map((c) => c.schema as Schema<unknown>);
    if (typeof this.otherwise !== 'function') schemas.push(this.otherwise);
    // anyOf, not oneOf: the tests may overlap, and the first match wins.
    return { anyOf: distinct(schemas).map((s) => s.jsonSchema(context)) };
  }
}

export function select<T>(
  cases: readonly SelectCase<T>[],
  otherwise: Schema<T> | ((value: unknown) => string),
): SelectSchema<T> {
  return new SelectSchema(cases, otherwise);
}

/** A test for select(): the value is an object with at least one of these fields. */
export function hasAnyKey(...keys: readonly string[]): (value: unknown) => boolean {
  return (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    keys.some((k) => Object.hasOwn(value, k));
}

export class LazySchema<T> extends BaseSchema<T> {
  private resolved?: Schema<T>;

  constructor(
    private readonly get: () => Schema<T>,
    private readonly name: string,
  ) {
    super();
  }

  private target(): Schema<T> {
    this.resolved ??= this.get();
    return this.resolved;
  }

  parse(value: unknown, path = ''): T {
    return this.target().parse(value, path);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    // Keyed by the getter, which copies made by describe() share, so that
    // they all refer to one definition.
    return context.ref(this.get, this.name, () => this.target().jsonSchema(context));
  }
}

/**
 * A schema defined later or in terms of itself. In JSON Schema it becomes a
 * `$ref` to `#/$defs/<name>`, which is what lets recursion terminate.
 */
export function lazy<T>(get: () => Schema<T>, name = 'recursive'): LazySchema<T> {
  return new LazySchema(get, name);
}

/** A failed check that points below the checked value, e.g. at its "p99" field. */
export interface RefineIssue {
  path?: PathSegment | readonly PathSegment[];
  reason: string;
}

/**
 * What a refine() check returns: true or undefined when the value is fine;
 * false to fail with the refine's message; a string (the reason) or a
 * RefineIssue to fail with that.
 */
export type RefineResult = boolean | string | RefineIssue | undefined;

export interface RefineOptions {
  /** The reason used when the check returns false. */
  message?: string;
  /** Keywords merged into the JSON Schema, for checks it can express (e.g. minProperties). */
  jsonSchema?: JsonSchema;
}

export class RefineSchema<T> extends BaseSchema<T> {
  private readonly options: RefineOptions;

  constructor(
    private readonly inner: Schema<T>,
    private readonly check: (value: T, path: string) => RefineResult,
    options: string | RefineOptions = {},
  ) {
    super();
    this.options = typeof options === 'string' ? { message: options } : options;
  }

  parse(value: unknown, path = ''): T {
    const out = this.inner.parse(value, path);
    const result = this.check(out, path);
    if (result === true || result === undefined) return out;
    if (result === false) throw new SpecError(path, this.options.message ?? 'is invalid');
    if (typeof result === 'string') throw new SpecError(path, result);
    const sub = result.path;
    const segments: readonly PathSegment[] =
      sub === undefined ? [] : typeof sub === 'string' || typeof sub === 'number' ? [sub] : sub;
    throw new SpecError(joinPath(path, ...segments), result.reason);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    return { ...this.inner.jsonSchema(context), ...this.options.jsonSchema };
  }
}

/** Adds a check that runs on the parsed value: cross-field rules such as max >= min. */
export function refine<T>(
  schema: Schema<T>,
  check: (value: T, path: string) => RefineResult,
  options?: string | RefineOptions,
): RefineSchema<T> {
  return new RefineSchema(schema, check, options);
}

export class TransformSchema<T, U> extends BaseSchema<U> {
  constructor(
    private readonly inner: Schema<T>,
    private readonly fn: (value: T, path: string) => U,
  ) {
    super();
  }

  parse(value: unknown, path = ''): U {
    return this.fn(this.inner.parse(value, path), path);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    return this.inner.jsonSchema(context);
  }
}

/**
 * Maps the parsed value to another form (e.g. a JSON distribution to a
 * tagged DistributionSpec). `fn` may throw SpecError; it gets the path for that.
 * The JSON Schema is the inner one: it describes the input, not the output.
 */
export function transform<T, U>(
  schema: Schema<T>,
  fn: (value: T, path: string) => U,
): TransformSchema<T, U> {
  return new TransformSchema(schema, fn);
}

export class NullableSchema<T> extends BaseSchema<T | null> {
  constructor(readonly inner: Schema<T>) {
    super();
  }

  parse(value: unknown, path = ''): T | null {
    return value === null ? null : this.inner.parse(value, path);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    return { anyOf: [this.inner.jsonSchema(context), { type: 'null' }] };
  }
}

/** The value, or null (for results where a value cannot exist, such as a p99 of no calls). */
export function nullable<T>(schema: Schema<T>): NullableSchema<T> {
  return new NullableSchema(schema);
}

type DiscriminatedOutput<M extends { readonly [tag: string]: Schema<unknown> }> = {
  [K in keyof M]: Infer<M[K]>;
}[keyof M];

/**
 * An object whose field `key` (a string) chooses the schema of the whole object, e.g. a chart
 * {"name": "tailPlot", "options": {...}} whose options depend on its name. An unknown tag is
 * refused at `key` with the tags allowed and a "did you mean"; a known one gives the errors of
 * its own schema, not a vague "matches none of".
 */
export class DiscriminatedSchema<
  M extends { readonly [tag: string]: Schema<unknown> },
> extends BaseSchema<DiscriminatedOutput<M>> {
  constructor(
    readonly key: string,
    readonly cases: M,
  ) {
    super();
  }

  parse(value: unknown, path = ''): DiscriminatedOutput<M> {
    if (!isPlainObject(value)) {
      throw new SpecError(path, `must be an object (got ${describeValue(value)})`);
    }
    const tags = Object.keys(this.cases);
    if (!Object.hasOwn(value, this.key)) {
      throw new SpecError(path, `missing required field ${JSON.stringify(this.key)}`);
    }
    const tag = value[this.key];
    if (typeof tag !== 'string' || !Object.hasOwn(this.cases, tag)) {
      const got = typeof tag === 'string' ? JSON.stringify(tag) : describeValue(tag);
      const hint = typeof tag === 'string' ? suggestion(tag, tags) : '';
      throw new SpecError(
        joinPath(path, this.key),
        `must be one of ${tags.map((t) => JSON.stringify(t)).join(', ')} (got ${got})${hint}`,
      );
    }
    return this.cases[tag].parse(value, path) as DiscriminatedOutput<M>;
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    return { oneOf: Object.values(this.cases).map((s) => s.jsonSchema(context)) };
  }
}

export function discriminated<const M extends { readonly [tag: string]: Schema<unknown> }>(
  key: string,
  cases: M,
): DiscriminatedSchema<M> {
  if (Object.keys(cases).length === 0) throw new Error('discriminated needs at least one case');
  return new DiscriminatedSchema(key, cases);
}
