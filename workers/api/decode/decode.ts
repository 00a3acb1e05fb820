/**
 * Schema-driven strict decoding: what kube-apiserver's JSON serializer does
 * when it unmarshals a request body into the Go type with
 * `fieldValidation=Strict|Warn|Ignore` (apimachinery
 * pkg/runtime/serializer/json/json.go over sigs.k8s.io/json).
 *
 * - Type mismatches are `json: cannot unmarshal <value> into Go struct field
 *   <Struct>.<json.path> of type <go type>`; the path has no list indices and
 *   no map keys, and only the first mismatch is reported (encoding/json
 *   keeps the first saved error). Errors from custom unmarshalers (Quantity,
 *   IntOrString, Time) stop decoding at once.
 * - Unknown fields are collected with full paths (`spec.containers[0].imagee`)
 *   and, in Strict mode, joined into one `strict decoding error: ...`. They
 *   only surface when there was no type error.
 * - `null` is accepted anywhere (it means unset).
 */
import { decodeSchemaFor, goTypeName, type DecodeNode } from './compile';
import { quantityError } from './quantity';
import { timeError } from './time';
import { definitionNameForGVK } from '../openapi/definitions';
import type { Definitions, GVKExtension } from '../openapi/types';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodeResult {
  /** At most one message, in upstream decode-error form (see decodeFailureMessage). */
  errors: string[];
  /** `unknown field "spec.x"` per unknown field in Warn mode. */
  warnings: string[];
}

interface State {
  /** First saved type error (decoding continues). */
  saved?: string;
  /** Error from a custom unmarshaler (decoding stops). */
  fatal?: string;
  unknown: string[];
  collectUnknown: boolean;
  /** Delete unknown fields from the object, as decoding into a Go struct drops them. */
  prune: boolean;
  /** Skip plain leaves that cannot fail (off only to test that it changes nothing). */
  shortcut: boolean;
  /** Go struct field context: json names of struct fields only. */
  stack: string[];
  struct: string;
  /**
   * The JSON path walked so far (`spec`, `.containers`, `[0]`); joined into
   * a string only for an unknown field, which is rare.
   */
  path: (string | number)[];
}

/** `spec.containers[0].imagee`: keys joined with dots, indexes in brackets; empty keys add nothing at the front. */
function pathOf(st: State, key: string): string {
  let out = '';
  for (const seg of st.path) out = typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg;
  return out ? `${out}.${key}` : key;
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : 'object';
}

function typeError(st: State, value: string, goType: string): string {
  if (!st.struct && st.stack.length === 0) return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
  return `json: cannot unmarshal ${value} into Go struct field ${st.struct}.${st.stack.join('.')} of type ${goType}`;
}

function save(st: State, message: string): void {
  st.saved ??= message;
}

/** Go's text for a JSON number literal (`number 1.5`). */
function numberText(n: number): string {
  return `number ${String(n)}`;
}

function walk(node: DecodeNode, v: unknown, st: State): void {
  if (st.fatal || v === null || v === undefined) return;
  switch (node.k) {
    case 'any':
      return;
    case 'struct': {
      if (typeof v !== 'object' || Array.isArray(v)) return save(st, typeError(st, jsonKind(v), node.go));
      const o = v as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        const field = node.fields.get(key);
        if (!field) {
          if (st.collectUnknown) st.unknown.push(pathOf(st, key));
          if (st.prune) delete o[key];
          continue;
        }
        if (st.shortcut && plainLeafOk(field, o[key])) continue;
        const depth = st.stack.length;
        const struct = st.struct;
        st.stack.push(key);
        st.struct = node.name;
        st.path.push(key);
        walk(field, o[key], st);
        if (st.fatal) return;
        st.path.pop();
        st.stack.length = depth;
        st.struct = struct;
      }
      return;
    }
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return save(st, typeError(st, jsonKind(v), node.go));
      const o = v as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        if (st.shortcut && plainLeafOk(node.value, o[key])) continue;
        st.path.push(key);
        walk(node.value, o[key], st);
        if (st.fatal) return;
        st.path.pop();
      }
      return;
    }
    case 'array': {
      if (!Array.isArray(v)) return save(st, typeError(st, jsonKind(v), node.go));
      for (let i = 0; i < v.length; i++) {
        st.path.push(i);
        walk(node.item, v[i], st);
        if (st.fatal) return;
        st.path.pop();
      }
      return;
    }
    case 'string':
      if (typeof v !== 'string') save(st, typeError(st, jsonKind(v), 'string'));
      return;
    case 'bool':
      if (typeof v !== 'boolean') save(st, typeError(st, jsonKind(v), 'bool'));
      return;
    case 'float':
      if (typeof v !== 'number') save(st, typeError(st, jsonKind(v), 'float64'));
      return;
    case 'int':
      if (typeof v !== 'number') save(st, typeError(st, jsonKind(v), node.go));
      else if (!fitsInt(v, node.go)) save(st, typeError(st, numberText(v), node.go));
      return;
    case 'bytes':
      if (typeof v !== 'string') save(st, typeError(st, jsonKind(v), goTypeName(node)));
      else {
        const bad = base64Error(v);
        if (bad) save(st, bad);
      }
      return;
    case 'intOrString':
      // intstr.IntOrString.UnmarshalJSON: strings as StrVal, anything else into an int32.
      if (typeof v === 'string') return;
      if (typeof v !== 'number') st.fatal = typeError(st, jsonKind(v), 'int32');
      else if (!fitsInt(v, 'int32')) st.fatal = typeError(st, numberText(v), 'int32');
      return;
    case 'quantity': {
      // resource.Quantity.UnmarshalJSON parses strings and bare numbers alike.
      const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : jsonKind(v) === 'bool' ? String(v) : '{';
      const err = quantityError(text);
      if (err) st.fatal = err;
      return;
    }
    case 'time': {
      if (typeof v !== 'string') st.fatal = typeError(st, jsonKind(v), 'string');
      else {
        const err = timeError(v, node.micro);
        if (err) st.fatal = err;
      }
      return;
    }
  }
}

