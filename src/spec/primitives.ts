/** Scalar schema nodes: numbers, booleans, strings and fixed sets of values. */
import {
  BaseSchema,
  cloneData,
  describeValue,
  isPlainObject,
  type JsonSchema,
  type JsonSchemaContext,
  quote,
} from './core.ts';
import { suggestion } from './didYouMean.ts';
import { joinPath, SpecError } from './specError.ts';

export interface NumberOptions {
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Exclusive lower bound: `exclusiveMin: 0` means positive. */
  exclusiveMin?: number;
  /** Exclusive upper bound. */
  exclusiveMax?: number;
  integer?: boolean;
}

export class NumberSchema extends BaseSchema<number> {
  constructor(private readonly options: NumberOptions = {}) {
    super();
  }

  /** Whether parse() would take `value`: a cheap test for arrays of numbers. */
  accepts(value: unknown): boolean {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    const { min, max, exclusiveMin, exclusiveMax, integer } = this.options;
    return (
      (!integer || Number.isInteger(value)) &&
      (min === undefined || value >= min) &&
      (max === undefined || value <= max) &&
      (exclusiveMin === undefined || value > exclusiveMin) &&
      (exclusiveMax === undefined || value < exclusiveMax)
    );
  }

  parse(value: unknown, path = ''): number {
    const { min, max, exclusiveMin, exclusiveMax, integer } = this.options;
    const what = integer ? 'an integer' : 'a number';
    if (typeof value !== 'number') {
      throw new SpecError(path, `must be ${what} (got ${describeValue(value)})`);
    }
    // JSON cannot carry NaN or Infinity, but JS callers can, and they poison every sum.
    if (!Number.isFinite(value)) {
      throw new SpecError(path, `must be a finite number (got ${value})`);
    }
    if (integer && !Number.isInteger(value)) {
      throw new SpecError(path, `must be an integer (got ${value})`);
    }
    if (min !== undefined && value < min)
      throw new SpecError(path, `must be >= ${min} (got ${value})`);
    if (exclusiveMin !== undefined && value <= exclusiveMin) {
      throw new SpecError(path, `must be > ${exclusiveMin} (got ${value})`);
    }
    if (max !== undefined && value > max)
      throw new SpecError(path, `must be <= ${max} (got ${value})`);
    if (exclusiveMax !== undefined && value >= exclusiveMax) {
      throw new SpecError(path, `must be < ${exclusiveMax} (got ${value})`);
    }
    return value;
  }

  protected toJsonSchema(): JsonSchema {
    const { min, max, exclusiveMin, exclusiveMax, integer } = this.options;
    const out: JsonSchema = { type: integer ? 'integer' : 'number' };
    if (min !== undefined) out.minimum = min;
    if (exclusiveMin !== undefined) out.exclusiveMinimum = exclusiveMin;
    if (max !== undefined) out.maximum = max;
    if (exclusiveMax !== undefined) out.exclusiveMaximum = exclusiveMax;
    return out;
  }
}

/** A finite number, optionally bounded. */
export function number(options: NumberOptions = {}): NumberSchema {
  return new NumberSchema(options);
}

/** A finite integer, optionally bounded. */
export function integer(options: Omit<NumberOptions, 'integer'> = {}): NumberSchema {
  return new NumberSchema({ ...options, integer: true });
}

/** A number in [0, 1]. */
export function probability(): NumberSchema {
  return new NumberSchema({ min: 0, max: 1 });
}

export class BooleanSchema extends BaseSchema<boolean> {
  parse(value: unknown, path = ''): boolean {
    if (typeof value !== 'boolean') {
      throw new SpecError(path, `must be a boolean (got ${describeValue(value)})`);
    }
    return value;
  }

  protected toJsonSchema(): JsonSchema {
    return { type: 'boolean' };
  }
}

export function boolean(): BooleanSchema {
  return new BooleanSchema();
}

export interface StringOptions {
  minLength?: number;
  maxLength?: number;
  /** Must match; anchor it (^...$) to constrain the whole string. */
  pattern?: RegExp;
  /** Says what the pattern means in messages, e.g. "a name such as api-gateway". */
  patternHint?: string;
}

