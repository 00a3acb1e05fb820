/** How an image of the catalogue is described: its config, its files and the programs it ships. */
import type { Program, ShellFlavour, Toolset } from '../process/program';

export type OsFamily = 'debian' | 'ubuntu' | 'alpine' | 'busybox' | 'distroless' | 'scratch';

export interface ImageSpec {
  /** Normalised repositories this image is published under (the first is canonical). */
  repositories: string[];
  /** tag → version it points at (`latest` → `1.27.3`). */
  tags: Record<string, string>;
  /** Compressed size in bytes of a version (what `crictl images` and Node.status.images report). */
  sizeBytes(version: string): number;
  entrypoint(version: string): string[];
  cmd(version: string): string[];
  env(version: string): Record<string, string>;
  workingDir?: string;
  user?: number;
  exposedPorts: number[];
  os: OsFamily | ((version: string) => OsFamily);
  /** The standard utilities it ships and its /bin/sh; `none` and no shell for distroless images. */
  toolset: Toolset | ((version: string) => Toolset);
  shell?: ShellFlavour | ((version: string) => ShellFlavour | undefined);
  /** bash installed besides /bin/sh. */
  bash?: boolean;
  /** Utilities present beyond the toolset (curl in the nginx image). */
  extraTools?: string[];
  /** Image files beyond the OS base (paths ending in `/` are directories). */
  files?(version: string): Record<string, string>;
  /** Programs by executable path; also found by basename on PATH. */
  programs(version: string): Record<string, Program>;
  /** Idle usage of the main process: resident memory (MiB) and CPU (millicores). */
  usage: { memoryMi: number; cpuMilli: number };
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const MB = 1_000_000;

/** `{ '1.27': '1.27.3', ... }` for each full version's minor, plus extra aliases. */
export function tagsFor(versions: string[], aliases: Record<string, string> = {}, suffixes: string[] = []): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const v of versions) {
    tags[v] = v;
    const minor = v.split('.').slice(0, 2).join('.');
    tags[minor] ??= v;
  }
  // Later versions win the short aliases ("1" → newest 1.x).
  for (const v of versions) {
    const major = v.split('.')[0];
    tags[major] = v;
  }
  Object.assign(tags, aliases);
  for (const sfx of suffixes) for (const [t, v] of Object.entries({ ...tags })) if (!t.includes('-')) tags[`${t}-${sfx}`] = `${v}-${sfx}`;
  return tags;
}
