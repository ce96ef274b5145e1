/** A sweep of whole keep-alive policies on the command line: a bad value is bad input (exit 2). */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../support/cli.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const experiment = (sweep: unknown) => {
  const path = join(dir, 'policies.json');
  writeFileSync(
    path,
    JSON.stringify({
      name: 'policies',
      description: 'd',
      duration: '1h',
      platform: 'aws-lambda',
      workload: { constant: { perSecond: 0.01 } },
      sweep,
    }),
  );
  return path;
};

describe('validate: a sweep of named keep-alive policies', () => {
  it('accepts whole policy objects', async () => {
    const path = experiment({
      platformOverrides: {
        '10min': { keepAlive: '10min' },
        hybrid: { keepAlivePolicy: { policy: 'hybrid' } },
      },
    });
    const r = await run(['validate', path]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('names the value, the field and the reason of a bad one, and exits 2', async () => {
    const path = experiment({
      platformOverrides: {
        '10min': { keepAlive: '10min' },
        hybrid: { keepAlivePolicy: { policy: 'hybrid', margin: 1.5 } },
      },
    });
    const r = await run(['validate', path]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /policies\.json: sweep\["platformOverrides"\]\["hybrid"\]\.keepAlivePolicy\.margin: must be < 1/,
    );
  });

  it('finds model files named in named values, as in listed ones', async () => {
    const model = join(dir, 'slow-lambda.json');
    writeFileSync(
      model,
      JSON.stringify({
        kind: 'platform',
        name: 'slow-lambda',
        description: 'a platform for the test',
        source: ['test'],
        keepAlive: '1min',
      }),
    );
    const ok = await run([
      'validate',
      experiment({ platform: { own: 'slow-lambda.json', preset: 'aws-lambda' } }),
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const missing = await run(['validate', experiment({ platform: { own: 'absent.json' } })]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('sweep["platform"]["own"]');
  });
});
