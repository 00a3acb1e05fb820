/** Every command kubectl knows, in cobra's order; those without `run` are named but not available here. */
import type { Command } from './cli/command';
import { COMMAND_GROUPS } from './cli/rootHelp';
import { getCommand } from './cmd/get';
import { apiResourcesCommand, apiVersionsCommand } from './cmd/apiResources';
import { versionCommand } from './cmd/version';
import { describeCommand } from './cmd/describe';
import { scaleCommand } from './cmd/scale';
import { labelCommand, annotateCommand } from './cmd/label';
import { deleteCommand } from './cmd/delete';
import { logsCommand } from './cmd/logs';
import { explainCommand } from './cmd/explain';
import { rolloutCommand } from './cmd/rollout';
import { applyCommand } from './cmd/apply';
import { createCommand } from './cmd/create';
import { runCommand } from './cmd/run';
import { exposeCommand } from './cmd/expose';
import { setCommand } from './cmd/set';
import { execCommand } from './cmd/exec';
import { topCommand } from './cmd/top';
import { cordonCommand, uncordonCommand, drainCommand } from './cmd/node';
import { autoscaleCommand } from './cmd/autoscale';
import { patchCommand } from './cmd/patch';
import { replaceCommand } from './cmd/replace';
import { taintCommand } from './cmd/taint';
import { waitCommand } from './cmd/wait';
import { eventsCommand } from './cmd/events';
import { attachCommand } from './cmd/attach';

const implemented: Command[] = [
  getCommand, apiResourcesCommand, apiVersionsCommand, versionCommand, describeCommand, scaleCommand, labelCommand, annotateCommand, deleteCommand, logsCommand,
  explainCommand, rolloutCommand, applyCommand, createCommand, runCommand, exposeCommand, setCommand, execCommand, topCommand, cordonCommand, uncordonCommand, drainCommand,
  autoscaleCommand, patchCommand, replaceCommand, taintCommand, waitCommand, eventsCommand, attachCommand,
];

export const COMMANDS: Command[] = COMMAND_GROUPS.flatMap((g) => g.commands).map(([name, short]) => implemented.find((c) => c.name === name) ?? { name, short });
