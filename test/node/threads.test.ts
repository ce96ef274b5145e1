/**
 * Worker threads run what the main thread read and checked: the experiment, its models and
 * its traces are handed over (parsed), so a file changed or removed during the run changes
 * nothing, and the bytes out are the same on one thread or several.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { experiment, tempDir, writeFiles } from '../hardening/helpers.ts';

// The workers here start from the TypeScript sources (src/node/worker.js registers tsx), as
// under `tsx` and `npm run bench`; the other tests run the compiled worker (setup file
// test/support/compiledWorkers.ts). Test files share a module cache (vitest.config.ts,
// isolate: false), so the modules that start workers are imported afresh after the unmock,
// and dropped again at the end so that the files after this one get the compiled worker.
vi.unmock('node:worker_threads');
vi.resetModules();
const { replicationToJSON } = await import('../../src/experiments/replicationData.ts');
const { headerOf, runUnit, unitsOf } = await import('../../src/experiments/runExperiment.ts');
const { loadExperiment, newInputs } = await import('../../src/node/loadExperiment.ts');
const { runUnitsOnThreads } = await import('../../src/node/threads.ts');
afterAll(() => vi.resetModules());

const dir = tempDir('coldtail-threads-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('worker threads', () => {
  it('run what the main thread read, though every input file changed or went before they started', async () => {
    mkdirSync(join(dir, 'models'));
    const files = writeFiles(dir, {
      'replay.json': experiment({
        name: 'replay',
        duration: '20s',
        replications: 2,
        platform: 'mine',
        workload: { trace: { file: 'arrivals.csv', format: 'timestamps' } },
        sweep: { 'function.memoryMB': [128, 1024] },
      }),
      'arrivals.csv': `timestamp\n${Array.from({ length: 400 }, (_, i) => i * 40).join('\n')}\n`,
      'models/mine.json': {
        kind: 'platform',
        name: 'mine',
        description: 'a model read from --models',
        source: ['test'],
      },
    });
    const inputs = newInputs();
    const options = { models: [join(dir, 'models')], inputs };
    const prepared = loadExperiment(files['replay.json'], options);
    const units = unitsOf(headerOf(prepared));
    const expected = units.map((u) => JSON.stringify(replicationToJSON(runUnit(prepared, u))));
    // Another experiment, another trace, another model under the same names; then none at all.
    writeFiles(dir, {
      'replay.json': experiment({ name: 'other', workload: { poisson: { perSecond: 1 } } }),
      'arrivals.csv': 'timestamp\n1\n',
    });
    rmSync(join(dir, 'models'), { recursive: true });
    rmSync(files['arrivals.csv']);
    const { data, stopped } = await runUnitsOnThreads(
      prepared,
      { file: files['replay.json'], models: [join(dir, 'models')], inputs },
      units,
      { threads: 2 },
    );
    expect(stopped).toBe(false);
    expect(units.map((u) => JSON.stringify(replicationToJSON(data.get(u.id)!)))).toEqual(expected);
  });
});
