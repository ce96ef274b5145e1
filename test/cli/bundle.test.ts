/**
 * The built command (dist/bin/bin.js) bundles yargs' parts and other small packages
 * (scripts/build.mjs) where the sources load them from node_modules at run time
 * (src/cli/yargsParts.ts). Whatever the build puts in, the command must say what the
 * sources say: the same help, the same refusals, the same checks, byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coldtail, run, smallExperiment, tempDir } from '../support/cli.ts';

const dir = tempDir('coldtail-bundle-');
const good = join(dir, 'good.json');
const bad = join(dir, 'bad.json');
writeFileSync(good, smallExperiment());
writeFileSync(bad, smallExperiment({ seed: 'x', replications: 0 }));

const CASES = [
  ['--help'],
  ['validate', '--help'],
  ['run', '--help'],
  ['validat', good],
  ['validate'],
  ['validate', good, '--quite'],
  ['validate', good],
  ['validate', good, bad],
  ['--version'],
];

describe('the built command', () => {
  it('prints what the sources print, with the same exit code', async () => {
    for (const args of CASES) {
      const built = coldtail(args);
      const sources = await run(args);
      expect(
        { code: built.code, stdout: built.stdout, stderr: built.stderr },
        args.join(' '),
      ).toEqual({ code: sources.code, stdout: sources.stdout, stderr: sources.stderr });
    }
  });
});
