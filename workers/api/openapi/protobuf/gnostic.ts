/**
 * Turns a swagger 2.0 document (JSON) into the openapi.v2.Document message gnostic builds from it
 * (openapi_v2.ParseDocument → NewDocument, as kube-openapi does before proto.Marshal), as plain data
 * keyed by proto field names for encodeMessage. Mirrors gnostic-models openapiv2/OpenAPIv2.go:
 * - a key becomes the field whose camelCase name it is (`$ref` → `_ref`); `x-…` keys become
 *   `vendor_extension` entries whose Any.yaml is the value's YAML, in document order;
 * - messages that are maps (`Definitions`, `Properties`, `SecurityRequirement`, …) become
 *   `additional_properties` lists of {name, value}; `Paths` and `Responses` split keys by pattern;
 * - a oneof tries each alternative in field order and keeps the last one that parses without error,
 *   so required keys, allowed keys and enum values decide which one (`in: query` → query_parameter_sub_schema);
 * - scalars are read as gnostic's compiler helpers read YAML nodes (an integer is also a string, null an
 *   empty string; a non-mapping where a message is expected is an empty mapping).
 * A document gnostic would reject throws GnosticError (kube-apiserver could not serve it either).
 */
import type { ProtoMessage, ProtoValue } from './encodeMessage';
import { messageInfo, type FieldInfo, type MessageInfo } from './messages';
import { marshalYamlV3, type JsonValue } from './yamlV3';

export class GnosticError extends Error {}

/**
 * A rejection inside the builder. Oneofs reject most alternatives they try (every parameter fails as
 * three of the four non-body kinds), so this carries no stack; gnosticDocument reports a GnosticError.
 */
class Rejected {
  constructor(readonly message: string) {}
}

const V2 = 'openapi.v2.';
const VENDOR_EXTENSION = 'vendor_extension';
const ADDITIONAL_PROPERTIES = 'additional_properties';

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys JSON serialization keeps: a property holding `undefined` is not in the served document. */
function served(m: JsonObject): JsonObject {
  for (const k in m) {
    if (m[k] === undefined) return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));
  }
  return m;
}

interface Rules {
  required?: string[];
  /** key → allowed values (every element, for a list) */
  enums?: Record<string, string[]>;
}

const PRIMITIVE_TYPES = ['string', 'number', 'boolean', 'integer', 'array'];
const FORMATS = ['csv', 'ssv', 'tsv', 'pipes'];
const SCHEMES = ['http', 'https', 'ws', 'wss'];

/** The requiredKeys and enum checks of gnostic's NewX functions (allowed keys come from the descriptor). */
const RULES: Record<string, Rules> = {
  ApiKeySecurity: { required: ['in', 'name', 'type'], enums: { type: ['apiKey'], in: ['header', 'query'] } },
  BasicAuthenticationSecurity: { required: ['type'], enums: { type: ['basic'] } },
  BodyParameter: { required: ['in', 'name', 'schema'], enums: { in: ['body'] } },
  Document: { required: ['info', 'paths', 'swagger'], enums: { swagger: ['2.0'], schemes: SCHEMES } },
  ExternalDocs: { required: ['url'] },
  FileSchema: { required: ['type'], enums: { type: ['file'] } },
  FormDataParameterSubSchema: { enums: { in: ['formData'], type: [...PRIMITIVE_TYPES, 'file'], collectionFormat: [...FORMATS, 'multi'] } },
  Header: { required: ['type'], enums: { type: PRIMITIVE_TYPES, collectionFormat: FORMATS } },
  HeaderParameterSubSchema: { enums: { in: ['header'], type: PRIMITIVE_TYPES, collectionFormat: FORMATS } },
  Info: { required: ['title', 'version'] },
  JsonReference: { required: ['$ref'] },
  License: { required: ['name'] },
  Oauth2AccessCodeSecurity: { required: ['authorizationUrl', 'flow', 'tokenUrl', 'type'], enums: { type: ['oauth2'], flow: ['accessCode'] } },
  Oauth2ApplicationSecurity: { required: ['flow', 'tokenUrl', 'type'], enums: { type: ['oauth2'], flow: ['application'] } },
  Oauth2ImplicitSecurity: { required: ['authorizationUrl', 'flow', 'type'], enums: { type: ['oauth2'], flow: ['implicit'] } },
  Oauth2PasswordSecurity: { required: ['flow', 'tokenUrl', 'type'], enums: { type: ['oauth2'], flow: ['password'] } },
  Operation: { required: ['responses'], enums: { schemes: SCHEMES } },
  PathParameterSubSchema: { required: ['required'], enums: { in: ['path'], type: PRIMITIVE_TYPES, collectionFormat: FORMATS } },
  PrimitivesItems: { enums: { type: PRIMITIVE_TYPES, collectionFormat: FORMATS } },
  QueryParameterSubSchema: { enums: { in: ['query'], type: PRIMITIVE_TYPES, collectionFormat: [...FORMATS, 'multi'] } },
  Response: { required: ['description'] },
  Tag: { required: ['name'] },
};

