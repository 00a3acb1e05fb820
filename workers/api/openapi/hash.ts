/**
 * Content hash for OpenAPI v3 document URLs (`?hash=...`). Upstream uses an
 * uppercase SHA-512 hex digest; clients treat it as an opaque cache key, so a
 * synchronous non-cryptographic hash of the same length serves.
 */
export function contentHash(text: string): string {
  let out = '';
  for (let seed = 0; seed < 8; seed++) {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ (seed * 0x9e3779b1);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    out += (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
  }
  return out.toUpperCase();
}
