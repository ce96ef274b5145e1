import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type PreparedExperiment, prepareExperimentSteps } from '../experiments/prepare.ts';
import { type ModelRegistry, presetRegistry } from '../models/registry.ts';
import { joinPath, SpecError } from '../spec/specError.ts';
import type { TraceData } from '../workload/workloadSpec.ts';
import { readJson, readTrace } from './files.ts';
import { InputError } from './inputError.ts';

/**
 * Everything read from disk to prepare an experiment: its JSON files (parsed), the folders
 * listed for --models, its traces (parsed). The main thread reads and checks once and
 * hands this to worker threads (a structured clone), which prepare the same experiment
 * from it without touching the disk: a file changed during the run cannot mix two inputs,
 * and a large trace is not parsed again on every thread.
 */
export interface ReadInputs {
  json: Map<string, unknown>;
  folders: Map<string, string[]>;
  traces: Map<string, TraceData>;
  /** Serve only what is here (a worker); otherwise read the disk and remember it. */
  replay?: boolean;
}

export function newInputs(): ReadInputs {
  return { json: new Map(), folders: new Map(), traces: new Map() };
}

/** Reads a JSON file through `inputs` (recording it, or serving it when replaying). */
function jsonVia(inputs: ReadInputs | undefined, path: string): unknown {
  if (inputs?.replay) {
    if (!inputs.json.has(path)) throw new Error(`${path} was not read before the run`);
    return inputs.json.get(path);
  }
  const json = readJson(path);
  inputs?.json.set(path, json);
  return json;
}

function jsonFilesVia(inputs: ReadInputs | undefined, path: string): string[] {
  if (inputs?.replay) {
    const files = inputs.folders.get(path);
    if (!files) throw new Error(`${path} was not listed before the run`);
    return files;
  }
  const files = jsonFiles(path);
  inputs?.folders.set(path, files);
  return files;
}

/** Every .json file in a folder, or the file itself. */
export function jsonFiles(path: string): string[] {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    return [path]; // readJson reports it as missing
  }
  if (!st.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(path, f));
}

/** The presets plus the user's model files (each validated, errors naming the file). */
export function loadRegistry(modelPaths: string[] = [], inputs?: ReadInputs): ModelRegistry {
  const registry = presetRegistry();
  for (const p of modelPaths) {
    for (const f of jsonFilesVia(inputs, p)) registry.add(jsonVia(inputs, f), f);
  }
  return registry;
}

/**
 * Reads and validates an experiment file. Model references that end in
 * ".json" are model files relative to the experiment; they are loaded into
 * the registry under that name. Trace files are read relative to it too.
 */
export function loadExperiment(file: string, options: LoadOptions = {}): PreparedExperiment {
  const steps = loadExperimentSteps(file, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export type LoadOptions = Parameters<typeof loadExperimentSteps>[1];

/**
 * loadExperiment as steps (prepareExperimentSteps): `coldtail run` gives the event loop a turn
 * between them, so that Ctrl-C while a large experiment is checked stops it within a second.
 */
export function* loadExperimentSteps(
  file: string,
  options: {
    models?: string[];
    maxPoints?: number;
    registry?: ModelRegistry;
    /** Changes the parsed file before validation (e.g. --seed, --replications). */
    transform?: (raw: unknown) => unknown;
    /** Records what is read (or, replaying, serves it): see ReadInputs. */
    inputs?: ReadInputs;
  } = {},
): Generator<void, PreparedExperiment> {
  const inputs = options.inputs;
  const read = jsonVia(inputs, file);
  const kind = (read as { kind?: unknown } | null)?.kind;
  if (kind === 'platform' || kind === 'client') {
    const what = kind === 'platform' ? 'a platform model' : 'a client profile';
    throw new InputError(
      `${file}: this is ${what}, not an experiment: name it in an experiment's "${kind}" field, or check it with coldtail validate`,
    );
  }
  const raw = options.transform ? options.transform(read) : read;
  const registry = options.registry ?? loadRegistry(options.models, inputs);
  const base = dirname(file);
  for (const [ref, field] of modelFileRefs(raw)) {
    const path = join(base, ref);
    // The same file given with --models too: one model, known by both names.
    if (aliasLoaded(registry, path, ref)) continue;
    let json: unknown;
    try {
      json = jsonVia(inputs, path);
    } catch (e) {
      // A file that cannot be read (missing, a device, too large) is named with the field of
      // the experiment that refers to it, as a trace is; what is wrong inside a model file that
      // was read is that file's to say (registry.add).
      if (!(e instanceof InputError)) throw e;
      throw new SpecError(field, `cannot read "${ref}": ${e.message}`, file);
    }
    // Referred to by the name written in the experiment, not only the model's own name.
    registry.add(json, path, false, ref);
  }
  yield;
  return yield* prepareExperimentSteps(raw, {
    models: registry,
    file,
    readText: (f) => {
      if (inputs?.replay) throw new Error(`${f} was not read before the run`);
      return readTrace(base, f);
    },
    maxPoints: options.maxPoints,
    traces: inputs?.traces,
  });
}

/** Registers `alias` for a model already loaded from `path`; false if none was. */
function aliasLoaded(registry: ModelRegistry, path: string, alias: string): boolean {
  const file = resolve(path);
  for (const [, entry] of registry.platforms) {
    if (!entry.preset && resolve(entry.file) === file) {
      registry.platforms.set(alias, entry);
      return true;
    }
  }
  for (const [, entry] of registry.clients) {
    if (!entry.preset && resolve(entry.file) === file) {
      registry.clients.set(alias, entry);
      return true;
    }
  }
  return false;
}

/**
 * The string values of "platform" and "client" fields (at any depth, and in sweeps) that name
 * .json files, each with the first field that names it (for messages).
 */
function modelFileRefs(raw: unknown): Map<string, string> {
  const refs = new Map<string, string>();
  const visit = (v: unknown, key: string | null, at: string) => {
    if (typeof v === 'string') {
      if ((key === 'platform' || key === 'client') && v.endsWith('.json') && !refs.has(v)) {
        refs.set(v, at);
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) visit(v[i], key, joinPath(at, i));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k !== 'sweep') visit(x, k, joinPath(at, k));
      }
      const sweep = (v as Record<string, unknown>).sweep;
      if (sweep && typeof sweep === 'object') {
        for (const [path, values] of Object.entries(sweep)) {
          const last = path.split('.').pop() ?? '';
          // Written as sweep errors are: sweep["functions.api.platform"][1], or ["name"] for
          // named values, whose names are not the field's.
          const where = `${joinPath(at, 'sweep')}["${path}"]`;
          if (values !== null && typeof values === 'object' && !Array.isArray(values)) {
            for (const [name, x] of Object.entries(values)) {
              visit(x, last, `${where}[${JSON.stringify(name)}]`);
            }
          } else {
            visit(values, last, where);
          }
        }
      }
    }
  };
  visit(raw, null, '');
  return refs;
}
