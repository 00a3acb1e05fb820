/**
 * What a submitted line asks for: a shell builtin this terminal has, kubectl
 * (run in the worker), or something a real shell would not find either.
 */
export type ParsedLine =
  | { kind: 'empty' }
  | { kind: 'builtin'; name: Builtin; args: string[] }
  | { kind: 'kubectl'; line: string }
  | { kind: 'unsupported'; message: string }
  | { kind: 'notFound'; name: string; message: string };

export const BUILTINS = ['clear', 'help', 'history'] as const;
export type Builtin = (typeof BUILTINS)[number];

/** Names the first word may complete to. */
export const COMMAND_NAMES = ['clear', 'help', 'history', 'kubectl'] as const;

/** Whitespace-separated words, honouring simple quotes (enough to find the command and -f values). */
export function roughWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === ' ' || c === '\t') {
      if (has || cur) words.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (has || cur) words.push(cur);
  return words;
}

/** Shell operators outside quotes: this terminal runs one command at a time. */
function hasShellOperator(line: string): string | null {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '|' || c === ';' || c === '>' || c === '<' || c === '`') return c;
    else if (c === '&' && line[i + 1] === '&') return '&&';
    else if (c === '$' && line[i + 1] === '(') return '$(';
  }
  return null;
}

export function parseLine(line: string): ParsedLine {
  const words = roughWords(line);
  if (!words.length) return { kind: 'empty' };
  const name = words[0];
  if (name === 'kubectl') {
    const op = hasShellOperator(line);
    if (op) return { kind: 'unsupported', message: `kube-playground: '${op}' is not supported here: this terminal runs one kubectl command at a time (try -o jsonpath=… or -l to filter)\n` };
    return { kind: 'kubectl', line: line.trim() };
  }
  if ((BUILTINS as readonly string[]).includes(name)) return { kind: 'builtin', name: name as Builtin, args: words.slice(1) };
  // What bash prints for a command it cannot find (exit status 127).
  return { kind: 'notFound', name, message: `bash: ${name}: command not found\n` };
}
