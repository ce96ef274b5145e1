import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  array,
  boolean,
  count,
  discriminated,
  enumOf,
  hasAnyKey,
  type Infer,
  integer,
  lazy,
  literal,
  nullable,
  number,
  object,
  oneKey,
  oneOfType,
  optional,
  probability,
  record,
  refine,
  type Schema,
  select,
  string,
  transform,
  tuple,
  withDefault,
} from '../../src/spec/schema.ts';
import { SpecError } from '../../src/spec/specError.ts';

function specError(fn: () => unknown): SpecError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SpecError) return err;
    throw err;
  }
  throw new Error('expected a SpecError, but nothing was thrown');
}

/** Asserts that parsing fails at exactly this path with exactly this reason. */
function expectFailure(schema: Schema<unknown>, value: unknown, path: string, reason: string) {
  const err = specError(() => schema.parse(value, 'root'));
  expect({ path: err.path, reason: err.reason }).toEqual({ path, reason });
}

describe('number', () => {
  it('accepts finite numbers within bounds', () => {
    expect(number().parse(-3.5)).toBe(-3.5);
    expect(number({ min: 0, max: 10 }).parse(0)).toBe(0);
    expect(number({ min: 0, max: 10 }).parse(10)).toBe(10);
    expect(number({ exclusiveMin: 0 }).parse(1e-9)).toBe(1e-9);
  });

  it.each([
    [number(), 'abc', 'must be a number (got string "abc")'],
    [number(), null, 'must be a number (got null)'],
    [number(), undefined, 'must be a number (got undefined)'],
    [number(), [1], 'must be a number (got array)'],
    [number(), { n: 1 }, 'must be a number (got object)'],
    [number(), true, 'must be a number (got boolean true)'],
    [number(), Number.NaN, 'must be a finite number (got NaN)'],
    [number(), Number.POSITIVE_INFINITY, 'must be a finite number (got Infinity)'],
    [number(), Number.NEGATIVE_INFINITY, 'must be a finite number (got -Infinity)'],
    [number({ min: 0 }), -3, 'must be >= 0 (got -3)'],
    [number({ max: 1 }), 1.5, 'must be <= 1 (got 1.5)'],
    [number({ exclusiveMin: 0 }), 0, 'must be > 0 (got 0)'],
    [number({ exclusiveMax: 1 }), 1, 'must be < 1 (got 1)'],
    [number({ integer: true }), 2.5, 'must be an integer (got 2.5)'],
    [integer(), '2', 'must be an integer (got string "2")'],
    [integer({ min: 1 }), 0, 'must be >= 1 (got 0)'],
    [probability(), 1.01, 'must be <= 1 (got 1.01)'],
    [probability(), -0.1, 'must be >= 0 (got -0.1)'],
  ])('%#: refuses %j with %j', (schema, value, reason) => {
    expectFailure(schema, value, 'root', reason);
  });

  it('shortens long strings in messages', () => {
    expectFailure(
      number(),
      'x'.repeat(100),
      'root',
      `must be a number (got string "${'x'.repeat(40)}...")`,
    );
  });

  it('emits JSON Schema', () => {
    expect(number({ min: 0, max: 5 }).jsonSchema()).toEqual({
      type: 'number',
      minimum: 0,
      maximum: 5,
    });
    expect(integer({ exclusiveMin: 0 }).jsonSchema()).toEqual({
      type: 'integer',
      exclusiveMinimum: 0,
    });
    expect(probability().describe('share of cold starts').jsonSchema()).toEqual({
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'share of cold starts',
    });
  });
});

