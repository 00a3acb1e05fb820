/**
 * A DaemonSet's ControllerRevisions (pkg/controller/daemon/update.go
 * constructHistory, snapshot, cleanupHistory): the current revision is the
 * one whose data equals the DaemonSet's template patch; its name and the
 * pods' `controller-revision-hash` come from ComputeHash of the template.
 */
import { jsonEqual } from '../../api/object';
import type { ApiCall } from '../context';
import { computeHash } from '../deployment/podTemplateHash';
import { POD_REVISION_LABEL, sortRevisions, templatePatch, type ControllerRevision } from '../history';
import { apiError, isAlreadyExists, isNotFound } from '../replicaset/apiError';
import { newControllerRef } from '../replicaset/controllerRef';
import type { Pod } from '../replicaset/types';
import type { DaemonSet } from './types';

const REVISIONS = { group: 'apps', version: 'v1', resource: 'controllerrevisions' } as const;

/** Match: the revision holds exactly this DaemonSet's template. */
export const matchesRevision = (ds: DaemonSet, rev: ControllerRevision) => jsonEqual(templatePatch(ds.spec.template), rev.data);

export type HistoryResult = { cur: ControllerRevision; old: ControllerRevision[] } | { error: string; collision?: boolean };

export function constructHistory(api: ApiCall, ds: DaemonSet, owned: ControllerRevision[]): HistoryResult {
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let rev of owned) {
    if (rev.metadata.labels?.[POD_REVISION_LABEL] === undefined) {
      // Revisions made before the label existed are labelled with their name.
      const r = api({ ...REVISIONS, verb: 'update', namespace: rev.metadata.namespace, name: rev.metadata.name, body: { ...rev, metadata: { ...rev.metadata, labels: { ...(rev.metadata.labels ?? {}), [POD_REVISION_LABEL]: rev.metadata.name! } } } });
      const err = apiError(r);
      if (err) return { error: err.message };
      rev = r.body as ControllerRevision;
    }
    (matchesRevision(ds, rev) ? current : old).push(rev);
  }
  const next = old.reduce((m, r) => Math.max(m, r.revision), 0) + 1;
  if (current.length === 0) return snapshot(api, ds, next, old);
  // dedupCurHistories: keep the newest equal revision, drop the rest.
  sortRevisions(current);
  let cur = current[current.length - 1];
  for (const dup of current.slice(0, -1)) {
    const err = apiError(api({ ...REVISIONS, verb: 'delete', namespace: dup.metadata.namespace, name: dup.metadata.name }));
    if (err && !isNotFound(err)) return { error: err.message };
  }
  if (cur.revision < next) {
    const r = api({ ...REVISIONS, verb: 'update', namespace: cur.metadata.namespace, name: cur.metadata.name, body: { ...cur, revision: next } });
    const err = apiError(r);
    if (err) return { error: err.message };
    cur = r.body as ControllerRevision;
  }
  return { cur, old };
}

function snapshot(api: ApiCall, ds: DaemonSet, revision: number, old: ControllerRevision[]): HistoryResult {
  const hash = computeHash(ds.spec.template ?? {}, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const body: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: ds.metadata.namespace,
      labels: { ...(ds.spec.template?.metadata?.labels ?? {}), [POD_REVISION_LABEL]: hash },
      ownerReferences: [newControllerRef(ds, 'apps/v1', 'DaemonSet')],
    },
    data: templatePatch(ds.spec.template),
    revision,
  };
  if (ds.metadata.annotations) body.metadata.annotations = { ...ds.metadata.annotations };
  const r = api({ ...REVISIONS, verb: 'create', namespace: ds.metadata.namespace, body });
  const err = apiError(r);
  if (!err) return { cur: r.body as ControllerRevision, old };
  if (!isAlreadyExists(err)) return { error: err.message };
  const existing = api({ ...REVISIONS, verb: 'get', namespace: ds.metadata.namespace, name });
  const getErr = apiError(existing);
  if (getErr) return { error: getErr.message };
  const got = existing.body as ControllerRevision;
  if (matchesRevision(ds, got)) return { cur: got, old };
  // A different revision holds the name: the caller bumps status.collisionCount and retries.
  return { error: `found a stale or conflicting ControllerRevision ${name} for DaemonSet ${ds.metadata.namespace}/${ds.metadata.name}`, collision: true };
}

/** cleanupHistory: delete the oldest old revisions no live pod uses, beyond revisionHistoryLimit. */
export function cleanupHistory(api: ApiCall, ds: DaemonSet, old: ControllerRevision[], pods: readonly Pod[]): string | undefined {
  let toKill = old.length - (ds.spec.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return undefined;
  const live = new Set<string>();
  for (const p of pods) {
    const h = p.metadata.labels?.[POD_REVISION_LABEL];
    if (h) live.add(h);
  }
  for (const rev of sortRevisions([...old])) {
    if (toKill <= 0) break;
    if (live.has(rev.metadata.labels?.[POD_REVISION_LABEL] ?? '')) continue;
    const err = apiError(api({ ...REVISIONS, verb: 'delete', namespace: rev.metadata.namespace, name: rev.metadata.name }));
    if (err && !isNotFound(err)) return err.message;
    toKill--;
  }
  return undefined;
}
