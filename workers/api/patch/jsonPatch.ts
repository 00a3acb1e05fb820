/**
 * JSON patch (RFC 6902) as gopkg.in/evanphx/json-patch.v4 v4.12.0 applies it
 * for the API server (patch.go), quirks included, because kubectl users hit
 * them:
 * - `replace` of a missing object key adds it; `replace` of "" swaps the
 *   whole document (a non-container value is silently ignored);
 * - `test` of a missing key or a null passes only against `"value": null`;
 * - `copy` from a missing object key copies null;
 * - negative array indexes count from the end; "-" appends (add only);
 * - a path without a leading "/" addresses the root's key.
 * The installed fast-json-patch cannot express these, so the walk is ours.
 */
import { clone } from '../object';
import { hasKey, isJsonMap, putKey, type JsonMap } from './json';

/** apiserver JSONPatchMaxCopyBytes default (server/config.go): 3 MiB copied per patch. */
export const MAX_ACCUMULATED_COPY_BYTES = 3 * 1024 * 1024;

export type JsonPatchResult =
  | { ok: true; value: unknown }
  /** The body is not a list of operations: 400. */
  | { ok: false; stage: 'decode'; message: string }
  /** An operation failed: the server answers 422 with a canned message. */
  | { ok: false; stage: 'apply'; message: string };

type Op = JsonMap | null;

/** What encoding/json calls a JSON value in "cannot unmarshal X into Go value" errors. */
export function jsonKindName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/** jsonpatch.DecodePatch: a list whose items are objects (or null). */
export function decodeJsonPatch(body: unknown): { ok: true; ops: Op[] } | { ok: false; message: string } {
  if (body === null) return { ok: true, ops: [] };
  if (!Array.isArray(body)) return { ok: false, message: `json: cannot unmarshal ${jsonKindName(body)} into Go value of type jsonpatch.Patch` };
  for (const op of body) {
    if (op !== null && !isJsonMap(op)) {
      return { ok: false, message: `json: cannot unmarshal ${jsonKindName(op)} into Go value of type jsonpatch.Operation` };
    }
  }
  return { ok: true, ops: body as Op[] };
}

class ApplyError {
  constructor(readonly message: string) {}
}

const failApply = (message: string): never => {
  throw new ApplyError(message);
};

type Container = JsonMap | unknown[];

/** strconv.Atoi */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

const decodeToken = (t: string) => t.replace(/~1|~0/g, (m) => (m === '~1' ? '/' : '~'));

const invalidIndex = (idx: number) => `Unable to access invalid index: ${idx}: invalid index referenced`;

