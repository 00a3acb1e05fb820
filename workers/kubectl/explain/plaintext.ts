/**
 * `kubectl explain` text from an OpenAPI v3 document. Re-expresses the
 * plaintext template of kubectl 1.32
 * (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl):
 * header, FIELD line, DESCRIPTION wrapped at 76 and indented 4, FIELDS with
 * type guesses, `-required-` and enums, --recursive as an indented tree.
 */
import { indent, wrapString } from './wordwrap';

type Schema = Record<string, unknown> & {
  $ref?: string;
  description?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  required?: string[];
  enum?: unknown[];
  externalDocs?: { description?: string; url?: string };
};

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

export class ExplainError extends Error {
  /** What the template printed before it failed (kubectl writes it out). */
  constructor(
    message: string,
    readonly partial = '',
  ) {
    super(message);
  }
}

function resolveRef(ref: unknown, doc: Record<string, unknown>): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const k of ref.slice(1).split('/')) {
    if (k === '') continue;
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
  }
  return cur as Schema;
}

const isMap = (ap: unknown): ap is Schema => !!ap && typeof ap === 'object';
const sortedKeys = (o: Record<string, unknown>) => Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function typeGuess(s: Schema, doc: Record<string, unknown>): string {
  if (s.items) return `[]${typeGuess(s.items, doc)}`;
  if (isMap(s.additionalProperties)) return `map[string]${typeGuess(s.additionalProperties, doc)}`;
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0], doc);
  if (s.$ref) {
    const ref = resolveRef(s.$ref, doc);
    if (!ref || !ref.type || ref.type === 'object') {
      const name = s.$ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return ref.type || 'Object';
  }
  if (s.type === 'object') return 'Object';
  return s.type || 'Object';
}

function extractEnum(s: Schema, long: boolean, limit: number, indentAmount: number): string {
  if (!s.enum || s.enum.length === 0) return '';
  let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < s.enum.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !long) out += ', ';
    else if (long) out += `\n${' '.repeat(4)}`;
    const e = s.enum[i];
    out += e === '' ? '""' : String(e);
  }
  return out;
}

function description(s: Schema, doc: Record<string, unknown>): string {
  const r = resolveRef(s.$ref, doc) ?? s;
  let out = '';
  if (r.description) out += `${r.description}\n`;
  for (const a of r.allOf ?? []) out += description(a, doc);
  if (r.items) out += description(r.items, doc);
  if (isMap(r.additionalProperties)) out += description(r.additionalProperties, doc);
  return out;
}

function externalDocs(s: Schema): string {
  const d = s.externalDocs;
  if (!d) return '';
  let out = 'EXTERNAL DOCS:\n';
  if (d.description) out += `${indent(4, wrapString(d.description, 76))}\n`;
  if (d.url) out += `${indent(4, `URL: ${d.url}`)}\n`;
  return out;
}

function fieldDetail(name: string, parent: Schema, short: boolean, level: number, doc: Record<string, unknown>): string {
  const ind = level * 2;
  const f = parent.properties![name];
  let out = `${indent(ind, name)}\t<${typeGuess(f, doc)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += extractEnum(f, false, 4, ind);
  out += '\n';
  if (!short) {
    out += `${indent(ind + 2, wrapString(f.description || '<no description>', 78 - ind))}\n`;
    if (f.externalDocs) {
      out += `\n${indent(ind + 2, 'EXTERNAL DOCS:')}\n`;
      if (f.externalDocs.description) out += `${indent(ind + 4, wrapString(f.externalDocs.description, 76 - ind))}\n`;
      if (f.externalDocs.url) out += `${indent(ind + 4, `URL: ${f.externalDocs.url}`)}\n`;
    }
    out += '\n';
  }
  return out;
}

function fieldList(s: Schema, level: number, history: Set<string>, recursive: boolean, doc: Record<string, unknown>): string {
  const ref = s.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const r = resolveRef(ref, doc) ?? s;
  let out = '';
  for (const k of sortedKeys(r.properties ?? {})) {
    out += fieldDetail(k, r, recursive, level, doc);
    if (recursive) out += fieldList(r.properties![k], level + 1, next, recursive, doc);
  }
  for (const a of r.allOf ?? []) out += fieldList(a, level, next, recursive, doc);
  if (r.items) out += fieldList(r.items, level, next, recursive, doc);
  if (isMap(r.additionalProperties)) out += fieldList(r.additionalProperties, level, next, recursive, doc);
  return out;
}

function output(s: Schema, path: string[], history: Set<string>, recursive: boolean, doc: Record<string, unknown>): string {
  const ref = s.$ref ?? '';
  const next = new Set(history).add(ref);
  const r = resolveRef(ref, doc) ?? s;
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(r, doc) || '<empty>', 76))}\n`;
    const ext = externalDocs(r);
    if (ext) out += `\n${ext}`;
    const fields = fieldList(r, 1, new Set(), recursive, doc);
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history.has(ref)) return '';
  if (r.properties && r.properties[path[0]]) {
    const sub = r.properties[path[0]];
    let out = '';
    if (path.length === 1) out += `FIELD: ${path[0]} <${typeGuess(sub, doc)}>\n${extractEnum(sub, true, -1, 0)}\n\n`;
    return out + output(sub, path.slice(1), new Set(), recursive, doc);
  }
  if (r.items) return output(r.items, path, next, recursive, doc);
  if (isMap(r.additionalProperties)) return output(r.additionalProperties, path, next, recursive, doc);
  for (const a of r.allOf ?? []) {
    const o = output(a, path, next, recursive, doc);
    if (o) return o;
  }
  return '';
}

export function explainText(doc: Record<string, unknown>, gvk: Gvk, fieldPath: string[], recursive: boolean): string {
  let out = '';
  if (gvk.group) out += `GROUP:      ${gvk.group}\n`;
  out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schemas = ((doc.components as { schemas?: Record<string, Schema> } | undefined)?.schemas ?? {}) as Record<string, Schema>;
  for (const key of sortedKeys(schemas)) {
    const s = schemas[key];
    const gvks = s['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks) || !gvks.some((g: Gvk) => g.group === gvk.group && g.kind === gvk.kind && g.version === gvk.version && Object.keys(g).length === 3)) continue;
    const body = output(s, fieldPath, new Set(), recursive, doc);
    if (!body) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`, out);
    return `${out + body}\n`;
  }
  throw new ExplainError(`error: GVK map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}] not found in OpenAPI schema`, out);
}
