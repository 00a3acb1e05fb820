/** Test helpers: run kubectl against a cluster and capture what it prints. */
import type { Cluster } from '../../cluster';
import type { KubectlClient } from '../client';
import { clusterKubectlClient } from '../clusterClient';
import { runKubectl } from '../index';
import { splitCommandLine } from '../cli/split';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(client: KubectlClient, args: string[] | string, opts: { files?: Record<string, string>; stdin?: string; signal?: AbortSignal } = {}): Promise<Captured> {
  let argv: string[];
  if (typeof args === 'string') {
    const s = splitCommandLine(args);
    if (!Array.isArray(s)) throw new Error(s.error);
    argv = s;
  } else argv = args;
  let stdout = '';
  let stderr = '';
  const code = await runKubectl(argv, client, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    signal: opts.signal ?? new AbortController().signal,
    readFile: (p) => opts.files?.[p],
    stdin: opts.stdin,
  });
  return { code, stdout, stderr };
}

export function clientFor(cluster: Cluster): KubectlClient {
  return clusterKubectlClient(cluster);
}
