/**
 * Fuzzing the validators: thousands of mutated model and experiment files, made from the
 * shipped presets and experiments and a few hand-written ones (a key deleted or renamed by one
 * edit, a value swapped for garbage of another type, -1, 0, 1e300, NaN, a distribution kind
 * swapped, garbage nested in, the JSON text cut short). Each must either pass or be refused
 * with a SpecError, InputError or TraceError naming the file and a reason on one line; never
 * another exception (TypeError, RangeError, a stack overflow), never "NaN", "undefined" or
 * "[object Object]" that the input did not hold. Mutants that pass are run briefly, and their
 * results must be sound.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { estimateWork } from '../../src/experiments/estimate.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { RunLimitError } from '../../src/experiments/replication.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { PRESET_FILES } from '../../src/models/presetFiles.ts';
import { ModelRegistry, presetRegistry } from '../../src/models/registry.ts';
import { readText } from '../../src/node/files.ts';
import { InputError } from '../../src/node/inputError.ts';
import { loadExperiment, loadRegistry } from '../../src/node/loadExperiment.ts';
import { DISTRIBUTION_FAMILIES } from '../../src/random/distributionSpec.ts';
import { SpecError } from '../../src/spec/specError.ts';
import { TraceError } from '../../src/workload/trace/traceError.ts';
import { nonFinite } from '../support/finite.ts';
import type { Json } from './arbitraries.ts';

const TRACES = resolve('models/traces');

/** Experiments to start from: the shipped ones (sweeps cut to two values) and a few more. */
function experimentSeeds(): Json[] {
  const shipped = readdirSync('experiments')
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join('experiments', f), 'utf8')) as Json);
  for (const e of shipped) {
    const sweep = e.sweep as Record<string, unknown[] | Record<string, unknown>> | undefined;
    if (!sweep) continue;
    for (const [k, v] of Object.entries(sweep)) {
      // A list, or named values (the first two names).
      sweep[k] = Array.isArray(v)
        ? v.slice(0, 2)
        : Object.fromEntries(Object.entries(v).slice(0, 2));
    }
  }
  const more: Json[] = [
    {
      name: 'custom-graph',
      description: 'a custom graph with async steps and a bounded recursion',
      duration: '5s',
      client: 'same-region',
      platform: {
        kind: 'platform',
        name: 'inline',
        description: 'inline',
        source: ['test'],
        coldStart: { sandbox: { lognormal: { p50: '100ms', p99: '400ms' } } },
        keepAlive: { exponential: { mean: '2s' } },
        concurrencyPerInstance: 2,
        maxConcurrency: 8,
        onLimit: 'queue',
        maxQueueWait: '200ms',
        burst: { initial: 2, perSecond: 5 },
        cluster: { hosts: 2, slotsPerHost: 3 },
      },
      graph: {
        custom: {
          entry: 'api',
          functions: {
            api: {
              steps: [
                { parallel: [{ call: 'db', count: 3 }, { call: 'cache' }], waitFor: 2 },
                { call: 'log', async: true },
                { call: 'api', probability: 0.3, maxDepth: 3 },
              ],
            },
            db: {},
            cache: {},
            log: {},
          },
        },
      },
      workload: [
        { poisson: { perSecond: 20 } },
        { onOff: { on: 50, onDuration: '1s', offDuration: '2s' } },
      ],
      warmers: { period: '1s', instances: 2, jitter: '10ms' },
      timeline: { window: '1s' },
      limits: { maxEvents: 1_000_000, maxInFlight: 10_000 },
    },
    {
      name: 'traces',
      description: 'both trace formats, mixed with a daily cycle',
      duration: '10min',
      warmup: '1min',
      client: {
        kind: 'client',
        name: 'lossy',
        description: 'lossy',
        source: ['test'],
        internet: { shifted: { by: '10ms', dist: { gamma: { shape: 2, mean: '5ms' } } } },
        loss: { probability: 0.01, retransmitTimeout: '200ms' },
      },
      function: {
        execution: {
          mixture: [
            { weight: 0.9, dist: { weibull: { shape: 1.5, scale: '10ms' } } },
            { weight: 0.1, dist: { pareto: { min: '20ms', shape: 2.5 } } },
          ],
        },
        timeout: '1s',
      },
      functions: { fn: { memoryMB: 512 } },
      graph: { recursion: { probability: 0.5, maxDepth: 4 } },
      workload: [
        { trace: { file: 'timestamps-sample.csv', format: 'timestamps', function: 'api' } },
        { trace: { file: 'azure-sample.csv', format: 'azure', spread: 'poisson' } },
        { daily: { mean: 2, amplitude: 0.5, peakAt: '5min', period: '10min' } },
        {
          piecewise: {
            points: [
              { at: 0, perSecond: 1 },
              { at: '5min', perSecond: 3 },
            ],
          },
        },
      ],
      sweep: { 'graph.recursion.maxDepth': [2, 4], platformOverrides: [{ keepAlive: '1min' }] },
    },
    {
      name: 'shapes',
      description: 'the named shapes with empirical and uniform distributions',
      duration: '30s',
      platform: 'azure-functions',
      platformOverrides: { keepAlive: 'forever', provisioned: 1 },
      function: { execution: { empirical: { p0: '1ms', p50: '5ms', p100: '50ms' } } },
      functions: { item: { execution: { uniform: { min: '1ms', max: '3ms' } } } },
      graph: { restApi: { items: 3 } },
      workload: { burst: { base: 1, peak: 20, at: '10s', duration: '5s' } },
      sweep: {
        graph: [
          { restApi: { items: 2 } },
          { mapReduce: { width: 3 } },
          { fanOut: { width: 4, waitFor: 2 } },
        ],
      },
    },
  ];
  return [...shipped, ...more];
}

