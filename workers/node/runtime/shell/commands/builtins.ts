/** Utilities every shell has built in, whatever the image ships. */
import type { Program } from '../../process/program';
import { echo, printf } from './echo';
import { testCommand } from './test';

export const BUILTIN_UTILITIES: Record<string, Program> = {
  echo: (ctx) => echo(ctx),
  printf,
  test: testCommand,
  '[': testCommand,
  '[[': testCommand,
};
