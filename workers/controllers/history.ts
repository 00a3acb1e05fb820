/**
 * ControllerRevisions: the history StatefulSets and DaemonSets keep of their
 * pod templates (pkg/controller/history/controller_history.go, and the
 * getPatch / snapshot helpers of the statefulset and daemon controllers).
 * A revision's `data` is a strategic merge patch that replaces
 * `spec.template`; revisions are equal when their data is.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { jsonEqual, type KubeObject, type OwnerReference } from '../api/object';
import type { ApiCall } from './context';
import { apiError, isAlreadyExists, type ApiError } from './replicaset/apiError';
import { safeEncodeString } from './deployment/podTemplateHash';

/** ControllerRevisionHashLabel: the hash a StatefulSet's revisions carry. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';
/** Pods name their revision with this label (apps.ControllerRevisionHashLabelKey). */
export const POD_REVISION_LABEL = 'controller-revision-hash';

export type ControllerRevision = KubeObject & { data?: unknown; revision: number };

const REVISION_REF = { group: 'apps', version: 'v1', resource: 'controllerrevisions' } as const;

/**
 * getPatch: `{"spec":{"template":{…,"$patch":"replace"}}}`. Upstream encodes
 * the object, decodes it into maps and marshals it again, so keys come out
 * sorted and the template's metadata has `creationTimestamp: null`.
 */
export function templatePatch(template: PodTemplateSpec | undefined): Record<string, unknown> {
  const t: Record<string, unknown> = { ...((template as Record<string, unknown> | undefined) ?? {}) };
  const meta = { ...((t.metadata as Record<string, unknown> | undefined) ?? {}) };
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  t.metadata = meta;
  t.$patch = 'replace';
  return { spec: { template: t } };
}

/** encoding/json of map[string]interface{}: keys sorted, HTML characters escaped. */
export function goMarshalSorted(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(goMarshalSorted).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${goString(k)}:${goMarshalSorted(o[k])}`).join(',')}}`;
  }
  if (typeof v === 'string') return goString(v);
  return JSON.stringify(v);
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** hash/fnv New32 (multiply, then xor; not the 32a variant). */
function fnv32(bytes: Uint8Array, h = FNV32_OFFSET): number {
  for (const b of bytes) h = (Math.imul(h, FNV32_PRIME) ^ b) >>> 0;
  return h >>> 0;
}

/** HashControllerRevision: FNV-32 of the raw data, then of the collision count in decimal. */
export function hashControllerRevision(data: unknown, probe?: number): string {
  const enc = new TextEncoder();
  let h = fnv32(enc.encode(goMarshalSorted(data)));
  if (probe !== undefined) h = fnv32(enc.encode(String(probe)), h);
  return safeEncodeString(String(h));
}

/** ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** NewControllerRevision: named after its hash, labelled with the template's labels and the hash. */
export function newControllerRevision(
  parent: KubeObject,
  controllerRef: OwnerReference,
  templateLabels: Record<string, string> | undefined,
  data: unknown,
  revision: number,
  collisionCount: number | undefined,
): ControllerRevision {
  const hash = hashControllerRevision(data, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(parent.metadata.name!, hash),
      namespace: parent.metadata.namespace,
      labels: { ...(templateLabels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [controllerRef],
    },
    data,
    revision,
  };
}

const created = (r: KubeObject) => Date.parse(r.metadata.creationTimestamp ?? '') || 0;

/** SortControllerRevisions: by revision, then creation time, then name. */
export function sortRevisions(revs: ControllerRevision[]): ControllerRevision[] {
  return revs.sort((a, b) => a.revision - b.revision || created(a) - created(b) || (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
}

export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  const ha = a.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  const hb = b.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  if (ha !== undefined && hb !== undefined && ha !== hb) return false;
  return jsonEqual(a.data, b.data);
}

export function findEqualRevisions(revs: readonly ControllerRevision[], needle: ControllerRevision): ControllerRevision[] {
  return revs.filter((r) => equalRevision(r, needle));
}

/** nextRevision: one past the highest revision (revisions sorted). */
export function nextRevision(sorted: readonly ControllerRevision[]): number {
  return sorted.length ? sorted[sorted.length - 1].revision + 1 : 1;
}

/** The API side of history.Interface (realHistory). */
export class ControllerHistory {
  constructor(private readonly api: ApiCall) {}

  /**
   * CreateControllerRevision: on a name collision with a different revision,
   * bump the collision count and try the next name.
   */
  create(parent: KubeObject, revision: ControllerRevision, collisionCount: { value: number }): ControllerRevision | ApiError {
    for (;;) {
      const hash = hashControllerRevision(revision.data, collisionCount.value);
      // Only the name follows the collision count; the hash label keeps the first hash, as upstream.
      const body: ControllerRevision = { ...revision, metadata: { ...revision.metadata, name: controllerRevisionName(parent.metadata.name!, hash) } };
      const r = this.api({ ...REVISION_REF, verb: 'create', namespace: parent.metadata.namespace, body });
      const err = apiError(r);
      if (!err) return r.body as ControllerRevision;
      if (!isAlreadyExists(err)) return err;
      const existing = this.api({ ...REVISION_REF, verb: 'get', namespace: parent.metadata.namespace, name: body.metadata.name });
      const got = existing.body as ControllerRevision;
      const getErr = apiError(existing);
      if (getErr) return getErr;
      if (jsonEqual(got.data, revision.data)) return got;
      collisionCount.value++;
    }
  }

  /** UpdateControllerRevision: give an existing revision a new revision number. */
  updateRevision(rev: ControllerRevision, revision: number): ControllerRevision | ApiError {
    if (rev.revision === revision) return rev;
    const r = this.api({ ...REVISION_REF, verb: 'update', namespace: rev.metadata.namespace, name: rev.metadata.name, body: { ...rev, revision } });
    return apiError(r) ?? (r.body as ControllerRevision);
  }

  delete(rev: ControllerRevision): ApiError | undefined {
    const err = apiError(this.api({ ...REVISION_REF, verb: 'delete', namespace: rev.metadata.namespace, name: rev.metadata.name }));
    return err?.reason === 'NotFound' ? undefined : err;
  }
}

export const isApiError = (v: unknown): v is ApiError => typeof v === 'object' && v !== null && 'code' in v && 'reason' in v && !('metadata' in v);
