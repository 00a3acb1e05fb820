/**
 * The private copy a status write (PUT …/status) works on. A status write
 * keeps nothing of the body but its status fields and (for the metadata it
 * may touch) annotations, yet the pipeline defaults the whole body first, as
 * upstream's decoder does; defaulting changes the body in place, so the
 * body is normally copied whole.
 */
import type { KubeObject } from '../object';
import type { ResourceType } from '../kinds/types';
import { copyJson } from '../json';

/**
 * Kinds whose defaulting reads and writes neither their status nor their
 * metadata (SetDefaults_Pod and the PodSpec defaults only touch the spec):
 * on a status write their defaults cannot change what is kept, so they are
 * skipped, and the rest of the body need not be copied.
 */
export function statusWriteSkipsDefaults(rt: ResourceType): boolean {
  return rt.group === '' && rt.kind === 'Pod';
}

/** A copy of `body` that the status-write pipeline may change in place. */
export function statusWriteBody(rt: ResourceType, body: KubeObject): KubeObject {
  if (!statusWriteSkipsDefaults(rt)) return copyJson(body);
  // Only the metadata and the status fields are written to or kept.
  const next: KubeObject = { ...body };
  if (body.metadata !== undefined) next.metadata = copyMetadata(body.metadata);
  for (const f of rt.statusFields ?? ['status']) if (f in body) next[f] = copyJson(body[f]);
  return next;
}

/**
 * Metadata copied deep, except the FieldsV1 trees of managedFields, which
 * nothing changes in place (the field manager treats them as immutable and
 * caches their decoded sets on them) and which a status write rarely keeps.
 */
function copyMetadata(meta: KubeObject['metadata']): KubeObject['metadata'] {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return copyJson(meta);
  const mf: unknown = meta.managedFields;
  if (!Array.isArray(mf)) return copyJson(meta);
  const out: Record<string, unknown> = copyJson({ ...meta, managedFields: undefined });
  out.managedFields = mf.map((e: unknown) => (typeof e === 'object' && e !== null && !Array.isArray(e) ? { ...e } : copyJson(e)));
  return out as KubeObject['metadata'];
}
