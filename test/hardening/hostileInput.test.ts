/**
 * Hostile and broken input, in-process: every bad file is refused before anything runs, with
 * one message on one line that names the file, the field and the reason, and an error class
 * the command line turns into exit code 2 (SpecError, InputError, TraceError). The same
 * inputs through the real command line are in cli.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../src/cli/errors.ts';
import { checkWork } from '../../src/cli/workGuard.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { DEFAULT_MAX_JSON_MB, MAX_JSON_ENV, maxJsonBytes, readJson } from '../../src/node/files.ts';
import { InputError } from '../../src/node/inputError.ts';
import { loadExperiment } from '../../src/node/loadExperiment.ts';
import { defaultOutDir } from '../../src/node/runToFiles.ts';
import { SpecError } from '../../src/spec/specError.ts';
import { TraceError } from '../../src/workload/trace/traceError.ts';
import { experiment, tempDir, writeFiles } from './helpers.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type ErrorClass = typeof SpecError | typeof InputError | typeof TraceError;

interface Case {
  name: string;
  /** The experiment: an object merged over a valid one, or raw text. */
  file: Record<string, unknown> | string;
  /** Other files next to it. */
  extra?: Record<string, unknown>;
  models?: string[];
  error: ErrorClass;
  /** Which file the message must start with (default: the experiment). */
  blames?: string;
  /** The field (path), as it must appear in the message. */
  field?: string;
  reason: RegExp;
}

const inline = (fields: Record<string, unknown>) => ({
  kind: 'platform',
  name: 'inline',
  description: 'inline',
  source: ['test'],
  ...fields,
});
const custom = (functions: Record<string, unknown>, entry = 'a') => ({
  graph: { custom: { entry, functions } },
});
/** A distribution nested `depth` levels deep, as JSON text (too deep for JSON.stringify). */
const nested = (depth: number): string => {
  const text = JSON.stringify(experiment({ function: { execution: 'HERE' } }));
  return text.replace(
    '"HERE"',
    `${'{"shifted":{"by":1,"dist":'.repeat(depth)}1${'}}'.repeat(depth)}`,
  );
};

