import { hedgedFanOut, hedgedFanOutPerEdge, retryStorm } from './clientCases.ts';
import { engineMmc } from './engineMmc.ts';
import { interruptStop } from './interrupt.ts';
import { chainCold, keepAliveScenario, pathWarm, poolSize } from './pathCases.ts';
import { playgroundSpeed } from './playgroundCases.ts';
import { idleInstances, regionDay } from './regionCases.ts';
import { sameInstant } from './sameInstant.ts';
import { memoryGrowth, threadSpeedup } from './scaleCases.ts';
import { startup } from './startup.ts';

export interface BenchResult {
  json: Record<string, unknown>;
  text: string;
}

export interface BenchCase {
  name: string;
  run(): BenchResult | Promise<BenchResult>;
}

export const cases: BenchCase[] = [
  startup,
  interruptStop,
  engineMmc,
  sameInstant,
  pathWarm,
  poolSize,
  chainCold,
  keepAliveScenario,
  hedgedFanOut,
  hedgedFanOutPerEdge,
  retryStorm,
  threadSpeedup,
  memoryGrowth,
  playgroundSpeed,
  regionDay,
  idleInstances,
];
