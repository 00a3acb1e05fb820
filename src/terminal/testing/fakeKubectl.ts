/** A kubectl runner for tests: scripted outputs, runs that wait until cancelled, recorded calls. */
import type { Completion } from '../completion';
import type { KubectlOutput, KubectlRunner } from '../types';

export interface FakeRun {
  id: number;
  line: string;
  files: Record<string, string>;
  emit(text: string, stream?: KubectlOutput['stream']): void;
  exit(code: number): void;
  cancelled: boolean;
}

export class FakeKubectl implements KubectlRunner {
  runs: FakeRun[] = [];
  completions = new Map<string, Completion>();
  completeCalls: { line: string; cursor: number }[] = [];
  /** Lines that answer at once: line → [output, exit code]. */
  scripted = new Map<string, [string, number]>();
  unavailable = false;
  /** Hold start()'s answer until releaseStarts(), as a slow worker would. */
  deferStart = false;
  /** A command that ignores Ctrl+C. */
  ignoreCancel = false;
  private held: (() => void)[] = [];
  private nextId = 1;

  releaseStarts(): void {
    for (const r of this.held.splice(0)) r();
  }

  async start(line: string, files: Record<string, string>, onOutput: (c: KubectlOutput) => void, onExit: (code: number) => void): Promise<number> {
    if (this.unavailable) throw new Error('kubectlStart is not a function');
    let exited = false;
    const run: FakeRun = {
      id: this.nextId++,
      line,
      files,
      cancelled: false,
      emit: (text, stream = 'stdout') => onOutput({ stream, text }),
      exit: (code) => {
        if (exited) return;
        exited = true;
        onExit(code);
      },
    };
    this.runs.push(run);
    const s = this.scripted.get(line);
    if (s) {
      queueMicrotask(() => {
        run.emit(s[0]);
        run.exit(s[1]);
      });
    }
    if (this.deferStart) await new Promise<void>((resolve) => this.held.push(resolve));
    return run.id;
  }

  async cancel(id: number): Promise<void> {
    const run = this.runs.find((r) => r.id === id);
    if (!run) return;
    run.cancelled = true;
    if (!this.ignoreCancel) run.exit(0);
  }

  async complete(line: string, cursor: number): Promise<Completion> {
    this.completeCalls.push({ line, cursor });
    return this.completions.get(line.slice(0, cursor)) ?? { from: cursor, candidates: [] };
  }
}

/** Lets queued promise callbacks run (no timers involved). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