describe('boolean, string, literal, enumOf', () => {
  it('boolean', () => {
    expect(boolean().parse(false)).toBe(false);
    expectFailure(boolean(), 'true', 'root', 'must be a boolean (got string "true")');
    expect(boolean().jsonSchema()).toEqual({ type: 'boolean' });
  });

  it('string', () => {
    expect(string().parse('')).toBe('');
    expectFailure(string(), 5, 'root', 'must be a string (got number 5)');
    expectFailure(string({ minLength: 1 }), '', 'root', 'must not be empty');
    expectFailure(
      string({ minLength: 3 }),
      'ab',
      'root',
      'must be at least 3 characters long (got 2)',
    );
    expectFailure(
      string({ maxLength: 2 }),
      'abc',
      'root',
      'must be at most 2 characters long (got 3)',
    );
    const name = string({ pattern: /^[a-z][a-z0-9-]*$/, patternHint: 'a lowercase name' });
    expect(name.parse('api-gateway')).toBe('api-gateway');
    expectFailure(name, 'Api', 'root', 'must be a lowercase name (got "Api")');
    expectFailure(string({ pattern: /^a+$/ }), 'b', 'root', 'must match /^a+$/ (got "b")');
    expect(name.jsonSchema()).toEqual({ type: 'string', pattern: '^[a-z][a-z0-9-]*$' });
  });

  it('literal', () => {
    expect(literal('v1').parse('v1')).toBe('v1');
    expect(literal(3).parse(3)).toBe(3);
    expectFailure(literal('v1'), 'v2', 'root', 'must be "v1" (got string "v2")');
    expect(literal('v1').jsonSchema()).toEqual({ const: 'v1' });
  });

  it('enumOf lists the allowed values and suggests a close one', () => {
    const mode = enumOf(['sync', 'async', 'fireAndForget']);
    expect(mode.parse('async')).toBe('async');
    expectFailure(
      mode,
      'asnyc',
      'root',
      'must be one of "sync", "async", "fireAndForget" (got "asnyc"); did you mean "async"?',
    );
    expectFailure(
      mode,
      'parallel',
      'root',
      'must be one of "sync", "async", "fireAndForget" (got "parallel")',
    );
    expectFailure(
      mode,
      1,
      'root',
      'must be one of "sync", "async", "fireAndForget" (got number 1)',
    );
    expect(mode.jsonSchema()).toEqual({ type: 'string', enum: ['sync', 'async', 'fireAndForget'] });
  });
});

describe('array and tuple', () => {
  it('parses items with indexed paths', () => {
    const depths = array(integer({ min: 1 }), { minItems: 1, maxItems: 4 });
    expect(depths.parse([1, 2, 3])).toEqual([1, 2, 3]);
    const err = specError(() => depths.parse([1, 2, 0], 'sweep.depth'));
    expect(err.path).toBe('sweep.depth[2]');
    expect(err.reason).toBe('must be >= 1 (got 0)');
    expect(err.message).toBe('sweep.depth[2]: must be >= 1 (got 0)');
  });

  it('checks type and length', () => {
    const s = array(number(), { minItems: 1, maxItems: 2 });
    expectFailure(s, { a: 1 }, 'root', 'must be an array (got object)');
    expectFailure(s, [], 'root', 'must have at least 1 item (got 0)');
    expectFailure(s, [1, 2, 3], 'root', 'must have at most 2 items (got 3)');
    expect(s.jsonSchema()).toEqual({
      type: 'array',
      items: { type: 'number' },
      minItems: 1,
      maxItems: 2,
    });
  });

  it('tuple', () => {
    const pair = tuple(probability(), string());
    expect(pair.parse([0.5, 'x'])).toEqual([0.5, 'x']);
    expectFailure(pair, [0.5], 'root', 'must have exactly 2 items (got 1)');
    expectFailure(pair, 'x', 'root', 'must be an array of 2 items (got string "x")');
    expectFailure(pair, [2, 'x'], 'root[0]', 'must be <= 1 (got 2)');
    expect(pair.jsonSchema()).toEqual({
      type: 'array',
      prefixItems: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'string' }],
      items: false,
      minItems: 2,
      maxItems: 2,
    });
  });
});

describe('record', () => {
  it('parses any field names with one value schema', () => {
    const weights = record(probability());
    expect(weights.parse({ a: 0.5, 'b c': 1 })).toEqual({ a: 0.5, 'b c': 1 });
    expectFailure(weights, { a: 0.5, 'b c': 2 }, 'root["b c"]', 'must be <= 1 (got 2)');
    expectFailure(weights, [], 'root', 'must be an object (got array)');
    expectFailure(weights, null, 'root', 'must be an object (got null)');
    expectFailure(weights, new Map(), 'root', 'must be an object (got Map object)');
  });

  it('checks field names and counts', () => {
    const s = record(number(), {
      keyPattern: /^p\d+$/,
      keyHint: 'a percentile such as p50',
      minEntries: 1,
      maxEntries: 2,
    });
    expectFailure(
      s,
      { p50: 1, median: 2 },
      'root',
      'unknown field "median" (expected a percentile such as p50)',
    );
    expectFailure(s, {}, 'root', 'must have at least 1 field (got 0)');
    expectFailure(s, { p1: 1, p2: 2, p3: 3 }, 'root', 'must have at most 2 fields (got 3)');
    expect(s.jsonSchema()).toEqual({
      type: 'object',
      additionalProperties: { type: 'number' },
      propertyNames: { pattern: '^p\\d+$' },
      minProperties: 1,
      maxProperties: 2,
    });
  });

  it('keeps a "__proto__" key as a plain field', () => {
    const parsed = record(number()).parse(JSON.parse('{"__proto__": 1, "a": 2}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a']);
  });
});