export class StringSchema extends BaseSchema<string> {
  constructor(private readonly options: StringOptions = {}) {
    super();
  }

  parse(value: unknown, path = ''): string {
    const { minLength, maxLength, pattern, patternHint } = this.options;
    if (typeof value !== 'string') {
      throw new SpecError(path, `must be a string (got ${describeValue(value)})`);
    }
    if (minLength !== undefined && value.length < minLength) {
      throw new SpecError(
        path,
        minLength === 1
          ? 'must not be empty'
          : `must be at least ${minLength} characters long (got ${value.length})`,
      );
    }
    if (maxLength !== undefined && value.length > maxLength) {
      throw new SpecError(
        path,
        `must be at most ${maxLength} characters long (got ${value.length})`,
      );
    }
    if (pattern !== undefined && !pattern.test(value)) {
      const expected = patternHint === undefined ? `match ${pattern}` : `be ${patternHint}`;
      throw new SpecError(path, `must ${expected} (got ${quote(value)})`);
    }
    return value;
  }

  protected toJsonSchema(): JsonSchema {
    const { minLength, maxLength, pattern } = this.options;
    const out: JsonSchema = { type: 'string' };
    if (minLength !== undefined) out.minLength = minLength;
    if (maxLength !== undefined) out.maxLength = maxLength;
    if (pattern !== undefined) out.pattern = pattern.source;
    return out;
  }
}

export function string(options: StringOptions = {}): StringSchema {
  return new StringSchema(options);
}

type Literal = string | number | boolean | null;

export class LiteralSchema<T extends Literal> extends BaseSchema<T> {
  constructor(private readonly value: T) {
    super();
  }

  parse(value: unknown, path = ''): T {
    if (value !== this.value) {
      throw new SpecError(
        path,
        `must be ${JSON.stringify(this.value)} (got ${describeValue(value)})`,
      );
    }
    return this.value;
  }

  protected toJsonSchema(): JsonSchema {
    return { const: this.value };
  }
}

/** Exactly this value. */
export function literal<const T extends Literal>(value: T): LiteralSchema<T> {
  return new LiteralSchema(value);
}

export class EnumSchema<T extends string> extends BaseSchema<T> {
  constructor(readonly values: readonly T[]) {
    super();
  }

  parse(value: unknown, path = ''): T {
    if (typeof value === 'string' && (this.values as readonly string[]).includes(value)) {
      return value as T;
    }
    const allowed = this.values.map((v) => JSON.stringify(v)).join(', ');
    const got = typeof value === 'string' ? quote(value) : describeValue(value);
    const hint = typeof value === 'string' ? suggestion(value, this.values) : '';
    throw new SpecError(path, `must be one of ${allowed} (got ${got})${hint}`);
  }

  protected toJsonSchema(_context: JsonSchemaContext): JsonSchema {
    return { type: 'string', enum: [...this.values] };
  }
}

/** One of a fixed set of strings, e.g. enumOf(['sync', 'async']). */
export function enumOf<const T extends string>(values: readonly T[]): EnumSchema<T> {
  if (values.length === 0) throw new Error('enumOf needs at least one value');
  return new EnumSchema(values);
}

/**
 * Any JSON value, checked only for being JSON (finite numbers, no undefined
 * or functions): for values whose meaning depends on where they will go,
 * such as a sweep's values, which are checked again once placed.
 */
export class JsonValueSchema extends BaseSchema<unknown> {
  parse(value: unknown, path = ''): unknown {
    checkJson(value, path);
    return cloneData(value);
  }

  protected toJsonSchema(): JsonSchema {
    return {};
  }
}

function checkJson(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new SpecError(path, `must be a finite number (got ${value})`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      checkJson(v, joinPath(path, i));
    });
    return;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) checkJson(v, joinPath(path, k));
    return;
  }
  throw new SpecError(path, `must be a JSON value (got ${describeValue(value)})`);
}

export function jsonValue(): JsonValueSchema {
  return new JsonValueSchema();
}

/**
 * A count: a whole number from 0 to 2^53 - 1. Integers above that are not exact in JSON
 * (1e308 is an "integer" to Number.isInteger), and a count there is a damaged file.
 */
export function count(): NumberSchema {
  return new NumberSchema({ min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
}
