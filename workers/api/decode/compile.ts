/**
 * Precompiles OpenAPI definitions into decode nodes: for each struct a map
 * from JSON field name to node, plus the Go type names upstream's decoder
 * (sigs.k8s.io/json, a fork of encoding/json) puts into its errors.
 * Compiled once per definitions object; recursive types share nodes.
 */
import { refName, type Definitions, type Schema } from '../openapi/types';

export type DecodeNode =
  | { k: 'struct'; go: string; name: string; fields: Map<string, DecodeNode> }
  | { k: 'map'; go: string; value: DecodeNode }
  | { k: 'array'; go: string; item: DecodeNode }
  | { k: 'string' }
  | { k: 'bytes' }
  | { k: 'int'; go: 'int32' | 'int64' }
  | { k: 'float' }
  | { k: 'bool' }
  | { k: 'intOrString' }
  | { k: 'quantity' }
  | { k: 'time'; micro: boolean }
  | { k: 'any' };

export const goTypeName = (n: DecodeNode): string => {
  switch (n.k) {
    case 'struct':
    case 'map':
    case 'array':
      return n.go;
    case 'int':
      return n.go;
    case 'float':
      return 'float64';
    case 'bool':
      return 'bool';
    case 'bytes':
      return '[]uint8';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    default:
      return 'string';
  }
};

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const SPECIAL: Record<string, DecodeNode> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { k: 'intOrString' },
  [QUANTITY]: { k: 'quantity' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { k: 'time', micro: false },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { k: 'time', micro: true },
  // Types with custom unmarshalling that accept any JSON.
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { k: 'any' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': { k: 'any' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': { k: 'any' },
};

const ANY: DecodeNode = { k: 'any' };
const STRING: DecodeNode = { k: 'string' };
const BYTES: DecodeNode = { k: 'bytes' };
const BOOL: DecodeNode = { k: 'bool' };
const FLOAT: DecodeNode = { k: 'float' };
const INT32: DecodeNode = { k: 'int', go: 'int32' };
const INT64: DecodeNode = { k: 'int', go: 'int64' };

export class DecodeSchema {
  private readonly nodes = new Map<string, DecodeNode>();
  constructor(readonly defs: Definitions) {}

  definition(name: string): DecodeNode {
    const hit = this.nodes.get(name);
    if (hit) return hit;
    const special = SPECIAL[name];
    if (special) return special;
    const s = this.defs[name];
    if (!s || (s.type !== 'object' && !s.properties)) {
      // apiextensions JSON, JSONSchemaPropsOr*: any JSON value
      this.nodes.set(name, ANY);
      return ANY;
    }
    const parts = name.split('.');
    const node: DecodeNode = { k: 'struct', go: `${parts[parts.length - 2]}.${parts[parts.length - 1]}`, name: parts[parts.length - 1], fields: new Map() };
    this.nodes.set(name, node);
    for (const [field, fs] of Object.entries(s.properties ?? {})) node.fields.set(field, this.schema(fs));
    return node;
  }

  schema(s: Schema): DecodeNode {
    if (s.$ref) return this.definition(refName(s.$ref));
    switch (s.type) {
      case 'string':
        return s.format === 'byte' ? BYTES : s.format === 'int-or-string' ? SPECIAL['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] : STRING;
      case 'integer':
        return s.format === 'int32' ? INT32 : INT64;
      case 'number':
        return FLOAT;
      case 'boolean':
        return BOOL;
      case 'array': {
        const item = s.items ? this.schema(s.items) : ANY;
        return { k: 'array', go: `[]${goTypeName(item)}`, item };
      }
      case 'object': {
        if (!s.additionalProperties) return ANY;
        const value = this.schema(s.additionalProperties);
        // core/v1 ResourceList is the only named map of Quantity in GA APIs.
        const go = s.additionalProperties.$ref && refName(s.additionalProperties.$ref) === QUANTITY ? 'v1.ResourceList' : `map[string]${goTypeName(value)}`;
        return { k: 'map', go, value };
      }
      default:
        return ANY;
    }
  }
}

const compiled = new WeakMap<Definitions, DecodeSchema>();

export function decodeSchemaFor(defs: Definitions): DecodeSchema {
  let c = compiled.get(defs);
  if (!c) compiled.set(defs, (c = new DecodeSchema(defs)));
  return c;
}
