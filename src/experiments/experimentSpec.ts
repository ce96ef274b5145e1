import { clientModelSchema } from '../models/clientModel.ts';
import { durationOrForever, latencySchema, NAME } from '../models/common.ts';
import { cpuSchema } from '../models/memory.ts';
import { platformModelSchema } from '../models/platformModel.ts';
import { duration } from '../spec/duration.ts';
import {
  array,
  type Infer,
  integer,
  jsonValue,
  object,
  oneOfType,
  optional,
  probability,
  record,
  refine,
  string,
  withDefault,
} from '../spec/schema.ts';
import { callerSchema } from '../workload/client/callerSpec.ts';
import { graphSchema } from '../workload/graph/graphSpec.ts';
import { warmersSchema, workloadSchema } from '../workload/workloadSpec.ts';
import { chartsSchema } from './chartsSpec.ts';

/**
 * A name of a sweep value: not empty, and not a whole number such as "10", which JavaScript
 * (and so JSON.parse) orders before every other name whatever the file's order.
 */
const SWEEP_NAME = /^(?!(?:0|[1-9][0-9]*)$)[\s\S]+$/;

const platformRef = oneOfType({
  string: string({ minLength: 1 }).describe(
    'The name of a preset or of a model file given to coldtail',
  ),
  object: platformModelSchema,
}).describe('A platform: a model name, or a whole model inline');

const CRASH_PROBABILITY = probability().describe(
  'Probability that a call crashes its instance while it runs: the calls on that instance fail (Outcome "crashed") and the next call there is cold (default 0)',
);

const functionSettings = object({
  platform: optional(platformRef),
  execution: optional(latencySchema).describe("The function's own run time"),
  memoryMB: optional(integer({ min: 64, max: 32_768 })),
  timeout: optional(durationOrForever('timeout')),
  cpu: optional(cpuSchema),
  crashProbability: optional(CRASH_PROBABILITY),
});

/**
 * An experiment file (`experiments/*.json`). Plain data: the models, the
 * workload, the graph, what to sweep, how many replications, the seed.
 */
export const experimentSchema = object({
  $schema: optional(string()),
  name: NAME.describe('Names the output folder: output/<name>/'),
  title: optional(string({ minLength: 1 })).describe(
    'The question the experiment answers, for charts',
  ),
  description: string({ minLength: 1 }),
  seed: withDefault(
    oneOfType({
      // Above 2^53 - 1 a number has lost digits already, when the JSON was read: two
      // different seeds written there would silently be one.
      number: refine(
        integer({ min: 0 }),
        (n) => Number.isSafeInteger(n),
        `must be at most ${Number.MAX_SAFE_INTEGER} (write a larger seed as a string)`,
      ),
      string: string({ minLength: 1 }),
    }),
    1,
  ),
  replications: withDefault(integer({ min: 1, max: 10_000 }), 5).describe(
    'Independent runs per sweep point, each on its own seed, for 95% intervals',
  ),
  duration: duration({ allowZero: false }).describe(
    'Simulated time per replication, warm-up included',
  ),
  warmup: withDefault(duration(), 0).describe('Time at the start whose calls are not recorded'),
  client: withDefault(
    oneOfType({ string: string({ minLength: 1 }), object: clientModelSchema }),
    'us-typical',
  ).describe('Where root calls come from: a client profile name, or a profile inline'),
  platform: withDefault(platformRef, 'aws-lambda-2019').describe(
    'The platform of every function, unless a function says otherwise',
  ),
  platformOverrides: optional(record(jsonValue())).describe(
    'Fields of the platform model to change, e.g. {"keepAlive": "30min"}; handy to sweep',
  ),
  function: withDefault(
    object({
      execution: withDefault(latencySchema, {
        kind: 'lognormalQuantiles',
        p1: 0.5,
        x1: 5,
        p2: 0.99,
        x2: 20,
      }),
      memoryMB: withDefault(integer({ min: 64, max: 32_768 }), 128).describe(
        'Memory size; on a platform with a `memory` model, one it offers',
      ),
      timeout: withDefault(durationOrForever('timeout'), Infinity),
      cpu: optional(cpuSchema),
      crashProbability: optional(CRASH_PROBABILITY),
    }),
    {
      execution: { kind: 'lognormalQuantiles', p1: 0.5, x1: 5, p2: 0.99, x2: 20 },
      memoryMB: 128,
      timeout: Infinity,
    },
  ).describe('Settings of every function (default: a responsive function, median 5 ms, p99 20 ms)'),
  functions: optional(record(functionSettings)).describe(
    "Settings of single functions by name (the graph's function names), over `function`",
  ),
  graph: withDefault(graphSchema, { kind: 'chain', depth: 1, async: false }),
  workload: workloadSchema,
  caller: optional(callerSchema),
  warmers: optional(warmersSchema).describe('Periodic pings to keep instances warm'),
  sweep: optional(
    record(
      oneOfType({
        array: array(jsonValue(), { minItems: 1, maxItems: 10_000 }).describe('The values'),
        object: record(jsonValue(), {
          minEntries: 1,
          maxEntries: 10_000,
          keyPattern: SWEEP_NAME,
          keyHint:
            'a name that is not a whole number: JSON puts such names first, out of the order written',
        }).describe(
          'Named values, e.g. {"10 min": {...}, "hybrid": {...}}: tables, charts and results show the names',
        ),
      }),
      { minEntries: 1 },
    ),
  ).describe(
    'Axes to vary: a path into this file (e.g. "graph.chain.depth") and its values, a list or named values; all combinations run',
  ),
  timeline: optional(object({ window: duration({ allowZero: false }) })).describe(
    'Record instances, throttles and p99 per time window',
  ),
  charts: optional(chartsSchema).describe(
    'Which charts to draw, in order (default: chosen from the sweep): names, or {"name", "options"}',
  ),
  limits: optional(
    object({
      maxEvents: optional(integer({ min: 1 })),
      maxInFlight: optional(integer({ min: 1 })),
      maxCallsInFlight: optional(integer({ min: 1 })).describe(
        'Calls in flight at once, calls between functions included (about 550 bytes each); default 2e6',
      ),
      drain: optional(duration()).describe(
        'After the arrivals stop at `duration`, how long calls still running may take to finish (default 1h); those cut off are reported',
      ),
    }),
  ),
});

export type ExperimentSpec = Infer<typeof experimentSchema>;
