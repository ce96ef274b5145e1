import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type PreparedExperiment, prepareExperiment } from '../experiments/prepare.ts';
import { type ModelRegistry, presetRegistry } from '../models/registry.ts';
import { readJson, readTrace } from './files.ts';
import { InputError } from './inputError.ts';

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
export function loadRegistry(modelPaths: string[] = []): ModelRegistry {
  const registry = presetRegistry();
  for (const p of modelPaths) for (const f of jsonFiles(p)) registry.add(readJson(f), f);
  return registry;
}

/**
 * Reads and validates an experiment file. Model references that end in
 * ".json" are model files relative to the experiment; they are loaded into
 * the registry under that name. Trace files are read relative to it too.
 */
export function loadExperiment(
  file: string,
  options: {
    models?: string[];
    maxPoints?: number;
    registry?: ModelRegistry;
    /** Changes the parsed file before validation (e.g. --seed, --replications). */
    transform?: (raw: unknown) => unknown;
  } = {},
): PreparedExperiment {
  const read = readJson(file);
  const kind = (read as { kind?: unknown } | null)?.kind;
  if (kind === 'platform' || kind === 'client') {
    const what = kind === 'platform' ? 'a platform model' : 'a client profile';
    throw new InputError(
      `${file}: this is ${what}, not an experiment: name it in an experiment's "${kind}" field, or check it with coldtail validate`,
    );
  }
  const raw = options.transform ? options.transform(read) : read;
  const registry = options.registry ?? loadRegistry(options.models);
  const base = dirname(file);
  for (const ref of modelFileRefs(raw)) {
    const path = join(base, ref);
    // The same file given with --models too: one model, known by both names.
    if (aliasLoaded(registry, path, ref)) continue;
    // Referred to by the name written in the experiment, not only the model's own name.
    registry.add(readJson(path), path, false, ref);
  }
  return prepareExperiment(raw, {
    models: registry,
    file,
    readText: (f) => readTrace(base, f),
    maxPoints: options.maxPoints,
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

/** The string values of "platform" and "client" fields (at any depth, and in sweeps) that name .json files. */
function modelFileRefs(raw: unknown): string[] {
  const refs = new Set<string>();
  const visit = (v: unknown, key: string | null) => {
    if (typeof v === 'string') {
      if ((key === 'platform' || key === 'client') && v.endsWith('.json')) refs.add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x, key);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(x, k === 'sweep' ? null : k);
      const sweep = (v as Record<string, unknown>).sweep;
      if (sweep && typeof sweep === 'object') {
        for (const [path, values] of Object.entries(sweep)) {
          const last = path.split('.').pop() ?? '';
          visit(values, last);
        }
      }
    }
  };
  visit(raw, null);
  return [...refs];
}
