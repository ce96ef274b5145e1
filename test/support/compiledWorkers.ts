/**
 * A setup file (vitest.config.ts): worker threads started by the code under test run the
 * compiled worker (dist/bin/workerMain.js, built from the same sources by globalSetup.ts
 * before any test) instead of the TypeScript bootstrap src/node/worker.js. That bootstrap
 * registers tsx and loads some hundred modules through it in every worker: about 1.2 s of
 * CPU a worker against 0.2 s, and an in-process `coldtail run` starts one per core. What the
 * workers run is the same code; test/node/threads.test.ts unmocks this and keeps the
 * sources' bootstrap under test, as `tsx` and `npm run bench` use it.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

vi.mock('node:worker_threads', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:worker_threads')>();
  const fromSources = pathToFileURL(resolve('src/node/worker.js')).href;
  const compiled = pathToFileURL(resolve('dist/bin/workerMain.js'));
  class Worker extends original.Worker {
    constructor(entry: string | URL, options?: import('node:worker_threads').WorkerOptions) {
      super(String(entry) === fromSources ? compiled : entry, options);
    }
  }
  return { ...original, default: { ...original, Worker }, Worker };
});
