import { didYouMean, suggestion } from '../spec/didYouMean.ts';
import { checkNesting } from '../spec/nesting.ts';
import { SpecError, withFile } from '../spec/specError.ts';
import { type ClientModel, clientModelSchema } from './clientModel.ts';
import { type PlatformModel, platformModelSchema } from './platformModel.ts';
import { PRESET_FILES } from './presetFiles.ts';

export type ModelKind = 'platform' | 'client';

export interface ModelEntry<M> {
  model: M;
  /** The JSON as written, for overrides that merge into it. */
  raw: Record<string, unknown>;
  /** Where it came from: a preset's path in the repository, or a user's file. */
  file: string;
  preset: boolean;
}

/**
 * Platform and client models by name: the presets shipped in models/, plus
 * any model files a user adds. Knows no file system: the CLI reads files and
 * hands their parsed JSON to `add`.
 */
export class ModelRegistry {
  readonly platforms = new Map<string, ModelEntry<PlatformModel>>();
  readonly clients = new Map<string, ModelEntry<ClientModel>>();

  /**
   * Validates and adds a model; the file's `kind` says which. Throws SpecError
   * naming the file. `alias` registers it under another name too (an
   * experiment that refers to a model by its file name).
   */
  add(
    json: unknown,
    file: string,
    preset = false,
    alias?: string,
  ): ModelEntry<PlatformModel | ClientModel> {
    const entry = this.addModel(json, file, preset);
    if (alias !== undefined && alias !== entry.model.name) {
      if ((json as { kind: string }).kind === 'platform') {
        this.platforms.set(alias, entry as ModelEntry<PlatformModel>);
      } else {
        this.clients.set(alias, entry as ModelEntry<ClientModel>);
      }
    }
    return entry;
  }

  private addModel(
    json: unknown,
    file: string,
    preset: boolean,
  ): ModelEntry<PlatformModel | ClientModel> {
    try {
      checkNesting(json);
      const kind = (json as { kind?: unknown } | null)?.kind;
      if (kind === 'platform')
        return this.put(this.platforms, platformModelSchema.parse(json), json, file, preset);
      if (kind === 'client')
        return this.put(this.clients, clientModelSchema.parse(json), json, file, preset);
      throw new SpecError(
        kind === undefined ? '' : 'kind',
        kind === undefined
          ? 'missing required field "kind" ("platform" or "client")'
          : `must be "platform" or "client" (got ${JSON.stringify(kind)})${typeof kind === 'string' ? suggestion(kind, ['platform', 'client']) : ''}`,
      );
    } catch (e) {
      throw withFile(e, file);
    }
  }

  private put<M extends { name: string }>(
    map: Map<string, ModelEntry<M>>,
    model: M,
    raw: unknown,
    file: string,
    preset: boolean,
  ): ModelEntry<M> {
    const existing = map.get(model.name);
    if (existing) {
      // The same model again (a preset's own file, or one file given both with --models
      // and on its own) is that model; two files of one name are two models.
      const sameFile = existing.preset || existing.file === file;
      if (sameFile && JSON.stringify(existing.raw) === JSON.stringify(raw)) return existing;
      // Another model by a preset's name would silently take the preset's place wherever
      // the name is used, so that an experiment comparing the two compares one with itself.
      throw new SpecError(
        'name',
        existing.preset
          ? `"${model.name}" is the name of a preset (${existing.file}); give this model a name of its own`
          : `"${model.name}" is already defined in ${existing.file}`,
      );
    }
    const entry = { model, raw: raw as Record<string, unknown>, file, preset };
    map.set(model.name, entry);
    return entry;
  }

  /**
   * Refuses a model written inline in an experiment under the name of another in the
   * registry, as a second file of that name is refused: results and charts label a model by its name,
   * so the inline one would be shown as the preset (or the other file's model).
   */
  checkInline(kind: ModelKind, model: PlatformModel | ClientModel, path: string): void {
    const name = model.name;
    const existing = (kind === 'platform' ? this.platforms : this.clients).get(name);
    // The same model written out in full is that model, as for a copy of a preset's file.
    if (!existing || JSON.stringify(existing.model) === JSON.stringify(model)) return;
    throw new SpecError(
      `${path}.name`,
      existing.preset
        ? `"${name}" is the name of a preset (${existing.file}); give this model a name of its own`
        : `"${name}" is already defined in ${existing.file}; give this model a name of its own`,
    );
  }

  platform(name: string, path: string): ModelEntry<PlatformModel> {
    if (!this.platforms.has(name) && this.clients.has(name)) {
      throw new SpecError(path, `"${name}" is a client profile, not a platform`);
    }
    return lookup(this.platforms, name, path, 'platform');
  }

  client(name: string, path: string): ModelEntry<ClientModel> {
    if (!this.clients.has(name) && this.platforms.has(name)) {
      throw new SpecError(path, `"${name}" is a platform, not a client profile`);
    }
    return lookup(this.clients, name, path, 'client');
  }
}

function lookup<M>(
  map: Map<string, ModelEntry<M>>,
  name: string,
  path: string,
  kind: string,
): ModelEntry<M> {
  const entry = map.get(name);
  if (entry) return entry;
  const close = didYouMean(name, map.keys());
  const hint = close ? `; did you mean "${close}"?` : ` (known: ${[...map.keys()].join(', ')})`;
  throw new SpecError(path, `unknown ${kind} "${name}"${hint}`);
}

// Each preset checked against its schema once per process, when first used: an experiment
// names one or two of the fifteen, and `coldtail validate` builds a registry per file it
// checks (checking them all each time was a tenth of its start-up). That every preset is
// valid is the tests' to say (test/models).
const presetModels = new Map<string, PlatformModel | ClientModel>();

function presetModel(file: string, json: unknown): PlatformModel | ClientModel {
  let model = presetModels.get(file);
  if (model === undefined) {
    const kind = (json as { kind?: unknown }).kind;
    try {
      model = (kind === 'platform' ? platformModelSchema : clientModelSchema).parse(json);
    } catch (e) {
      throw withFile(e, file);
    }
    presetModels.set(file, model);
  }
  return model;
}

/** A registry holding the shipped presets (each parsed on first use of its model). */
export function presetRegistry(): ModelRegistry {
  const registry = new ModelRegistry();
  for (const { file, json } of PRESET_FILES) {
    const raw = json as Record<string, unknown>;
    const entry = {
      get model() {
        return presetModel(file, json);
      },
      raw,
      file,
      preset: true,
    };
    const map = (raw.kind === 'platform' ? registry.platforms : registry.clients) as Map<
      string,
      ModelEntry<PlatformModel | ClientModel>
    >;
    map.set(raw.name as string, entry);
  }
  return registry;
}
