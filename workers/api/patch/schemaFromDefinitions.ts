/**
 * A PatchSchema read lazily from OpenAPI v2 `definitions` (the shape of
 * upstream api/openapi-spec/swagger.json). Patch metadata sits on the
 * property that uses a type (`PodSpec.containers` carries
 * `x-kubernetes-patch-merge-key: name`), so a field's node combines the
 * property's extensions with the structure of the definition it refers to.
 * Nodes are built on first use: definitions are large and recursive
 * (JSONSchemaProps refers to itself).
 */
import type { PatchSchema } from './schema';

export interface OpenApiSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  additionalProperties?: boolean | OpenApiSchema;
  /** OpenAPI v3 wraps a `$ref` that has siblings in a one-element allOf. */
  allOf?: OpenApiSchema[];
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
  [extension: string]: unknown;
}

export type OpenApiDefinitions = Record<string, OpenApiSchema>;

const REF_PREFIXES = ['#/definitions/', '#/components/schemas/'];
const MAX_REF_HOPS = 32;

/** Schema of the definition `rootDefinitionName` (e.g. `io.k8s.api.apps.v1.Deployment`); undefined if absent. */
export function schemaFromDefinitions(definitions: OpenApiDefinitions, rootDefinitionName: string): PatchSchema | undefined {
  const root = definitions[rootDefinitionName];
  if (!root) return undefined;
  const nodes = new WeakMap<OpenApiSchema, PatchSchema>();

  const refTarget = (ref: string): OpenApiSchema | undefined => {
    const prefix = REF_PREFIXES.find((p) => ref.startsWith(p));
    return prefix ? definitions[ref.slice(prefix.length)] : undefined;
  };

  /** Follows `$ref` / single-`allOf` chains to the schema that has the structure. */
  const resolve = (s: OpenApiSchema): OpenApiSchema => {
    let cur = s;
    for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
      const next = cur.$ref ? refTarget(cur.$ref) : cur.allOf?.length === 1 ? cur.allOf[0] : undefined;
      if (!next) return cur;
      cur = next;
    }
    return cur;
  };

  const node = (s: OpenApiSchema): PatchSchema => {
    const known = nodes.get(s);
    if (known) return known;
    const target = resolve(s);
    const ext = <T>(name: string, accept: (v: unknown) => v is T): T | undefined => {
      const own = s[name];
      if (accept(own)) return own;
      const inherited = target[name];
      return accept(inherited) ? inherited : undefined;
    };
    const isString = (v: unknown): v is string => typeof v === 'string';
    const isListType = (v: unknown): v is 'atomic' | 'set' | 'map' => v === 'atomic' || v === 'set' || v === 'map';
    const isMapType = (v: unknown): v is 'atomic' | 'granular' => v === 'atomic' || v === 'granular';
    const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

    const kind = kindOf(target);
    const valueSchema = typeof target.additionalProperties === 'object' ? target.additionalProperties : undefined;
    const result: PatchSchema = {
      kind,
      field(name: string): PatchSchema | undefined {
        if (kind === 'object') {
          const props = target.properties;
          return props && Object.prototype.hasOwnProperty.call(props, name) ? node(props[name]) : undefined;
        }
        if (kind === 'map') return valueSchema ? node(valueSchema) : undefined;
        return undefined;
      },
      items(): PatchSchema | undefined {
        return kind === 'list' && target.items ? node(target.items) : undefined;
      },
    };
    const patchStrategy = ext('x-kubernetes-patch-strategy', isString);
    const patchMergeKey = ext('x-kubernetes-patch-merge-key', isString);
    const listType = ext('x-kubernetes-list-type', isListType);
    const listMapKeys = ext('x-kubernetes-list-map-keys', isStrings);
    const mapType = ext('x-kubernetes-map-type', isMapType);
    if (patchStrategy !== undefined) result.patchStrategy = patchStrategy;
    if (patchMergeKey !== undefined) result.patchMergeKey = patchMergeKey;
    if (listType !== undefined) result.listType = listType;
    if (listMapKeys !== undefined) result.listMapKeys = listMapKeys;
    if (mapType !== undefined) result.mapType = mapType;
    nodes.set(s, result);
    return result;
  };

  return node(root);
}

function kindOf(s: OpenApiSchema): PatchSchema['kind'] {
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes('array') || s.items) return 'list';
  if (s.properties) return 'object';
  if (s.additionalProperties) return 'map';
  if (types.some((t) => t === 'string' || t === 'integer' || t === 'number' || t === 'boolean')) return 'primitive';
  return 'unknown';
}
