/**
 * How Go prints decoded JSON (`map[string]interface{}`, `[]interface{}`,
 * int64, float64, string, bool, nil): fmt's `%v` and `%#v`, encoding/json's
 * Marshal, strconv.Quote. kubectl's jsonpath and custom-columns printers show
 * values this way, so the in-browser kubectl must too.
 */

/** A byte of a string: client-go's jsonpath yields these when `*` or `..` walks into a string. */
export class GoByte {
  constructor(readonly value: number) {}
}

/** A float64 whose value happens to be integral (a `1.0` literal in a filter): JS numbers cannot tell. */
export class GoFloat {
  constructor(readonly value: number) {}
}

export type GoKind = 'nil' | 'string' | 'int' | 'float' | 'bool' | 'map' | 'slice' | 'uint8';

export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoByte) && !(v instanceof GoFloat);
}

/**
 * The Go kind a JSON value decodes to. Unstructured decoding keeps integers
 * as int64 and everything else numeric as float64.
 */
export function goKind(v: unknown): GoKind {
  if (v === null || v === undefined) return 'nil';
  if (v instanceof GoByte) return 'uint8';
  if (v instanceof GoFloat) return 'float';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    default:
      return 'map';
  }
}

/** reflect.Type.String() of the value. */
export function goTypeName(v: unknown): string {
  switch (goKind(v)) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'int':
      return 'int64';
    case 'float':
      return 'float64';
    case 'uint8':
      return 'uint8';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'nil':
      return '<nil>';
  }
}

/** strconv.FormatFloat(f, 'g', -1, 64) (what `%v` prints): shortest digits, exponent form below 1e-4 or from 1e6. */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  // strconv/ftoa.go: the shortest form switches to %e with precision 6.
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return String(f);
}

const floatOf = (v: unknown) => (v instanceof GoFloat ? v.value : (v as number));

/** fmt.Sprint / `%v`. */
export function sprintV(v: unknown): string {
  switch (goKind(v)) {
    case 'nil':
      return '<nil>';
    case 'string':
      return v as string;
    case 'int':
      return String(v);
    case 'float':
      return formatFloat(floatOf(v));
    case 'bool':
      return v ? 'true' : 'false';
    case 'uint8':
      return String((v as GoByte).value);
    case 'slice':
      return `[${(v as unknown[]).map(sprintV).join(' ')}]`;
    case 'map': {
      const m = v as Record<string, unknown>;
      return `map[${sortedKeys(m)
        .map((k) => `${k}:${sprintV(m[k])}`)
        .join(' ')}]`;
    }
  }
}

/** `%#v` of a value held in an interface{}. */
export function sprintGoSyntax(v: unknown): string {
  switch (goKind(v)) {
    case 'nil':
      return 'interface {}(nil)';
    case 'string':
      return goQuote(v as string);
    case 'int':
      return String(v);
    case 'float':
      return formatFloat(floatOf(v));
    case 'bool':
      return v ? 'true' : 'false';
    case 'uint8':
      return `0x${(v as GoByte).value.toString(16)}`;
    case 'slice':
      return `[]interface {}{${(v as unknown[]).map(sprintGoSyntax).join(', ')}}`;
    case 'map': {
      const m = v as Record<string, unknown>;
      return `map[string]interface {}{${sortedKeys(m)
        .map((k) => `${goQuote(k)}:${sprintGoSyntax(m[k])}`)
        .join(', ')}}`;
    }
  }
}

/** Go sorts map keys by byte order when printing. */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).sort(byBytes);
}

export function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (PRINTABLE.test(ch)) out += ch;
    else if (c < 0x80) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** fmt's `%#U`: `U+007E '~'`. */
export function goRuneU(ch: string): string {
  const c = ch.codePointAt(0)!;
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return PRINTABLE.test(ch) ? `${hex} '${ch}'` : hex;
}

/** A JSON string literal as encoding/json writes it (EscapeHTML on; \b and \f short forms, as Go ≥ 1.22). */
export function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    // encoding/json escapes HTML-significant characters and the JS line separators.
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** encoding/json.Marshal (compact, keys sorted, HTML escaped). */
export function goJson(v: unknown): string {
  switch (goKind(v)) {
    case 'nil':
      return 'null';
    case 'string':
      return jsonString(v as string);
    case 'int':
    case 'float':
      return JSON.stringify(floatOf(v));
    case 'bool':
      return v ? 'true' : 'false';
    case 'uint8':
      return String((v as GoByte).value);
    case 'slice':
      return `[${(v as unknown[]).map(goJson).join(',')}]`;
    case 'map': {
      const m = v as Record<string, unknown>;
      return `{${sortedKeys(m)
        .map((k) => `${jsonString(k)}:${goJson(m[k])}`)
        .join(',')}}`;
    }
  }
}

/** json.MarshalIndent(v, "", indent). */
export function goJsonIndent(v: unknown, indent: string, prefix = ''): string {
  const kind = goKind(v);
  if (kind === 'slice') {
    const a = v as unknown[];
    if (a.length === 0) return '[]';
    const inner = prefix + indent;
    return `[\n${a.map((x) => inner + goJsonIndent(x, indent, inner)).join(',\n')}\n${prefix}]`;
  }
  if (kind === 'map') {
    const m = v as Record<string, unknown>;
    const keys = sortedKeys(m);
    if (keys.length === 0) return '{}';
    const inner = prefix + indent;
    return `{\n${keys.map((k) => `${inner}${jsonString(k)}: ${goJsonIndent(m[k], indent, inner)}`).join(',\n')}\n${prefix}}`;
  }
  return goJson(v);
}