describe('object', () => {
  const pool = object({
    keepAlive: number({ min: 0 }),
    concurrency: withDefault(integer({ min: 1 }), 1),
    maxConcurrency: optional(integer({ min: 1 })),
    tags: withDefault(array(string()), []),
  });

  it('parses fields, fills defaults and leaves optional fields out', () => {
    expect(pool.parse({ keepAlive: 600000 })).toEqual({
      keepAlive: 600000,
      concurrency: 1,
      tags: [],
    });
    const parsed = pool.parse({ keepAlive: 1, concurrency: 4, maxConcurrency: 10, tags: ['a'] });
    expect(parsed).toEqual({ keepAlive: 1, concurrency: 4, maxConcurrency: 10, tags: ['a'] });
    expect('maxConcurrency' in pool.parse({ keepAlive: 1 })).toBe(false);
    // undefined from a JS caller means "absent", as it would in JSON.
    expect(pool.parse({ keepAlive: 1, maxConcurrency: undefined })).toEqual({
      keepAlive: 1,
      concurrency: 1,
      tags: [],
    });
  });

  it('gives every result its own copy of a default', () => {
    const a = pool.parse({ keepAlive: 1 });
    a.tags.push('mutated');
    expect(pool.parse({ keepAlive: 1 }).tags).toEqual([]);
  });

  it('refuses unknown fields, suggesting a close one', () => {
    expectFailure(
      pool,
      { kaepAlive: 1 },
      'root',
      'unknown field "kaepAlive"; did you mean "keepAlive"?',
    );
    expectFailure(
      pool,
      { keepAlive: 1, timeout: 3 },
      'root',
      'unknown field "timeout" (allowed: keepAlive, concurrency, maxConcurrency, tags)',
    );
  });

  it('reports missing fields and nested errors with paths', () => {
    expectFailure(pool, {}, 'root', 'missing required field "keepAlive"');
    expectFailure(pool, { keepAlive: -3 }, 'root.keepAlive', 'must be >= 0 (got -3)');
    expectFailure(
      pool,
      { keepAlive: 1, tags: ['a', 2] },
      'root.tags[1]',
      'must be a string (got number 2)',
    );
    expectFailure(pool, 'x', 'root', 'must be an object (got string "x")');
    expectFailure(pool, [], 'root', 'must be an object (got array)');
    // null is a value, not absence: an optional field still refuses it.
    expectFailure(
      pool,
      { keepAlive: 1, maxConcurrency: null },
      'root.maxConcurrency',
      'must be an integer (got null)',
    );
  });

  it('uses an empty path at the root', () => {
    const err = specError(() => pool.parse({ keepAlive: 'x' }));
    expect(err.path).toBe('keepAlive');
    expect(err.message).toBe('keepAlive: must be a number (got string "x")');
    expect(specError(() => pool.parse(1)).message).toBe('must be an object (got number 1)');
  });

  it('ignores unknown fields when not strict', () => {
    const loose = object({ a: number() }, { strict: false });
    expect(loose.parse({ a: 1, b: 2 })).toEqual({ a: 1 });
    expect(loose.jsonSchema()).toEqual({
      type: 'object',
      properties: { a: { type: 'number' } },
      required: ['a'],
    });
  });

  it('emits properties, required fields, defaults and additionalProperties: false', () => {
    expect(pool.describe('a container pool').jsonSchema()).toEqual({
      type: 'object',
      description: 'a container pool',
      properties: {
        keepAlive: { type: 'number', minimum: 0 },
        concurrency: { type: 'integer', minimum: 1, default: 1 },
        maxConcurrency: { type: 'integer', minimum: 1 },
        tags: { type: 'array', items: { type: 'string' }, default: [] },
      },
      required: ['keepAlive'],
      additionalProperties: false,
    });
  });

  it('keeps optional() and withDefault() when described', () => {
    const s = object({
      a: optional(number()).describe('an optional number'),
      b: withDefault(number(), 2).describe('a number with a default'),
    });
    expect(s.parse({})).toEqual({ b: 2 });
    expect(s.jsonSchema()).toEqual({
      type: 'object',
      properties: {
        a: { type: 'number', description: 'an optional number' },
        b: { type: 'number', default: 2, description: 'a number with a default' },
      },
      additionalProperties: false,
    });
  });

  it('infers its type from the shape', () => {
    type Pool = Infer<typeof pool>;
    expectTypeOf<Pool>().toEqualTypeOf<{
      keepAlive: number;
      concurrency: number;
      tags: string[];
      maxConcurrency?: number;
    }>();
    const nested = object({ mode: enumOf(['a', 'b']), inner: optional(object({ x: boolean() })) });
    expectTypeOf<Infer<typeof nested>>().toEqualTypeOf<{
      mode: 'a' | 'b';
      inner?: { x: boolean };
    }>();
    expectTypeOf<Infer<ReturnType<typeof tuple<[Schema<number>, Schema<string>]>>>>().toEqualTypeOf<
      [number, string]
    >();
  });
});

