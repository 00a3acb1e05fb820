/**
 * The bridge from client-side to server-side apply for the manager
 * "kubectl" (lastappliedmanager.go, lastappliedupdater.go): fields still
 * matching the last-applied annotation may be taken over without a
 * conflict, and the annotation is kept in step with what was applied.
 */
import { compare } from './compare';
import { FieldSet } from './fieldset';
import { goJson } from './goText';
import { isMap, type Schema } from './schemaInfo';
import { toFieldSet } from './toFieldSet';
import type { ConflictSets } from './updater';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Only kubectl's own server-side apply takes part in the upgrade path. */
export const UPGRADING_MANAGER = 'kubectl';

function lastAppliedText(obj: unknown): string | undefined {
  if (!isMap(obj) || !isMap(obj.metadata) || !isMap(obj.metadata.annotations)) return undefined;
  const v = obj.metadata.annotations[LAST_APPLIED_ANNOTATION];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const hasLastApplied = (obj: unknown) => lastAppliedText(obj) !== undefined;

/**
 * allowedConflictsFromLastApplied: the last-applied fields whose values the
 * live object still has. Undefined when there is no usable annotation.
 */
export function allowedConflictsFromLastApplied(live: unknown, groupVersion: string, schema: Schema): FieldSet | undefined {
  const text = lastAppliedText(live);
  if (text === undefined) return undefined;
  let last: unknown;
  try {
    last = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isMap(last) || last.apiVersion !== groupVersion) return undefined;
  const c = compare(last, live, schema);
  return toFieldSet(last, schema).difference(c.modified).difference(c.added).difference(c.removed);
}

/** conflictsDifference: drop the conflicts on allowed paths. */
export function conflictsOutside(conflicts: ConflictSets, allowed: FieldSet): ConflictSets {
  const out: ConflictSets = new Map();
  for (const [id, vs] of conflicts) {
    const left = vs.set.paths().filter((p) => !allowed.has(p));
    if (left.length) out.set(id, { ...vs, set: FieldSet.of(...left) });
  }
  return out;
}

/**
 * buildLastApplied: the applied configuration without the annotation itself,
 * encoded as the unstructured JSON encoder writes it (sorted keys, newline).
 */
export function buildLastApplied(applied: Record<string, unknown>): string {
  const copy: Record<string, unknown> = { ...applied };
  if (isMap(applied.metadata)) {
    const metadata: Record<string, unknown> = { ...applied.metadata };
    if (isMap(metadata.annotations)) {
      const annotations = { ...metadata.annotations };
      delete annotations[LAST_APPLIED_ANNOTATION];
      metadata.annotations = annotations;
    }
    copy.metadata = metadata;
  }
  return `${goJson(copy)}\n`;
}

/** SetLastApplied on the result object (a private copy). */
export function setLastApplied(obj: Record<string, unknown>, value: string): void {
  if (!isMap(obj.metadata)) obj.metadata = {};
  const metadata = obj.metadata as Record<string, unknown>;
  metadata.annotations = { ...(isMap(metadata.annotations) ? metadata.annotations : {}), [LAST_APPLIED_ANNOTATION]: value };
}
