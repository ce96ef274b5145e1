/**
 * yargs, with the part that lays out help text loaded only when help is laid out.
 *
 * `import('yargs')` loads yargs' Node "platform shim", which imports cliui and string-width
 * (three copies of it: 8.x for yargs, 7.x twice inside cliui) at once, and string-width
 * builds an Intl.Segmenter and its Unicode tables as it loads: about 80 ms of CPU, a fifth
 * of `coldtail validate`'s start-up, for widths that only --help uses (main turns yargs'
 * help cache off, so a command that runs never lays out its help). This builds the same
 * yargs from the same parts (YargsFactory and the shim's fields, as
 * yargs/lib/platform-shims/esm.mjs sets them), except that cliui and string-width are
 * required on their first use. require() of an ES module is what Node 20.19 and later do
 * (package.json's engines), and it is synchronous, as yargs calls them.
 *
 * It reads yargs' own files (build/lib/yargs-factory.js), which its `exports` do not list:
 * yargs is pinned to one version in package.json, and test/cli/loadYargs.test.ts checks
 * that help, errors and parsing come out as `import('yargs')` gives them.
 */
import { notStrictEqual, strictEqual } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import type Yargs from 'yargs';

/** Whether the help layout (cliui, string-width) has been loaded in this process. */
export function helpLayoutLoaded(): boolean {
  return layoutLoaded;
}
let layoutLoaded = false;

/** The yargs factory, as `import('yargs')` gives it, with cliui and string-width loaded lazily. */
export async function loadYargs(): Promise<typeof Yargs> {
  // yargs' main file (index.mjs), and a require() that resolves from inside yargs, so that
  // its dependencies are the versions it was installed with.
  const main = createRequire(import.meta.url).resolve('yargs');
  const root = dirname(main);
  const fromYargs = createRequire(main);
  // A dynamic import, so that the bundle keeps yargs in a chunk of its own, which
  // `coldtail --version` (answered before yargs is needed) does not load.
  const { yargsParts } = await import('./yargsParts.ts');
  const { YargsFactory, getProcessArgvBin, Parser, findUp, getCallerFile, y18n } = await yargsParts(
    fromYargs,
    root,
  );
  const esm = <T>(name: string): T => {
    const m = fromYargs(name) as { default?: T };
    return (m.default ?? m) as T;
  };
  let cliui: ((o: object) => unknown) | undefined;
  let stringWidth: ((s: string) => number) | undefined;
  const layout = () => {
    layoutLoaded = true;
    cliui = esm('cliui');
    stringWidth = esm('string-width');
  };
  const mainFilename = main.substring(0, main.lastIndexOf('node_modules'));
  return YargsFactory({
    assert: { notStrictEqual, strictEqual },
    cliui: (options: object) => {
      if (!cliui) layout();
      return cliui!(options);
    },
    findUp,
    getEnv: (key: string) => process.env[key],
    inspect,
    getProcessArgvBin,
    mainFilename: mainFilename || process.cwd(),
    Parser,
    path: { basename, dirname, extname, relative, resolve, join },
    process: {
      argv: () => process.argv,
      cwd: process.cwd,
      emitWarning: (warning: string, type: string) => process.emitWarning(warning, type),
      execPath: () => process.execPath,
      exit: (code: number) => process.exit(code),
      nextTick: process.nextTick,
      stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null,
    },
    readFileSync,
    readdirSync,
    require: fromYargs,
    getCallerFile: () => {
      const callerFile = getCallerFile(3);
      return callerFile.match(/^file:\/\//) ? fileURLToPath(callerFile) : callerFile;
    },
    stringWidth: (s: string) => {
      if (!stringWidth) layout();
      return stringWidth!(s);
    },
    y18n: y18n({ directory: join(root, 'locales'), updateFiles: false }),
  });
}
