/**
 * The protobuf schema of the Kubernetes API types (generated/messages.json, written by
 * scripts/gen-protobuf.mjs from the descriptors embedded in kubectl), compiled once into lookup
 * tables indexed by field number.
 */
import generated from './generated/messages.json';

export type ScalarType =
  | 'double' | 'float' | 'int64' | 'uint64' | 'int32' | 'fixed64' | 'fixed32' | 'bool' | 'string'
  | 'bytes' | 'uint32' | 'enum' | 'sfixed32' | 'sfixed64' | 'sint32' | 'sint64';

/** Messages whose JSON form is not an object of their fields. */
export type SpecialKind = 'time' | 'microTime' | 'duration' | 'quantity' | 'intOrString' | 'rawExtension' | 'fieldsV1' | 'array';

export type ValueType = { scalar: ScalarType; message?: undefined } | { scalar?: undefined; message: CompiledMessage };

export interface CompiledField {
  number: number;
  /** The JSON property (or, for `inline`, the embedded struct's proto name). */
  name: string;
  /** Go name for error texts, as gogo's `proto: wrong wireType = N for field X` prints it (approximate). */
  goName: string;
  value: ValueType;
  repeated: boolean;
  /** Go embedded struct tagged `json:",inline"`: its fields land in the parent object. */
  inline: boolean;
  /** A non-pointer scalar with omitempty: encoding/json leaves out its zero value. */
  omitZero: boolean;
  /** For map<K,V> fields: the key type (value is `value`). */
  mapKey?: ScalarType;
}

export interface CompiledMessage {
  name: string;
  /** Simple name for error texts (`proto: ConfigMap: illegal tag ...`). */
  shortName: string;
  fields: (CompiledField | undefined)[];
  special?: SpecialKind;
}

type RawField = [number, string, string, string?];
interface RawSchema {
  arrays: string[];
  kinds: Record<string, Record<string, string>>;
  packages: Record<string, Record<string, RawField[]>>;
}

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';
const SPECIAL: Record<string, SpecialKind> = {
  [`${META}.Time`]: 'time',
  [`${META}.MicroTime`]: 'microTime',
  [`${META}.Duration`]: 'duration',
  [`${META}.FieldsV1`]: 'fieldsV1',
  'k8s.io.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'k8s.io.apimachinery.pkg.api.resource.QuantityValue': 'quantity',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': 'intOrString',
  'k8s.io.apimachinery.pkg.runtime.RawExtension': 'rawExtension',
};

/** Kinds every group-version has besides its own; mirrors metav1.AddToGroupVersion (apimachinery pkg/apis/meta/v1/register.go). */
const OPTION_KINDS = ['ListOptions', 'GetOptions', 'DeleteOptions', 'CreateOptions', 'UpdateOptions', 'PatchOptions', 'WatchEvent'];
/** metav1.Unversioned types (AddToGroupVersion → AddUnversionedTypes). */
const UNVERSIONED_KINDS = ['Status', 'APIVersions', 'APIGroupList', 'APIGroup', 'APIResourceList'];
/** meta.k8s.io/v1 itself: the option types plus the metadata-only views (AddMetaToScheme). */
const META_GROUP_KINDS = [...OPTION_KINDS, 'PartialObjectMetadata', 'PartialObjectMetadataList'];

export interface Schema {
  message(name: string): CompiledMessage | undefined;
  /** The message registered for apiVersion/kind, if any. */
  kind(apiVersion: string, kind: string): CompiledMessage | undefined;
}

const SCALARS = new Set<string>(['double', 'float', 'int64', 'uint64', 'int32', 'fixed64', 'fixed32', 'bool', 'string', 'bytes', 'uint32', 'enum', 'sfixed32', 'sfixed64', 'sint32', 'sint64']);

export function compileSchema(raw: RawSchema): Schema {
  const messages = new Map<string, CompiledMessage>();
  const arrays = new Set(raw.arrays);
  for (const [pkg, byName] of Object.entries(raw.packages)) {
    for (const name of Object.keys(byName)) {
      const full = `${pkg}.${name}`;
      messages.set(full, { name: full, shortName: name, fields: [], special: SPECIAL[full] ?? (arrays.has(full) ? 'array' : undefined) });
    }
  }
  const resolve = (pkg: string, type: string, where: string): ValueType => {
    if (SCALARS.has(type)) return { scalar: type as ScalarType };
    const message = messages.get(type.includes('.') ? type : `${pkg}.${type}`);
    if (!message) throw new Error(`protobuf schema: ${where} refers to unknown type ${type}`);
    return { message };
  };
  for (const [pkg, byName] of Object.entries(raw.packages)) {
    for (const [name, fields] of Object.entries(byName)) {
      const m = messages.get(`${pkg}.${name}`)!;
      for (const [number, jsonName, type, flags = ''] of fields) {
        const where = `${pkg}.${name}.${jsonName}`;
        const map = /^map<([^,]+),(.+)>$/.exec(type);
        const key = map ? resolve(pkg, map[1], where) : undefined;
        if (key && !key.scalar) throw new Error(`protobuf schema: ${where} has a message map key`);
        m.fields[number] = {
          number,
          name: jsonName,
          goName: jsonName.charAt(0).toUpperCase() + jsonName.slice(1),
          value: resolve(pkg, map ? map[2] : type, where),
          repeated: flags.includes('r'),
          inline: flags.includes('i'),
          omitZero: flags.includes('z'),
          mapKey: key?.scalar,
        };
      }
    }
  }
  const kinds = new Map<string, Map<string, CompiledMessage>>();
  const register = (gv: string, kind: string, message: string) => {
    const m = messages.get(message);
    if (!m) throw new Error(`protobuf schema: kind ${gv} ${kind} refers to unknown message ${message}`);
    let byKind = kinds.get(gv);
    if (!byKind) kinds.set(gv, (byKind = new Map()));
    byKind.set(kind, m);
  };
  for (const [gv, byKind] of Object.entries(raw.kinds)) {
    for (const [kind, message] of Object.entries(byKind)) register(gv, kind, message);
    for (const kind of OPTION_KINDS) register(gv, kind, `${META}.${kind}`);
  }
  for (const kind of META_GROUP_KINDS) register('meta.k8s.io/v1', kind, `${META}.${kind}`);
  return {
    message: (name) => messages.get(name),
    // Unversioned kinds resolve by kind alone in any version (runtime.Scheme.New's unversionedKinds).
    kind: (apiVersion, kind) => kinds.get(apiVersion)?.get(kind) ?? (UNVERSIONED_KINDS.includes(kind) ? messages.get(`${META}.${kind}`) : undefined),
  };
}

let compiled: Schema | undefined;

/** The v1.32 schema, compiled on first use. */
export function kubernetesSchema(): Schema {
  return (compiled ??= compileSchema(generated as unknown as RawSchema));
}
