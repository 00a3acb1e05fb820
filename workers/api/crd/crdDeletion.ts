/**
 * What deleting a CRD does at the API (apiextensions-apiserver
 * pkg/registry/customresourcedefinition/etcd.go REST.Delete): the first
 * DELETE marks it for deletion, adds the `customresourcecleanup` finalizer
 * and a Terminating condition, so the CRD stays until the finalizer
 * controller has removed every custom resource.
 */
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import type { Registry } from '../kinds/registry';
import type { ResourceType } from '../kinds/types';
import type { KubeObject } from '../object';
import { setCondition } from './conditions';

export const CUSTOM_RESOURCE_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

export const crdDeletionHooks: Pick<ResourceType, 'holdsDeletion' | 'prepareForDelete'> = {
  // Only a CRD not yet being deleted is held: that sends the first DELETE down the graceful path.
  holdsDeletion: (crd) => !crd.metadata.deletionTimestamp,
  prepareForDelete(obj: KubeObject) {
    const finalizers = obj.metadata.finalizers ?? [];
    if (!finalizers.includes(CUSTOM_RESOURCE_CLEANUP_FINALIZER)) obj.metadata.finalizers = [...finalizers, CUSTOM_RESOURCE_CLEANUP_FINALIZER];
    const crd = { ...(obj as unknown as CustomResourceDefinition) };
    crd.status = structuredClone(crd.status);
    setCondition(
      crd,
      { type: 'Terminating', status: 'True', reason: 'InstanceDeletionPending', message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon' },
      obj.metadata.deletionTimestamp ?? '',
    );
    obj.status = crd.status as unknown as KubeObject['status'];
  },
};

/** Give the registry's CRD resource the deletion hooks (idempotent). */
export function installCrdDeletionHooks(registry: Registry): void {
  const rt = registry.lookup('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');
  if (!rt || rt.prepareForDelete === crdDeletionHooks.prepareForDelete) return;
  registry.add({ ...rt, ...crdDeletionHooks });
}
