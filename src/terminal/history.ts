/**
 * Command history as bash keeps it: Up and Down walk older and newer
 * entries (the line being typed is kept as a draft), consecutive duplicates
 * and blank lines are not recorded, and the list survives a reload
 * (localStorage, like ~/.bash_history).
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const HISTORY_KEY = 'kube-playground.terminal.history';
export const HISTORY_MAX = 500;

export class CommandHistory {
  private entries: string[];
  /** Index into entries while walking; entries.length means "the draft". */
  private pos: number;
  private draft = '';

  constructor(
    private readonly storage: StorageLike | null = null,
    private readonly max = HISTORY_MAX,
  ) {
    this.entries = load(storage).slice(-max);
    this.pos = this.entries.length;
  }

  list(): readonly string[] {
    return this.entries;
  }

  /** Records a submitted line and stops walking. */
  add(line: string): void {
    this.pos = this.entries.length;
    const trimmed = line.trim();
    if (!trimmed || line.startsWith(' ')) {
      // HISTCONTROL=ignorespace: a line starting with a space is not kept.
      this.reset();
      return;
    }
    if (this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
      if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
      save(this.storage, this.entries);
    }
    this.reset();
  }

  /** The older entry, or undefined at the oldest. `current` is the line on screen (kept as the draft when walking starts). */
  prev(current: string): string | undefined {
    if (this.pos === 0) return undefined;
    if (this.pos === this.entries.length) this.draft = current;
    this.pos--;
    return this.entries[this.pos];
  }

  /** The newer entry, the draft past the newest, or undefined when not walking. */
  next(): string | undefined {
    if (this.pos >= this.entries.length) return undefined;
    this.pos++;
    return this.pos === this.entries.length ? this.draft : this.entries[this.pos];
  }

  reset(): void {
    this.pos = this.entries.length;
    this.draft = '';
  }
}

function load(storage: StorageLike | null): string[] {
  if (!storage) return [];
  try {
    const raw = storage.getItem(HISTORY_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function save(storage: StorageLike | null, entries: string[]): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(entries));
  } catch {
    // A full or refused storage only costs the history its persistence.
  }
}