/**
 * A value walk() would accept without a word: most of a body is strings,
 * numbers and booleans where the schema wants them, which need no path
 * kept for an error that cannot happen.
 */
function plainLeafOk(node: DecodeNode, v: unknown): boolean {
  if (v === null || v === undefined) return true;
  switch (node.k) {
    case 'any':
      return true;
    case 'string':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'float':
      return typeof v === 'number';
    case 'int':
      return typeof v === 'number' && fitsInt(v, node.go);
    case 'intOrString':
      return typeof v === 'string' || (typeof v === 'number' && fitsInt(v, 'int32'));
    default:
      return false;
  }
}

function fitsInt(n: number, go: 'int32' | 'int64'): boolean {
  if (!Number.isInteger(n)) return false;
  return go === 'int32' ? n >= -2147483648 && n <= 2147483647 : Math.abs(n) <= 9223372036854775807;
}

/** encoding/base64 StdEncoding (newlines ignored), as []byte fields decode. */
function base64Error(s: string): string | undefined {
  const clean = s.replace(/[\r\n]/g, '');
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    const ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '+' || c === '/';
    if (ok) continue;
    if (c === '=' && i >= clean.length - 2 && clean.length % 4 === 0 && /^=+$/.test(clean.slice(i))) return undefined;
    return `illegal base64 data at input byte ${i}`;
  }
  if (clean.length % 4 !== 0) return `illegal base64 data at input byte ${clean.length - (clean.length % 4 === 1 ? 1 : 0)}`;
  return undefined;
}

/**
 * Decode-check `obj` as the kind `gvk` (its definition must exist). `mode`
 * is the request's fieldValidation directive. With `prune`, unknown fields
 * are deleted from `obj` in place (what Warn and Ignore store).
 */
export function decodeObject(defs: Definitions, gvk: GVKExtension, obj: unknown, mode: FieldValidation, options: { prune?: boolean; general?: boolean } = {}): DecodeResult {
  const name = definitionNameForGVK(defs, gvk);
  if (!name) throw new Error(`no OpenAPI definition for ${gvk.group}/${gvk.version}, Kind=${gvk.kind}`);
  const root = decodeSchemaFor(defs).definition(name);
  const st: State = { unknown: [], collectUnknown: mode !== 'Ignore', prune: options.prune === true, shortcut: options.general !== true, stack: [], struct: '', path: [] };
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return { errors: [typeError(st, jsonKind(obj), goTypeName(root))], warnings: [] };
  }
  walk(root, obj, st);
  const err = st.fatal ?? st.saved;
  if (err) return { errors: [err], warnings: [] };
  const unknown = st.unknown.map((p) => `unknown field ${JSON.stringify(p)}`);
  if (mode === 'Strict' && unknown.length) return { errors: [`strict decoding error: ${unknown.join(', ')}`], warnings: [] };
  return { errors: [], warnings: mode === 'Warn' ? unknown : [] };
}

/**
 * The BadRequest message the API server returns for a decode error
 * (apiserver pkg/endpoints/handlers/rest.go transformDecodeError).
 */
export function decodeFailureMessage(gvk: GVKExtension, error: string): string {
  return `${gvk.kind} in version ${JSON.stringify(gvk.version)} cannot be handled as a ${gvk.kind}: ${error}`;
}

/**
 * The `fieldValidation` query parameter as the handlers read it: absent means
 * Warn (apiserver pkg/endpoints/handlers/rest.go fieldValidation); undefined
 * for a value the API server would reject.
 */
export function parseFieldValidation(param: string | null | undefined): FieldValidation | undefined {
  if (!param) return 'Warn';
  return param === 'Strict' || param === 'Warn' || param === 'Ignore' ? param : undefined;
}
