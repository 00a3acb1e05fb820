/** Test helpers: a runtime on a bare clock, in-memory volumes, and a one-call container start. */
import { Clock } from '../../clock/clock';
import { Rng } from '../../clock/prng';
import { createRuntime } from './index';
import type { ContainerConfig, ContainerProcess, ContainerRuntime, Volume } from './types';

/** An in-memory volume: files by relative path (`a/b.txt`). */
export function memoryVolume(files: Record<string, string> = {}, opts: { readOnly?: boolean; atomic?: boolean } = {}): Volume & { files: Map<string, string> } {
  const map = new Map(Object.entries(files));
  return {
    files: map,
    readOnly: opts.readOnly ?? false,
    atomic: opts.atomic,
    list(dir: string): string[] {
      const prefix = dir ? `${dir.replace(/\/$/, '')}/` : '';
      const names = new Set<string>();
      for (const k of map.keys()) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]);
      return [...names].sort();
    },
    read: (path) => map.get(path),
    write(path, content) {
      if (opts.readOnly) return false;
      map.set(path, content);
      return true;
    },
    remove: (path) => map.delete(path),
  };
}

export interface Harness {
  clock: Clock;
  runtime: ContainerRuntime;
  /** Pull (waiting out the pull on the clock) and start. */
  run(image: string, config?: Partial<ContainerConfig>): ContainerProcess;
  /** Run the clock until the container exits or `ms` pass. */
  waitExit(p: ContainerProcess, ms?: number): void;
  stdout(p: ContainerProcess): string;
}

export function harness(seed = 1): Harness {
  const clock = new Clock(Date.UTC(2024, 7, 12, 10, 22, 43));
  const rng = new Rng(seed);
  const runtime = createRuntime(clock, rng, 'node-1');
  return {
    clock,
    runtime,
    run(image, config = {}) {
      const pulled = runtime.pull(image);
      if (!pulled.ok) throw new Error(pulled.message);
      clock.runFor(pulled.durationMs);
      return runtime.start({
        podUid: 'uid-1',
        podName: config.podName ?? 'pod',
        namespace: 'default',
        name: 'c',
        image: pulled.image,
        env: [],
        hostname: config.podName ?? 'pod',
        podIP: '10.244.1.5',
        mounts: [],
        terminationMessagePath: '/dev/termination-log',
        ...config,
      });
    },
    waitExit(p, ms = 60_000) {
      clock.runUntil({ until: () => p.exited() !== undefined, time: clock.now() + ms });
    },
    stdout(p) {
      return p.logs.filter((l) => l.stream === 'stdout').map((l) => `${l.text}\n`).join('');
    },
  };
}
