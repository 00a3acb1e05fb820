import { describe, it, expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readFileSync } from 'node:fs';
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import { apiResourceList } from '../discovery';
import { CRDS, SHIRTS, crdCluster, establish, runUntil, shirt, shirtCRD } from './testing';
import { CUSTOM_RESOURCE_CLEANUP_FINALIZER } from './crdDeletion';

const CORPUS = '/work/shared/corpus/manifests/customresourcedefinition__shirt-resources.yaml';

function getCRD(c: Awaited<ReturnType<typeof crdCluster>>, name: string): CustomResourceDefinition | undefined {
  const r = c.request({ ...CRDS, verb: 'get', name });
  return r.status === 200 ? (r.body as CustomResourceDefinition) : undefined;
}

describe('CRD establishing', () => {
  it('refuses shirts before the CRD exists, serves them after', async () => {
    const c = await crdCluster();
    const docs = parseAllDocuments(readFileSync(CORPUS, 'utf8')).map((d) => d.toJSON() as Record<string, unknown>);
    expect(docs).toHaveLength(3);
    const before = c.request({ ...SHIRTS, verb: 'create', namespace: 'default', body: docs[0] });
    expect(before.status).toBe(404);
    expect((before.body as { message: string }).message).toBe('the server could not find the requested resource');

    expect(establish(c, shirtCRD()).status).toBe(201);
    for (const d of docs) expect(c.request({ ...SHIRTS, verb: 'create', namespace: 'default', body: d }).status).toBe(201);
    const list = c.request({ ...SHIRTS, verb: 'list', namespace: 'default' }).body as { kind: string; items: { metadata: { name: string; generation: number } }[] };
    expect(list.kind).toBe('ShirtList');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['example1', 'example2', 'example3']);
    expect(list.items[0].metadata.generation).toBe(1);
  });

  it('sets acceptedNames, NamesAccepted and Established as upstream does', async () => {
    const c = await crdCluster();
    establish(c, shirtCRD());
    const crd = getCRD(c, 'shirts.stable.example.com')!;
    expect(crd.status?.acceptedNames).toEqual({ plural: 'shirts', singular: 'shirt', kind: 'Shirt', listKind: 'ShirtList' });
    expect(crd.status?.storedVersions).toEqual(['v1']);
    const conds = crd.status?.conditions ?? [];
    expect(conds.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['NamesAccepted', 'True', 'NoConflicts', 'no conflicts found'],
      ['Established', 'True', 'InitialNamesAccepted', 'the initial names have been accepted'],
    ]);
    expect(conds[0].lastTransitionTime).toBe('2025-01-01T00:00:00Z');
    const rl = apiResourceList(c.api.deps.registry, 'stable.example.com', 'v1') as { resources: Record<string, unknown>[] };
    expect(rl.resources).toEqual([{ name: 'shirts', singularName: 'shirt', namespaced: true, kind: 'Shirt', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }]);
  });

  it('refuses names another CRD of the group holds', async () => {
    const c = await crdCluster();
    establish(c, shirtCRD());
    const clash = shirtCRD();
    clash.metadata.name = 'tshirts.stable.example.com';
    (clash.spec as { names: Record<string, unknown> }).names = { plural: 'tshirts', singular: 'tshirt', kind: 'Shirt', shortNames: ['shirt'] };
    expect(c.request({ ...CRDS, verb: 'create', body: clash }).status).toBe(201);
    runUntil(c, () => (getCRD(c, 'tshirts.stable.example.com')?.status?.conditions?.length ?? 0) > 0);
    const crd = getCRD(c, 'tshirts.stable.example.com')!;
    const byType = Object.fromEntries((crd.status?.conditions ?? []).map((x) => [x.type, x]));
    // Kind and listKind both clash; the last conflict checked names the reason, as in calculateNamesAndConditions.
    expect(byType.NamesAccepted).toMatchObject({ status: 'False', reason: 'ListKindConflict', message: '"ShirtList" is already in use' });
    expect(byType.Established).toMatchObject({ status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' });
    expect(crd.status?.acceptedNames).toMatchObject({ plural: 'tshirts', singular: 'tshirt', kind: '' });
    expect(c.api.deps.registry.lookup('stable.example.com', 'v1', 'tshirts')).toBeUndefined();

    // The shortName clash alone, once the kind is free.
    const other = shirtCRD();
    other.metadata.name = 'blouses.stable.example.com';
    (other.spec as { names: Record<string, unknown> }).names = { plural: 'blouses', kind: 'Blouse', shortNames: ['shirts'] };
    c.request({ ...CRDS, verb: 'create', body: other });
    runUntil(c, () => (getCRD(c, 'blouses.stable.example.com')?.status?.conditions?.length ?? 0) > 0);
    const b = getCRD(c, 'blouses.stable.example.com')!;
    expect(b.status?.conditions?.[0]).toMatchObject({ type: 'NamesAccepted', status: 'False', reason: 'ShortNamesConflict', message: '"shirts" is already in use' });
  });

  it('a freed name is taken by the CRD that wanted it', async () => {
    const c = await crdCluster();
    establish(c, shirtCRD());
    const clash = shirtCRD();
    clash.metadata.name = 'tshirts.stable.example.com';
    (clash.spec as { names: Record<string, unknown> }).names = { plural: 'tshirts', kind: 'Shirt' };
    c.request({ ...CRDS, verb: 'create', body: clash });
    runUntil(c, () => (getCRD(c, 'tshirts.stable.example.com')?.status?.conditions?.length ?? 0) > 0);
    expect(c.request({ ...CRDS, verb: 'delete', name: 'shirts.stable.example.com' }).status).toBe(200);
    runUntil(c, () => !!c.api.deps.registry.lookup('stable.example.com', 'v1', 'tshirts'));
    expect(getCRD(c, 'shirts.stable.example.com')).toBeUndefined();
    expect(getCRD(c, 'tshirts.stable.example.com')?.status?.conditions?.find((x) => x.type === 'Established')?.status).toBe('True');
  });

  it('deleting the CRD removes its custom resources first, then the CRD and its endpoints', async () => {
    const c = await crdCluster();
    establish(c, shirtCRD());
    c.request({ verb: 'create', group: '', version: 'v1', resource: 'namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } });
    c.request({ ...SHIRTS, verb: 'create', namespace: 'default', body: shirt('a', { color: 'red' }) });
    c.request({ ...SHIRTS, verb: 'create', namespace: 'shop', body: shirt('b', { color: 'blue' }) });
    const held = shirt('held', {});
    held.metadata.finalizers = ['example.com/hold'];
    c.request({ ...SHIRTS, verb: 'create', namespace: 'shop', body: held });

    const del = c.request({ ...CRDS, verb: 'delete', name: 'shirts.stable.example.com' });
    expect(del.status).toBe(200);
    const marked = del.body as CustomResourceDefinition;
    expect(marked.metadata?.finalizers).toEqual([CUSTOM_RESOURCE_CLEANUP_FINALIZER]);
    expect(marked.status?.conditions?.find((x) => x.type === 'Terminating')).toMatchObject({ status: 'True', reason: 'InstanceDeletionPending' });

    runUntil(c, () => c.request({ ...SHIRTS, verb: 'get', namespace: 'shop', name: 'b' }).status === 404, 10_000);
    // A custom resource with its own finalizer holds the CRD.
    const crd = getCRD(c, 'shirts.stable.example.com')!;
    expect(crd.status?.conditions?.find((x) => x.type === 'Terminating')).toMatchObject({ status: 'True', reason: 'InstanceDeletionInProgress', message: 'CustomResource deletion is in progress' });
    const rt = c.api.deps.registry.lookup('stable.example.com', 'v1', 'shirts')!;
    expect(rt.verbs).toEqual(['delete', 'deletecollection', 'get', 'list', 'watch']);
    const late = c.request({ ...SHIRTS, verb: 'create', namespace: 'default', body: shirt('late', {}) });
    expect(late.status).toBe(405);
    expect((late.body as { message: string }).message).toBe('create not allowed while custom resource definition is terminating');

    const h = c.request({ ...SHIRTS, verb: 'get', namespace: 'shop', name: 'held' }).body as { metadata: Record<string, unknown> };
    expect(h.metadata.deletionTimestamp).toBeDefined();
    c.request({ ...SHIRTS, verb: 'patch', namespace: 'shop', name: 'held', contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } });
    runUntil(c, () => !getCRD(c, 'shirts.stable.example.com') && !c.api.deps.registry.lookup('stable.example.com', 'v1', 'shirts'));
    expect(getCRD(c, 'shirts.stable.example.com')).toBeUndefined();
    expect(c.api.deps.registry.lookup('stable.example.com', 'v1', 'shirts')).toBeUndefined();
    expect(c.request({ ...SHIRTS, verb: 'list' }).status).toBe(404);
    expect(c.store.list('/registry/stable.example.com/shirts/')).toHaveLength(0);
  });

  it('a CRD that never got its names goes without waiting', async () => {
    const c = await crdCluster();
    establish(c, shirtCRD());
    const clash = shirtCRD();
    clash.metadata.name = 'tshirts.stable.example.com';
    (clash.spec as { names: Record<string, unknown> }).names = { plural: 'tshirts', kind: 'Shirt' };
    c.request({ ...CRDS, verb: 'create', body: clash });
    runUntil(c, () => (getCRD(c, 'tshirts.stable.example.com')?.status?.conditions?.length ?? 0) > 0);
    c.request({ ...CRDS, verb: 'delete', name: 'tshirts.stable.example.com' });
    runUntil(c, () => !getCRD(c, 'tshirts.stable.example.com'));
    expect(getCRD(c, 'tshirts.stable.example.com')).toBeUndefined();
    expect(getCRD(c, 'shirts.stable.example.com')).toBeDefined();
  });
});
