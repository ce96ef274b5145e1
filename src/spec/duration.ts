/**
 * Durations as users write them: numbers are milliseconds, strings carry a
 * unit ("250us", "8ms", "1.2s", "10min", "1.5 h"). Everything inside coldtail
 * is milliseconds.
 */
import {
  BaseSchema,
  describeValue,
  type JsonSchema,
  type JsonSchemaContext,
  quote,
} from './core.ts';
import { suggestion } from './didYouMean.ts';
import { SpecError } from './specError.ts';

// Sub-millisecond units divide rather than multiply: 250 / 1000 is exactly
// 0.25, while 250 * 0.001 is not.
const UNITS: Readonly<Record<string, { factor: number; divide?: boolean }>> = {
  ns: { factor: 1e6, divide: true },
  us: { factor: 1e3, divide: true },
  µs: { factor: 1e3, divide: true }, // U+00B5 MICRO SIGN
  μs: { factor: 1e3, divide: true }, // U+03BC GREEK SMALL LETTER MU
  ms: { factor: 1 },
  s: { factor: 1e3 },
  sec: { factor: 1e3 },
  m: { factor: 60e3 },
  min: { factor: 60e3 },
  h: { factor: 3600e3 },
  // A region's day or the 14 days of the Azure 2019 trace.
  d: { factor: 86_400e3 },
};

const UNIT_LIST = 'ns, us, ms, s, min, h, d';

// Sign, number, optional exponent, optional unit. The unit may not start with
// a digit, dot or sign so that "1.2.3s" is malformed rather than unit ".3s".
const DURATION_TEXT = /^\s*([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*([^\s\d.+-]\S*)?\s*$/;

/** The strings a duration may be, for JSON Schema (no sign: negatives are refused anyway). */
export const DURATION_PATTERN = `^\\s*(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*(${Object.keys(UNITS).join('|')})\\s*$`;

const EXAMPLE = 'a duration such as "8ms", "1.2s" or 8 (milliseconds)';

export interface DurationOptions {
  /** Smallest allowed value, milliseconds (inclusive). Default 0. */
  min?: number;
  /** Whether exactly zero is allowed. Default true. */
  allowZero?: boolean;
}

/** Parses a duration (number of milliseconds, or string with a unit) to milliseconds. */
export function parseDuration(value: unknown, path = '', options: DurationOptions = {}): number {
  let ms: number;
  let shown: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new SpecError(path, `must be a finite number of milliseconds (got ${value})`);
    }
    if (value < 0) throw new SpecError(path, `must not be negative (got ${value})`);
    ms = value;
    shown = String(value);
  } else if (typeof value === 'string') {
    ms = parseDurationText(value, path);
    shown = quote(value);
  } else {
    throw new SpecError(path, `must be ${EXAMPLE} (got ${describeValue(value)})`);
  }
  const { min, allowZero = true } = options;
  if (!allowZero && ms === 0) throw new SpecError(path, `must be greater than zero (got ${shown})`);
  if (min !== undefined && ms < min) {
    throw new SpecError(path, `must be at least ${formatDuration(min)} (got ${shown})`);
  }
  return ms;
}

function parseDurationText(text: string, path: string): number {
  const match = DURATION_TEXT.exec(text);
  if (match === null) throw new SpecError(path, `must be ${EXAMPLE} (got ${quote(text)})`);
  const [, sign, digits, exponent, unitName] = match;
  const value = Number(`${digits}e${exponent ?? 0}`);
  if (unitName === undefined) {
    const trimmed = text.trim();
    throw new SpecError(
      path,
      `missing unit in ${quote(text)} (write the number ${trimmed} for milliseconds, or add a unit: "${trimmed}ms")`,
    );
  }
  const unit = Object.hasOwn(UNITS, unitName) ? UNITS[unitName] : undefined;
  if (unit === undefined) {
    throw new SpecError(
      path,
      `unknown duration unit ${quote(unitName)} (use ${UNIT_LIST})${suggestion(unitName, Object.keys(UNITS))}`,
    );
  }
  if (sign === '-' && value !== 0) {
    throw new SpecError(path, `must not be negative (got ${quote(text)})`);
  }
  const raw = unit.divide ? value / unit.factor : value * unit.factor;
  if (!Number.isFinite(raw)) throw new SpecError(path, `is too large (got ${quote(text)})`);
  // 15 significant digits drop the noise of the conversion ("1.1s" is 1100, not
  // 1100.0000000000002) without changing any value a person would write.
  return Number(raw.toPrecision(15));
}

export class DurationSchema extends BaseSchema<number> {
  constructor(private readonly options: DurationOptions = {}) {
    super();
  }

  parse(value: unknown, path = ''): number {
    return parseDuration(value, path, this.options);
  }

  protected toJsonSchema(context: JsonSchemaContext): JsonSchema {
    const { min, allowZero = true } = this.options;
    const asNumber: JsonSchema = { type: 'number', description: 'milliseconds' };
    let name = 'duration';
    if (min !== undefined && min > 0) {
      asNumber.minimum = min;
      name = `durationAtLeast${min}ms`;
    } else if (!allowZero) {
      asNumber.exclusiveMinimum = 0;
      name = 'positiveDuration';
    } else {
      asNumber.minimum = 0;
    }
    // Shared through $defs: durations are everywhere, and inlining the
    // pattern at each use makes the published schema hard to read.
    return context.ref(`coldtail/${name}`, name, () => ({
      oneOf: [
        asNumber,
        {
          type: 'string',
          pattern: DURATION_PATTERN,
          description: `a duration with a unit (${UNIT_LIST}), e.g. "250us", "8ms", "1.2s", "10min"`,
        },
      ],
    }));
  }
}

/** A duration in milliseconds, written as a number (ms) or a string with a unit. */
export function duration(options: DurationOptions = {}): DurationSchema {
  return new DurationSchema(options);
}

const FORMAT_UNITS: readonly (readonly [string, number])[] = [
  ['h', 3600e3],
  ['min', 60e3],
  ['s', 1e3],
  ['ms', 1],
  ['us', 1e-3],
  ['ns', 1e-6],
];

function formatNumber(value: number, precision: number): string {
  if (value >= 10 ** precision) return String(Math.round(value));
  return String(Number(value.toPrecision(precision)));
}

/**
 * A duration for people: "250us", "8ms", "1.2s", "10min", with `precision`
 * significant digits. The result parses back with parseDuration.
 */
export function formatDuration(ms: number, precision = 3): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms === 0) return '0ms';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  let i = FORMAT_UNITS.findIndex(([, factor]) => abs >= factor);
  if (i < 0) i = FORMAT_UNITS.length - 1;
  let shown = formatNumber(abs / FORMAT_UNITS[i][1], precision);
  // Rounding can reach the next unit up: 999.96ms shows as "1s", not "1000ms".
  while (i > 0 && Number(shown) * FORMAT_UNITS[i][1] >= FORMAT_UNITS[i - 1][1]) {
    i--;
    shown = formatNumber(abs / FORMAT_UNITS[i][1], precision);
  }
  return `${sign}${shown}${FORMAT_UNITS[i][0]}`;
}
