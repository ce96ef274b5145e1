/**
 * The report tells one story, in the founding article's order: each section
 * asks a question, answers it with one experiment's chart and numbers, and
 * says what to try next. This table maps the shipped experiments to their
 * places; an experiment not in it gets a section after the story.
 */
import type { ExperimentResults } from '../../experiments/results.ts';
import { articleText } from './article.ts';
import { chainColdText } from './chainCold.ts';
import { hedgedFanOutText, hedgingText, retryStormText } from './client.ts';
import type { PlaygroundScenario, TryNext } from './playground.ts';
import {
  cloudRunConcurrencyText,
  keepAlivePoliciesText,
  knativeBurstText,
  snapStartText,
} from './policies.ts';
import { keepAliveRegionText } from './region.ts';
import { burstText, fanOutText, keepAliveText, warmersText } from './sweeps.ts';
import type { StoryText } from './text.ts';
import {
  budgetsText,
  chainText,
  geographyText,
  meansText,
  pathText,
  warmColdText,
} from './topics.ts';

export interface StoryEntry {
  /** The experiment whose results the section reads. */
  experiment: string;
  /** The section's heading: the topic in the article's words. */
  heading: string;
  /**
   * The section's question, where the experiment's own (its title) asks
   * another: one experiment may answer two sections' questions.
   */
  question?: string;
  /** The chart that answers the question (by name, or a name's prefix: "burstTimeline"). */
  chart: string;
  /** Sentences and takeaway from the results. */
  text: (results: ExperimentResults) => StoryText;
  /**
   * The section's scenario in the playground (a tour step, settings over it)
   * that its "try next" links start from; null where the playground has none.
   */
  playground: PlaygroundScenario | null;
  tryNext: readonly TryNext[];
}

const next = (
  experiment: string,
  words: string,
  settings: Record<string, string | number | boolean>,
): TryNext => ({ experiment, words, settings });

