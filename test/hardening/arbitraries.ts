/**
 * fast-check arbitraries for whole experiments written as users write them (plain JSON-like
 * objects with inline models), kept small: every run simulates a few seconds at modest rates
 * so that hundreds of scenarios run in seconds.
 */
import fc from 'fast-check';

export type Json = Record<string, unknown>;

/** A duration in ms, sometimes written with a unit. */
function durationArb(min: number, max: number): fc.Arbitrary<number | string> {
  return fc.integer({ min, max }).chain((v) => fc.constantFrom<number | string>(v, `${v}ms`));
}

/** A latency distribution of values up to about `maxMs`, in every form the files allow. */
export function distArb(maxMs: number): fc.Arbitrary<unknown> {
  const ms = fc.integer({ min: 0, max: maxMs });
  const positive = fc.integer({ min: 1, max: Math.max(1, maxMs) });
  return fc.oneof(
    ms,
    ms.map((v) => `${v}ms`),
    ms.map((v) => ({ constant: v })),
    fc.tuple(ms, ms).map(([a, b]) => ({ uniform: { min: Math.min(a, b), max: Math.max(a, b) } })),
    positive.map((mean) => ({ exponential: { mean } })),
    fc
      .tuple(positive, fc.integer({ min: 1, max: 5 }))
      .map(([p50, f]) => ({ lognormal: { p50: `${p50}ms`, p99: `${p50 * (1 + f)}ms` } })),
    fc
      .tuple(ms, positive)
      .map(([mean, sd]) => ({ normal: { mean, sd: Math.max(1, Math.round(sd / 3)) } })),
    fc
      .tuple(fc.integer({ min: 1, max: 8 }), positive)
      .map(([shape, mean]) => ({ gamma: { shape: shape / 2, mean } })),
    fc
      .tuple(fc.integer({ min: 5, max: 30 }), positive)
      .map(([shape, scale]) => ({ weibull: { shape: shape / 10, scale } })),
    fc.tuple(ms, positive).map(([by, mean]) => ({
      shifted: { by: Math.round(by / 2), dist: { exponential: { mean } } },
    })),
    fc.tuple(ms, ms, fc.integer({ min: 1, max: 9 })).map(([a, b, w]) => ({
      mixture: [
        { weight: w / 10, dist: a },
        { weight: 1 - w / 10, dist: { exponential: { mean: Math.max(1, b) } } },
      ],
    })),
    fc.tuple(ms, ms, ms).map(([a, b, c]) => {
      const [x, y, z] = [a, b, c].sort((u, v) => u - v);
      return { empirical: { p0: x, p50: `${y}ms`, p100: z } };
    }),
  );
}

/** An inline platform model with random settings of every field that shapes the pool. */
export function platformArb(name: string): fc.Arbitrary<Json> {
  return fc
    .record(
      {
        gateway: distArb(5),
        network: distArb(5),
        scheduler: distArb(3),
        routing: fc.constantFrom('mru', 'lru', 'random'),
        coldStart: fc.record(
          { placement: distArb(20), sandbox: distArb(300), runtimeInit: distArb(200) },
          { requiredKeys: [] },
        ),
        keepAlive: fc.oneof(fc.constant('forever'), distArb(2000)),
        concurrencyPerInstance: fc.integer({ min: 1, max: 4 }),
        maxConcurrency: fc.oneof(fc.constant('unlimited'), fc.integer({ min: 1, max: 12 })),
        onLimit: fc.constantFrom('throttle', 'queue'),
        maxQueueWait: fc.oneof(fc.constant('forever'), durationArb(0, 500)),
        burst: fc.record({
          initial: fc.integer({ min: 1, max: 5 }),
          perSecond: fc.integer({ min: 1, max: 100 }).map((v) => v / 2),
          whenEmpty: fc.constantFrom('wait', 'throttle'),
        }),
        provisioned: fc.integer({ min: 0, max: 3 }),
        cluster: fc.record(
          {
            hosts: fc.integer({ min: 1, max: 3 }),
            slotsPerHost: fc.integer({ min: 1, max: 4 }),
            evictIdle: fc.boolean(),
            // Short enough that a run of a second or two sees hosts fail.
            meanTimeBetweenFailures: durationArb(50, 3000),
          },
          { requiredKeys: ['hosts', 'slotsPerHost', 'evictIdle'] },
        ),
        price: fc.constant({ perMillionRequests: 0.2, perGBSecond: 0.0000166667 }),
      },
      { requiredKeys: ['routing'] },
    )
    .map((fields) => {
      // Provisioned instances count against maxConcurrency (more of them are refused).
      const max = fields.maxConcurrency;
      if (typeof max === 'number' && fields.provisioned !== undefined) {
        const limit = Math.ceil(max / Math.min(fields.concurrencyPerInstance ?? 1, max));
        fields.provisioned = Math.min(fields.provisioned, limit);
      }
      return fields;
    })
    .map((fields) => ({
      kind: 'platform',
      name,
      description: 'a random platform',
      source: ['fast-check'],
      ...fields,
    }));
}

