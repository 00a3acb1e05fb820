/**
 * One JSON schema for Kubernetes manifests, made from the OpenAPI v2
 * definitions the API server serves (workers/api/openapi/generated), for
 * monaco-yaml's completion, hover docs and validation.
 *
 * Each document picks its kind's definition by apiVersion and kind (an
 * `if`/`then` per served kind). Objects refuse fields their definition does
 * not declare, as the API server's strict field validation (kubectl's
 * default) does. Quantity and IntOrString accept numbers and strings, and
 * timestamps may be null (`creationTimestamp: null` is common in generated YAML).
 */

export type JsonSchema = { [key: string]: unknown };

export interface KindRef {
  group: string;
  version: string;
  kind: string;
}

const DEF_PREFIX = '#/definitions/';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const TIMES = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']);
/** Keys of OpenAPI that JSON schema validators do not need (and that would only grow the worker's copy). */
const DROPPED_KEYS = new Set(['format', 'x-kubernetes-group-version-kind']);

/**
 * Builds the manifest schema. `kinds` are the kinds the cluster serves;
 * definitions whose `x-kubernetes-group-version-kind` names one become its branch.
 */
export function kubernetesSchema(definitions: Record<string, unknown>, kinds: readonly KindRef[]): JsonSchema {
  const served = new Set(kinds.map((k) => gvkKey(k)));
  const converted: Record<string, JsonSchema> = {};
  const branches: JsonSchema[] = [];
  const apiVersions = new Set<string>();
  const kindNames = new Set<string>();

  for (const [name, def] of Object.entries(definitions)) {
    if (!isObject(def)) continue;
    converted[name] = convertDefinition(name, def);
    const gvks = def['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    for (const g of gvks) {
      if (!isObject(g) || typeof g.kind !== 'string' || typeof g.version !== 'string') continue;
      const ref = { group: typeof g.group === 'string' ? g.group : '', version: g.version, kind: g.kind };
      if (!served.has(gvkKey(ref))) continue;
      const apiVersion = ref.group ? `${ref.group}/${ref.version}` : ref.version;
      apiVersions.add(apiVersion);
      kindNames.add(ref.kind);
      branches.push({
        if: { properties: { apiVersion: { const: apiVersion }, kind: { const: ref.kind } }, required: ['apiVersion', 'kind'] },
        then: { $ref: DEF_PREFIX + name },
      });
    }
  }

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      apiVersion: {
        description: 'APIVersion defines the versioned schema of this representation of an object.',
        // Custom resources have apiVersions of their own, so the list suggests without forbidding.
        anyOf: [{ enum: [...apiVersions].sort() }, { type: 'string' }],
      },
      kind: {
        description: 'Kind is a string value representing the REST resource this object represents.',
        anyOf: [{ enum: [...kindNames].sort() }, { type: 'string' }],
      },
    },
    required: ['apiVersion', 'kind'],
    allOf: branches,
    definitions: converted,
  };
}

function gvkKey(k: KindRef): string {
  return `${k.group}/${k.version}/${k.kind}`;
}

function convertDefinition(name: string, def: Record<string, unknown>): JsonSchema {
  const description = typeof def.description === 'string' ? { description: def.description } : {};
  if (name === INT_OR_STRING) return { ...description, type: ['integer', 'string'] };
  if (name === QUANTITY) return { ...description, type: ['string', 'number'] };
  if (TIMES.has(name)) return { ...description, type: ['string', 'null'] };
  return convertNode(def);
}

function convertNode(node: Record<string, unknown>): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYS.has(key) || key.startsWith('x-kubernetes-')) continue;
    if (key === 'properties' && isObject(value)) {
      const props: Record<string, JsonSchema> = {};
      for (const [p, s] of Object.entries(value)) props[p] = isObject(s) ? convertProperty(s) : {};
      out.properties = props;
    } else if ((key === 'items' || key === 'additionalProperties') && isObject(value)) {
      out[key] = convertProperty(value);
    } else {
      out[key] = value;
    }
  }
  // Strict field validation: a typo in a field name is an error, not a silently dropped field.
  if (out.type === 'object' && isObject(out.properties) && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

/** A `$ref` with a description of its own keeps both (JSON schema ignores siblings of `$ref`). */
function convertProperty(node: Record<string, unknown>): JsonSchema {
  if (typeof node.$ref === 'string' && Object.keys(node).some((k) => k !== '$ref')) {
    const { $ref, ...rest } = node;
    return { ...convertNode(rest), allOf: [{ $ref }] };
  }
  return convertNode(node);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
