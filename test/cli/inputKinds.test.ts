import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../support/cli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, json: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
};

describe('a file of one kind where another is expected', () => {
  it('a model whose kind is misspelt is named as a model, with a suggestion', async () => {
    const path = file('kind.json', {
      kind: 'platfrom',
      name: 'p',
      description: 'd',
      source: ['s'],
    });
    const r = await run(['validate', path]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `${path}: kind: must be "platform" or "client" (got "platfrom"); did you mean "platform"?`,
    );
  });

  it('a model given to run is refused as not an experiment', async () => {
    const path = join(dir, 'us-metro.json');
    copyFileSync('models/clients/us-metro.json', path);
    const r = await run(['run', path, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `${path}: this is a client profile, not an experiment: name it in an experiment's "client" field, or check it with coldtail validate`,
    );
  });

  it('a client profile named as the platform, and a platform as the client', async () => {
    const experiment = (fields: Record<string, unknown>) =>
      file('x.json', {
        name: 'x',
        description: 'd',
        duration: '1s',
        workload: { poisson: { perSecond: 1 } },
        ...fields,
      });
    const asPlatform = await run(['validate', experiment({ platform: 'us-metro' })]);
    expect(asPlatform.stderr).toContain('platform: "us-metro" is a client profile, not a platform');
    const asClient = await run(['validate', experiment({ client: 'aws-lambda-2019' })]);
    expect(asClient.stderr).toContain(
      'client: "aws-lambda-2019" is a platform, not a client profile',
    );
  });

  it('verify refuses an empty seed, as run does', async () => {
    const r = await run(['verify', '--quick', '--seed', ' ']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seed: must not be empty');
  });
});