const EXPERIMENTS = experimentSeeds();
const MODELS = PRESET_FILES.map((p) => p.json as unknown as Json);

const GARBAGE: unknown[] = [
  -1,
  0,
  1,
  0.5,
  1e300,
  -1e300,
  1e-300,
  2 ** 53 + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'abc',
  '5ms',
  '5 parsecs',
  '1e30h',
  '12',
  '-5ms',
  'forever',
  'unlimited',
  'all',
  'p99',
  true,
  false,
  null,
  [],
  {},
  [1, 'x', null],
  { a: { b: [{}] } },
  { lognormal: { p50: 1 } },
  { constant: -1 },
  { mixture: [] },
  '__proto__',
  'constructor',
  '../../etc/passwd',
];

const DIST_KINDS = DISTRIBUTION_FAMILIES;
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'zz'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz_.0';

type Path = (string | number)[];

function allPaths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      allPaths(x, [...at, i], out);
    });
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) allPaths(x, [...at, k], out);
  }
  return out;
}

function getAt(doc: unknown, path: Path): unknown {
  let v = doc as Record<string | number, unknown>;
  for (const k of path) v = v[k] as Record<string | number, unknown>;
  return v;
}

/** Sets a key as an own field (a "__proto__" key stays a key, as JSON.parse makes it). */
function put(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function renameKey(obj: Record<string, unknown>, from: string, to: string): void {
  const entries = Object.entries(obj).map(([k, v]): [string, unknown] => [k === from ? to : k, v]);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) put(obj, k, v);
}

/** One edit of a key: insert, delete or change one character. */
function oneEdit(key: string, arg: number): string {
  const pos = arg % (key.length + 1);
  const ch = LETTERS[arg % LETTERS.length];
  switch (arg % 3) {
    case 0:
      return key.slice(0, pos) + ch + key.slice(pos);
    case 1:
      return key.length > 1 ? key.slice(0, pos) + key.slice(pos + 1) : `${key}${ch}`;
    default:
      return key.slice(0, pos) + ch + key.slice(pos + 1);
  }
}

interface Op {
  pick: number;
  kind: number;
  arg: number;
}

const opArb: fc.Arbitrary<Op> = fc.record({ pick: fc.nat(), kind: fc.nat(7), arg: fc.nat() });

