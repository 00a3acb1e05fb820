/** A tiny protobuf writer for tests: builds bodies kubectl does not send (or sends as JSON). */

export type Part = Uint8Array;

export function varint(n: number | bigint): Uint8Array {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Uint8Array.from(out);
}

export function concat(...parts: Part[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const tag = (n: number, wt: number) => varint((n << 3) | wt);

/** A varint field (int32, int64, bool, enum). */
export const int = (n: number, v: number | bigint | boolean) => concat(tag(n, 0), varint(typeof v === 'boolean' ? (v ? 1 : 0) : v));
/** A length-delimited field holding raw bytes. */
export const bytes = (n: number, b: Uint8Array) => concat(tag(n, 2), varint(b.length), b);
export const str = (n: number, s: string) => bytes(n, new TextEncoder().encode(s));
/** A nested message field. */
export const msg = (n: number, ...fields: Part[]) => bytes(n, concat(...fields));
/** A map<string, string> entry. */
export const entry = (n: number, k: string, v: string) => msg(n, str(1, k), str(2, v));
export const fixed32 = (n: number, v: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return concat(tag(n, 5), b);
};

/** The whole request body: `k8s\0` + runtime.Unknown{typeMeta, raw}. */
export function envelope(apiVersion: string, kind: string, ...fields: Part[]): Uint8Array {
  return concat(Uint8Array.from([0x6b, 0x38, 0x73, 0x00]), msg(1, str(1, apiVersion), str(2, kind)), bytes(2, concat(...fields)));
}