describe('oneKey', () => {
  const shape = oneKey({
    circle: object({ r: number() }),
    square: object({ side: number() }),
  });

  it('parses the one key with its own schema and path', () => {
    expect(shape.parse({ circle: { r: 2 } })).toEqual({ r: 2 });
    expectFailure(
      shape,
      { square: { side: 'x' } },
      'root.square.side',
      'must be a number (got string "x")',
    );
  });

  it('explains what it expected', () => {
    expectFailure(shape, {}, 'root', 'expected exactly one of circle, square; got an empty object');
    expectFailure(
      shape,
      { circle: { r: 1 }, square: { side: 1 } },
      'root',
      'expected exactly one of circle, square; got "circle", "square"',
    );
    expectFailure(
      shape,
      { cirlce: { r: 1 } },
      'root',
      'expected exactly one of circle, square; got "cirlce"; did you mean "circle"?',
    );
    expectFailure(
      shape,
      { hexagon: {} },
      'root',
      'expected exactly one of circle, square; got "hexagon"',
    );
    expectFailure(
      shape,
      5,
      'root',
      'must be an object with exactly one of circle, square (got number 5)',
    );
  });

  it('emits an object with one property among the alternatives', () => {
    expect(shape.jsonSchema()).toEqual({
      type: 'object',
      properties: {
        circle: {
          type: 'object',
          properties: { r: { type: 'number' } },
          required: ['r'],
          additionalProperties: false,
        },
        square: {
          type: 'object',
          properties: { side: { type: 'number' } },
          required: ['side'],
          additionalProperties: false,
        },
      },
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
    });
  });

  it('infers a union of the alternatives', () => {
    expectTypeOf<Infer<typeof shape>>().toEqualTypeOf<{ r: number } | { side: number }>();
  });
});

describe('oneOfType', () => {
  const size = oneOfType({
    number: number({ min: 0 }),
    string: enumOf(['small', 'large']),
    object: object({ bytes: integer() }),
  });

  it('dispatches on the JSON type', () => {
    expect(size.parse(3)).toBe(3);
    expect(size.parse('small')).toBe('small');
    expect(size.parse({ bytes: 10 })).toEqual({ bytes: 10 });
    expectTypeOf<Infer<typeof size>>().toEqualTypeOf<
      number | 'small' | 'large' | { bytes: number }
    >();
  });

  it('reports the error of the alternative for that type', () => {
    expectFailure(size, -1, 'root', 'must be >= 0 (got -1)');
    expectFailure(size, { bytes: 1.5 }, 'root.bytes', 'must be an integer (got 1.5)');
  });

  it('lists the accepted types otherwise', () => {
    expectFailure(size, true, 'root', 'must be a number, a string or an object (got boolean true)');
    expectFailure(size, [], 'root', 'must be a number, a string or an object (got array)');
    const custom = oneOfType({ number: number() }, { expected: 'a count' });
    expectFailure(custom, 'x', 'root', 'must be a count (got string "x")');
  });

  it('emits oneOf, listing a schema shared by two types once', () => {
    const n = number();
    const s = oneOfType({ number: n, string: string(), array: array(n) });
    expect(s.jsonSchema()).toEqual({
      oneOf: [{ type: 'number' }, { type: 'string' }, { type: 'array', items: { type: 'number' } }],
    });
    const shared = transform(number(), (x) => x);
    expect(oneOfType({ number: shared, boolean: shared }).jsonSchema()).toEqual({
      oneOf: [{ type: 'number' }],
    });
  });
});