const CASES: Case[] = [
  // Not JSON at all.
  {
    name: 'malformed JSON (with the line and column)',
    file: '{\n  "name": "x",\n  "description": }\n',
    error: InputError,
    field: ':3:18',
    reason: /invalid JSON \(Unexpected token '}'\)$/,
  },
  {
    name: 'JSON cut short',
    file: '{\n  "name": "x",\n  "descr',
    error: InputError,
    reason: /invalid JSON \(/,
  },
  { name: 'an empty file', file: '', error: InputError, reason: /invalid JSON/ },
  {
    name: 'a list instead of an object',
    file: '[1, 2]',
    error: SpecError,
    reason: /must be an object \(got array\)/,
  },
  // Wrong types.
  {
    name: 'a boolean duration',
    file: { duration: true },
    error: SpecError,
    field: 'duration',
    reason: /must be a duration such as "8ms".*\(got boolean true\)/,
  },
  {
    name: 'replications as a string',
    file: { replications: '5' },
    error: SpecError,
    field: 'replications',
    reason: /must be an integer \(got string "5"\)/,
  },
  {
    name: 'a graph as a string',
    file: { graph: 'chain' },
    error: SpecError,
    field: 'graph',
    reason: /must be an object with exactly one of chain, fanOut/,
  },
  {
    name: 'an empty workload list',
    file: { workload: [] },
    error: SpecError,
    field: 'workload',
    reason: /must have at least 1 item/,
  },
  // Unknown and misspelled fields.
  {
    name: 'a misspelled top-level field',
    file: { durattion: '10s' },
    error: SpecError,
    reason: /unknown field "durattion"; did you mean "duration"\?/,
  },
  {
    name: 'a misspelled nested field',
    file: { graph: { chain: { dept: 3 } } },
    error: SpecError,
    field: 'graph.chain',
    reason: /unknown field "dept"; did you mean "depth"\?/,
  },
  {
    name: 'a misspelled workload kind',
    file: { workload: { poison: { perSecond: 5 } } },
    error: SpecError,
    field: 'workload',
    reason: /got "poison"; did you mean "poisson"\?/,
  },
  {
    name: 'a misspelled override',
    file: { platformOverrides: { keepAlve: '1min' } },
    error: SpecError,
    field: 'platformOverrides',
    reason: /unknown platform field "keepAlve"; did you mean "keepAlive"\?/,
  },
  {
    name: 'a misspelled preset',
    file: { platform: 'aws-lamda-2019' },
    error: SpecError,
    field: 'platform',
    reason: /unknown platform "aws-lamda-2019"; did you mean "aws-lambda-2019"\?/,
  },
  {
    name: 'a field like no other',
    file: { zzzzzz: 1 },
    error: SpecError,
    reason: /unknown field "zzzzzz" \(allowed: \$schema, name,/,
  },
  // Missing fields.
  {
    name: 'no workload',
    file: { workload: undefined },
    error: SpecError,
    reason: /missing required field "workload"/,
  },
  {
    name: 'an inline platform without its sources',
    file: { platform: { kind: 'platform', name: 'p', description: 'd' } },
    error: SpecError,
    field: 'platform',
    reason: /missing required field "source"/,
  },
  // Durations that cannot be.
  {
    name: 'a negative duration',
    file: { duration: -5 },
    error: SpecError,
    field: 'duration',
    reason: /must not be negative \(got -5\)/,
  },
  {
    name: 'a zero duration',
    file: { duration: '0s' },
    error: SpecError,
    field: 'duration',
    reason: /must be greater than zero/,
  },
  {
    name: 'a warm-up as long as the run',
    file: { warmup: '10s' },
    error: SpecError,
    field: 'warmup',
    reason: /must be shorter than the duration/,
  },
  {
    name: 'a zero mean',
    file: { function: { execution: { exponential: { mean: 0 } } } },
    error: SpecError,
    field: 'function.execution.exponential.mean',
    reason: /must be greater than zero/,
  },
  {
    name: 'a zero timeline window',
    file: { timeline: { window: 0 } },
    error: SpecError,
    field: 'timeline.window',
    reason: /must be greater than zero/,
  },
  {
    name: 'a negative duration string',
    file: { function: { timeout: '-5ms' } },
    error: SpecError,
    field: 'function.timeout',
    reason: /must not be negative/,
  },
  {
    name: 'a number without a unit',
    file: { duration: '12' },
    error: SpecError,
    field: 'duration',
    reason: /missing unit in "12"/,
  },
  {
    name: 'an unknown unit',
    file: { duration: '5 parsecs' },
    error: SpecError,
    field: 'duration',
    reason: /unknown duration unit "parsecs"/,
  },
  {
    name: 'sub-millisecond on/off phases (they would take for ever)',
    file: { workload: { onOff: { on: 5, onDuration: '1ns', offDuration: '1s' } } },
    error: SpecError,
    field: 'workload.onOff.onDuration',
    reason: /must be at least 1ms/,
  },
  {
    name: 'a warmer jitter longer than its period',
    file: { warmers: { period: '1s', jitter: '2s' } },
    error: SpecError,
    field: 'warmers.jitter',
    reason: /must not be longer than the period \(1s\)/,
  },
  {
    name: 'rate steps out of order',
    file: {
      workload: {
        piecewise: {
          points: [
            { at: '1s', perSecond: 5 },
            { at: 0, perSecond: 1 },
          ],
        },
      },
    },
    error: SpecError,
    field: 'workload.piecewise.points[1].at',
    reason: /must be later than points\[0\]\.at \(1s\)/,
  },
  // Percentiles, probabilities, weights.
  {
    name: 'a p99 below the p50',
    file: { function: { execution: { lognormal: { p50: '10ms', p99: '5ms' } } } },
    error: SpecError,
    field: 'function.execution.lognormal.p99',
    reason: /must be greater than p50/,
  },
  {
    name: 'an empirical table going down',
    file: { function: { execution: { empirical: { p50: '10ms', p90: '5ms' } } } },
    error: SpecError,
    field: 'function.execution.empirical.p90',
    reason: /must not be less than p50/,
  },
  {
    name: 'a p100 for a lognormal',
    file: { function: { execution: { lognormal: { p50: '1ms', p100: '5ms' } } } },
    error: SpecError,
    field: 'function.execution.lognormal.p100',
    reason: /must be a percentile above p0 and below p100/,
  },
  {
    name: 'a probability above 1',
    file: { graph: { recursion: { probability: 1.5, maxDepth: 3 } } },
    error: SpecError,
    field: 'graph.recursion.probability',
    reason: /must be <= 1 \(got 1.5\)/,
  },
  {
    name: 'a negative loss probability',
    file: {
      client: {
        kind: 'client',
        name: 'c',
        description: 'd',
        source: ['s'],
        loss: { probability: -0.1, retransmitTimeout: '1s' },
      },
    },
    error: SpecError,
    field: 'client.loss.probability',
    reason: /must be >= 0 \(got -0.1\)/,
  },
  {
    name: 'mixture weights that do not sum to 1',
    file: {
      function: {
        execution: {
          mixture: [
            { weight: 0.5, dist: '1ms' },
            { weight: 0.4, dist: '2ms' },
          ],
        },
      },
    },
    error: SpecError,
    field: 'function.execution.mixture',
    reason: /weights must sum to 1 \(got 0.9\)/,
  },
  {
    name: 'a mixture weight above 1',
    file: {
      function: {
        execution: {
          mixture: [
            { weight: 1.2, dist: '1ms' },
            { weight: -0.2, dist: '2ms' },
          ],
        },
      },
    },
    error: SpecError,
    field: 'function.execution.mixture[0].weight',
    reason: /must be <= 1/,
  },
  // Graphs that cannot be.
  {
    name: 'a fan-in of more answers than calls',
    file: { graph: { fanOut: { width: 3, waitFor: 5 } } },
    error: SpecError,
    field: 'graph.fanOut.waitFor',
    reason: /cannot wait for 5 answers of 3 calls/,
  },
  {
    name: 'a cycle with no limit',
    file: custom({ a: { steps: [{ call: 'b' }] }, b: { steps: [{ call: 'a' }] } }),
    error: SpecError,
    field: 'graph.custom.functions',
    reason: /the calls a -> b -> a form a cycle with no limit; give one of its steps a "maxDepth"/,
  },
  {
    name: 'a call to an unknown function',
    file: custom({ a: { steps: [{ call: 'dbb' }] }, db: {} }),
    error: SpecError,
    field: 'graph.custom.functions.a.steps[0]',
    reason: /calls unknown function "dbb"; did you mean "db"\?/,
  },
  {
    name: 'an unknown entry',
    file: custom({ a: {} }, 'x'),
    error: SpecError,
    field: 'graph.custom.entry',
    reason: /unknown function "x"/,
  },
  {
    name: 'a step with both call and parallel',
    file: custom({ a: { steps: [{ call: 'b', parallel: [{ call: 'b' }] }] }, b: {} }),
    error: SpecError,
    field: 'graph.custom.functions.a.steps[0]',
    reason: /needs exactly one of "call" or "parallel"/,
  },
  {
    name: 'settings for a function the graph does not have',
    file: { functions: { f9: { memoryMB: 256 } } },
    error: SpecError,
    field: 'functions.f9',
    reason: /the graph has no function "f9"/,
  },
  // Enormous numbers.
  {
    name: 'a chain a billion deep',
    file: { graph: { chain: { depth: 1e9 } } },
    error: SpecError,
    field: 'graph.chain.depth',
    reason: /must be <= 10000 \(got 1000000000\)/,
  },
  {
    name: 'a trillion calls a second',
    file: { workload: { poisson: { perSecond: 1e12 } } },
    error: SpecError,
    field: 'workload.poisson.perSecond',
    reason: /must be <= 10000000/,
  },
  {
    name: 'a duration beyond any number',
    file: { duration: '1e400h' },
    error: SpecError,
    field: 'duration',
    reason: /is too large/,
  },
  {
    name: 'a billion replications',
    file: { replications: 1e9 },
    error: SpecError,
    field: 'replications',
    reason: /must be <= 10000/,
  },
  {
    name: 'a billion provisioned instances',
    file: { platformOverrides: { provisioned: 1e9, maxConcurrency: 'unlimited' } },
    error: SpecError,
    field: 'platformOverrides.provisioned',
    reason: /asks for 1000000000 provisioned instances over all functions, more than 1000000/,
  },
  {
    name: 'more provisioned instances than the concurrency limit',
    file: { platform: inline({ provisioned: 5, maxConcurrency: 2 }) },
    error: SpecError,
    field: 'platform.provisioned',
    reason: /5 provisioned instances of platform "inline" are more than its maxConcurrency allows/,
  },
  {
    name: 'provisioned instances that do not fit the cluster',
    file: {
      platform: inline({ provisioned: 2, cluster: { hosts: 1, slotsPerHost: 3 } }),
      graph: { chain: { depth: 2 } },
    },
    error: SpecError,
    field: 'platform',
    reason: /4 provisioned instances of platform "inline" .* do not fit its cluster of 3 slots/,
  },
  {
    name: 'a timeline of a billion windows',
    file: { duration: '1h', timeline: { window: '1us' } },
    error: SpecError,
    field: 'timeline.window',
    reason:
      /makes 3600000000 windows over the duration, more than 100000 \(make it at least 36ms\)/,
  },
  {
    name: 'a sweep of a million points',
    file: {
      sweep: {
        seed: Array.from({ length: 1000 }, (_, i) => i),
        replications: Array.from({ length: 1000 }, (_, i) => i + 1),
      },
    },
    error: SpecError,
    field: 'sweep',
    reason: /1000000 points is more than the limit of 10000 \(raise it with --max-points\)/,
  },
  {
    name: 'a distribution nested 5000 deep (no stack overflow)',
    file: nested(5000),
    error: SpecError,
    field: 'function.execution.shifted.dist',
    reason: /nested more than 100 levels deep/,
  },
  {
    name: 'a bad value in a sweep, blamed on the sweep',
    file: { sweep: { 'graph.chain.depth': [1, 0] } },
    error: SpecError,
    field: 'sweep["graph.chain.depth"][1]',
    reason: /must be >= 1 \(got 0\)/,
  },
  // Names that could escape the output folder.
  {
    name: 'a name climbing out of output/',
    file: { name: '../escape' },
    error: SpecError,
    field: 'name',
    reason: /must be lowercase letters, digits/,
  },
  {
    name: 'a name with a slash',
    file: { name: 'a/b' },
    error: SpecError,
    field: 'name',
    reason: /must be lowercase letters/,
  },
  // Files around the experiment.
  {
    name: 'a trace with a bad row',
    file: { workload: { trace: { file: 'bad.csv', format: 'timestamps' } } },
    extra: { 'bad.csv': 'function,timestamp\napi,10\napi,abc\n' },
    // The trace's line, under the experiment's field that named it.
    error: SpecError,
    field: 'workload[0].trace.file: bad.csv:3: timestamp',
    reason: /must be a non-negative number \(got "abc"\)/,
  },
  {
    name: 'a trace row with a missing column',
    file: { workload: { trace: { file: 'short.csv', format: 'timestamps' } } },
    extra: { 'short.csv': 'function,timestamp\napi,10\napi\n' },
    // The trace's line, under the experiment's field that named it.
    error: SpecError,
    field: 'workload[0].trace.file: short.csv:3: row',
    reason: /expected 2 columns, got 1/,
  },
  {
    name: 'an Azure trace with a bad header',
    file: { workload: { trace: { file: 'azure.csv', format: 'azure' } } },
    extra: { 'azure.csv': 'owner,app\n1,2\n' },
    // The trace's line, under the experiment's field that named it.
    error: SpecError,
    field: 'workload[0].trace.file: azure.csv:1: header',
    reason: /expected HashOwner,HashApp,HashFunction,Trigger/,
  },
  {
    name: 'a trace that does not exist',
    file: { workload: { trace: { file: 'missing.csv', format: 'timestamps' } } },
    error: SpecError,
    field: 'workload[0].trace.file',
    reason: /cannot read "missing.csv": .*missing.csv: file not found/,
  },
  {
    name: 'a function the trace does not have',
    file: { workload: { trace: { file: 'ok.csv', format: 'timestamps', function: 'apx' } } },
    extra: { 'ok.csv': 'function,timestamp\napi,10\n' },
    error: SpecError,
    field: 'workload[0].trace.function',
    reason: /no function "apx" in ok.csv \(it has api\)/,
  },
  {
    name: 'a broken model file named by the experiment',
    file: { platform: 'mine.json' },
    extra: { 'mine.json': inline({ keepAlive: { lognormal: { p50: '5min', p99: '1min' } } }) },
    error: SpecError,
    blames: 'mine.json',
    field: 'keepAlive.lognormal.p99',
    reason: /must be greater than p50/,
  },
  {
    name: 'a model file named by the experiment that does not exist',
    file: { platform: 'gone.json' },
    // The experiment's field that names it, as for a trace.
    error: SpecError,
    field: 'platform',
    reason: /: platform: cannot read "gone.json": .*gone.json: file not found$/,
  },
  {
    name: 'a swept model file that does not exist',
    file: { sweep: { platform: ['aws-lambda-2019', 'gone.json'] } },
    error: SpecError,
    field: 'sweep["platform"][1]',
    reason: /: sweep\["platform"\]\[1\]: cannot read "gone.json": .*gone.json: file not found$/,
  },
  {
    name: 'two model files with the same name',
    file: { platform: 'twin' },
    extra: {
      'twin-a.json': inline({ name: 'twin' }),
      'twin-b.json': inline({ name: 'twin' }),
    },
    models: ['twin-a.json', 'twin-b.json'],
    error: SpecError,
    blames: 'twin-b.json',
    field: 'name',
    reason: /"twin" is already defined in .*twin-a.json/,
  },
];

describe('hostile files: refused with the file, the field and the reason', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_, c, i) => {
    const file = join(dir, `case-${i}.json`);
    const raw = typeof c.file === 'string' ? c.file : JSON.stringify(experiment(c.file));
    writeFiles(dir, { [`case-${i}.json`]: raw, ...(c.extra ?? {}) });
    let error: unknown;
    try {
      loadExperiment(file, { models: c.models?.map((m) => join(dir, m)) });
    } catch (e) {
      error = e;
    }
    expect(error, 'accepted').toBeInstanceOf(c.error);
    expect(isInputError(error), 'not an input error (exit 2)').toBe(true);
    const message = (error as Error).message;
    const blamed = c.blames ?? `case-${i}.json`;
    const start = c.error === TraceError ? blamed : join(dir, blamed);
    expect(message.startsWith(start), `does not start with ${start}: ${message}`).toBe(true);
    if (c.field) expect(message).toContain(c.field);
    expect(message).toMatch(c.reason);
    expect(message.includes('\n'), message).toBe(false);
    expect(message).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]/);
  });
});

