import type { Argv } from 'yargs';
import type { Io } from '../../node/io.ts';
import type { Command } from '../command.ts';

export const modelsCommand: Command<{ json: boolean }> = {
  command: 'models',
  describe: 'List the preset platforms and client profiles with their sources',
  builder: (y: Argv<object>) =>
    y.option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  run: async (argv, io: Io) => {
    const [{ textTable }, { presetRegistry }] = await Promise.all([
      import('../../experiments/format.ts'),
      import('../../models/registry.ts'),
    ]);
    const registry = presetRegistry();
    const rows = [
      ...[...registry.platforms.values()].map((e) => ({ kind: 'platform', ...e })),
      ...[...registry.clients.values()].map((e) => ({ kind: 'client', ...e })),
    ];
    if (argv.json) {
      const list = rows.map((r) => ({
        kind: r.kind,
        name: r.model.name,
        description: r.model.description,
        source: r.model.source,
        file: r.file,
      }));
      io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    const table = textTable(
      ['name', 'kind', 'description'],
      rows.map((r) => [r.model.name, r.kind, r.model.description]),
      [1, 2],
    );
    const sources = rows
      .map((r) => `${r.model.name}:\n${r.model.source.map((s) => `  - ${s}`).join('\n')}`)
      .join('\n');
    io.stdout.write(`${table}\n\nSources\n\n${sources}\n`);
    return 0;
  },
};
