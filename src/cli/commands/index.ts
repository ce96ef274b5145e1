/**
 * The commands, in the order --help lists them. Each file holds a command's words and
 * options as data and loads its work only when it runs (see ../command.ts), so importing
 * this registry stays cheap: keep command files free of static imports of the simulator,
 * the charts or the schema library. A new command is one file and one line here.
 */
import type { CommandEntry } from '../command.ts';
import { chartCommand } from './chart.ts';
import { explainCommand } from './explain.ts';
import { mergeCommand } from './merge.ts';
import { modelsCommand } from './models.ts';
import { playCommand } from './play.ts';
import { runCommand } from './run.ts';
import { startCommand } from './start.ts';
import { validateCommand } from './validate.ts';
import { verifyCommand } from './verify.ts';

export const commands: CommandEntry[] = [
  runCommand,
  validateCommand,
  explainCommand,
  modelsCommand,
  mergeCommand,
  chartCommand,
  startCommand,
  verifyCommand,
  playCommand,
] as CommandEntry[];