describe('select', () => {
  const s = select<string>(
    [
      { when: hasAnyKey('a'), schema: transform(object({ a: number() }), () => 'a') },
      { when: hasAnyKey('b'), schema: transform(object({ b: number() }), () => 'b') },
    ],
    () => 'needs "a" or "b"',
  );

  it('parses with the first case that applies', () => {
    expect(s.parse({ a: 1 })).toBe('a');
    expect(s.parse({ b: 1 })).toBe('b');
    expectFailure(s, { a: 1, b: 2 }, 'root', 'unknown field "b" (allowed: a)');
  });

  it('words the error when no case applies', () => {
    expectFailure(s, {}, 'root', 'needs "a" or "b"');
    expectFailure(s, 7, 'root', 'needs "a" or "b"');
  });

  it('falls back to a schema', () => {
    const t = select<number>(
      [{ when: (v) => typeof v === 'string', schema: transform(string(), Number) }],
      number(),
    );
    expect(t.parse('4')).toBe(4);
    expect(t.parse(5)).toBe(5);
    expect(t.jsonSchema()).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
  });
});

describe('lazy', () => {
  interface Tree {
    value: number;
    children?: Tree[];
  }
  const tree: Schema<Tree> = lazy(
    () => object({ value: number(), children: optional(array(tree)) }),
    'tree',
  );

  it('parses recursive structures with deep paths', () => {
    const t = { value: 1, children: [{ value: 2 }, { value: 3, children: [{ value: 4 }] }] };
    expect(tree.parse(t)).toEqual(t);
    expectFailure(
      tree,
      { value: 1, children: [{ value: 2 }, { value: 3, children: [{ value: 'x' }] }] },
      'root.children[1].children[0].value',
      'must be a number (got string "x")',
    );
  });

  it('emits a $ref to a definition in $defs', () => {
    expect(tree.jsonSchema()).toEqual({
      $ref: '#/$defs/tree',
      $defs: {
        tree: {
          type: 'object',
          properties: {
            value: { type: 'number' },
            children: { type: 'array', items: { $ref: '#/$defs/tree' } },
          },
          required: ['value'],
          additionalProperties: false,
        },
      },
    });
  });

  it('puts definitions at the root of an enclosing schema', () => {
    const forest = object({ trees: array(tree), biggest: optional(tree.describe('the largest')) });
    const json = forest.jsonSchema();
    expect(json.properties).toEqual({
      trees: { type: 'array', items: { $ref: '#/$defs/tree' } },
      biggest: { $ref: '#/$defs/tree', description: 'the largest' },
    });
    expect(Object.keys(json.$defs as object)).toEqual(['tree']);
  });

  it('gives different definitions with the same name distinct names', () => {
    const a = lazy(() => number(), 'n');
    const b = lazy(() => string(), 'n');
    expect(object({ a, b }).jsonSchema().$defs).toEqual({
      n: { type: 'number' },
      n2: { type: 'string' },
    });
  });
});

describe('refine', () => {
  const range = refine(
    object({ min: number(), max: number() }),
    ({ min, max }) => max >= min || { path: 'max', reason: 'must not be less than min' },
  );

  it('passes valid values through', () => {
    expect(range.parse({ min: 1, max: 2 })).toEqual({ min: 1, max: 2 });
  });

  it('reports an issue at a sub-path', () => {
    expectFailure(range, { min: 2, max: 1 }, 'root.max', 'must not be less than min');
    // The inner schema's errors come first.
    expectFailure(range, { min: 2 }, 'root', 'missing required field "max"');
  });

  it('reports false with the message, a string as the reason, and nested sub-paths', () => {
    const even = refine(integer(), (n) => n % 2 === 0, 'must be even');
    expectFailure(even, 3, 'root', 'must be even');
    expectFailure(
      refine(number(), () => false),
      1,
      'root',
      'is invalid',
    );
    expectFailure(
      refine(number(), (n) => `is odd: ${n}`),
      1,
      'root',
      'is odd: 1',
    );
    const deep = refine(array(object({ x: number() })), () => ({
      path: [1, 'x'],
      reason: 'is bad',
    }));
    expectFailure(deep, [{ x: 1 }, { x: 2 }], 'root[1].x', 'is bad');
  });

  it('adds JSON Schema keywords for checks it can express', () => {
    const two = refine(record(number()), (r) => Object.keys(r).length === 2, {
      message: 'needs two fields',
      jsonSchema: { minProperties: 2, maxProperties: 2 },
    });
    expectFailure(two, { a: 1 }, 'root', 'needs two fields');
    expect(two.jsonSchema()).toEqual({
      type: 'object',
      additionalProperties: { type: 'number' },
      minProperties: 2,
      maxProperties: 2,
    });
  });
});

