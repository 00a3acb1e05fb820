/**
 * PATCH bodies applied to the live object, answering the way
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go does:
 * which content types are served, and which failure becomes which Status.
 * Server-side apply (`application/apply-patch+yaml`) is routed elsewhere.
 */
import { parseApiVersion, type KubeObject } from '../object';
import {
  badRequestFailure,
  MAX_JSON_PATCH_OPERATIONS,
  tooManyOperationsFailure,
  undecodableResultFailure,
  unknownErrorFailure,
  unprocessableFailure,
  unsupportedByRouteFailure,
  unsupportedMediaTypeFailure,
  type PatchFailure,
} from './failure';
import { isJsonMap } from './json';
import { applyJsonPatchOps, decodeJsonPatch, jsonKindName } from './jsonPatch';
import { mergePatch } from './mergePatch';
import type { PatchSchema } from './schema';
import { strategicMergePatch, type SmpError } from './strategicMerge';

export type { PatchFailure } from './failure';
export type { PatchSchema } from './schema';
export { schemaFromDefinitions, type OpenApiDefinitions, type OpenApiSchema } from './schemaFromDefinitions';
export { strategicMergePatch, type SmpError, type SmpErrorType, type SmpResult } from './strategicMerge';
export { mergePatch } from './mergePatch';
export { applyJsonPatch } from './jsonPatch';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH_YAML = 'application/apply-patch+yaml';

/** Patch types built-in resources accept (endpoints/installer.go). */
export const BUILTIN_PATCH_TYPES: readonly string[] = [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH_YAML];
/** Custom resources have no Go struct to drive strategic merge; their 415 lists these (apiextensions-apiserver crdHandler). */
export const CUSTOM_RESOURCE_PATCH_TYPES: readonly string[] = [JSON_PATCH, MERGE_PATCH, APPLY_PATCH_YAML];

/** Server-side apply bodies: the caller hands them to field management. */
export interface RouteToApply {
  ok: false;
  route: 'apply';
}

export type PatchOutcome = { ok: true; object: KubeObject } | PatchFailure | RouteToApply;

/**
 * Applies `patchBody` (decoded JSON, or the raw JSON text) to `original`.
 * `schema` is the kind's patch metadata; leave it undefined for kinds without
 * one (custom resources), which then refuse strategic merge patch with 415
 * and answer an unknown content type the way the custom resource handler does.
 * Inputs are never changed.
 */
export function applyPatch(contentType: string, original: KubeObject, patchBody: unknown, schema?: PatchSchema): PatchOutcome {
  // Mirrors PatchResource: drop parameters such as "; charset=utf-8", compare exactly.
  const semi = contentType.indexOf(';');
  const mediaType = semi > 0 ? contentType.slice(0, semi) : contentType;
  const accepted = schema ? BUILTIN_PATCH_TYPES : CUSTOM_RESOURCE_PATCH_TYPES;
  if (!accepted.includes(mediaType)) return schema ? unsupportedByRouteFailure() : unsupportedMediaTypeFailure(accepted);
  if (mediaType === APPLY_PATCH_YAML) return { ok: false, route: 'apply' };

  let body = patchBody;
  if (typeof patchBody === 'string') {
    const parsed = parseJsonText(patchBody);
    if (!parsed.ok) return mediaType === MERGE_PATCH ? badRequestFailure('Invalid JSON Patch') : badRequestFailure(parsed.message);
    body = parsed.value;
  }

  switch (mediaType) {
    case JSON_PATCH:
      return jsonPatchOutcome(original, body);
    case MERGE_PATCH: {
      const r = mergePatch(original, body);
      return r.ok ? decoded(original, r.value) : badRequestFailure(r.message);
    }
    default:
      return strategicOutcome(original, body, schema);
  }
}

function jsonPatchOutcome(original: KubeObject, body: unknown): PatchOutcome {
  const ops = decodeJsonPatch(body);
  if (!ops.ok) return badRequestFailure(ops.message);
  if (ops.ops.length > MAX_JSON_PATCH_OPERATIONS) return tooManyOperationsFailure(ops.ops.length);
  const r = applyJsonPatchOps(original, ops.ops);
  return r.ok ? decoded(original, r.value) : unprocessableFailure();
}

function strategicOutcome(original: KubeObject, body: unknown, schema: PatchSchema | undefined): PatchOutcome {
  if (body !== null && !isJsonMap(body)) {
    return badRequestFailure(`json: cannot unmarshal ${jsonKindName(body)} into Go value of type map[string]interface {}`);
  }
  const r = strategicMergePatch(original, body, schema);
  return r.ok ? { ok: true, object: r.object as KubeObject } : smpFailure(r.error);
}

/** interpretStrategicMergePatchError */
export function smpFailure(error: SmpError): PatchFailure {
  switch (error.type) {
    case 'BadJSONDoc':
    case 'BadPatchFormatForPrimitiveList':
    case 'BadPatchFormatForRetainKeys':
    case 'BadPatchFormatForSetElementOrderList':
    case 'UnsupportedStrategicMergePatchFormat':
      return badRequestFailure(error.message);
    case 'NoListOfLists':
    case 'PatchContentNotMatchRetainKeys':
      return unprocessableFailure();
    default:
      return unknownErrorFailure(error.message);
  }
}

/** The patched JSON must decode back into the kind's Go struct. */
function decoded(original: KubeObject, value: unknown): PatchOutcome {
  if (isJsonMap(value)) return { ok: true, object: value as KubeObject };
  const { version } = parseApiVersion(String(original.apiVersion ?? ''));
  const goType = `${version}.${original.kind}`;
  return undecodableResultFailure(value, `json: cannot unmarshal ${jsonKindName(value)} into Go value of type ${goType}`);
}

/** Raw body text; the message approximates encoding/json's syntax errors. */
function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const trimmed = text.trim();
    if (trimmed === '') return { ok: false, message: 'unexpected end of JSON input' };
    const bad = firstBadCharacter(trimmed);
    return {
      ok: false,
      message: bad === undefined ? 'unexpected end of JSON input' : `invalid character '${bad}' looking for beginning of value`,
    };
  }
}

/** The offending character when the text cannot even start a JSON value. */
function firstBadCharacter(text: string): string | undefined {
  const first = text[0];
  if (!'{["-0123456789tfn'.includes(first)) return first;
  return undefined;
}