export const clientArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('same-region', 'us-typical', 'mobile-4g'),
  fc
    .record(
      {
        internet: distArb(30),
        loss: fc.record({
          probability: fc.integer({ min: 0, max: 30 }).map((v) => v / 100),
          retransmitTimeout: durationArb(1, 200),
        }),
      },
      { requiredKeys: [] },
    )
    .map((fields) => ({
      kind: 'client',
      name: 'random-client',
      description: 'a random client',
      source: ['fast-check'],
      ...fields,
    })),
);

/** One source of root calls over a run of `duration` ms (rates kept modest). */
export function sourceArb(duration: number): fc.Arbitrary<Json> {
  return fc.oneof(
    fc.integer({ min: 0, max: 60 }).map((perSecond) => ({ poisson: { perSecond } })),
    fc.integer({ min: 1, max: 40 }).map((perSecond) => ({ constant: { perSecond } })),
    fc
      .record({
        base: fc.integer({ min: 0, max: 10 }),
        peak: fc.integer({ min: 0, max: 150 }),
        at: fc.integer({ min: 0, max: duration }),
        duration: fc.integer({ min: 1, max: 1000 }),
      })
      .map((burst) => ({ burst })),
    fc
      .record({
        on: fc.integer({ min: 0, max: 80 }),
        onDuration: durationArb(1, 500),
        offDuration: durationArb(1, 500),
        off: fc.integer({ min: 0, max: 5 }),
      })
      .map((onOff) => ({ onOff })),
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: duration }), fc.integer({ min: 0, max: 60 })), {
        minLength: 1,
        maxLength: 4,
      })
      .map((pts) => {
        const ats = [...new Set(pts.map(([at]) => at))].sort((a, b) => a - b);
        return {
          piecewise: { points: ats.map((at, i) => ({ at, perSecond: pts[i % pts.length][1] })) },
        };
      }),
  );
}

const NAMES = ['a', 'b', 'c'];

/** A caller's policy on a graph edge (timeout, retries, hedging), written as users write it. */
export const edgeCallerArb: fc.Arbitrary<Json> = fc
  .record(
    {
      timeout: fc.integer({ min: 1, max: 300 }),
      retry: fc.record({
        attempts: fc.integer({ min: 1, max: 4 }),
        on: fc.subarray(['error', 'throttled', 'timeout'], { minLength: 1 }),
        backoff: fc.record({
          base: fc.integer({ min: 0, max: 50 }),
          jitter: fc.constantFrom('full', 'equal', 'none'),
        }),
      }),
      hedge: fc.record({
        after: fc.oneof(
          fc.integer({ min: 0, max: 100 }),
          fc.record({ percentile: fc.integer({ min: 1, max: 99 }) }),
        ),
        cancel: fc.boolean(),
      }),
    },
    { requiredKeys: [] },
  )
  .map((r) => r as Json);

/**
 * A small custom graph over functions a, b (and c): calls, parallel fan-outs, fan-ins of the
 * first k, fire-and-forget steps, probabilities. A step that may call backwards (or itself) has
 * a maxDepth, so every graph is accepted; calls forward need none.
 */
