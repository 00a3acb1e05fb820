/**
 * Finalizer edits shared by the PVC and PV protection controllers
 * (pkg/util/protectionutil, pkg/controller/volume/{pvc,pv}protection).
 */
import type { KubeObject } from '../../api/object';
import type { ApiCall } from '../context';
import { apiError, isNotFound } from '../replicaset/apiError';

/** IsDeletionCandidate: being deleted and still held by `finalizer`. */
export const isDeletionCandidate = (o: KubeObject, finalizer: string): boolean => !!o.metadata.deletionTimestamp && !!o.metadata.finalizers?.includes(finalizer);

/** NeedToAddFinalizer: alive and not yet protected. */
export const needToAddFinalizer = (o: KubeObject, finalizer: string): boolean => !o.metadata.deletionTimestamp && !o.metadata.finalizers?.includes(finalizer);

/** Update the object with `finalizer` added or removed; a vanished object is no error. */
export function setFinalizer(api: ApiCall, resource: string, o: KubeObject, finalizer: string, present: boolean): string | undefined {
  const rest = (o.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  const finalizers = present ? [...rest, finalizer] : rest;
  const metadata = { ...o.metadata, finalizers };
  if (finalizers.length === 0) delete (metadata as { finalizers?: string[] }).finalizers;
  const r = api({ verb: 'update', group: '', version: 'v1', resource, namespace: o.metadata.namespace, name: o.metadata.name, body: { ...o, metadata } });
  const e = apiError(r);
  return e && !isNotFound(e) ? e.message : undefined;
}
