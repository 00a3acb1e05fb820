/**
 * The files `kubectl apply -f` can name in the browser: the YAML editor's
 * buffer as `editor.yaml`, and the example gallery as `examples/<file>`.
 * Only what a command line names is read and handed to the worker.
 */
import { roughWords } from './commandLine';

export const EDITOR_FILE = 'editor.yaml';
export const EXAMPLES_DIR = 'examples/';

/** Paths given to -f / --filename, in order (repeated flags and comma lists, as kubectl's StringSlice). */
export function referencedFiles(line: string): string[] {
  const words = roughWords(line);
  const out: string[] = [];
  const add = (v: string) => {
    for (const p of v.split(',')) if (p && p !== '-' && !out.includes(p)) out.push(p);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') break;
    if (w === '-f' || w === '--filename') {
      if (i + 1 < words.length) add(words[++i]);
    } else if (w.startsWith('--filename=')) add(w.slice('--filename='.length));
    else if (w.startsWith('-f=')) add(w.slice(3));
    else if (w.startsWith('-f') && w.length > 2 && !w.startsWith('--')) add(w.slice(2));
  }
  return out;
}

export interface FileSource {
  /** Names the terminal can offer (completion, help). */
  list(): Promise<string[]>;
  /** A file's text, or undefined when there is no such file. */
  read(path: string): Promise<string | undefined>;
}

/** The files a command line names that exist, by path (missing ones are left for kubectl to report). */
export async function gatherFiles(line: string, source: FileSource): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of referencedFiles(line)) {
    const text = await source.read(normalizePath(path));
    if (text !== undefined) {
      files[path] = text;
      files[normalizePath(path)] = text;
    }
  }
  return files;
}

/** `./editor.yaml` and `editor.yaml` name the same file. */
export function normalizePath(path: string): string {
  let p = path;
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/** Is the word before the cursor the value of -f / --filename? Returns where that value starts. */
export function fileArgumentAt(text: string, cursor: number): { from: number; typed: string } | null {
  const before = text.slice(0, cursor);
  const m = /(?:^|\s)(?:--filename=|-f=|(?:-f|--filename)\s+)([^\s]*)$/.exec(before);
  return m ? { from: cursor - m[1].length, typed: m[1] } : null;
}