const customArb: fc.Arbitrary<Json> = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.array(
      fc.array(
        fc.record({
          parallel: fc.boolean(),
          targets: fc.array(fc.nat(5), { minLength: 2, maxLength: 2 }),
          counts: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
          async: fc.boolean(),
          wait: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
          probability: fc.oneof(
            fc.constant(1),
            fc.integer({ min: 0, max: 100 }).map((v) => v / 100),
          ),
          maxDepth: fc.integer({ min: 1, max: 3 }),
          limitAnyway: fc.boolean(),
          caller: fc.option(edgeCallerArb, { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
      { minLength: 3, maxLength: 3 },
    ),
  )
  .map(([n, stepsPerFunction]) => {
    const functions: Json = {};
    for (let i = 0; i < n; i++) {
      const steps = stepsPerFunction[i].map((s) => {
        const used = s.parallel ? 2 : 1;
        const targets = s.targets.slice(0, used).map((t) => t % n);
        const total = s.counts.slice(0, used).reduce((x, y) => x + y, 0);
        const step: Json = s.parallel
          ? { parallel: targets.map((t, k) => ({ call: NAMES[t], count: s.counts[k] })) }
          : { call: NAMES[targets[0]], count: s.counts[0] };
        if (s.async) step.async = true;
        else if (s.wait !== undefined) step.waitFor = Math.round((s.wait / 100) * total);
        if (!s.async && s.caller !== undefined) step.caller = s.caller;
        if (s.probability !== 1) step.probability = s.probability;
        if (s.limitAnyway || targets.some((t) => t <= i)) step.maxDepth = s.maxDepth;
        return step;
      });
      functions[NAMES[i]] = { steps };
    }
    return { custom: { entry: 'a', functions } };
  });

export const graphArb: fc.Arbitrary<Json> = fc.oneof(
  fc
    .record({
      depth: fc.integer({ min: 1, max: 4 }),
      async: fc.boolean(),
      caller: fc.option(edgeCallerArb, { nil: undefined }),
    })
    .map(({ caller, ...chain }) => ({
      chain: caller === undefined || chain.async ? chain : { ...chain, caller },
    })),
  fc.integer({ min: 1, max: 6 }).chain((width) =>
    fc
      .tuple(
        fc.oneof(fc.constant<'all' | number>('all'), fc.integer({ min: 0, max: width })),
        fc.option(edgeCallerArb, { nil: undefined }),
      )
      .map(([waitFor, caller]) => ({
        fanOut: caller === undefined ? { width, waitFor } : { width, waitFor, caller },
      })),
  ),
  fc
    .record({
      probability: fc.integer({ min: 0, max: 100 }).map((v) => v / 100),
      maxDepth: fc.integer({ min: 1, max: 5 }),
    })
    .map((recursion) => ({ recursion })),
  fc.integer({ min: 1, max: 5 }).map((width) => ({ mapReduce: { width } })),
  fc.integer({ min: 0, max: 5 }).map((items) => ({ restApi: { items } })),
  customArb,
);

/** The function names of a graph written as above (for per-function settings). */
export function graphFunctionNames(graph: Json): string[] {
  const [kind, body] = Object.entries(graph)[0] as [string, Json];
  switch (kind) {
    case 'chain':
      return Array.from({ length: body.depth as number }, (_, i) => `f${i + 1}`);
    case 'fanOut':
      return ['root', 'leaf'];
    case 'recursion':
      return ['fn'];
    case 'mapReduce':
      return ['root', 'map', 'reduce'];
    case 'restApi':
      return ['api', 'list', 'item'];
    default:
      return Object.keys(body.functions as Json);
  }
}

/** Provisioned instances hold cluster slots: as many as fit the functions on the platform. */
function fitProvisioned(platform: Json, functions: number): Json {
  const cluster = platform.cluster as { hosts: number; slotsPerHost: number } | undefined;
  const provisioned = platform.provisioned as number | undefined;
  if (cluster === undefined || provisioned === undefined || functions === 0) return platform;
  const fit = Math.floor((cluster.hosts * cluster.slotsPerHost) / functions);
  return { ...platform, provisioned: Math.min(provisioned, fit) };
}

/** A whole experiment: models inline, a short run, everything else random. */
export const experimentArb: fc.Arbitrary<Json> = fc
  .record({
    duration: fc.integer({ min: 200, max: 2500 }),
    warmupShare: fc.integer({ min: 0, max: 50 }),
    seed: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('alpha', 'beta')),
    replications: fc.integer({ min: 1, max: 2 }),
    platform: platformArb('random-platform'),
    second: fc.option(platformArb('other-platform'), { nil: undefined }),
    client: clientArb,
    graph: graphArb,
    execution: distArb(40),
    timeout: fc.oneof(fc.constant('forever'), durationArb(5, 300)),
    memoryMB: fc.constantFrom(128, 256, 1024),
    crashProbability: fc.option(
      fc.integer({ min: 0, max: 40 }).map((v) => v / 100),
      { nil: undefined },
    ),
    warmers: fc.option(
      fc.record({
        period: fc.integer({ min: 50, max: 1000 }),
        instances: fc.integer({ min: 1, max: 3 }),
        jitter: fc.integer({ min: 0, max: 50 }),
        all: fc.boolean(),
      }),
      { nil: undefined },
    ),
    timeline: fc.boolean(),
    which: fc.nat(),
    sources: fc.integer({ min: 1, max: 2 }),
  })
  .chain((r) =>
    fc
      .array(sourceArb(r.duration), { minLength: r.sources, maxLength: r.sources })
      .map((sources) => {
        const experiment: Json = {
          name: 'hardening',
          description: 'a random scenario',
          seed: r.seed,
          replications: r.replications,
          duration: r.duration,
          warmup: Math.floor((r.duration * r.warmupShare) / 100),
          client: r.client,
          platform: r.platform,
          function: {
            execution: r.execution,
            timeout: r.timeout,
            memoryMB: r.memoryMB,
            ...(r.crashProbability === undefined ? {} : { crashProbability: r.crashProbability }),
          },
          graph: r.graph,
          workload: sources.length === 1 ? sources[0] : sources,
        };
        const names = graphFunctionNames(r.graph);
        if (r.second !== undefined) {
          // One function moves to another platform (its own pool, cluster and limits).
          experiment.functions = { [names[r.which % names.length]]: { platform: r.second } };
          experiment.platform = fitProvisioned(r.platform, names.length - 1);
          experiment.functions = {
            [names[r.which % names.length]]: { platform: fitProvisioned(r.second, 1) },
          };
        } else {
          experiment.platform = fitProvisioned(r.platform, names.length);
        }
        if (r.warmers !== undefined) {
          const { all, ...warmers } = r.warmers;
          experiment.warmers = {
            ...warmers,
            jitter: Math.min(warmers.jitter, warmers.period),
            ...(all ? { functions: 'all' } : {}),
          };
        }
        if (r.timeline) experiment.timeline = { window: Math.max(1, Math.floor(r.duration / 5)) };
        return experiment;
      }),
  );
