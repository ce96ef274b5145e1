import { describe, expect, it } from 'vitest';
import { distributionSchema, parseDistributionSpec } from '../../src/random/distributionSpec.ts';
import { duration } from '../../src/spec/duration.ts';
import { numbersOnly } from '../../src/spec/numbersOnly.ts';
import {
  array,
  enumOf,
  integer,
  type JsonSchema,
  object,
  optional,
  probability,
  record,
  string,
  toJsonSchemaDocument,
  withDefault,
} from '../../src/spec/schema.ts';

/**
 * A small structural validator for the draft 2020-12 keywords our schemas
 * emit, enough to check that documents the parser accepts (and refuses) are
 * accepted (and refused) by the published schema, without a dependency. It
 * throws on any keyword it does not know, so the emitter cannot drift into
 * keywords this check would silently ignore.
 */
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', 'title', 'description', 'default']);

function validate(root: JsonSchema, schema: JsonSchema | boolean, value: unknown): boolean {
  if (schema === true) return true;
  if (schema === false) return false;
  for (const [keyword, arg] of Object.entries(schema)) {
    if (!check(root, schema, keyword, arg, value)) return false;
  }
  return true;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function check(
  root: JsonSchema,
  schema: JsonSchema,
  keyword: string,
  arg: unknown,
  value: unknown,
): boolean {
  const sub = (s: unknown, v: unknown) => validate(root, s as JsonSchema | boolean, v);
  const obj = value as Record<string, unknown>;
  const isObject = typeOf(value) === 'object';
  const isArray = Array.isArray(value);
  const isNumber = typeof value === 'number';
  switch (keyword) {
    case '$ref': {
      const name = /^#\/\$defs\/(.+)$/.exec(arg as string)?.[1];
      const defs = root.$defs as Record<string, JsonSchema> | undefined;
      if (name === undefined || defs?.[name] === undefined) throw new Error(`bad $ref ${arg}`);
      return sub(defs[name], value);
    }
    case 'type':
      return arg === 'integer' ? Number.isInteger(value) : typeOf(value) === arg;
    case 'enum':
      return (arg as unknown[]).includes(value);
    case 'const':
      return value === arg;
    case 'minimum':
      return !isNumber || value >= (arg as number);
    case 'maximum':
      return !isNumber || value <= (arg as number);
    case 'exclusiveMinimum':
      return !isNumber || value > (arg as number);
    case 'exclusiveMaximum':
      return !isNumber || value < (arg as number);
    case 'pattern':
      return typeof value !== 'string' || new RegExp(arg as string, 'u').test(value);
    case 'minLength':
      return typeof value !== 'string' || value.length >= (arg as number);
    case 'maxLength':
      return typeof value !== 'string' || value.length <= (arg as number);
    case 'properties':
      return (
        !isObject ||
        Object.entries(arg as JsonSchema).every(
          ([k, s]) => !Object.hasOwn(obj, k) || sub(s, obj[k]),
        )
      );
    case 'required':
      return !isObject || (arg as string[]).every((k) => Object.hasOwn(obj, k));
    case 'additionalProperties': {
      if (!isObject) return true;
      const known = new Set(Object.keys((schema.properties as object) ?? {}));
      return Object.keys(obj).every((k) => known.has(k) || sub(arg, obj[k]));
    }
    case 'propertyNames':
      return !isObject || Object.keys(obj).every((k) => sub(arg, k));
    case 'minProperties':
      return !isObject || Object.keys(obj).length >= (arg as number);
    case 'maxProperties':
      return !isObject || Object.keys(obj).length <= (arg as number);
    case 'items': {
      if (!isArray) return true;
      const skip = ((schema.prefixItems as unknown[]) ?? []).length;
      return value.slice(skip).every((v) => sub(arg, v));
    }
    case 'prefixItems':
      return !isArray || (arg as unknown[]).every((s, i) => i >= value.length || sub(s, value[i]));
    case 'minItems':
      return !isArray || value.length >= (arg as number);
    case 'maxItems':
      return !isArray || value.length <= (arg as number);
    case 'oneOf':
      return (arg as unknown[]).filter((s) => sub(s, value)).length === 1;
    case 'anyOf':
      return (arg as unknown[]).some((s) => sub(s, value));
    case 'allOf':
      return (arg as unknown[]).every((s) => sub(s, value));
    case 'not':
      return !sub(arg, value);
    default:
      if (ANNOTATIONS.has(keyword)) return true;
      throw new Error(`the test validator does not know the keyword "${keyword}"`);
  }
}

/** Walks every schema object in a JSON Schema tree. */
function* schemaNodes(node: unknown): Generator<JsonSchema> {
  if (typeof node !== 'object' || node === null) return;
  if (!Array.isArray(node)) yield node as JsonSchema;
  for (const child of Object.values(node)) yield* schemaNodes(child);
}

const distJson = distributionSchema.jsonSchema();

const validDistributions: unknown[] = [
  '5ms',
  5,
  '1.5 h',
  { constant: '5ms' },
  { uniform: { min: 1, max: '3ms' } },
  { exponential: { mean: '250us' } },
  { normal: { mean: 20, sd: '5ms' } },
  { lognormal: { mu: -0.38, sigma: 2.36 } },
  { lognormal: { p50: '8ms', p99: '40ms' } },
  { lognormal: { median: '8ms', 'p99.9': '40ms' } },
  { gamma: { shape: 2, scale: '3ms' } },
  { gamma: { shape: 2, mean: '3ms' } },
  { weibull: { shape: 1.5, scale: '1s' } },
  { pareto: { min: '10ms', shape: 1.1 } },
  { shifted: { by: '2ms', dist: { lognormal: { p50: 1, p99: 2 } } } },
  {
    mixture: [
      { weight: 0.9, dist: { lognormal: { p50: '202ms', p99: '272ms' } } },
      { weight: 0.1, dist: { shifted: { by: 1, dist: '1s' } } },
    ],
  },
  { empirical: { p0: 0, p50: '8ms', p99: '40ms', p100: '1s' } },
  {
    empirical: [
      [0.5, '8ms'],
      [0.99, 40],
    ],
  },
];

// Refused by the parser for reasons JSON Schema can also express.
const structurallyInvalid: unknown[] = [
  true,
  null,
  -3,
  '12',
  '12 parsecs',
  '-5ms',
  {},
  { lognormall: { p50: 1, p99: 2 } },
  { constant: 1, uniform: { min: 1, max: 2 } },
  { uniform: { min: 1 } },
  { exponential: { mean: 0 } },
  { normal: { mean: 1, sd: 1, extra: 1 } },
  { lognormal: { mu: 1 } },
  { lognormal: { p50: 1 } },
  { lognormal: { p50: 1, p90: 2, p99: 3 } },
  { lognormal: { mean: 1, sd: 2 } },
  { gamma: { shape: 2 } },
  { gamma: { shape: 2, scale: 1, mean: 2 } },
  { mixture: [] },
  { mixture: [{ weight: 2, dist: 1 }] },
  { empirical: { p50: 1 } },
  { empirical: { p50: 1, p101: 2 } },
  { empirical: [[0.5, 1, 2]] },
  { shifted: { by: 1, dist: { lognormal: { sigma: 1 } } } },
];

describe('JSON Schema output', () => {
  it('is plain JSON', () => {
    for (const schema of [distJson, toJsonSchemaDocument(distributionSchema)]) {
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });

  it('makes a complete draft 2020-12 document', () => {
    const doc = toJsonSchemaDocument(distributionSchema, {
      id: 'https://example.org/distribution.json',
      title: 'coldtail distribution',
    });
    expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.$id).toBe('https://example.org/distribution.json');
    expect(doc.title).toBe('coldtail distribution');
    expect(doc.$ref).toBe('#/$defs/distribution');
  });

  it('describes distributions with oneOf, $defs and closed objects', () => {
    expect(distJson.$ref).toBe('#/$defs/distribution');
    const defs = distJson.$defs as Record<string, JsonSchema>;
    expect(Object.keys(defs).sort()).toEqual(['distribution', 'duration', 'positiveDuration']);
    const dist = defs.distribution;
    expect(dist.description).toMatch(/latency distribution/);
    const [constant, families] = dist.oneOf as JsonSchema[];
    expect(constant).toEqual({ $ref: '#/$defs/duration' });
    expect(families).toMatchObject({
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
    });
    expect(Object.keys(families.properties as object)).toEqual([
      'constant',
      'uniform',
      'exponential',
      'normal',
      'lognormal',
      'gamma',
      'weibull',
      'pareto',
      'shifted',
      'mixture',
      'empirical',
    ]);
    expect(defs.duration.oneOf).toHaveLength(2);
    // Every object with fixed properties is closed, so editors flag typos.
    for (const node of schemaNodes(distJson)) {
      if (node.type === 'object' && node.properties !== undefined) {
        expect(node.additionalProperties).toBe(false);
      }
    }
  });

  it('accepts the documents the parser accepts', () => {
    for (const doc of validDistributions) {
      expect(() => parseDistributionSpec(doc)).not.toThrow();
      expect(validate(distJson, distJson, doc), JSON.stringify(doc)).toBe(true);
    }
  });

  it('refuses documents the parser refuses for structural reasons', () => {
    for (const doc of structurallyInvalid) {
      expect(() => parseDistributionSpec(doc), JSON.stringify(doc)).toThrow();
      expect(validate(distJson, distJson, doc), JSON.stringify(doc)).toBe(false);
    }
  });

  it('refuses strings where the parser takes numbers only, and nowhere else', () => {
    // A count drawn from a distribution (numbersOnly) beside a latency (durations allowed), in
    // one document: the count's definitions are twins, the latency's stay as they were.
    const model = object({
      perDay: numbersOnly(distributionSchema, 'calls a day'),
      latency: distributionSchema,
    });
    const json = toJsonSchemaDocument(model);
    const hasString = (v: unknown): boolean =>
      typeof v === 'string' ||
      (typeof v === 'object' && v !== null && Object.values(v).some(hasString));
    const numeric = [
      { constant: 3 },
      { uniform: { min: 1, max: 3 } },
      { gamma: { shape: 2, mean: 3 } },
      { shifted: { by: 2, dist: { exponential: { mean: 4 } } } },
      {
        empirical: [
          [0.5, 8],
          [0.99, 40],
        ],
      },
      { mixture: [{ weight: 1, dist: 5 }] },
    ];
    const docs = [...validDistributions, ...numeric];
    let numbers = 0;
    for (const doc of docs) {
      const parses = (() => {
        try {
          model.parse({ perDay: doc, latency: doc });
          return true;
        } catch {
          return false;
        }
      })();
      expect(parses, JSON.stringify(doc)).toBe(!hasString(doc));
      expect(validate(json, json, { perDay: doc, latency: doc }), JSON.stringify(doc)).toBe(parses);
      expect(validate(json, json, { perDay: 5, latency: doc }), JSON.stringify(doc)).toBe(true);
      if (parses) numbers++;
    }
    // Both kinds among the cases, or the test shows nothing.
    expect(numbers).toBeGreaterThan(3);
    expect(numbers).toBeLessThan(docs.length - 3);
  });

  it('validates a config-like object built from the DSL', () => {
    const model = object({
      name: string({ minLength: 1 }),
      source: optional(string()),
      keepAlive: withDefault(duration(), 600000),
      concurrency: withDefault(integer({ min: 1 }), 1),
      coldStartShare: optional(probability()),
      mode: withDefault(enumOf(['sync', 'async']), 'sync'),
      coldStart: distributionSchema,
      stages: record(distributionSchema),
      sweep: optional(array(integer({ min: 1 }), { minItems: 1 })),
    });
    const json = toJsonSchemaDocument(model);
    expect(json.additionalProperties).toBe(false);
    expect(json.required).toEqual(['name', 'coldStart', 'stages']);
    const good = {
      name: 'aws-lambda-node',
      source: 'mikhail.io/serverless/coldstarts/aws',
      keepAlive: '10min',
      coldStart: {
        mixture: [
          { weight: 0.9, dist: { lognormal: { median: '202ms', p99: '335ms' } } },
          { weight: 0.1, dist: { lognormal: { median: '202ms', p99: '1s' } } },
        ],
      },
      stages: { gateway: { lognormal: { p50: '4ms', p99: '10ms' } }, network: '0.3ms' },
      sweep: [1, 2, 4, 8],
    };
    expect(model.parse(good).keepAlive).toBe(600000);
    expect(validate(json, json, good)).toBe(true);
    for (const bad of [
      { ...good, kaepAlive: '1min' },
      { ...good, name: '' },
      { ...good, mode: 'parallel' },
      { ...good, sweep: [] },
      { ...good, coldStartShare: 1.5 },
      { ...good, stages: { gateway: { lognormal: {} } } },
    ]) {
      expect(() => model.parse(bad), JSON.stringify(bad)).toThrow();
      expect(validate(json, json, bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
