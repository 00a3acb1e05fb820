/**
 * A shell session on a terminal surface: the prompt and line editing,
 * history, Tab completion, builtins, and kubectl runs in the worker with
 * their output streamed as it comes. Keys typed while a command runs wait
 * (type-ahead) and are replayed at the next prompt, so a pasted block of
 * lines runs one line after another; Ctrl+C stops the command and drops them.
 */
import { applyCompletion, formatCandidates, type Completion } from './completion';
import { COMMAND_NAMES, parseLine } from './commandLine';
import { fileArgumentAt, gatherFiles, type FileSource } from './files';
import { helpText } from './helpText';
import type { CommandHistory } from './history';
import { decodeInput, type TerminalKey } from './keys';
import { editLine, EMPTY_LINE, insertText, lineOf, type LineState } from './lineEditor';
import type { KubectlRunner, TerminalSurface } from './types';

export const PROMPT = '\x1b[1;32m$\x1b[0m ';
const PROMPT_WIDTH = 2;

interface Run {
  id: number | null;
  interrupted: boolean;
  done: boolean;
}

export interface SessionOptions {
  /** Printed once before the first prompt. */
  banner?: string;
}

export class TerminalSession {
  private line: LineState = EMPTY_LINE;
  /** Row of the cursor below the prompt's first row (long lines wrap). */
  private cursorRow = 0;
  private busy = false;
  private queue: TerminalKey[] = [];
  private run: Run | null = null;
  private completing: { cancelled: boolean } | null = null;
  /** A Tab that changed nothing arms the next one to list the candidates. */
  private tabArmed = false;
  private atLineStart = true;
  /** Exit status of the last command ($?). */
  lastExitCode = 0;

  constructor(
    private readonly term: TerminalSurface,
    private readonly kubectl: KubectlRunner,
    private readonly history: CommandHistory,
    private readonly files: FileSource,
    private readonly options: SessionOptions = {},
  ) {}

  start(): void {
    if (this.options.banner) this.out(this.options.banner);
    this.prompt();
  }

  /** Is a command (or a completion) running? */
  get running(): boolean {
    return this.busy;
  }

  /** The line being edited, for tests and the accessible description. */
  get current(): LineState {
    return this.line;
  }

  /** Data from the terminal (keys, escape sequences, pasted text). */
  input(data: string): void {
    for (const key of decodeInput(data)) this.key(key);
  }

  /** Runs a command line as if typed and submitted (the devtools handle and tests use this). */
  submit(text: string): void {
    this.input(`${text.replace(/\r?\n/g, ' ')}\r`);
  }

  private key(k: TerminalKey): void {
    if (this.busy) {
      if (k.kind === 'interrupt') this.interrupt();
      else this.queue.push(k);
      return;
    }
    if (k.kind !== 'tab') this.tabArmed = false;
    switch (k.kind) {
      case 'text':
        this.setLine(insertText(this.line, k.text));
        return;
      case 'edit':
        this.setLine(editLine(this.line, k.command));
        return;
      case 'enter':
        this.enter();
        return;
      case 'tab':
        this.complete();
        return;
      case 'historyPrev': {
        const v = this.history.prev(this.line.text);
        if (v === undefined) this.term.bell();
        else this.setLine(lineOf(v));
        return;
      }
      case 'historyNext': {
        const v = this.history.next();
        if (v === undefined) this.term.bell();
        else this.setLine(lineOf(v));
        return;
      }
      case 'interrupt':
        this.endLine('^C');
        this.line = EMPTY_LINE;
        this.history.reset();
        this.lastExitCode = 130;
        this.prompt();
        return;
      case 'clearScreen':
        this.term.write('\x1b[H\x1b[2J');
        this.cursorRow = 0;
        this.redraw();
        return;
      case 'eof':
        if (this.line.text === '') this.term.bell();
        else this.setLine(editLine(this.line, 'delete'));
        return;
    }
  }

  // ---- drawing ----

  private out(text: string): void {
    if (!text) return;
    this.term.write(text);
    this.atLineStart = text.endsWith('\n');
  }

