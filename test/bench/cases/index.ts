import { engineMmc } from './engineMmc.ts';

export interface BenchCase {
  name: string;
  run(): { json: Record<string, unknown>; text: string };
}

export const cases: BenchCase[] = [engineMmc];
