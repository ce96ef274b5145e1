/**
 * `coldtail start` says, as `run` does, when a region of one of its experiments cannot be split
 * by function over the threads freely (docs/scale.md), once per file, and says nothing on one
 * thread.
 * The note comes after every file is read and checked, before anything runs: a start
 * interrupted from the outset prints it and runs nothing, which keeps the test short.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAll } from '../../src/node/runAll.ts';
import { tempDir } from '../support/cli.ts';

describe('start with a region whose functions are coupled', () => {
  const dir = tempDir();
  const experiments = join(dir, 'experiments');
  mkdirSync(experiments);
  const coupled = join(experiments, 'coupled.json');
  // Functions under one account-wide limit: coupled, so each replication runs in blocks only on
  // the condition that the limit never binds.
  writeFileSync(
    coupled,
    JSON.stringify({
      name: 'coupled',
      description: 'a small region under an account-wide limit',
      duration: '20s',
      replications: 1,
      client: 'us-typical',
      platform: 'azure-functions',
      platformOverrides: { limitScope: 'account', maxConcurrency: 200 },
      workload: { population: { functions: 40, maxPerSecond: 0.5 } },
    }),
  );
  // A one-function experiment beside it: nothing to split, nothing to say.
  writeFileSync(
    join(experiments, 'plain.json'),
    JSON.stringify({
      name: 'plain',
      description: 'one function',
      duration: '20s',
      replications: 1,
      client: 'us-typical',
      platform: 'aws-lambda-2019',
      workload: { poisson: { perSecond: 5 } },
    }),
  );

  // runAll itself (what `coldtail start` calls once the command line is read), with Ctrl-C
  // pressed from the outset: main() would stop before reading any file.
  const start = async (threads: number) => {
    let stderr = '';
    const io = {
      stdout: { write: () => true },
      stderr: {
        write: (s: string) => {
          stderr += s;
          return true;
        },
      },
      interrupts: { requested: () => true },
    };
    const out = join(dir, `out-${threads}`);
    const status = await runAll({ experiments, out, threads, quiet: true }, io);
    return { status, stderr };
  };
  const stopped = 'coldtail: interrupted before starting; nothing written\n';

  it('prints the note once, naming the file, on two threads', async () => {
    const r = await start(2);
    expect(r.status).toBe(130);
    expect(r.stderr).toBe(
      `note: ${coupled}: its functions share platform "azure-functions"'s account-wide concurrency limit: each replication runs split by function, over threads but not shards, and runs again whole if the blocks' counts show that what they share could have run short\n${stopped}`,
    );
  });

  it('prints nothing on one thread', async () => {
    const r = await start(1);
    expect(r.status).toBe(130);
    expect(r.stderr).toBe(stopped);
  });
});
