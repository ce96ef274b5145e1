import { didYouMean } from '../../../spec/didYouMean.ts';
import type { Infer } from '../../../spec/schema.ts';
import {
  array,
  boolean,
  integer,
  object,
  optional,
  probability,
  record,
  refine,
  string,
  transform,
  withDefault,
} from '../../../spec/schema.ts';
import { SpecError } from '../../../spec/specError.ts';
import { edgeCallerSchema, toCallerPolicy } from '../../client/callerSpec.ts';
import { tag } from '../../kindTag.ts';
import { checkTerminates } from '../checkTerminates.ts';
import type { Graph } from '../graph.ts';
import { MAX_DEPTH, MAX_STEP_CALLS } from '../limits.ts';
import { step } from '../step.ts';
import { waitFor } from '../waitFor.ts';
import type { ShapeKind } from './shapeKind.ts';

const callTarget = string({ minLength: 1 });

const stepCount = integer({ min: 1, max: MAX_STEP_CALLS });

const stepSchema = refine(
  object({
    call: optional(callTarget).describe(
      'Calls one function (a chain link), or `count` copies in parallel.',
    ),
    count: optional(stepCount),
    parallel: optional(
      array(object({ call: callTarget, count: withDefault(stepCount, 1) }), {
        minItems: 1,
      }),
    ).describe('Calls several functions at once (a fan-out).'),
    async: withDefault(boolean(), false).describe('Fire and forget: do not wait for the answers.'),
    waitFor: optional(waitFor),
    probability: withDefault(probability(), 1).describe('Chance that this step runs at all.'),
    maxDepth: optional(integer({ min: 1, max: MAX_DEPTH })).describe(
      'The step runs only in calls fewer than this many hops below the root: the hard limit of a recursion.',
    ),
    caller: optional(edgeCallerSchema),
  }),
  (s) => {
    if (s.async && s.caller !== undefined) {
      return { path: 'caller', reason: 'needs answers to wait for: an async step has none' };
    }
    if ((s.call === undefined) === (s.parallel === undefined)) {
      return 'needs exactly one of "call" or "parallel"';
    }
    if (s.parallel !== undefined && s.count !== undefined) {
      return { path: 'count', reason: 'goes with "call"; give each parallel entry its own count' };
    }
    const total = s.parallel?.reduce((n, c) => n + c.count, 0) ?? 0;
    if (total > MAX_STEP_CALLS) {
      return {
        path: 'parallel',
        reason: `sends ${total} calls at once; a step sends at most ${MAX_STEP_CALLS.toLocaleString('en-US')}`,
      };
    }
    return undefined;
  },
);

const functionGraph = object({ steps: withDefault(array(stepSchema), []) });

const schema = transform(
  object({
    entry: string({ minLength: 1 }),
    functions: record(functionGraph, { minEntries: 1 }),
  }),
  tag('custom'),
).describe('Any graph: each function lists its steps.');

export type CustomShape = Infer<typeof schema>;

export const custom: ShapeKind<CustomShape> = { name: 'custom', schema, toGraph: customGraph };

function customGraph(spec: CustomShape, path: string): Graph {
  const names = Object.keys(spec.functions);
  const known = new Set(names);
  const hint = (name: string) => {
    const close = didYouMean(name, names);
    return close ? `; did you mean "${close}"?` : ` (functions: ${names.join(', ')})`;
  };
  if (!known.has(spec.entry)) {
    throw new SpecError(`${path}.entry`, `unknown function "${spec.entry}"${hint(spec.entry)}`);
  }
  // No prototype: a function named "__proto__" must be a key like any other, not lose its steps.
  const steps: Graph['steps'] = Object.create(null);
  for (const name of names) {
    steps[name] = spec.functions[name].steps.map((s, i) => {
      const at = `${path}.functions.${name}.steps[${i}]`;
      const policy = s.caller === undefined ? {} : { policy: toCallerPolicy(s.caller) };
      const calls =
        s.call !== undefined
          ? [{ target: s.call, count: s.count ?? 1, async: s.async, ...policy }]
          : s.parallel!.map((c) => ({
              target: c.call,
              count: c.count,
              async: s.async,
              ...policy,
            }));
      for (const c of calls) {
        if (!known.has(c.target)) {
          throw new SpecError(at, `calls unknown function "${c.target}"${hint(c.target)}`);
        }
      }
      const total = calls.reduce((n, c) => n + c.count, 0);
      const w = s.async ? 0 : s.waitFor === undefined || s.waitFor === 'all' ? total : s.waitFor;
      if (w > total) {
        throw new SpecError(`${at}.waitFor`, `cannot wait for ${w} answers of ${total} calls`);
      }
      return step(calls, w, { probability: s.probability, maxDepth: s.maxDepth ?? Infinity });
    });
  }
  checkTerminates(steps, path);
  return { entry: spec.entry, steps };
}
