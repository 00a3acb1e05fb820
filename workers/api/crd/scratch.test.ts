import { it, expect } from 'vitest';
import { createCluster } from '../../cluster';
it('x', async () => {
  const c = await createCluster({ seed: 1 });
  const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'shirts.stable.example.com' }, spec: { group: 'stable.example.com', scope: 'Namespaced', names: { plural: 'shirts', kind: 'Shirt' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] } };
  const r = c.request({ verb: 'create', group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions', body: crd });
  console.log(r.status, JSON.stringify(r.body).slice(0, 2000));
  const o = r.body as any;
  o.status.conditions = [{ type: 'Established', status: 'True' }];
  const u = c.request({ verb: 'update', subresource: 'status', name: o.metadata.name, group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions', body: o });
  console.log(u.status, JSON.stringify((u.body as any).status));
});
