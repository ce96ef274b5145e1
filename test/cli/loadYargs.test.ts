/**
 * src/cli/loadYargs.ts builds yargs from its own parts with the help layout (cliui,
 * string-width) loaded on first use: commands that run never load it, and the yargs it gives
 * parses, refuses and lays out help as `import('yargs')` does.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Test files share a module cache (vitest.config.ts, isolate: false) and another file may have
// laid out help already: this one imports the CLI afresh, so that "not loaded yet" means this
// file's commands did not load it.
vi.resetModules();
const { helpLayoutLoaded, loadYargs } = await import('../../src/cli/loadYargs.ts');
const { run, smallExperiment, tempDir } = await import('../support/cli.ts');

type Factory = Awaited<ReturnType<typeof loadYargs>>;

/** A small program in each yargs: what it parses, prints, or refuses with. */
async function outcome(yargs: Factory, args: string[]): Promise<unknown> {
  const cli = yargs()
    .scriptName('tool')
    .command(
      'go <files..>',
      'Go through the files — with a wide “description” that has to wrap at the width given 日本語',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'The files' })
          .option('speed', { type: 'number', default: 3, describe: 'How fast (in m/s)' })
          .example('$0 go a b', 'go through a and b'),
    )
    .demandCommand(1)
    .recommendCommands()
    .strict()
    .exitProcess(false)
    .wrap(60)
    .fail((msg, err) => {
      throw err ?? new Error(msg);
    });
  try {
    return await new Promise((resolve, reject) => {
      cli
        .help()
        .parseAsync(args, {}, (err, argv, text) =>
          err ? reject(err) : resolve({ argv: { ...argv, $0: undefined }, text }),
        )
        .catch(reject);
    });
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('loadYargs', () => {
  it('runs a command without loading the help layout; --help loads it', async () => {
    const dir = tempDir('coldtail-yargs-');
    const file = join(dir, 'small.json');
    writeFileSync(file, smallExperiment());
    // Modules imported afresh above: nothing has laid out help in them yet.
    const r = await run(['validate', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(helpLayoutLoaded()).toBe(false);
    const help = await run(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^coldtail validate <files\.\.>/);
    expect(helpLayoutLoaded()).toBe(true);
  });

  it('parses, refuses and lays out help as import("yargs") does', async () => {
    const ours = await loadYargs();
    const { default: theirs } = await import('yargs');
    const cases = [
      ['go', 'a', 'b', '--speed', '5'],
      ['go'],
      ['og', 'a'],
      ['go', 'a', '--sped', '5'],
      ['--help'],
      ['go', '--help'],
    ];
    for (const args of cases) {
      const expected = await outcome(theirs, args);
      expect(await outcome(ours, args), args.join(' ')).toEqual(expected);
    }
    // The cases reach each path: parsed arguments, refusals, and wrapped help text.
    const help = (await outcome(ours, ['go', '--help'])) as { text: string };
    expect(help.text).toContain('How fast (in m/s)');
    expect(help.text.split('\n').every((line) => line.length <= 60)).toBe(true);
    expect(await outcome(ours, ['og', 'a'])).toEqual({ error: expect.stringMatching(/go/) });
  });
});
