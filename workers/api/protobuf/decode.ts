/**
 * Decodes `application/vnd.kubernetes.protobuf` request bodies — what kubectl's typed clients send —
 * into the JSON object the API server works with. Mirrors the protobuf serializer's Decode
 * (apimachinery pkg/runtime/serializer/protobuf/protobuf.go): the `k8s\0` prefix, then a
 * runtime.Unknown whose typeMeta names the kind and whose raw bytes are that kind's message.
 */
import { decodeFields, type DecodeContext, type JsonObject } from './decodeMessage';
import { Reader, WireError, WIRE_BYTES, WIRE_END_GROUP } from './reader';
import { kubernetesSchema, type Schema } from './schema';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';
const PREFIX = [0x6b, 0x38, 0x73, 0x00];
/** The kube-apiserver's scheme name, as its not-registered errors print it. */
const SCHEME_NAME = 'pkg/api/legacyscheme/scheme.go:30';

export type ProtobufDecodeResult =
  | { ok: true; object: Record<string, unknown> }
  | {
      ok: false;
      message: string;
      /** The type the body claims (after defaulting), when the envelope was readable. */
      apiVersion?: string;
      kind?: string;
    };

/** The endpoint's type, used where the envelope leaves apiVersion or kind empty (copyKindDefaults). */
export interface KindDefaults {
  apiVersion: string;
  kind: string;
}

interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
}

function readEnvelope(bytes: Uint8Array): Envelope {
  // runtime.Unknown: 1 typeMeta {1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType.
  const r = new Reader(bytes);
  r.pos = PREFIX.length;
  const env: Envelope = { apiVersion: '', kind: '', raw: new Uint8Array(0) };
  while (r.pos < r.limit) {
    const tag = r.uint32();
    const fieldNum = tag >>> 3;
    const wt = tag & 7;
    if (wt === WIRE_END_GROUP) throw new WireError('proto: Unknown: wiretype end group for non-group');
    if (fieldNum <= 0) throw new WireError(`proto: Unknown: illegal tag ${fieldNum} (wire type ${wt})`);
    if (fieldNum > 4) {
      r.skip(wt);
      continue;
    }
    if (wt !== WIRE_BYTES) throw new WireError(`proto: wrong wireType = ${wt} for field ${['', 'TypeMeta', 'Raw', 'ContentEncoding', 'ContentType'][fieldNum]}`);
    if (fieldNum === 1) {
      const end = r.lengthDelimited();
      const saved = r.limit;
      r.limit = end;
      while (r.pos < end) {
        const t = r.uint32();
        const n = t >>> 3;
        const w = t & 7;
        if (w === WIRE_END_GROUP) throw new WireError('proto: TypeMeta: wiretype end group for non-group');
        if (n <= 0) throw new WireError(`proto: TypeMeta: illegal tag ${n} (wire type ${w})`);
        if (n > 2) r.skip(w);
        else if (w !== WIRE_BYTES) throw new WireError(`proto: wrong wireType = ${w} for field ${n === 1 ? 'APIVersion' : 'Kind'}`);
        else if (n === 1) env.apiVersion = r.string();
        else env.kind = r.string();
      }
      r.limit = saved;
    } else if (fieldNum === 2) env.raw = r.bytes();
    else r.bytes(); // contentEncoding/contentType: the serializer ignores them too
  }
  return env;
}

/** Go's %#v of runtime.TypeMeta, which the missing-kind errors quote. */
const typeMetaGoSyntax = (e: Envelope) => `runtime.TypeMeta{APIVersion:${JSON.stringify(e.apiVersion)}, Kind:${JSON.stringify(e.kind)}}`;

function decode(bytes: Uint8Array, schema: Schema, defaults: KindDefaults | undefined, depth: number): ProtobufDecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'empty data' };
  if (bytes.length < PREFIX.length || PREFIX.some((b, i) => bytes[i] !== b)) {
    return { ok: false, message: `provided data does not appear to be a protobuf message, expected prefix [${PREFIX.join(' ')}]` };
  }
  if (bytes.length === PREFIX.length) return { ok: false, message: 'empty body' };

  let env: Envelope;
  try {
    env = readEnvelope(bytes);
  } catch (err) {
    if (err instanceof WireError) return { ok: false, message: err.message };
    throw err;
  }
  let { apiVersion, kind } = env;
  if (defaults) {
    if (!kind) kind = defaults.kind;
    // Only a missing version is defaulted (with its group); "apps/" counts as missing.
    if (!apiVersion.slice(apiVersion.indexOf('/') + 1)) apiVersion = defaults.apiVersion;
  }
  if (!kind) return { ok: false, message: `Object 'Kind' is missing in '${typeMetaGoSyntax(env)}'`, apiVersion };
  if (!apiVersion) return { ok: false, message: `Object 'apiVersion' is missing in '${typeMetaGoSyntax(env)}'`, kind };

  const message = schema.kind(apiVersion, kind);
  if (!message) return { ok: false, message: `no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme ${JSON.stringify(SCHEME_NAME)}`, apiVersion, kind };

  const object: JsonObject = { kind, apiVersion };
  const ctx: DecodeContext = {
    nested(inner, d) {
      const res = decode(inner, schema, undefined, d);
      if (!res.ok) throw new WireError(res.message);
      return res.object;
    },
  };
  try {
    const r = new Reader(env.raw);
    decodeFields(r, message, object, depth, ctx);
  } catch (err) {
    if (err instanceof WireError) return { ok: false, message: err.message, apiVersion, kind };
    throw err;
  }
  // The envelope's type wins over anything the message itself carried.
  object.kind = kind;
  object.apiVersion = apiVersion;
  return { ok: true, object };
}

/**
 * Decodes a Kubernetes protobuf request body (`k8s\0` + runtime.Unknown) into its JSON object,
 * with apiVersion and kind from the envelope (or `defaults`, the endpoint's type, where empty).
 */
export function decodeKubernetesProtobuf(bytes: Uint8Array, defaults?: KindDefaults): ProtobufDecodeResult {
  return decode(bytes, kubernetesSchema(), defaults, 0);
}

/**
 * The 400 message kube-apiserver returns when a body does not decode; mirrors transformDecodeError
 * (apiserver pkg/endpoints/handlers/rest.go). `intoKind` is the endpoint's kind.
 */
export function protobufDecodeFailureMessage(failure: { message: string; apiVersion?: string; kind?: string }, intoKind: string, body: Uint8Array): string {
  if (failure.kind) {
    const version = failure.apiVersion?.slice(failure.apiVersion.indexOf('/') + 1) ?? '';
    return `${failure.kind} in version ${JSON.stringify(version)} cannot be handled as a ${intoKind}: ${failure.message}`;
  }
  return `the object provided is unrecognized (must be of type ${intoKind}): ${failure.message} (${summarize(body, 30)})`;
}

/** summarizeData: JSON-looking bodies as text, anything else as hex, cut at `max` bytes. */
function summarize(body: Uint8Array, max: number): string {
  if (body.length === 0) return '<empty>';
  const head = body.subarray(0, max);
  const more = body.length > max ? ' ...' : '';
  if (body[0] === 0x7b) return new TextDecoder().decode(head) + more;
  return Array.from(head, (b) => b.toString(16).padStart(2, '0')).join('') + more;
}
