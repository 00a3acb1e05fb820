/** Installing the VPA as `vpa-up.sh` does: the CRDs, then the components in kube-system. */
import type { ApiCall } from '../../controllers/context';
import { vpaCrds } from './crds';
import { vpaObjects } from './manifests';

export function installVpa(api: ApiCall): void {
  const create = (group: string, version: string, resource: string, body: { metadata: { name?: string; namespace?: string } }) => {
    const r = api({ verb: 'create', group, version, resource, namespace: body.metadata.namespace, body });
    if (r.status >= 400 && r.status !== 409) throw new Error(`add-ons: creating ${resource}/${body.metadata.name} failed: ${JSON.stringify(r.body)}`);
  };
  for (const crd of vpaCrds()) create('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', crd);
  for (const o of vpaObjects()) create(o.group, o.version, o.resource, o.body);
}