/** Messages whose keys are split by pattern rather than named: field → key pattern. */
const PATTERNED: Record<string, Record<string, RegExp>> = {
  Paths: { vendor_extension: /^x-/, path: /^\// },
  Responses: { response_code: /^([0-9]{3})$|^(default)$/, vendor_extension: /^x-/ },
};

/** gnostic accepts any key in a JSON reference (NewJsonReference has no allowed-keys check). */
const UNCHECKED_KEYS = new Set(['JsonReference']);

// --- gnostic compiler/helpers.go readers of scalar nodes -------------------------------------------

/** The YAML tag a JSON scalar resolves to when gnostic parses the served JSON. */
function tagOf(v: JsonValue): 'str' | 'int' | 'float' | 'bool' | 'null' | 'collection' {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) && !/e/i.test(JSON.stringify(v)) ? 'int' : 'float';
  return 'collection';
}

/** StringForScalarNode: strings, integers (their text) and null (empty). */
function stringOf(v: JsonValue): string | undefined {
  const t = tagOf(v);
  if (t === 'str') return v as string;
  if (t === 'int') return JSON.stringify(v);
  if (t === 'null') return '';
  return undefined;
}

/** A scalar node's text (yaml.Node.Value) as gnostic's TypeItem reads it. */
function scalarText(v: JsonValue): string | undefined {
  if (isObject(v) || Array.isArray(v)) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function readScalar(f: FieldInfo, v: JsonValue): ProtoValue | undefined {
  const t = tagOf(v);
  switch (f.type) {
    case 'string':
      return stringOf(v);
    case 'bool':
      return t === 'bool' ? (v as boolean) : undefined;
    case 'int64':
      return t === 'int' ? (v as number) : undefined;
    case 'double':
      return t === 'int' || t === 'float' ? (v as number) : undefined;
    default:
      return undefined;
  }
}

// --- message builders ------------------------------------------------------------------------------

const shortName = (type: string): string => (type.startsWith(V2) ? type.slice(V2.length) : type);
const fail = (path: string, message: string): never => {
  throw new Rejected(`${path} ${message}`);
};

function vendorExtensions(m: JsonObject, pattern: RegExp = /^x-/): ProtoMessage[] {
  return Object.keys(m)
    .filter((k) => pattern.test(k))
    .map((k) => ({ name: k, value: { yaml: marshalYamlV3(m[k]) } }));
}

/** A map-shaped message: its only field is `repeated NamedX additional_properties`. */
function mapValueField(info: MessageInfo): FieldInfo | undefined {
  const [only] = info.fields;
  if (info.fields.length !== 1 || only.name !== ADDITIONAL_PROPERTIES || !only.repeated || !only.message) return undefined;
  return messageInfo(only.type).byName.get('value');
}

function buildValue(type: string, node: JsonValue, path: string): ProtoMessage {
  const info = messageInfo(type);
  const name = shortName(type);
  const m: JsonObject = isObject(node) ? served(node) : {};

  if (name === 'Any') return { yaml: marshalYamlV3(node) };
  if (name === 'TypeItem') {
    if (Array.isArray(node)) {
      return {
        value: node.map((v) => {
          const s = scalarText(v);
          return s ?? fail(path, `has unexpected value for string array element: ${JSON.stringify(v)}`);
        }),
      };
    }
    const s = scalarText(node);
    return s === undefined ? fail(path, 'has unexpected value for string array') : { value: [s] };
  }
  // gnostic reads `items` as one schema only; a list is an error.
  if (name === 'ItemsItem') return Array.isArray(node) ? fail(path, 'has unexpected value for item array') : { schema: [buildValue(`${V2}Schema`, node, path)] };
  if (name === 'StringArray') {
    const items = Array.isArray(node) ? node : isObject(node) ? Object.entries(node).flat() : [];
    return { value: items.map((v) => stringOf(v) ?? '') };
  }
  if (info.fields.every((f) => f.oneof)) return buildOneof(info, node, path);
  const valueField = mapValueField(info);
  if (valueField) {
    return {
      [ADDITIONAL_PROPERTIES]: Object.entries(m).map(([k, v]) => ({
        name: k,
        value: valueField.message ? buildValue(valueField.type, v, `${path}.${k}`) : (stringOf(v) ?? ''),
      })),
    };
  }
  const patterned = PATTERNED[name];
  if (patterned) {
    const invalid = Object.keys(m).filter((k) => !Object.values(patterned).some((p) => p.test(k)));
    if (invalid.length) fail(path, `has invalid ${invalid.length === 1 ? 'property' : 'properties'}: ${invalid.join(', ')}`);
    const out: ProtoMessage = {};
    for (const [field, pattern] of Object.entries(patterned)) {
      if (field === VENDOR_EXTENSION) out[field] = vendorExtensions(m, pattern);
      else {
        const valueType = messageInfo(info.byName.get(field)?.type ?? '').byName.get('value')?.type ?? '';
        out[field] = Object.keys(m)
          .filter((k) => pattern.test(k))
          .map((k) => ({ name: k, value: buildValue(valueType, m[k], `${path}.${k}`) }));
      }
    }
    return out;
  }
  return buildObject(info, m, path);
}

interface Plan {
  required: string[];
  enums: [string, string[]][];
  /** keys the message accepts besides `x-…`; undefined when gnostic checks none */
  allowed?: Set<string>;
  extensions: boolean;
}

const plans = new Map<string, Plan>();

function planOf(info: MessageInfo): Plan {
  let plan = plans.get(info.name);
  if (!plan) {
    const name = shortName(info.name);
    const rules = RULES[name] ?? {};
    plan = {
      required: rules.required ?? [],
      enums: Object.entries(rules.enums ?? {}),
      allowed: UNCHECKED_KEYS.has(name) ? undefined : new Set(info.fields.filter((f) => f.name !== VENDOR_EXTENSION).map((f) => f.key)),
      extensions: info.byName.has(VENDOR_EXTENSION),
    };
    plans.set(info.name, plan);
  }
  return plan;
}

/** A message read key by key (NewSchema, NewOperation, …). */
function buildObject(info: MessageInfo, m: JsonObject, path: string): ProtoMessage {
  const plan = planOf(info);
  const missing = plan.required.filter((k) => !(k in m));
  if (missing.length) fail(path, `is missing required ${missing.length === 1 ? 'property' : 'properties'}: ${missing.join(', ')}`);
  if (plan.allowed) {
    const invalid: string[] = [];
    for (const k in m) if (!plan.allowed.has(k) && !(plan.extensions && k.startsWith('x-'))) invalid.push(k);
    if (invalid.length) fail(path, `has invalid ${invalid.length === 1 ? 'property' : 'properties'}: ${invalid.join(', ')}`);
  }
  // Enum checks first: they are what rejects most oneof alternatives, before any nested work.
  for (const [key, allowed] of plan.enums) {
    if (!(key in m)) continue;
    const v = m[key];
    const values = Array.isArray(v) ? v.map(stringOf).filter((x) => x !== undefined) : [stringOf(v)];
    if (!values.every((x) => x !== undefined && allowed.includes(x))) fail(path, `has unexpected value for ${key}: ${JSON.stringify(v)}`);
  }
  const out: ProtoMessage = {};
  for (const f of info.fields) {
    if (f.name === VENDOR_EXTENSION || !(f.key in m)) continue;
    const v = m[f.key];
    const here = `${path}.${f.key}`;
    let value: ProtoValue | undefined;
    if (f.repeated && f.message) {
      // gnostic leaves a repeated message field empty when the value is not a list.
      value = Array.isArray(v) ? v.map((item) => buildValue(f.type, item, here)) : [];
    } else if (f.repeated) {
      if (!Array.isArray(v)) fail(path, `has unexpected value for ${f.key}: ${JSON.stringify(v)}`);
      value = (v as JsonValue[]).map((item) => readScalar(f, item)).filter((s): s is ProtoValue => s !== undefined);
    } else if (f.message) {
      value = buildValue(f.type, v, here);
    } else {
      value = readScalar(f, v);
      if (value === undefined) fail(path, `has unexpected value for ${f.key}: ${JSON.stringify(v)}`);
    }
    out[f.name] = value;
  }
  if (plan.extensions) out[VENDOR_EXTENSION] = vendorExtensions(m);
  return out;
}

/**
 * A oneof: gnostic tries every alternative in field order and keeps the last that parses. Trying
 * them last to first and stopping at the first that parses picks the same one with less work.
 */
function buildOneof(info: MessageInfo, node: JsonValue, path: string): ProtoMessage {
  const reasons: string[] = [];
  for (let i = info.fields.length - 1; i >= 0; i--) {
    const f = info.fields[i];
    if (!f.message) {
      const v = readScalar(f, node);
      if (v !== undefined) return { [f.name]: v };
      continue;
    }
    try {
      return { [f.name]: buildValue(f.type, node, path) };
    } catch (err) {
      if (!(err instanceof Rejected)) throw err;
      reasons.push(err.message);
    }
  }
  return fail(path, `contains an invalid ${shortName(info.name)} (${reasons.reverse().join('; ')})`);
}

/** The openapi.v2.Document gnostic builds from a swagger 2.0 document. */
export function gnosticDocument(doc: JsonValue): ProtoMessage {
  if (!isObject(doc)) throw new GnosticError('$root has unexpected value: not a mapping');
  try {
    return buildValue(`${V2}Document`, doc, '$root');
  } catch (err) {
    throw err instanceof Rejected ? new GnosticError(err.message) : err;
  }
}
