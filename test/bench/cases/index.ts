import { engineMmc } from './engineMmc.ts';
import { chainCold, keepAliveScenario, pathWarm, poolSize } from './pathCases.ts';
import { playgroundSpeed } from './playgroundCases.ts';
import { memoryGrowth, threadSpeedup } from './scaleCases.ts';

export interface BenchResult {
  json: Record<string, unknown>;
  text: string;
}

export interface BenchCase {
  name: string;
  run(): BenchResult | Promise<BenchResult>;
}

export const cases: BenchCase[] = [
  engineMmc,
  pathWarm,
  poolSize,
  chainCold,
  keepAliveScenario,
  threadSpeedup,
  memoryGrowth,
  playgroundSpeed,
];
