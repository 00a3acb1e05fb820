/**
 * The `pod-template-hash` of a Deployment's template
 * (pkg/controller/controller_utils.go ComputeHash): FNV-32a over the
 * template, then over the collision count when there is one, printed in
 * decimal and passed through rand.SafeEncodeString.
 *
 * Upstream hashes go-spew's `%#v` dump of the Go PodTemplateSpec struct,
 * which depends on every field of the v1.32 Go types (and on how the
 * controller manager decoded them); we hash the template's canonical JSON
 * instead (keys sorted, Go-zero values dropped). Names have the upstream
 * shape and are stable, but are not the ones a real cluster would print.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { semanticNormal } from './util';

/** k8s.io/apimachinery/pkg/util/rand's alphabet: no vowels, no confusable digits. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

function fnv32a(bytes: Uint8Array, h = FNV32_OFFSET): number {
  for (const b of bytes) h = Math.imul(h ^ b, FNV32_PRIME) >>> 0;
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte mapped onto the alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  const text = JSON.stringify(semanticNormal(template) ?? {});
  let h = fnv32a(new TextEncoder().encode(text));
  if (collisionCount !== undefined && collisionCount !== null) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer: four count bytes, four zeros.
    const b = new Uint8Array(8);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}
