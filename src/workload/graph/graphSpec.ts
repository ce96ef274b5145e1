import { didYouMean } from '../../spec/didYouMean.ts';
import {
  array,
  boolean,
  enumOf,
  type Infer,
  integer,
  object,
  oneKey,
  oneOfType,
  optional,
  probability,
  record,
  refine,
  string,
  transform,
  withDefault,
} from '../../spec/schema.ts';
import { SpecError } from '../../spec/specError.ts';
import type { Graph, GraphStep } from './graph.ts';

/** "all", or how many answers to wait for (fan-in of the first k). */
const waitFor = oneOfType({
  string: enumOf(['all'] as const),
  number: integer({ min: 0 }),
}).describe('How many answers to wait for: "all", or a number k (the first k answers)');

const callTarget = string({ minLength: 1 });

/**
 * Calls one step sends at most, as the widest fan-out shape allows: each is an object
 * in memory while in flight, and every call of a step is sent in one event.
 */
export const MAX_STEP_CALLS = 100_000;
/** The deepest limit a step may set, as chains and recursion allow: the estimate counts every depth. */
export const MAX_DEPTH = 10_000;

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
  }),
  (s) => {
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

/**
 * The invocation graph in an experiment file. Shapes by name for the common
 * cases (their functions are named as listed), or `custom` for any graph.
 */
const tag =
  <K extends string>(kind: K) =>
  <T extends object>(v: T) => ({ kind, ...v });

export const graphSchema = oneKey({
  chain: transform(
    object({
      depth: integer({ min: 1, max: MAX_DEPTH }).describe(
        'Functions in the chain: f1 calls f2 ... calls fN.',
      ),
      async: withDefault(boolean(), false),
    }),
    tag('chain'),
  ).describe('f1 -> f2 -> ... -> fN, each waiting for the next unless async.'),
  fanOut: transform(
    object({
      width: integer({ min: 1, max: MAX_STEP_CALLS }),
      waitFor: withDefault(waitFor, 'all'),
    }),
    tag('fanOut'),
  ).describe('"root" calls "leaf" `width` times in parallel and waits for all or the first k.'),
  recursion: transform(
    object({
      probability: probability().describe('Chance that a call calls itself again.'),
      maxDepth: integer({ min: 1, max: MAX_DEPTH }).describe('Hard limit on the depth.'),
    }),
    tag('recursion'),
  ).describe('"fn" calls itself with a probability, up to a hard depth limit.'),
  mapReduce: transform(
    object({
      width: integer({ min: 1, max: MAX_STEP_CALLS }),
    }),
    tag('mapReduce'),
  ).describe('"root" fans out to `width` "map" calls, waits for all, then calls "reduce".'),
  restApi: transform(
    object({
      items: integer({ min: 0, max: MAX_STEP_CALLS }),
    }),
    tag('restApi'),
  ).describe('"api" calls "list", then fetches every item from "item" in parallel.'),
  custom: transform(
    object({
      entry: string({ minLength: 1 }),
      functions: record(functionGraph, { minEntries: 1 }),
    }),
    tag('custom'),
  ).describe('Any graph: each function lists its steps.'),
});

export type GraphSpec = Infer<typeof graphSchema>;

const step = (calls: GraphStep['calls'], waitForCount: number, extra: Partial<GraphStep> = {}) => ({
  calls,
  waitFor: waitForCount,
  probability: 1,
  maxDepth: Infinity,
  ...extra,
});

/** Builds the graph and checks what a schema cannot: targets exist, fan-ins fit, recursion ends. */
export function toGraph(spec: GraphSpec, path: string): Graph {
  if (spec.kind === 'chain') {
    const { depth, async } = spec;
    const steps: Graph['steps'] = {};
    for (let i = 1; i <= depth; i++) {
      steps[`f${i}`] =
        i < depth ? [step([{ target: `f${i + 1}`, count: 1, async }], async ? 0 : 1)] : [];
    }
    return { entry: 'f1', steps };
  }
  if (spec.kind === 'fanOut') {
    const { width, waitFor: w } = spec;
    const k = w === 'all' ? width : w;
    if (k > width) {
      throw new SpecError(
        `${path}.fanOut.waitFor`,
        `cannot wait for ${k} answers of ${width} calls`,
      );
    }
    return {
      entry: 'root',
      steps: { root: [step([{ target: 'leaf', count: width, async: false }], k)], leaf: [] },
    };
  }
  if (spec.kind === 'recursion') {
    const { probability: p, maxDepth } = spec;
    // A step's maxDepth counts hops below the root, where the root is 0: calls at depths
    // 0 .. maxDepth - 2 recurse, so the deepest is at maxDepth - 1 and a root makes maxDepth calls.
    return {
      entry: 'fn',
      steps: {
        fn: [
          step([{ target: 'fn', count: 1, async: false }], 1, {
            probability: p,
            maxDepth: maxDepth - 1,
          }),
        ],
      },
    };
  }
  if (spec.kind === 'mapReduce') {
    const { width } = spec;
    return {
      entry: 'root',
      steps: {
        root: [
          step([{ target: 'map', count: width, async: false }], width),
          step([{ target: 'reduce', count: 1, async: false }], 1),
        ],
        map: [],
        reduce: [],
      },
    };
  }
  if (spec.kind === 'restApi') {
    const { items } = spec;
    const steps: GraphStep[] = [step([{ target: 'list', count: 1, async: false }], 1)];
    if (items > 0) steps.push(step([{ target: 'item', count: items, async: false }], items));
    return { entry: 'api', steps: { api: steps, list: [], item: [] } };
  }
  return customGraph(spec, `${path}.custom`);
}

function customGraph(spec: Extract<GraphSpec, { kind: 'custom' }>, path: string): Graph {
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
      const calls =
        s.call !== undefined
          ? [{ target: s.call, count: s.count ?? 1, async: s.async }]
          : s.parallel!.map((c) => ({ target: c.call, count: c.count, async: s.async }));
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

/**
 * Refuses a graph whose calls could go round a cycle forever: every cycle
 * must pass through a step with a maxDepth, which bounds how deep calls go.
 * (A probability alone ends a recursion only almost surely, and a sweep may
 * set it to 1.)
 */
function checkTerminates(steps: Graph['steps'], path: string): void {
  const edges = new Map<string, string[]>();
  for (const [name, list] of Object.entries(steps)) {
    edges.set(
      name,
      list.filter((s) => s.maxDepth === Infinity).flatMap((s) => s.calls.map((c) => c.target)),
    );
  }
  // Depth-first with an explicit stack (a graph may have tens of thousands of functions in a
  // line, deeper than the call stack): the path from the start, and each one's next edge.
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const nextEdge: number[] = [];
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    state.set(start, 1);
    stack.push(start);
    nextEdge.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const n = stack[top];
      const out = edges.get(n) ?? [];
      if (nextEdge[top] === out.length) {
        state.set(n, 2);
        stack.pop();
        nextEdge.pop();
        continue;
      }
      const m = out[nextEdge[top]++];
      if (state.get(m) === 1) {
        const cycle = [...stack.slice(stack.indexOf(m)), m].join(' -> ');
        throw new SpecError(
          `${path}.functions.${n}`,
          `the calls ${cycle} form a cycle with no limit; give one of its steps a "maxDepth"`,
        );
      }
      if (!state.has(m)) {
        state.set(m, 1);
        stack.push(m);
        nextEdge.push(0);
      }
    }
  }
}

/** The function names a graph uses, entry first. */
export function graphFunctions(graph: Graph): string[] {
  return [graph.entry, ...Object.keys(graph.steps).filter((n) => n !== graph.entry)];
}
