/**
 * kubectl runs for the worker: a command line starts a run with an id at
 * once, output streams through a callback, Ctrl+C cancels by id. What
 * cluster.worker.ts exposes as kubectlStart / kubectlCancel / kubectlComplete.
 */
import type { KubectlClient } from './client';
import { runKubectl } from './index';
import { splitCommandLine } from './cli/split';
import { completeKubectl } from './complete';

export interface KubectlOutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface KubectlSessions {
  start(line: string, files: Record<string, string>, onOutput: (chunk: KubectlOutputChunk) => void, onExit: (exitCode: number) => void): number;
  cancel(id: number): void;
  complete(line: string, cursor: number): Promise<{ from: number; candidates: string[] }>;
}

export function createKubectlSessions(client: () => KubectlClient): KubectlSessions {
  const running = new Map<number, AbortController>();
  let nextId = 1;
  return {
    start(line, files, onOutput, onExit) {
      const id = nextId++;
      const abort = new AbortController();
      running.set(id, abort);
      const out = (stream: 'stdout' | 'stderr') => (text: string) => {
        if (text === '') return;
        try {
          void Promise.resolve(onOutput({ stream, text })).catch(() => abort.abort());
        } catch {
          // The page went away: stop whatever the command waits for.
          abort.abort();
        }
      };
      const finish = (code: number) => {
        running.delete(id);
        try {
          void Promise.resolve(onExit(code)).catch(() => undefined);
        } catch {
          /* the page went away */
        }
      };
      const words = splitCommandLine(line);
      queueMicrotask(() => {
        if (!Array.isArray(words)) {
          out('stderr')(`bash: ${words.error}\n`);
          return finish(2);
        }
        if (words.length === 0) return finish(0);
        if (words[0] !== 'kubectl' && words[0] !== 'k') {
          out('stderr')(`bash: ${words[0]}: command not found\n`);
          return finish(127);
        }
        let c: KubectlClient;
        try {
          c = client();
        } catch (err) {
          out('stderr')(`error: ${err instanceof Error ? err.message : String(err)}\n`);
          return finish(1);
        }
        runKubectl(words.slice(1), c, {
          stdout: out('stdout'),
          stderr: out('stderr'),
          signal: abort.signal,
          readFile: (p) => files[p],
        }).then(finish, (err: unknown) => {
          out('stderr')(`error: ${err instanceof Error ? err.message : String(err)}\n`);
          finish(1);
        });
      });
      return id;
    },
    cancel(id) {
      running.get(id)?.abort();
    },
    complete(line, cursor) {
      return completeKubectl(line, cursor, client());
    },
  };
}
