/**
 * Deep copies of request bodies, which the pipeline then changes in place.
 * `structuredClone` pays for a serialization round trip; bodies are JSON
 * trees, which a plain recursive copy duplicates several times faster.
 */

/**
 * A deep copy of a JSON value with the result `structuredClone` gives for
 * one: plain objects and arrays are copied (own enumerable string keys,
 * `undefined` members kept), anything else that is an object (a Date from a
 * YAML timestamp, say) goes to `structuredClone`.
 */
export function copyJson<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  return copyNode(v) as T;
}

function copyNode(v: object): unknown {
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      out[i] = typeof x === 'object' && x !== null ? copyNode(x) : x;
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return structuredClone(v);
  const out: Record<string, unknown> = {};
  const src = v as Record<string, unknown>;
  for (const k of Object.keys(src)) {
    const x = src[k];
    const c = typeof x === 'object' && x !== null ? copyNode(x) : x;
    // A `__proto__` key from JSON.parse is data; assigning it would set the prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
  }
  return out;
}

/**
 * Structural equality of JSON values, as `jsonEqual` in ../object.ts
 * (members that are `undefined` count as absent), without allocating: the
 * update path compares whole objects on every write, and stored revisions
 * share most subtrees, which the identity check skips.
 */
export function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let na = 0;
  for (const k of Object.keys(ao)) {
    const av = ao[k];
    if (av === undefined) continue;
    na++;
    if (!equalJson(av, bo[k])) return false;
  }
  let nb = 0;
  for (const k of Object.keys(bo)) if (bo[k] !== undefined) nb++;
  return na === nb;
}

/**
 * Makes `next` reuse `old`'s subtrees wherever they are the same JSON, key
 * order included: a new revision then shares what did not change with the
 * one before it (history costs only what changed, and comparisons of the two
 * stop at shared subtrees). `next` must be a private copy that nothing
 * changes in place afterwards below the levels the caller keeps. Returns
 * whether the two were the same JSON all through (next is then unchanged
 * at its own level).
 */
export function shareUnchanged(next: unknown, old: unknown): boolean {
  if (next === old) return true;
  if (typeof next !== 'object' || typeof old !== 'object' || next === null || old === null) return false;
  if (Array.isArray(next)) {
    if (!Array.isArray(old)) return false;
    let same = next.length === old.length;
    const n = Math.min(next.length, old.length);
    for (let i = 0; i < n; i++) {
      const a: unknown = next[i];
      const b: unknown = old[i];
      if (a === b) continue;
      if (typeof a === 'object' && a !== null && shareUnchanged(a, b)) next[i] = b;
      else same = false;
    }
    return same;
  }
  if (Array.isArray(old) || Object.getPrototypeOf(next) !== Object.prototype) return false;
  const a = next as Record<string, unknown>;
  const b = old as Record<string, unknown>;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  let same = ak.length === bk.length;
  for (let i = 0; i < ak.length; i++) {
    const k = ak[i];
    if (same && bk[i] !== k) same = false;
    const av = a[k];
    if (!(k in b)) {
      same = false;
      continue;
    }
    const bv = b[k];
    if (av === bv) continue;
    // Assigning `__proto__` would set the prototype; such a key keeps its own copy.
    if (typeof av === 'object' && av !== null && shareUnchanged(av, bv) && k !== '__proto__') a[k] = bv;
    else same = false;
  }
  return same;
}
