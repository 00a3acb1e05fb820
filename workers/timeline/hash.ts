/**
 * historyHash: one fingerprint of the store's history — revision, key, type,
 * canonical value (keys sorted), virtual time and cause of every event — so
 * two runs (an original and its replay) can be compared in one string.
 * Four 32-bit multiply-xor lanes over the UTF-16 code units: fast and
 * dependency-free, for equality checks, not for security.
 */
import type { KubeObject } from '../api/object';
import type { Store, StoreEvent } from '../store/store';

export class Hasher {
  private h = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f];

  update(s: string): void {
    let [a, b, c, d] = this.h;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      a = Math.imul(a ^ ch, 2654435761);
      b = Math.imul(b ^ ch, 1597334677);
      c = Math.imul(c ^ ch, 2246822507);
      d = Math.imul(d ^ ch, 3266489909);
    }
    this.h = [a, b, c, d];
  }

  digest(): string {
    let [a, b, c, d] = this.h;
    a = Math.imul(a ^ (b >>> 16), 2246822507) ^ Math.imul(c ^ (d >>> 13), 3266489909);
    b = Math.imul(b ^ (c >>> 16), 2246822507) ^ Math.imul(d ^ (a >>> 13), 3266489909);
    c = Math.imul(c ^ (d >>> 16), 2246822507) ^ Math.imul(a ^ (b >>> 13), 3266489909);
    d = Math.imul(d ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (c >>> 13), 3266489909);
    return [a, b, c, d].map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  }
}

/** JSON with object keys sorted, so equal values give equal text whatever order they were built in. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

export function eventText(e: StoreEvent<KubeObject>): string {
  const c = e.cause;
  return canonicalJson([e.revision, e.key, e.type, e.kv?.value ?? null, e.time, [c.component, c.key ?? null, c.what ?? null, c.task ?? null]]);
}

/** Hash of the retained history, up to and including `upTo` (default: all). */
export function historyHash(store: Store<KubeObject>, upTo = Number.POSITIVE_INFINITY): string {
  const h = new Hasher();
  for (const e of store.history()) {
    if (e.revision > upTo) break;
    h.update(eventText(e));
    h.update('\n');
  }
  return h.digest();
}