export const STORY: readonly StoryEntry[] = [
  {
    experiment: 'warm-vs-cold',
    heading: 'Percentiles, not means',
    question: 'When warm and cold calls are mixed, does the mean say how long a call takes?',
    chart: 'latencyCdf',
    text: meansText,
    playground: { tour: 1 },
    tryNext: [
      next('warm-vs-cold', 'a function called once a minute', {
        'workload.poisson.perSecond': 0.0167,
        duration: '24h',
      }),
    ],
  },
  {
    experiment: 'invocation-path',
    heading: 'The invocation path: where the time goes',
    chart: 'stageBreakdown',
    text: pathText,
    playground: { tour: 2 },
    tryNext: [
      next('invocation-path', 'a typical user in Europe', { client: 'intercontinental' }),
      next('invocation-path', 'a user on a 4G phone', { client: 'mobile-4g' }),
    ],
  },
  {
    experiment: 'geography',
    heading: "Geography and the client's network",
    chart: 'stageBreakdown',
    text: geographyText,
    playground: { tour: 3 },
    tryNext: [
      next('geography', 'the same users on Cloudflare Workers', { platform: 'cloudflare-workers' }),
    ],
  },
  {
    experiment: 'warm-vs-cold',
    heading: 'Warm and cold',
    chart: 'tailPlot',
    text: warmColdText,
    playground: { tour: 4 },
    tryNext: [
      next('warm-vs-cold', 'a keep-alive of 30 minutes', {
        'platformOverrides.keepAlive': '30min',
      }),
    ],
  },
  {
    experiment: 'keep-alive',
    heading: 'How long an idle instance is kept',
    chart: 'keepAliveCost',
    text: keepAliveText,
    playground: { tour: 4, settings: { 'platformOverrides.keepAlive': '10min' } },
    tryNext: [
      next('keep-alive', 'a function called once a minute', {
        'workload.poisson.perSecond': 0.0167,
      }),
    ],
  },
  {
    experiment: 'burst-scaling',
    heading: 'Scaling from 0 to 1, and from n to n + m',
    chart: 'burstTimeline',
    text: burstText,
    playground: { tour: 5 },
    tryNext: [
      next('burst-scaling', 'a burst of 1,000 calls per second', { 'workload.burst.peak': 1000 }),
    ],
  },
  {
    experiment: 'warmers',
    heading: 'Warmers and what they cost',
    chart: 'keepAliveCost',
    text: warmersText,
    playground: { tour: 6 },
    tryNext: [next('warmers', 'two instances kept warm', { 'warmers.instances': 2 })],
  },
  {
    experiment: 'use-case-budgets',
    heading: 'Latency budgets by use case',
    chart: 'useCaseBudgets',
    text: budgetsText,
    playground: { tour: 7 },
    tryNext: [next('use-case-budgets', 'a user on a 4G phone', { client: 'mobile-4g' })],
  },
  {
    experiment: 'chain-depth',
    heading: 'Chains: the overhead of every link',
    chart: 'percentileCurves',
    text: chainText,
    playground: { tour: 8 },
    tryNext: [
      next('chain-depth', 'a rarely called chain', {
        'workload.poisson.perSecond': 0.002,
        duration: '48h',
      }),
    ],
  },
  {
    experiment: 'chain-cold',
    heading: 'Chains: cold starts compound',
    chart: 'percentileCurves',
    text: chainColdText,
    playground: {
      tour: 8,
      settings: {
        'workload.poisson.perSecond': 0.005,
        duration: '48h',
        'platformOverrides.keepAlive': '10min',
      },
    },
    tryNext: [
      next('chain-cold', 'a keep-alive of 30 minutes', { 'platformOverrides.keepAlive': '30min' }),
    ],
  },
  {
    experiment: 'fan-out',
    heading: 'Fan-out: the tail at scale',
    chart: 'fanOutSlowShare',
    text: fanOutText,
    playground: { tour: 9 },
    tryNext: [next('fan-out', 'a fan-out of 200 calls', { 'graph.fanOut.width': 200 })],
  },
  {
    experiment: 'hedging',
    heading: "The client's side of the tail: hedged requests",
    chart: 'clientTrade',
    text: hedgingText,
    // The playground has no caller's policy yet: the suggestions are named in words.
    playground: null,
    tryNext: [next('hedging', 'cancelling the copy that lost', { 'caller.hedge.cancel': true })],
  },
  {
    experiment: 'hedged-fan-out',
    heading: 'The tail at scale, hedged: a copy of each call in a fan-out',
    chart: 'percentileCurves',
    text: hedgedFanOutText,
    playground: null,
    tryNext: [
      next('hedged-fan-out', 'cancelling the copies that lost', {
        'graph.fanOut.caller.hedge.cancel': true,
      }),
    ],
  },
  {
    experiment: 'retry-storm',
    heading: "The client's side of the tail: retries on a throttled burst",
    chart: 'clientTrade',
    text: retryStormText,
    playground: null,
    tryNext: [next('retry-storm', 'a base backoff of 1 s', { 'caller.retry.backoff.base': '1s' })],
  },
  {
    experiment: 'article-2019',
    heading: 'What a latency-optimised platform changes',
    chart: 'useCaseBudgets',
    text: articleText,
    playground: { tour: 10 },
    tryNext: [next('article-2019', 'a user on a 4G phone', { client: 'mobile-4g' })],
  },
  // Today's platforms (issue 20), after the article's story.
  {
    experiment: 'keep-alive-policies',
    heading: 'Today: an adaptive keep-alive',
    chart: 'keepAlivePareto',
    text: keepAlivePoliciesText,
    playground: null,
    tryNext: [
      next('keep-alive-policies', 'a timer every hour', {
        'workload.constant.perSecond': 0.000277778,
      }),
    ],
  },
  {
    experiment: 'keep-alive-region-small',
    heading: 'Today: a published result, keep-alive across a whole region',
    question:
      'Across a region of applications, does the hybrid keep-alive of Serverless in the Wild avoid more cold starts than fixed windows for the memory it keeps idle?',
    chart: 'keepAlivePareto',
    text: keepAliveRegionText,
    playground: null,
    tryNext: [
      next(
        'keep-alive-region-small',
        '1,000 applications over 14 hours, as experiments/region/keep-alive-region.json runs',
        {
          'workload.population.functions': 1000,
          'workload.population.maxPerSecond': 0.2,
          duration: '14h',
        },
      ),
      next('keep-alive-region-small', 'another region drawn alike', { seed: 2021 }),
    ],
  },
  {
    experiment: 'snapstart-chain',
    heading: 'Today: snapshot restore on a Java chain',
    chart: 'percentileCurves',
    text: snapStartText,
    playground: null,
    tryNext: [
      next('snapstart-chain', 'a chain called once a minute', {
        'workload.poisson.perSecond': 0.0167,
      }),
    ],
  },
  {
    experiment: 'cloud-run-concurrency',
    heading: 'Today: many calls per instance on Cloud Run',
    chart: 'percentileCurves',
    text: cloudRunConcurrencyText,
    playground: null,
    tryNext: [
      next('cloud-run-concurrency', 'a call that mostly waits on I/O (a tenth computing)', {
        'platformOverrides.processorSharing.cpuBoundShare': 0.1,
      }),
      next('cloud-run-concurrency', 'two vCPUs per instance', {
        'platformOverrides.processorSharing.cores': 2,
      }),
    ],
  },
  {
    experiment: 'knative-burst',
    heading: 'Today: a burst on Lambda, Knative, Cloud Run and Azure Flex',
    chart: 'burstTimeline',
    text: knativeBurstText,
    playground: null,
    tryNext: [
      next('knative-burst', 'a burst twice as high', { 'workload.burst.peak': 4000 }),
      next('knative-burst', 'calls that compute half their time', {
        'platformOverrides.processorSharing.cpuBoundShare': 0.5,
      }),
    ],
  },
];
