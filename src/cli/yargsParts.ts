/**
 * The parts of yargs that loadYargs assembles, read from yargs' own files (its `exports`
 * list none of them) and from the dependencies installed with it, at run time: what the
 * sources (tsx, the tests) use.
 *
 * The command's bundle (scripts/build.mjs) puts another body in this module's place, with
 * the same files imported statically, so that esbuild bundles them: Node then resolves,
 * reads and compiles one chunk instead of some 25 files in node_modules (yargs then took
 * 9 ms of CPU to load at `coldtail validate`'s start, not 31). The help layout (cliui, string-width) is not among the
 * parts: loadYargs requires it on first use, from yargs' folder, in both.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Yargs from 'yargs';

export interface YargsParts {
  YargsFactory: (shim: object) => typeof Yargs;
  getProcessArgvBin: () => string;
  Parser: unknown;
  findUp: unknown;
  getCallerFile: (depth: number) => string;
  y18n: (o: object) => unknown;
}

/** `fromYargs`: a require() that resolves from inside yargs; `root`: yargs' folder. */
export async function yargsParts(fromYargs: NodeJS.Require, root: string): Promise<YargsParts> {
  const [{ YargsFactory }, { getProcessArgvBin }] = (await Promise.all([
    import(pathToFileURL(join(root, 'build/lib/yargs-factory.js')).href),
    import(pathToFileURL(join(root, 'build/lib/utils/process-argv.js')).href),
  ])) as [Pick<YargsParts, 'YargsFactory'>, Pick<YargsParts, 'getProcessArgvBin'>];
  const esm = <T>(name: string): T => {
    const m = fromYargs(name) as { default?: T };
    return (m.default ?? m) as T;
  };
  return {
    YargsFactory,
    getProcessArgvBin,
    Parser: esm('yargs-parser'),
    findUp: esm('escalade/sync'),
    getCallerFile: esm('get-caller-file'),
    y18n: esm('y18n'),
  };
}
