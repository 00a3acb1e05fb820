/**
 * YAML text of a JSON value as go-yaml v3 `yaml.Marshal(node)` writes it for a node parsed from
 * JSON with its styles cleared — what gnostic stores in `Any.yaml` (compiler.Marshal in
 * gnostic-models compiler/helpers.go). Block style, indent 4, a mapping inside a sequence item
 * starts after "- ", no line folding; empty collections are `[]`/`{}`. Mirrors go-yaml v3
 * encode.go (node) and emitterc.go (analyze_scalar, select_scalar_style, increase_indent).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const BEST_INDENT = 4;

/** Scalars YAML would read as something other than a string (go-yaml v3 resolve.go). */
function resolvesToNonString(s: string): boolean {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return true;
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(s)) return true;
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s) || /^\.(?:nan|NaN|NAN)$/.test(s)) return true;
  if (s === '<<') return true;
  const c = s[0];
  if (!/[-+0-9.]/.test(c)) return false;
  // Integers (decimal, 0b, 0o, legacy octal, hex, with underscores) and floats, as resolve() accepts them.
  const plain = s.replace(/_/g, '');
  if (/^[-+]?(?:0b[01]+|0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+)$/.test(plain)) return true;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return true;
  // Timestamps resolve as !!timestamp (a date, optionally with a time).
  return /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/.test(s);
}

const isBreak = (ch: string): boolean => ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';

function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || cp >= 0x10000;
}

interface ScalarAnalysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  multiline: boolean;
}

/** go-yaml v3 yaml_emitter_analyze_scalar, block context only. */
function analyze(value: string): ScalarAnalysis {
  if (value === '') return { blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false, multiline: false };
  const chars = [...value];
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let tabs = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === ' ' || next === '\t' || isBreak(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (ch === '\t') tabs = true;
    else if (!isPrintable(ch.codePointAt(0) as number)) special = true;
    const last = i === chars.length - 1;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = ch === ' ' || ch === '\t' || isBreak(ch);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace || spaceBreak || tabs || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) blockAllowed = false;
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed, multiline: lineBreaks };
}

const ESCAPES: Record<string, string> = {
  '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\x0b': '\\v', '\f': '\\f', '\r': '\\r',
  '\x1b': '\\e', '"': '\\"', '\\': '\\\\', '\u0085': '\\N', '\u00a0': '\\_', '\u2028': '\\L', '\u2029': '\\P',
};

function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0) as number;
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (!isPrintable(cp) || cp === 0xfeff) {
      const hex = cp.toString(16).toUpperCase();
      out += cp <= 0xff ? `\\x${hex.padStart(2, '0')}` : cp <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\U${hex.padStart(8, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** A literal block scalar (`|-`, `|`, `|+`) whose lines sit at `indent`. */
function literal(value: string, indent: number): string {
  let head = '|';
  if (value[0] === ' ' || isBreak(value[0])) head += String(BEST_INDENT);
  const endsWithBreak = isBreak(value[value.length - 1]);
  if (!endsWithBreak) head += '-';
  else if (value.length === 1 || isBreak(value[value.length - 2])) head += '+';
  const pad = ' '.repeat(indent);
  const lines = value.split('\n');
  if (endsWithBreak) lines.pop();
  return `${head}\n${lines.map((l) => (l ? pad + l : '')).join('\n')}`;
}

/** A JSON string as go-yaml v3 writes it: the style node() picks, demoted as select_scalar_style does. */
function scalar(value: string, indent: number, simpleKey: boolean): string {
  const a = analyze(value);
  let style: 'plain' | 'single' | 'double' | 'literal' = value.includes('\n') ? 'literal' : resolvesToNonString(value) ? 'double' : 'plain';
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && !a.blockPlainAllowed) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  if (style === 'plain') return value;
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return style === 'literal' ? literal(value, indent) : doubleQuoted(value);
}

function scalarOf(v: null | boolean | number | string, indent: number, simpleKey = false): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return scalar(v, indent, simpleKey);
  return typeof v === 'number' ? JSON.stringify(v) : String(v);
}

const isCollection = (v: JsonValue): v is JsonValue[] | { [key: string]: JsonValue } => typeof v === 'object' && v !== null;
/** Entries JSON serialization keeps (a property holding `undefined` is dropped). */
const entriesOf = (v: { [key: string]: JsonValue }): [string, JsonValue][] => Object.entries(v).filter(([, x]) => x !== undefined);
const isEmpty = (v: JsonValue[] | { [key: string]: JsonValue }): boolean => (Array.isArray(v) ? v.length === 0 : entriesOf(v).length === 0);

/** Indent of a block collection or scalar nested in a mapping value (increase_indent "everything else"). */
const nestedIndent = (indent: number): number => BEST_INDENT * Math.floor((indent + BEST_INDENT) / BEST_INDENT);

/**
 * Lines of a block collection at `indent`. `inline` is true when the first line continues after a
 * "- " already written (a collection that is itself a sequence item).
 */
function block(v: JsonValue[] | { [key: string]: JsonValue }, indent: number, inline: boolean): string {
  const pad = ' '.repeat(indent);
  let out = '';
  let first = true;
  const lead = (): string => {
    const p = first && inline ? '' : pad;
    first = false;
    return p;
  };
  if (Array.isArray(v)) {
    for (const item of v) {
      out += `${lead()}-`;
      if (isCollection(item) && !isEmpty(item)) out += ` ${block(item, indent + 2, true)}`;
      else out += ` ${valueText(item, indent + 2)}\n`;
    }
    return out;
  }
  for (const [key, item] of entriesOf(v)) {
    out += `${lead()}${scalarOf(key, indent, true)}:`;
    if (isCollection(item) && !isEmpty(item)) out += `\n${block(item, nestedIndent(indent), false)}`;
    else out += ` ${valueText(item, nestedIndent(indent))}\n`;
  }
  return out;
}

/** A scalar or empty collection written on the current line. */
function valueText(v: JsonValue, scalarIndent: number): string {
  if (isCollection(v)) return Array.isArray(v) ? '[]' : '{}';
  return scalarOf(v, scalarIndent);
}

/** `yaml.Marshal` of the node gnostic parsed this JSON value into, styles cleared. */
export function marshalYamlV3(value: JsonValue): string {
  if (isCollection(value) && !isEmpty(value)) return block(value, 0, false);
  // A top-level scalar sits at the best indent (increase_indent from -1 with flow set).
  return `${valueText(value, BEST_INDENT)}\n`;
}
