import type { CommandModule } from 'yargs';
import { textTable } from '../../experiments/format.ts';
import { presetRegistry } from '../../models/registry.ts';

export const modelsCommand: CommandModule = {
  command: 'models',
  describe: 'List the preset platforms and client profiles with their sources',
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  handler: (argv) => {
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
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return;
    }
    const table = textTable(
      ['name', 'kind', 'description'],
      rows.map((r) => [r.model.name, r.kind, r.model.description]),
      [1, 2],
    );
    const sources = rows
      .map((r) => `${r.model.name}:\n${r.model.source.map((s) => `  - ${s}`).join('\n')}`)
      .join('\n');
    process.stdout.write(`${table}\n\nSources\n\n${sources}\n`);
  },
};
