import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { parseDistributionSpec } from '../../src/random/distributionSpec.ts';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('has a complete experiment example that is valid at every sweep point', () => {
    const m = /A complete\nexample:\n\n```json\n([\s\S]*?)\n```/.exec(readme);
    expect(m).not.toBeNull();
    const prepared = prepareExperiment(JSON.parse(m![1]), {
      models: presetRegistry(),
      file: 'README',
    });
    expect(prepared.points.length).toBe(12);
  });

  it('shows distribution forms that parse', () => {
    const section = readme.slice(readme.indexOf('## Distributions and durations'));
    const forms = [...section.matchAll(/^\| `(\{.*?\})`/gm)].map((x) => x[1]);
    expect(forms.length).toBeGreaterThan(8);
    for (const form of forms) {
      const json = JSON.parse(form.replaceAll('{...}', '"1ms"').replaceAll(', ...]', ']'));
      expect(() => parseDistributionSpec(json, 'x'), form).not.toThrow();
    }
  });

  it('lists every command the CLI has', async () => {
    const { commands } = await import('../../src/cli/commands/index.ts');
    for (const c of commands) {
      const name = String(c.command).split(' ')[0];
      expect(readme, name).toContain(`coldtail ${name}`);
    }
  });
});
