/**
 * JSON → YAML exactly as `kubectl get -o yaml` prints it, as lines of
 * classified tokens so the viewer can colour them without a highlighter.
 * kubectl marshals through sigs.k8s.io/yaml, i.e. go-yaml v2 over a generic
 * map: keys sorted (keyOrder.ts), sequences not indented under their key,
 * strings quoted only when needed (scalarStyle.ts), long lines folded at
 * column 80. Mirrors gopkg.in/yaml.v2 emitterc.go (write_plain_scalar,
 * write_single_quoted_scalar, write_double_quoted_scalar,
 * write_literal_scalar, write_block_scalar_hints).
 */
import { compareKeys } from './keyOrder';
import { isPrintable, scalarStyle } from './scalarStyle';

export type YamlTokenKind = 'key' | 'string' | 'number' | 'bool' | 'null' | 'punct' | 'space';

export interface YamlToken {
  text: string;
  kind: YamlTokenKind;
}

export type YamlLine = YamlToken[];

const BEST_WIDTH = 80;
const INDENT = 2;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class LineWriter {
  readonly lines: YamlLine[] = [[]];
  column = 0;

  get line(): YamlLine {
    return this.lines[this.lines.length - 1];
  }

  put(text: string, kind: YamlTokenKind): void {
    if (text === '') return;
    const last = this.line[this.line.length - 1];
    if (last && last.kind === kind) last.text += text;
    else this.line.push({ text, kind });
    this.column += [...text].length;
  }

  newline(indent: number): void {
    this.lines.push([]);
    this.column = 0;
    this.put(' '.repeat(indent), 'space');
  }

  /** Starts a fresh line unless the current one is still empty (the very first line). */
  startLine(indent: number): void {
    if (this.lines.length === 1 && this.line.length === 0) this.put(' '.repeat(indent), 'space');
    else this.newline(indent);
  }
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64), which go-yaml uses for floats. */
export function formatGoFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 21 || (!Number.isInteger(n) && exp >= 6)) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r',
  0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escapeChar(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const needs = !isPrintable(cp) || cp === 0xfeff || c === '\n' || c === '\r' || cp === 0x85 || cp === 0x2028 || cp === 0x2029 || c === '"' || c === '\\';
  if (!needs) return c;
  const short = ESCAPES[cp];
  if (short) return `\\${short}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function writeString(w: LineWriter, value: string, indent: number, kind: YamlTokenKind, isKey: boolean): void {
  const style = scalarStyle(value, isKey);
  const allowBreaks = !isKey;
  const chars = [...value];
  switch (style) {
    case 'plain': {
      let spaces = false;
      chars.forEach((c, i) => {
        if (c === ' ') {
          if (allowBreaks && !spaces && w.column > BEST_WIDTH && chars[i + 1] !== ' ') w.newline(indent);
          else w.put(c, kind);
          spaces = true;
        } else {
          w.put(c, kind);
          spaces = false;
        }
      });
      return;
    }
    case 'single': {
      w.put("'", kind);
      let spaces = false;
      chars.forEach((c, i) => {
        if (c === ' ') {
          if (allowBreaks && !spaces && w.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') w.newline(indent);
          else w.put(c, kind);
          spaces = true;
        } else {
          w.put(c === "'" ? "''" : c, kind);
          spaces = false;
        }
      });
      w.put("'", kind);
      return;
    }
    case 'double': {
      w.put('"', kind);
      let spaces = false;
      chars.forEach((c, i) => {
        if (c === ' ') {
          if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
            w.newline(indent);
            if (chars[i + 1] === ' ') w.put('\\', kind);
          } else {
            w.put(c, kind);
          }
          spaces = true;
        } else {
          w.put(escapeChar(c), kind);
          spaces = false;
        }
      });
      w.put('"', kind);
      return;
    }
    case 'literal': {
      w.put('|', 'punct');
      w.put(blockScalarHints(value), 'punct');
      const lines = value.split('\n');
      if (value.endsWith('\n')) lines.pop();
      for (const l of lines) {
        w.lines.push([]);
        w.column = 0;
        if (l !== '') {
          w.put(' '.repeat(indent), 'space');
          w.put(l, kind);
        }
      }
      // A kept trailing blank line ("x\n\n") is the empty entry split left before the final break.
      return;
    }
  }
}

function blockScalarHints(value: string): string {
  let hints = '';
  if (value.startsWith(' ') || value.startsWith('\n')) hints += String(INDENT);
  if (!value.endsWith('\n')) hints += '-';
  else if (value.length === 1 || value[value.length - 2] === '\n') hints += '+';
  return hints;
}

function isEmptyCollection(v: Json): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0;
}

function writeScalar(w: LineWriter, v: Json, indent: number): void {
  if (v === null) w.put('null', 'null');
  else if (typeof v === 'boolean') w.put(String(v), 'bool');
  else if (typeof v === 'number') w.put(formatGoFloat(v), 'number');
  else if (typeof v === 'string') writeString(w, v, indent, 'string', false);
  else if (Array.isArray(v)) w.put('[]', 'punct');
  else w.put('{}', 'punct');
}

function isCollection(v: Json): v is Json[] | { [k: string]: Json } {
  return v !== null && typeof v === 'object' && !isEmptyCollection(v);
}

/** `inline`: the first entry continues the current line (after `- `). */
function writeMapping(w: LineWriter, obj: { [k: string]: Json }, indent: number, inline: boolean): void {
  const keys = Object.keys(obj).sort(compareKeys);
  keys.forEach((key, i) => {
    if (!(inline && i === 0)) w.startLine(indent);
    writeString(w, key, indent, 'key', true);
    w.put(':', 'punct');
    const v = obj[key];
    if (Array.isArray(v) && v.length > 0) {
      writeSequence(w, v, indent, false);
    } else if (isCollection(v)) {
      writeMapping(w, v as { [k: string]: Json }, indent + INDENT, false);
    } else {
      w.put(' ', 'space');
      writeScalar(w, v, indent + INDENT);
    }
  });
}

function writeSequence(w: LineWriter, items: Json[], indent: number, inline: boolean): void {
  items.forEach((item, i) => {
    if (!(inline && i === 0)) w.startLine(indent);
    w.put('-', 'punct');
    w.put(' ', 'space');
    if (Array.isArray(item) && item.length > 0) writeSequence(w, item, indent + INDENT, true);
    else if (isCollection(item)) writeMapping(w, item as { [k: string]: Json }, indent + INDENT, true);
    else writeScalar(w, item, indent + INDENT);
  });
}

/** JSON-like value (no undefined, functions or cycles) → YAML lines. */
export function toYamlLines(value: unknown): YamlLine[] {
  const v = JSON.parse(JSON.stringify(value ?? null)) as Json;
  const w = new LineWriter();
  if (Array.isArray(v) && v.length > 0) writeSequence(w, v, 0, false);
  else if (isCollection(v)) writeMapping(w, v as { [k: string]: Json }, 0, false);
  else writeScalar(w, v, 0);
  return w.lines;
}

/** The YAML text kubectl would print (with its final newline). */
export function toYaml(value: unknown): string {
  return `${toYamlLines(value)
    .map((l) => l.map((t) => t.text).join(''))
    .join('\n')}\n`;
}
