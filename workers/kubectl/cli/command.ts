/** One kubectl command: its flags, subcommands and what it does. */
import type { KubectlClient, KubectlIO } from '../client';
import type { Discovery } from '../discovery/resources';
import type { FlagSpec, Flags } from './flags';

export interface Ctx {
  client: KubectlClient;
  io: KubectlIO;
  flags: Flags;
  /** `get`, `create deployment`: the command path after `kubectl`, for messages. */
  path: string;
  /** -n, or `default`. */
  namespace: string;
  /** -n was given. */
  explicitNamespace: boolean;
  /** Discovery, fetched once per command. */
  discovery(): Promise<Discovery>;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  aliases?: string[];
  /** One line for the `kubectl` usage listing. */
  short: string;
  flags?: FlagSpec[];
  subcommands?: Command[];
  /** Hidden from help and completion (kept for compatibility). */
  hidden?: boolean;
  /** Returns the exit code (0 when it returns nothing). Throws KubectlError/ApiError for failures. */
  run?(ctx: Ctx): Promise<number | void>;
  /** What completes the n-th positional argument: resource types, then names of that type. */
  completeArgs?: 'type-then-names' | 'type-or-type-slash-name' | 'pods' | 'nodes' | 'deployments' | 'resources' | 'none';
}
