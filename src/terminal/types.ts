/** What the terminal session talks to: a screen, the worker's kubectl, files. Fakes in tests, xterm and comlink in the page. */
import type { Completion } from './completion';

export interface TerminalSurface {
  /** Raw output (xterm converts `\n` to CR LF). */
  write(data: string): void;
  /** Columns on screen now. */
  cols(): number;
  /** `clear`: empty the screen and the scrollback. */
  clear(): void;
  bell(): void;
}

export interface KubectlOutput {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The worker's kubectl as the page reaches it (the s10 kubectl contract: kubectlStart/kubectlCancel/kubectlComplete). */
export interface KubectlRunner {
  /** Starts a command line; resolves to its run id at once; `onExit` fires once with the exit code. */
  start(line: string, files: Record<string, string>, onOutput: (chunk: KubectlOutput) => void, onExit: (exitCode: number) => void): Promise<number>;
  /** Ctrl+C: a command that waits (-w, logs -f, rollout status) stops and exits. */
  cancel(id: number): Promise<void>;
  complete(line: string, cursor: number): Promise<Completion>;
}