  private prompt(): void {
    if (!this.atLineStart) this.term.write('\n');
    this.cursorRow = 0;
    this.atLineStart = false;
    this.redraw();
  }

  private setLine(next: LineState): void {
    if (next === this.line) return;
    this.line = next;
    this.redraw();
  }

  /** Rewrites the prompt and line in place and puts the cursor where it belongs, wrapped lines included. */
  private redraw(): void {
    const cols = Math.max(1, this.term.cols());
    let s = '';
    if (this.cursorRow > 0) s += `\x1b[${this.cursorRow}A`;
    s += `\r\x1b[J${PROMPT}${this.line.text}`;
    const total = PROMPT_WIDTH + this.line.text.length;
    // At the right margin the cursor waits to wrap; a space and CR make it wrap now so the arithmetic holds.
    if (total % cols === 0) s += ' \r';
    const endRow = Math.floor(total / cols);
    const target = PROMPT_WIDTH + this.line.cursor;
    const row = Math.floor(target / cols);
    const col = target % cols;
    if (endRow > row) s += `\x1b[${endRow - row}A`;
    s += '\r';
    if (col > 0) s += `\x1b[${col}C`;
    this.cursorRow = row;
    this.term.write(s);
  }

  /** Leaves the edited line (cursor after its end, plus `suffix`), ready for output below it. */
  private endLine(suffix = ''): void {
    const cols = Math.max(1, this.term.cols());
    const total = PROMPT_WIDTH + this.line.text.length;
    const endRow = Math.floor(total / cols);
    let s = '';
    if (endRow > this.cursorRow) s += `\x1b[${endRow - this.cursorRow}B`;
    s += `\r${total % cols ? `\x1b[${total % cols}C` : ''}${suffix}\n`;
    this.term.write(s);
    this.cursorRow = 0;
    this.atLineStart = true;
  }

  // ---- commands ----

  private enter(): void {
    const text = this.line.text;
    this.endLine();
    this.history.add(text);
    this.line = EMPTY_LINE;
    this.dispatch(text);
  }

  private dispatch(text: string): void {
    const parsed = parseLine(text);
    switch (parsed.kind) {
      case 'empty':
        break;
      case 'notFound':
        this.out(parsed.message);
        this.lastExitCode = 127;
        break;
      case 'unsupported':
        this.out(parsed.message);
        this.lastExitCode = 2;
        break;
      case 'builtin':
        if (this.builtin(parsed.name) === 'async') return;
        break;
      case 'kubectl':
        void this.runKubectl(parsed.line);
        return;
    }
    this.prompt();
  }

  /** Runs a builtin; 'async' when it prompts by itself later. */
  private builtin(name: 'clear' | 'help' | 'history'): 'done' | 'async' {
    this.lastExitCode = 0;
    if (name === 'clear') {
      this.term.clear();
      this.atLineStart = true;
    } else if (name === 'history') {
      const list = this.history.list();
      const width = String(list.length).length;
      this.out(list.map((l, i) => `${String(i + 1).padStart(Math.max(5, width + 2))}  ${l}\n`).join(''));
    } else {
      this.helpLater();
      return 'async';
    }
    return 'done';
  }

  /** The help lists the examples, which may take a fetch: the prompt waits for it. */
  private helpLater(): void {
    this.busy = true;
    void this.files.list().then(
      (files) => this.afterAsync(() => this.out(helpText(files, this.term.cols()))),
      () => this.afterAsync(() => this.out(helpText([]))),
    );
  }

  /** Ends an asynchronous builtin: output, prompt, then the keys that waited. */
  private afterAsync(fn: () => void): void {
    fn();
    this.busy = false;
    this.prompt();
    this.drain();
  }

  private async runKubectl(line: string): Promise<void> {
    const run: Run = { id: null, interrupted: false, done: false };
    this.run = run;
    this.busy = true;
    let files: Record<string, string> = {};
    try {
      files = await gatherFiles(line, this.files);
    } catch {
      // Unreadable files are kubectl's to report as missing.
    }
    if (run.interrupted) {
      this.finish(run, 130);
      return;
    }
    try {
      const id = await this.kubectl.start(
        line,
        files,
        (chunk) => {
          if (this.run === run && !run.done) this.out(chunk.text);
        },
        (code) => this.finish(run, code),
      );
      run.id = id;
      if (run.interrupted && !run.done) void this.kubectl.cancel(id).catch(() => {});
    } catch (err) {
      if (this.run !== run) return;
      this.out(`kube-playground: kubectl is not available in this build (${err instanceof Error ? err.message : String(err)})\n`);
      this.finish(run, 1);
    }
  }

  private finish(run: Run, code: number): void {
    if (run.done) return;
    run.done = true;
    if (this.run !== run) return;
    this.run = null;
    this.busy = false;
    this.lastExitCode = run.interrupted ? 130 : code;
    this.prompt();
    this.drain();
  }

  private interrupt(): void {
    // SIGINT flushes the type-ahead.
    this.queue = [];
    if (this.completing) {
      this.completing.cancelled = true;
      this.completing = null;
      this.busy = false;
      this.endLine('^C');
      this.line = EMPTY_LINE;
      this.prompt();
      return;
    }
    const run = this.run;
    if (!run) return;
    if (run.interrupted) {
      // A second Ctrl+C gives up waiting for the command to stop.
      this.out('^C\n');
      this.finish(run, 130);
      return;
    }
    run.interrupted = true;
    this.out('^C\n');
    if (run.id !== null) void this.kubectl.cancel(run.id).catch(() => {});
  }

  private drain(): void {
    while (this.queue.length && !this.busy) this.key(this.queue.shift()!);
  }

  // ---- completion ----

  private complete(): void {
    const snapshot = this.line;
    const armed = this.tabArmed;
    const token = { cancelled: false };
    this.completing = token;
    this.busy = true;
    void this.completionsFor(snapshot).then(
      (c) => {
        if (token.cancelled) return;
        this.completing = null;
        this.busy = false;
        this.showCompletion(snapshot, c, armed);
        this.drain();
      },
      () => {
        if (token.cancelled) return;
        this.completing = null;
        this.busy = false;
        this.term.bell();
        this.drain();
      },
    );
  }

  private showCompletion(snapshot: LineState, c: Completion, armed: boolean): void {
    const r = applyCompletion(snapshot, c);
    if (r.kind === 'none') {
      this.term.bell();
      return;
    }
    if (r.kind === 'complete') {
      this.setLine(r.line);
      return;
    }
    if (r.extended) {
      this.setLine(r.line);
      this.tabArmed = true;
      return;
    }
    if (!armed) {
      this.term.bell();
      this.tabArmed = true;
      return;
    }
    // Second Tab: the list below the line, then the prompt and the line again.
    this.endLine();
    this.out(formatCandidates(r.candidates, this.term.cols()));
    this.prompt();
    this.tabArmed = true;
  }

  private async completionsFor(s: LineState): Promise<Completion> {
    const before = s.text.slice(0, s.cursor);
    const firstWord = /^\s*(\S*)$/.exec(before);
    if (firstWord) return { from: s.cursor - firstWord[1].length, candidates: COMMAND_NAMES.filter((n) => n.startsWith(firstWord[1])) };
    const file = fileArgumentAt(s.text, s.cursor);
    if (file) {
      const names = await this.files.list();
      const typed = file.typed;
      // Offer the examples folder as one entry until the user goes into it.
      const offered = new Set<string>();
      for (const n of names) {
        if (!n.startsWith(typed)) continue;
        const slash = n.indexOf('/', typed.length);
        offered.add(slash >= 0 ? n.slice(0, slash + 1) : n);
      }
      return { from: file.from, candidates: [...offered] };
    }
    if (!/^\s*kubectl\s/.test(before)) return { from: s.cursor, candidates: [] };
    return this.kubectl.complete(s.text, s.cursor);
  }
}
