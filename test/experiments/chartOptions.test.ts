/**
 * Each chart's options, one file per chart (src/experiments/chartOptions/): every registered
 * chart's option schema is in the published JSON Schemas, and the experiment file refuses an
 * option the chart does not take, listing those it does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_NAMES, CHART_OPTIONS_KINDS } from '../../src/experiments/chartOptions/index.ts';
import { SpecError } from '../../src/spec/specError.ts';
import { prepare } from './experimentHelpers.ts';

type Json = Record<string, unknown>;

/** The {"name": chart, "options": {...}} cases of a published schema's `charts`, by name. */
function requestCases(charts: Json): Map<string, Json> {
  const items = charts.items as { oneOf: Json[] };
  const byObject = items.oneOf.find((o) => Array.isArray(o.oneOf)) as { oneOf: Json[] };
  return new Map(
    byObject.oneOf.map((c) => {
      const props = c.properties as { name: { const: string }; options: Json };
      return [props.name.const, props.options];
    }),
  );
}

function published(file: string): Json {
  return JSON.parse(readFileSync(`models/schema/${file}`, 'utf8')) as Json;
}

function refusal(charts: unknown): { path: string; reason: string } {
  try {
    prepare({ duration: '1min', workload: { poisson: { perSecond: 1 } }, charts });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return { path: (e as SpecError).path, reason: (e as SpecError).reason };
  }
  throw new Error('the charts were accepted');
}

describe('chart options, one file per chart', () => {
  it('registers each chart once, in the order CHART_NAMES lists them', () => {
    const names = CHART_OPTIONS_KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    expect(CHART_NAMES).toEqual(names);
  });

  // results.json and the shard files keep the experiment's list of charts with their options.
  const files = {
    'experiment.schema.json': (s: Json) => (s.properties as Json).charts as Json,
    'results.schema.json': (s: Json) =>
      (((s.properties as Json).experiment as Json).properties as Json).charts as Json,
    'shard.schema.json': (s: Json) =>
      (((s.properties as Json).header as Json).properties as Json).charts as Json,
  };
  for (const [file, chartsOf] of Object.entries(files)) {
    it(`emits each registered chart's option schema in ${file}`, () => {
      const cases = requestCases(chartsOf(published(file)));
      expect([...cases.keys()]).toEqual([...CHART_NAMES]);
      for (const kind of CHART_OPTIONS_KINDS) {
        expect(cases.get(kind.name), kind.name).toEqual({
          ...kind.options.jsonSchema(),
          description: `Options of ${kind.name}`,
        });
      }
    });
  }

  it('refuses an option a chart does not take, with the list of those it takes', () => {
    for (const kind of CHART_OPTIONS_KINDS) {
      const takes = Object.keys(kind.options.jsonSchema().properties as Json);
      expect(takes.length, kind.name).toBeGreaterThan(0);
      expect(refusal([{ name: kind.name, options: { zzz: 1 } }]), kind.name).toEqual({
        path: 'charts[0].options',
        reason: `unknown field "zzz" (allowed: ${takes.join(', ')})`,
      });
    }
  });
});
