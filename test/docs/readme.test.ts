import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { parseDistributionSpec } from '../../src/random/distributionSpec.ts';

const readme = readFileSync('README.md', 'utf8');
const read = (file: string) => readFileSync(file, 'utf8');

describe('README and docs/', () => {
  it('has a complete experiment example in the README that is valid at every sweep point', () => {
    const m = /A complete\nexample:\n\n```json\n([\s\S]*?)\n```/.exec(readme);
    expect(m).not.toBeNull();
    const prepared = prepareExperiment(JSON.parse(m![1]), {
      models: presetRegistry(),
      file: 'README',
    });
    expect(prepared.points.length).toBe(12);
  });

  it('shows distribution forms that parse (docs/distributions.md)', () => {
    const forms = [...read('docs/distributions.md').matchAll(/^\| `(\{.*?\})`/gm)].map((x) => x[1]);
    expect(forms.length).toBeGreaterThan(8);
    for (const form of forms) {
      const json = JSON.parse(form.replaceAll('{...}', '"1ms"').replaceAll(', ...]', ']'));
      expect(() => parseDistributionSpec(json, 'x'), form).not.toThrow();
    }
  });

  it('lists every command the CLI has, in the README and in docs/commands.md', async () => {
    const { commands } = await import('../../src/cli/commands/index.ts');
    const reference = read('docs/commands.md');
    for (const c of commands) {
      const name = String(c.command).split(' ')[0];
      expect(readme, name).toContain(`| \`coldtail ${name}`);
      expect(reference, name).toContain(`| \`coldtail ${name}`);
    }
  });

  it('keeps each block `npm run docs` regenerates in the file it writes', () => {
    // The files and block names of test/scripts/docs.ts (PARTS).
    const blocks: [string, string][] = [
      ['docs/validation.md', 'verify'],
      ['docs/performance.md', 'bench'],
      ['README.md', 'signature-chart'],
    ];
    const script = read('test/scripts/docs.ts');
    for (const [file, block] of blocks) {
      expect(script).toContain(`file: '${file}', block: '${block}'`);
      const text = read(file);
      const begin = text.indexOf(`<!-- ${block}:begin -->`);
      const end = text.indexOf(`<!-- ${block}:end -->`);
      expect(begin, `${file}: ${block}`).toBeGreaterThanOrEqual(0);
      expect(end, `${file}: ${block}`).toBeGreaterThan(begin);
    }
  });

  it('is a short README: the reference lives in docs/', () => {
    // About 15 KB was the goal: a README that grows past 20 KB is a reference manual again.
    expect(Buffer.byteLength(readme)).toBeLessThan(20_000);
  });
});
