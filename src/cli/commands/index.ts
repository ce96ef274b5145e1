import type { CommandModule } from 'yargs';
import { chartCommand } from './chart.ts';
import { explainCommand } from './explain.ts';
import { mergeCommand } from './merge.ts';
import { modelsCommand } from './models.ts';
import { playCommand } from './play.ts';
import { runCommand } from './run.ts';
import { startCommand } from './start.ts';
import { validateCommand } from './validate.ts';
import { verifyCommand } from './verify.ts';

export const commands: CommandModule<object, never>[] = [
  runCommand,
  validateCommand,
  explainCommand,
  modelsCommand,
  mergeCommand,
  chartCommand,
  startCommand,
  verifyCommand,
  playCommand,
] as unknown as CommandModule<object, never>[];