function arrayIndex(key: string): number {
  const idx = atoi(key);
  return idx === undefined ? failApply(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`) : idx;
}

/** container.get: undefined stands for Go's nil node (missing key or JSON null). */
function get(con: Container, key: string): unknown {
  if (!Array.isArray(con)) return hasKey(con, key) && con[key] !== null ? con[key] : undefined;
  let idx = arrayIndex(key);
  if (idx < 0) {
    if (idx < -con.length) failApply(invalidIndex(idx));
    idx += con.length;
  }
  if (idx >= con.length) failApply(invalidIndex(idx));
  const v = con[idx];
  return v === null ? undefined : v;
}

function set(con: Container, key: string, value: unknown): void {
  if (!Array.isArray(con)) {
    putKey(con, key, value);
    return;
  }
  let idx = arrayIndex(key);
  if (idx < 0) idx += con.length;
  con[idx] = value;
}

function add(con: Container, key: string, value: unknown): void {
  if (!Array.isArray(con)) {
    putKey(con, key, value);
    return;
  }
  if (key === '-') {
    con.push(value);
    return;
  }
  let idx = atoi(key);
  if (idx === undefined) return failApply(`value was not a proper array index: '${key}'`);
  const size = con.length + 1;
  if (idx >= size) failApply(invalidIndex(idx));
  if (idx < 0) {
    if (idx < -size) failApply(invalidIndex(idx));
    idx += size;
  }
  con.splice(idx, 0, value);
}

function remove(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!hasKey(con, key)) failApply(`Unable to remove nonexistent key: ${key}: missing value`);
    delete con[key];
    return;
  }
  let idx = arrayIndex(key);
  if (idx >= con.length) failApply(invalidIndex(idx));
  if (idx < 0) {
    if (idx < -con.length) failApply(invalidIndex(idx));
    idx += con.length;
  }
  con.splice(idx, 1);
}

/** lazyNode.equal: structural, with scalars compared by their compact JSON. */
function equal(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (isJsonMap(a)) {
    if (!isJsonMap(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => hasKey(b, k) && equal(a[k], b[k]));
  }
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => equal(v, b[i]));
  }
  if (isJsonMap(b) || Array.isArray(b)) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

const byteLength = (v: unknown) => new TextEncoder().encode(JSON.stringify(v) ?? 'null').length;

/** Applies the decoded operations to a copy of `doc`; the input is not changed. */
export function applyJsonPatchOps(doc: unknown, ops: readonly Op[]): JsonPatchResult {
  let root: unknown = clone(doc);
  let copied = 0;

  /** findObject: the container holding the path's last token, or undefined. */
  const findObject = (path: string): { con: Container; key: string } | undefined => {
    const tokens = path.split('/');
    if (tokens.length < 2) return undefined;
    let con = root as Container;
    for (const part of tokens.slice(1, -1)) {
      let next: unknown;
      try {
        next = get(con, decodeToken(part));
      } catch (e) {
        if (e instanceof ApplyError) return undefined;
        throw e;
      }
      if (!Array.isArray(next) && !isJsonMap(next)) return undefined;
      con = next;
    }
    return { con, key: decodeToken(tokens[tokens.length - 1]) };
  };

  const field = (op: JsonMap, name: 'path' | 'from', what: string): string => {
    const v = op[name];
    if (v === undefined || v === null) return failApply(`${what}: missing value`);
    if (typeof v !== 'string') return failApply(`${what}: json: cannot unmarshal ${jsonKindName(v)} into Go value of type string`);
    return v;
  };
  const valueOf = (op: JsonMap) => (hasKey(op, 'value') ? op.value : null);

  const steps: Record<string, (op: JsonMap) => void> = {
    add(op) {
      const path = field(op, 'path', 'add operation failed to decode path');
      const at = findObject(path) ?? failApply(`add operation does not apply: doc is missing path: "${path}": missing value`);
      add(at.con, at.key, valueOf(op));
    },
    remove(op) {
      const path = field(op, 'path', 'remove operation failed to decode path');
      const at = findObject(path) ?? failApply(`remove operation does not apply: doc is missing path: "${path}": missing value`);
      remove(at.con, at.key);
    },
    replace(op) {
      const path = field(op, 'path', 'replace operation failed to decode path');
      if (path === '') {
        const v = valueOf(op);
        // Upstream wraps a nil error here, so a scalar value is silently dropped.
        if (isJsonMap(v) || Array.isArray(v)) root = v;
        return;
      }
      const at = findObject(path) ?? failApply(`replace operation does not apply: doc is missing path: ${path}: missing value`);
      get(at.con, at.key);
      set(at.con, at.key, valueOf(op));
    },
    move(op) {
      const from = field(op, 'from', 'move operation failed to decode from');
      const src = findObject(from) ?? failApply(`move operation does not apply: doc is missing from path: ${from}: missing value`);
      const v = get(src.con, src.key);
      remove(src.con, src.key);
      const path = field(op, 'path', 'move operation failed to decode path');
      const dst = findObject(path) ?? failApply(`move operation does not apply: doc is missing destination path: ${path}: missing value`);
      add(dst.con, dst.key, v ?? null);
    },
    test(op) {
      const path = field(op, 'path', 'test operation failed to decode path');
      const failed = () => failApply(`testing value ${path} failed: test failed`);
      if (path === '') {
        if (!hasKey(op, 'value') || !equal(root, op.value)) failed();
        return;
      }
      const at = findObject(path) ?? failApply(`test operation does not apply: is missing path: ${path}: missing value`);
      const v = get(at.con, at.key);
      if (v === undefined) {
        if (valueOf(op) !== null || !hasKey(op, 'value')) failed();
        return;
      }
      if (!hasKey(op, 'value') || !equal(v, op.value)) failed();
    },
    copy(op) {
      const from = field(op, 'from', 'copy operation failed to decode from');
      const src = findObject(from) ?? failApply(`copy operation does not apply: doc is missing from path: ${from}: missing value`);
      const v = get(src.con, src.key);
      const path = field(op, 'path', 'copy operation failed to decode path');
      const dst = findObject(path) ?? failApply(`copy operation does not apply: doc is missing destination path: ${path}: missing value`);
      if (v !== undefined) copied += byteLength(v);
      if (copied > MAX_ACCUMULATED_COPY_BYTES) {
        failApply(
          `Unable to complete the copy, the accumulated size increase of copy is ${copied}, exceeding the limit ${MAX_ACCUMULATED_COPY_BYTES}`,
        );
      }
      add(dst.con, dst.key, v === undefined ? null : clone(v));
    },
  };

  try {
    for (const op of ops) {
      const kind = op && typeof op.op === 'string' ? op.op : 'unknown';
      const step = Object.prototype.hasOwnProperty.call(steps, kind) ? steps[kind] : undefined;
      if (!step || !op) failApply(`Unexpected kind: ${kind}`);
      else step(op);
    }
  } catch (e) {
    if (e instanceof ApplyError) return { ok: false, stage: 'apply', message: e.message };
    throw e;
  }
  return { ok: true, value: root };
}

/** Decode then apply; operation-count limits are the caller's (they answer 413 before applying). */
export function applyJsonPatch(doc: unknown, body: unknown): JsonPatchResult {
  const decoded = decodeJsonPatch(body);
  if (!decoded.ok) return { ok: false, stage: 'decode', message: decoded.message };
  return applyJsonPatchOps(doc, decoded.ops);
}