/** Applies mutations to a copy of `seed`; says whether one of them put a NaN in. */
function mutate(seed: unknown, ops: Op[]): { doc: unknown; nan: boolean } {
  let doc = structuredClone(seed);
  let nan = false;
  for (const op of ops) {
    const paths = allPaths(doc);
    const path = paths[op.pick % paths.length];
    if (path.length === 0) {
      if (op.kind === 1) {
        doc = GARBAGE[op.arg % GARBAGE.length];
        nan ||= Number.isNaN(doc);
      }
      continue;
    }
    const parent = getAt(doc, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path[path.length - 1];
    const value = parent[key];
    switch (op.kind) {
      case 0: // delete
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 1: {
        // garbage of any type
        const g = structuredClone(GARBAGE[op.arg % GARBAGE.length]);
        nan ||= Number.isNaN(g);
        put(parent, key, g);
        break;
      }
      case 2: // rename a key by one edit
        if (typeof key === 'string') renameKey(parent, key, oneEdit(key, op.arg));
        break;
      case 3: // swap a distribution kind (or any key) for another kind
        if (typeof key === 'string') {
          const kinds = DIST_KINDS.filter((k) => k !== key);
          renameKey(parent, key, kinds[op.arg % kinds.length]);
        }
        break;
      case 4: // another type for the same value
        if (typeof value === 'number') put(parent, key, op.arg % 2 ? String(value) : `${value}ms`);
        else if (typeof value === 'string')
          put(parent, key, Number.parseFloat(value) || value.length);
        else if (typeof value === 'boolean') put(parent, key, String(value));
        else put(parent, key, op.arg % 2 ? [value] : { value });
        break;
      case 5: // garbage nested in
        put(
          parent,
          key,
          op.arg % 2 ? [value, value] : { [DIST_KINDS[op.arg % DIST_KINDS.length]]: value },
        );
        break;
      case 6: // an odd key beside it
        if (!Array.isArray(parent)) put(parent, ODD_KEYS[op.arg % ODD_KEYS.length], value);
        else parent.push(value);
        break;
      default: {
        // a number at the edge
        const edges = [-1, 0, 1e300, Number.NaN, -0, 1e-300, 0.9999999, 2 ** 31];
        const e = edges[op.arg % edges.length];
        nan ||= Number.isNaN(e);
        put(parent, key, e);
      }
    }
  }
  return { doc, nan };
}

/**
 * The checks every refusal must pass, gathered and asserted at once: one expect per check was a
 * fifth of this file's run (vitest's bookkeeping per expect, five for each of some 10,000 refusals), for the
 * same checks.
 */
function expectGoodRefusal(e: unknown, files: string[], nan: boolean): void {
  if (!(e instanceof SpecError || e instanceof InputError || e instanceof TraceError)) {
    throw new Error(`not an input error: ${(e as Error)?.stack ?? String(e)}`);
  }
  const message = e.message;
  const problems: string[] = [];
  if (!files.some((f) => message.includes(f))) problems.push(`names none of ${files.join(', ')}`);
  if ((e instanceof SpecError || e instanceof TraceError) && e.reason.trim().length === 0)
    problems.push('an empty reason');
  if (message.includes('\n')) problems.push('more than one line');
  if (!nan && /\bNaN\b/.test(message)) problems.push('NaN in a message');
  if (/\bundefined\b|\[object Object\]/.test(message))
    problems.push('"undefined" or "[object Object]" in a message');
  expect(problems, message).toEqual([]);
}

/** Runs a prepared experiment briefly and checks its results; a run limit is the only error. */
function runBriefly(raw: Json): boolean {
  let prepared: ReturnType<typeof prepareExperiment>;
  try {
    prepared = prepareExperiment(
      {
        ...raw,
        duration: '2s',
        warmup: 0,
        replications: 1,
        limits: { maxEvents: 200_000, maxInFlight: 20_000 },
      },
      { models: registry, file: 'mutant.json', readText: traceText, maxPoints: 4 },
    );
  } catch (e) {
    expectGoodRefusal(e, ['mutant.json'], true);
    return false;
  }
  if (estimateWork(prepared).calls > 50_000) return false;
  try {
    const { results } = runExperiment(prepared);
    const text = JSON.stringify(results);
    expect(text).not.toMatch(/NaN|Infinity/);
    for (const p of results.points) {
      const c = p.calls;
      expect(c.completed + c.throttled + c.timedOut + c.inFlight).toBe(c.arrivals);
      expect(nonFinite(p, 'point')).toEqual([]);
    }
  } catch (e) {
    if (!(e instanceof RunLimitError)) throw e;
  }
  return true;
}

const registry = presetRegistry();
const traceText = (f: string) => readText(resolve(TRACES, f));
const tmp = mkdtempSync(join(tmpdir(), 'coldtail-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// HARDENING_SEED and HARDENING_FUZZ (a multiplier) explore further than the default.
const SEED = Number(process.env.HARDENING_SEED ?? 42);
const SCALE = Number(process.env.HARDENING_FUZZ ?? 1);

const counts = { experiments: 0, passed: 0, ran: 0, models: 0, modelsPassed: 0, texts: 0 };

describe('fuzz: mutated files are accepted or refused with a clear message', () => {
  it('mutated experiments (in-process, prepareExperiment)', () => {
    fc.assert(
      fc.property(
        fc.nat(EXPERIMENTS.length - 1),
        fc.array(opArb, { minLength: 1, maxLength: 3 }),
        (which, ops) => {
          const { doc, nan } = mutate(EXPERIMENTS[which], ops);
          counts.experiments++;
          try {
            prepareExperiment(doc, {
              models: registry,
              file: 'experiments/mutant.json',
              readText: traceText,
              maxPoints: 16,
            });
          } catch (e) {
            expectGoodRefusal(e, ['experiments/mutant.json', '.csv'], nan);
            return;
          }
          counts.passed++;
          if (counts.ran < 150 && runBriefly(doc as Json)) counts.ran++;
        },
      ),
      { seed: SEED, numRuns: 5000 * SCALE },
    );
    // The fuzz reaches past the first field: some mutants pass, most are refused.
    expect(counts.passed).toBeGreaterThan(150);
    expect(counts.passed).toBeLessThan(counts.experiments / 2);
    expect(counts.ran).toBeGreaterThan(50);
  });

  it('mutated model files (in-process, ModelRegistry.add), run when they pass', () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.nat(MODELS.length - 1),
        fc.array(opArb, { minLength: 1, maxLength: 3 }),
        (which, ops) => {
          const { doc, nan } = mutate(MODELS[which], ops);
          counts.models++;
          let entry: ReturnType<ModelRegistry['add']>;
          try {
            entry = new ModelRegistry().add(doc, 'models/mutant.json');
          } catch (e) {
            expectGoodRefusal(e, ['models/mutant.json'], nan);
            return;
          }
          counts.modelsPassed++;
          if (ran >= 150) return;
          const kind = (doc as Json).kind;
          const raw: Json = {
            name: 'mutant-model',
            description: 'a mutated model in use',
            graph: { chain: { depth: 2 } },
            workload: { constant: { perSecond: 20 } },
            [kind === 'platform' ? 'platform' : 'client']: entry.raw,
          };
          if (runBriefly(raw)) ran++;
        },
      ),
      { seed: SEED + 1, numRuns: 5000 * SCALE },
    );
    expect(counts.modelsPassed).toBeGreaterThan(200);
    expect(ran).toBeGreaterThan(50);
  });

  it('mutated JSON text (cut short, a character dropped or added) through the file loaders', () => {
    const modelFile = join(tmp, 'model.json');
    const experimentFile = join(tmp, 'experiment.json');
    fc.assert(
      fc.property(
        fc.nat(EXPERIMENTS.length + MODELS.length - 1),
        fc.nat(),
        fc.nat(2),
        fc.nat(),
        (which, at, how, ch) => {
          const isModel = which >= EXPERIMENTS.length;
          const seed = isModel ? MODELS[which - EXPERIMENTS.length] : EXPERIMENTS[which];
          const text = JSON.stringify(seed, null, 2);
          const pos = at % text.length;
          const c = '{}[]",:0a\\'[ch % 10];
          const mutated =
            how === 0
              ? text.slice(0, pos)
              : how === 1
                ? text.slice(0, pos) + text.slice(pos + 1)
                : text.slice(0, pos) + c + text.slice(pos);
          const file = isModel ? modelFile : experimentFile;
          writeFileSync(file, mutated);
          counts.texts++;
          try {
            if (isModel) loadRegistry([file]);
            else loadExperiment(file, { registry, maxPoints: 16 });
          } catch (e) {
            expectGoodRefusal(e, [file, '.csv'], false);
          }
        },
      ),
      { seed: SEED + 2, numRuns: 1500 * SCALE },
    );
  });

  it('left Object.prototype clean', () => {
    if (process.env.HARDENING_VERBOSE) console.log(counts);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(counts.experiments + counts.models + counts.texts).toBeGreaterThanOrEqual(
      11_500 * SCALE,
    );
  });
});
