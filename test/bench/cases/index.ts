import { engineMmc } from './engineMmc.ts';
import { chainCold, keepAliveScenario, pathWarm, poolSize } from './pathCases.ts';

export interface BenchCase {
  name: string;
  run(): { json: Record<string, unknown>; text: string };
}

export const cases: BenchCase[] = [engineMmc, pathWarm, poolSize, chainCold, keepAliveScenario];