describe('transform', () => {
  it('maps the parsed value and can throw located errors', () => {
    const ms = transform(number({ min: 0 }), (s) => s * 1000);
    expect(ms.parse(1.5)).toBe(1500);
    expectTypeOf<Infer<typeof ms>>().toEqualTypeOf<number>();
    const named = transform(string(), (s, path) => {
      if (s.startsWith('_')) throw new SpecError(path, 'must not start with "_"');
      return { name: s };
    });
    expect(named.parse('a')).toEqual({ name: 'a' });
    expectFailure(named, '_a', 'root', 'must not start with "_"');
    expect(named.jsonSchema()).toEqual({ type: 'string' });
  });
});

describe('count', () => {
  it('takes whole numbers from 0 to 2^53 - 1, and nothing a damaged file could hold instead', () => {
    expect(count().parse(0)).toBe(0);
    expect(count().parse(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expectFailure(count(), -5, 'root', 'must be >= 0 (got -5)');
    expectFailure(count(), 0.5, 'root', 'must be an integer (got 0.5)');
    // An "integer" to Number.isInteger, but no count any run records exactly.
    expectFailure(count(), 1e308, 'root', 'must be <= 9007199254740991 (got 1e+308)');
    expect(count().jsonSchema()).toEqual({
      type: 'integer',
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
    });
  });
});

describe('nullable', () => {
  it('takes null or what its schema takes', () => {
    const ms = nullable(number({ min: 0 }));
    expect(ms.parse(null)).toBeNull();
    expect(ms.parse(3)).toBe(3);
    expectTypeOf<Infer<typeof ms>>().toEqualTypeOf<number | null>();
    expectFailure(ms, -1, 'root', 'must be >= 0 (got -1)');
    expectFailure(ms, undefined, 'root', 'must be a number (got undefined)');
    expect(ms.jsonSchema()).toEqual({ anyOf: [{ type: 'number', minimum: 0 }, { type: 'null' }] });
  });
});

describe('discriminated', () => {
  const shape = discriminated('kind', {
    circle: object({ kind: literal('circle'), r: number({ min: 0 }) }),
    square: object({ kind: literal('square'), side: number({ min: 0 }) }),
  });

  it('parses with the schema its tag names, whose errors it keeps', () => {
    expect(shape.parse({ kind: 'circle', r: 2 })).toEqual({ kind: 'circle', r: 2 });
    expectTypeOf<Infer<typeof shape>>().toEqualTypeOf<
      { kind: 'circle'; r: number } | { kind: 'square'; side: number }
    >();
    expectFailure(
      shape,
      { kind: 'square', r: 2 },
      'root',
      'unknown field "r" (allowed: kind, side)',
    );
    expectFailure(shape, { kind: 'circle', r: -1 }, 'root.r', 'must be >= 0 (got -1)');
  });

  it('refuses an unknown or missing tag at the tag, with a suggestion', () => {
    expectFailure(
      shape,
      { kind: 'circel', r: 2 },
      'root.kind',
      'must be one of "circle", "square" (got "circel"); did you mean "circle"?',
    );
    expectFailure(
      shape,
      { kind: 3 },
      'root.kind',
      'must be one of "circle", "square" (got number 3)',
    );
    expectFailure(shape, { r: 2 }, 'root', 'missing required field "kind"');
    expectFailure(shape, [], 'root', 'must be an object (got array)');
  });

  it('is a oneOf of its cases in JSON Schema', () => {
    expect(shape.jsonSchema().oneOf).toHaveLength(2);
  });
});