describe('JS callers: NaN, infinities and other values JSON cannot carry', () => {
  const models = presetRegistry();
  const refusal = (fields: Record<string, unknown>): SpecError => {
    let error: unknown;
    try {
      prepareExperiment(experiment(fields), { models, file: 'js-caller' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).file).toBe('js-caller');
    return error as SpecError;
  };

  const CASES: [string, Record<string, unknown>, string, RegExp][] = [
    [
      'NaN duration',
      { duration: Number.NaN },
      'duration',
      /finite number of milliseconds \(got NaN\)/,
    ],
    ['infinite duration', { duration: Number.POSITIVE_INFINITY }, 'duration', /\(got Infinity\)/],
    [
      'NaN rate',
      { workload: { poisson: { perSecond: Number.NaN } } },
      'workload.poisson.perSecond',
      /finite/,
    ],
    ['infinite seed', { seed: Number.NEGATIVE_INFINITY }, 'seed', /finite/],
    [
      'NaN percentile',
      { function: { execution: { lognormal: { p50: Number.NaN, p99: '5ms' } } } },
      'function.execution.lognormal.p50',
      /finite/,
    ],
    [
      'infinite sigma',
      { function: { execution: { lognormal: { mu: 1, sigma: Number.POSITIVE_INFINITY } } } },
      'function.execution.lognormal.sigma',
      /finite/,
    ],
    ['NaN timeout', { function: { timeout: Number.NaN } }, 'function.timeout', /finite/],
    [
      'NaN override',
      { platformOverrides: { keepAlive: Number.NaN } },
      'platformOverrides.keepAlive',
      /finite/,
    ],
    [
      'NaN in a sweep',
      { sweep: { 'graph.chain.depth': [1, Number.NaN] } },
      'sweep["graph.chain.depth"][1]',
      /finite/,
    ],
    [
      'NaN fan-in',
      { graph: { fanOut: { width: 3, waitFor: Number.NaN } } },
      'graph.fanOut.waitFor',
      /finite/,
    ],
    ['a Date', { duration: new Date(0) }, 'duration', /\(got Date object\)/],
    ['a Map', { graph: new Map() }, 'graph', /\(got Map object\)/],
    [
      'a bigint',
      { workload: { poisson: { perSecond: 5n } } },
      'workload.poisson.perSecond',
      /\(got bigint\)/,
    ],
    ['a symbol', { name: Symbol('x') }, 'name', /must be a string \(got symbol\)/],
    ['a function', { description: () => 'x' }, 'description', /must be a string \(got function\)/],
  ];

  it.each(CASES)('%s is refused at its field', (_, fields, field, reason) => {
    const e = refusal(fields);
    expect(e.path).toBe(field);
    expect(e.reason).toMatch(reason);
  });

  it('a cyclic object is refused, not a stack overflow', () => {
    const dist: Record<string, unknown> = { by: 1 };
    dist.dist = { shifted: dist };
    const e = refusal({ function: { execution: { shifted: dist } } });
    expect(e.path.startsWith('function.execution.shifted.dist.shifted')).toBe(true);
    expect(e.reason).toBe('nested more than 100 levels deep');
  });
});

describe('model files are data, never code', () => {
  const models = presetRegistry();

  it('keys named __proto__, constructor or toString are fields like any other', () => {
    const texts = [
      '{"__proto__": {"polluted": 1}}',
      '{"constructor": {"prototype": {"polluted": 1}}}',
      '{"platformOverrides": {"__proto__": {"polluted": 1}}}',
      '{"platformOverrides": {"constructor": 1}}',
      '{"platformOverrides": {"toString": 1}}',
      '{"sweep": {"__proto__.polluted": [1]}}',
      '{"sweep": {"constructor.prototype.polluted": [1]}}',
      '{"functions": {"__proto__": {"memoryMB": 256}}}',
      '{"function": {"execution": {"__proto__": {"polluted": 1}}}}',
      '{"function": {"execution": {"empirical": {"__proto__": 1, "p50": 2}}}}',
    ];
    for (const text of texts) {
      const raw = { ...experiment(), ...JSON.parse(text) };
      expect(() => prepareExperiment(raw, { models, file: 'x.json' }), text).toThrow(SpecError);
    }
    const model = JSON.parse(
      '{"kind": "platform", "name": "p", "description": "d", "source": ["s"], "__proto__": {"polluted": 1}}',
    );
    expect(() => presetRegistry().add(model, 'm.json')).toThrow(/unknown field "__proto__"/);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a function named __proto__ or constructor keeps its calls', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const raw = experiment({
        duration: '20s',
        workload: { constant: { perSecond: 5 } },
        graph: {
          custom: {
            entry: name,
            functions: JSON.parse(`{"${name}": {"steps": [{"call": "b"}]}, "b": {}}`),
          },
        },
      });
      const [point] = runExperiment(prepareExperiment(raw, { models, file: 'x.json' })).results
        .points;
      expect(point.calls.completed, name).toBeGreaterThan(50);
      expect(point.cold.meanHops, name).toBe(2);
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('an experiment name never leads out of the output folder', () => {
    const out = resolve('output');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom('..', '.', '../x', 'x/..', '/etc', 'C:\\x', 'a\\b', 'a..b', 'x.', '-'),
        ),
        (name) => {
          let prepared: ReturnType<typeof prepareExperiment>;
          try {
            prepared = prepareExperiment(experiment({ name }), { models, file: 'x.json' });
          } catch (e) {
            expect(e).toBeInstanceOf(SpecError);
            expect((e as SpecError).path).toBe('name');
            return;
          }
          const dir = resolve(defaultOutDir(prepared));
          expect(dir.startsWith(out + sep), `${name} -> ${dir}`).toBe(true);
          expect(dir).toBe(join(out, name));
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('what is not an error', () => {
  it('a model file given with --models and also named by the experiment is one model', () => {
    const paths = writeFiles(dir, {
      'shared.json': inline({ name: 'shared' }),
      'uses-shared.json': experiment({ platform: 'shared.json' }),
    });
    const prepared = loadExperiment(paths['uses-shared.json'], { models: [paths['shared.json']] });
    expect(prepared.points[0].resolved.functions[0].platform.name).toBe('shared');
  });
});

describe('runs too big to start', () => {
  it('a duration of 1e30 hours passes validation, and the run is refused with its size', () => {
    const file = join(dir, 'huge.json');
    writeFiles(dir, { 'huge.json': experiment({ duration: '1e30h' }) });
    const prepared = loadExperiment(file);
    expect(() => checkWork(prepared, false)).toThrow(InputError);
    expect(() => checkWork(prepared, false)).toThrow(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the experiment asks for about 1\\.8e\\+34 simulated calls`,
      ),
    );
  });
});

describe('files with no end, or too large: refused before they are read', () => {
  const fifo = join(dir, 'pipe.json');
  execFileSync('mkfifo', [fifo]);

  /** The InputError or SpecError message of loading `file`, or fails. */
  function refusal(load: () => unknown): string {
    try {
      load();
    } catch (e) {
      expect(isInputError(e), String(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error('accepted');
  }

  it.each([
    ['/dev/zero', 'a device'],
    ['/dev/urandom', 'a device'],
    [fifo, 'a pipe (FIFO)'],
  ])('an experiment, a model or results file %s', (path, what) => {
    const expected = `${path}: is ${what}, not a regular file`;
    writeFiles(dir, { 'ok-exp.json': experiment() });
    expect(refusal(() => loadExperiment(path))).toMatch(
      new RegExp(`^${path}: is ${what.replace(/[()]/g, '\\$&')}`),
    );
    expect(refusal(() => loadExperiment(join(dir, 'ok-exp.json'), { models: [path] }))).toContain(
      expected,
    );
    expect(refusal(() => readJson(path))).toContain(expected);
  });

  it.each([
    ['/dev/zero', 'a device'],
    ['/dev/urandom', 'a device'],
    [fifo, 'a pipe (FIFO)'],
  ])('a model file named by an experiment, a link to %s: the field that names it', (path, what) => {
    const link = join(dir, `model-link-${what.length}.json`);
    rmSync(link, { force: true });
    symlinkSync(path, link);
    const file = join(dir, 'device-model.json');
    for (const [fields, field] of [
      [{ platform: basename(link) }, 'platform'],
      [{ client: basename(link) }, 'client'],
      [{ functions: { api: { platform: basename(link) } } }, 'functions.api.platform'],
    ] as const) {
      writeFiles(dir, { 'device-model.json': experiment(fields) });
      const message = refusal(() => loadExperiment(file));
      expect(message).toContain(`${file}: ${field}: cannot read "${basename(link)}": ${link}: `);
      expect(message).toContain(`is ${what}, not a regular file`);
    }
  });

  it.each([
    ['/dev/zero', 'a device'],
    ['/dev/urandom', 'a device'],
    [fifo, 'a pipe (FIFO)'],
  ])('a trace %s', (path, what) => {
    const file = join(dir, 'device-trace.json');
    writeFiles(dir, {
      'device-trace.json': experiment({ workload: { trace: { file: path, format: 'azure' } } }),
    });
    const message = refusal(() => loadExperiment(file));
    expect(message).toContain(`workload[0].trace.file: cannot read "${path}"`);
    expect(message).toContain(`is ${what}, not a regular file`);
  });

  it('JSON over the size limit, with how to raise it; the limit can be raised', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify(experiment({ description: 'x'.repeat(2 * 1024 * 1024) })));
    const before = process.env[MAX_JSON_ENV];
    try {
      process.env[MAX_JSON_ENV] = '1';
      expect(refusal(() => loadExperiment(big))).toMatch(
        /big\.json: is 2\.0 MB, more than the limit of 1\.0 MB for JSON files \(raise it with COLDTAIL_MAX_JSON_MB=<megabytes>\)$/,
      );
      process.env[MAX_JSON_ENV] = '3';
      expect(loadExperiment(big).spec.name).toBe('hostile');
      process.env[MAX_JSON_ENV] = 'lots';
      expect(refusal(() => loadExperiment(big))).toBe(
        'COLDTAIL_MAX_JSON_MB: must be a positive number of megabytes (got "lots")',
      );
    } finally {
      if (before === undefined) delete process.env[MAX_JSON_ENV];
      else process.env[MAX_JSON_ENV] = before;
    }
    expect(maxJsonBytes({})).toBe(DEFAULT_MAX_JSON_MB * 1024 * 1024);
  });

  it("a trace outside the experiment's folder: said to be no trace, and where, never quoted", () => {
    const inside = join(dir, 'exp-folder');
    mkdirSync(inside, { recursive: true });
    writeFiles(dir, { 'secret.csv': 'root:SECRET-hunter2:0:0\nmore,SECRET\n' });
    writeFiles(inside, {
      'outside.json': experiment({
        workload: { trace: { file: '../secret.csv', format: 'timestamps' } },
      }),
      'function.json': experiment({
        workload: { trace: { file: '../fn.csv', format: 'timestamps', function: 'x' } },
      }),
      'inside.json': experiment({
        workload: { trace: { file: 'mine.csv', format: 'timestamps' } },
      }),
      'mine.csv': 'root:SECRET-hunter2:0:0\n',
    });
    writeFiles(dir, { 'fn.csv': 'function,timestamp\nSECRET-name,1\n' });
    const message = refusal(() => loadExperiment(join(inside, 'outside.json')));
    expect(message).toContain(
      'workload[0].trace.file: ../secret.csv:1: header: not a trace in the "timestamps" format',
    );
    expect(message).toContain("the file is outside the experiment's folder");
    expect(message).not.toContain('SECRET');
    const fn = refusal(() => loadExperiment(join(inside, 'function.json')));
    expect(fn).toContain('no function "x" in ../fn.csv');
    expect(fn).not.toContain('SECRET');
    // Inside its folder, the user's own file is quoted, which helps fix it.
    expect(refusal(() => loadExperiment(join(inside, 'inside.json')))).toContain('SECRET');
  });
});
