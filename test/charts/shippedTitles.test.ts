/**
 * Every chart of every shipped experiment is titled by what it shows, not by
 * the experiment's question (the report prints the question above it). The
 * experiments run cut down (one replication, the two ends of each sweep
 * axis, a short window), which changes numbers but not titles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartsFor } from '../../src/charts/chartsFor.ts';
import { prepareExperiment } from '../../src/experiments/prepare.ts';
import { runExperiment } from '../../src/experiments/runExperiment.ts';
import { presetRegistry } from '../../src/models/registry.ts';
import { parseDuration } from '../../src/spec/duration.ts';

const DIR = join(import.meta.dirname, '../../experiments');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

type Raw = Record<string, unknown> & {
  title: string;
  duration: string | number;
  warmup: string | number;
  sweep?: Record<string, unknown[]>;
};

function shortened(raw: Raw): Raw {
  const q = structuredClone(raw);
  q.replications = 1;
  for (const [path, values] of Object.entries(q.sweep ?? {}))
    if (values.length > 2)
      (q.sweep as Record<string, unknown[]>)[path] = [values[0], values.at(-1)];
  const warmup = parseDuration(q.warmup);
  // Enough time for a few calls even at one call every eight minutes.
  q.duration = Math.min(parseDuration(q.duration), warmup + 3_600_000);
  return q;
}

describe('charts of the shipped experiments', () => {
  it.each(files)(
    '%s: every chart is titled by what it shows',
    (file) => {
      const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Raw;
      const prepared = prepareExperiment(shortened(raw), {
        models: presetRegistry(),
        file,
        readText: (f) => readFileSync(join(DIR, f), 'utf8'),
      });
      const { results } = runExperiment(prepared);
      const charts = chartsFor(results, { charts: results.experiment.charts });
      expect(charts.length).toBeGreaterThan(0);
      const question = raw.title.toLowerCase();
      for (const c of charts) {
        const title = (c.spec as { title?: { text?: string | string[] } }).title;
        const text = [title?.text ?? ''].flat().join(' ').trim();
        expect(text.length, c.name).toBeGreaterThan(10);
        expect(text.toLowerCase(), c.name).not.toBe(question);
        expect(question, c.name).not.toContain(text.toLowerCase());
        expect(text, c.name).not.toMatch(/\?$/);
      }
    },
    120_000,
  );
});
