import { describe, it, expect } from 'vitest';
import { clone, type KubeObject } from '../object';
import { updateManagedFields, type UpdateManagedFieldsInput } from './managedFields';
import type { ManagedFieldsEntry } from './managers';
import { configMapSchema, deploymentSchema, storedDeployment } from './testing';

const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:01:00Z';
const T2 = '2025-01-01T00:02:00Z';

function run(p: Partial<UpdateManagedFieldsInput> & Pick<UpdateManagedFieldsInput, 'next' | 'manager'>) {
  return updateManagedFields({ old: undefined, apiVersion: 'apps/v1', time: T0, schema: deploymentSchema, subresources: ['status', 'scale'], ...p });
}

/** A stored object with the managedFields its creation produced. */
function created(manager = 'kubectl-create'): KubeObject {
  const d = storedDeployment({ uid: 'u-1' });
  d.metadata.managedFields = run({ next: storedDeployment(), manager }) as never;
  return d;
}

const entry = (mf: ManagedFieldsEntry[] | undefined, manager: string) => mf?.find((e) => e.manager === manager);

describe('updateManagedFields on create', () => {
  it('gives the creator one Update entry owning every field, as a real API server writes it', () => {
    const mf = run({ next: storedDeployment({ uid: 'u-1' }), manager: 'kubectl-create' });
    expect(mf).toHaveLength(1);
    const e = mf![0];
    expect(Object.keys(e)).toEqual(['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1']);
    expect(e).toMatchObject({ manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1' });
    expect(JSON.stringify(e.fieldsV1)).toBe(
      '{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:progressDeadlineSeconds":{},"f:replicas":{},"f:revisionHistoryLimit":{},"f:selector":{},' +
        '"f:strategy":{"f:rollingUpdate":{".":{},"f:maxSurge":{},"f:maxUnavailable":{}},"f:type":{}},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},' +
        '"f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},"f:name":{},"f:resources":{},' +
        '"f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},"f:dnsPolicy":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},' +
        '"f:terminationGracePeriodSeconds":{}}}}}',
    );
  });

  it('calls an unnamed manager "unknown"', () => {
    expect(run({ next: storedDeployment(), manager: '' })![0].manager).toBe('unknown');
  });

  it('never owns status on the main resource, nor name, uid or resourceVersion', () => {
    const d = storedDeployment({ uid: 'u' });
    d.status = { replicas: 3 };
    const fields = JSON.stringify(run({ next: d, manager: 'm' })![0].fieldsV1);
    expect(fields).not.toContain('f:status');
    expect(Object.keys(run({ next: d, manager: 'm' })![0].fieldsV1!['f:metadata'] as object)).toEqual(['f:labels']);
  });

  it('keeps managedFields a client sends on create', () => {
    const sent: ManagedFieldsEntry[] = [{ manager: 'x', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:paused': {} } } }];
    const d = storedDeployment({ managedFields: sent });
    const mf = run({ next: d, manager: 'kubectl-create' });
    expect(mf!.map((e) => e.manager)).toEqual(['x', 'kubectl-create']);
  });
});

describe('updateManagedFields on update', () => {
  it('moves the fields a second manager changes and leaves the rest', () => {
    const old = created();
    const next = clone(old);
    (next.spec as { replicas: number }).replicas = 3;
    const mf = run({ old, next, manager: 'kubectl-scale', time: T1 });
    expect(mf!.map((e) => [e.manager, e.time])).toEqual([
      ['kubectl-create', T0],
      ['kubectl-scale', T1],
    ]);
    expect(entry(mf, 'kubectl-scale')!.fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(JSON.stringify(entry(mf, 'kubectl-create')!.fieldsV1)).not.toContain('f:replicas');
  });

  it('takes a new container item with its own "." and removes owners of deleted fields', () => {
    const old = created();
    const next = clone(old);
    const pod = (next.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec;
    pod.containers.push({ name: 'sidecar', image: 'busybox' });
    delete (next.metadata.labels as Record<string, string>).app;
    const mf = run({ old, next, manager: 'editor', time: T1 });
    expect(entry(mf, 'editor')!.fieldsV1).toEqual({
      'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"sidecar"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:resources': {} } } } } },
    });
    // An emptied map is gone once Go omits it, so nobody owns labels any more.
    expect(entry(mf, 'kubectl-create')!.fieldsV1!['f:metadata']).toBeUndefined();
  });

  it('leaves entries and times alone when a write changes nothing', () => {
    const old = created();
    const mf = run({ old, next: clone(old), manager: 'someone-else', time: T2 });
    expect(mf).toEqual(old.metadata.managedFields);
  });

  it('merges a manager\'s later updates into its entry and moves its time', () => {
    const old = created();
    const step1 = clone(old);
    (step1.spec as { replicas: number }).replicas = 2;
    step1.metadata.managedFields = run({ old, next: step1, manager: 'hpa', time: T1 }) as never;
    const step2 = clone(step1);
    (step2.spec as { paused: boolean }).paused = true;
    const mf = run({ old: step1, next: step2, manager: 'hpa', time: T2 });
    expect(entry(mf, 'hpa')).toMatchObject({ time: T2, fieldsV1: { 'f:spec': { 'f:paused': {}, 'f:replicas': {} } } });
  });

  it('records a status-subresource writer with its subresource, owning only status', () => {
    const old = created();
    const next = clone(old);
    next.status = { replicas: 1, conditions: [{ type: 'Available', status: 'True' }] };
    (next.spec as { replicas: number }).replicas = 9; // ignored: /status resets spec
    const mf = run({ old, next, manager: 'kube-controller-manager', subresource: 'status', time: T1 });
    const e = entry(mf, 'kube-controller-manager')!;
    expect(e.subresource).toBe('status');
    expect(Object.keys(e)).toEqual(['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource']);
    expect(e.fieldsV1).toEqual({ 'f:status': { 'f:conditions': { '.': {}, 'k:{"type":"Available"}': { '.': {}, 'f:status': {}, 'f:type': {} } }, 'f:replicas': {} } });
  });

  it('sorts Apply entries before Update entries, then by time and name', () => {
    const old = created();
    old.metadata.managedFields = [
      ...(old.metadata.managedFields as ManagedFieldsEntry[]),
      { manager: 'b', operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:paused': {} } } },
      { manager: 'z', operation: 'Apply', apiVersion: 'apps/v1', time: T2, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:minReadySeconds': {} } } },
    ] as never;
    const next = clone(old);
    (next.spec as { replicas: number }).replicas = 5;
    const mf = run({ old, next, manager: 'a', time: T1 });
    expect(mf!.map((e) => `${e.operation}/${e.manager}`)).toEqual(['Apply/z', 'Update/b', 'Update/kubectl-create', 'Update/a']);
  });

  it('folds the oldest of more than ten updaters into ancient-changes', () => {
    let obj = created();
    for (let i = 0; i < 11; i++) {
      const next = clone(obj);
      (next.metadata.labels as Record<string, string>)[`l${i}`] = 'x';
      next.metadata.managedFields = run({ old: obj, next, manager: `m${i}`, time: `2025-01-01T01:${String(i).padStart(2, '0')}:00Z` }) as never;
      obj = next;
    }
    const mf = obj.metadata.managedFields as ManagedFieldsEntry[];
    expect(mf).toHaveLength(10);
    expect(mf.map((e) => e.manager)).toContain('ancient-changes');
    expect(mf.map((e) => e.manager)).not.toContain('kubectl-create');
    expect(mf.map((e) => e.manager)).not.toContain('m0');
    const ancient = entry(mf, 'ancient-changes')!;
    // Two rounds of capping: creator+m0, then m1 joined the bucket, which took m1's time.
    expect(ancient.time).toBe('2025-01-01T01:01:00Z');
    expect(JSON.stringify(ancient.fieldsV1)).toContain('f:l0');
    expect(JSON.stringify(ancient.fieldsV1)).toContain('f:l1');
    expect(JSON.stringify(ancient.fieldsV1)).not.toContain('f:l2');
    expect(JSON.stringify(ancient.fieldsV1)).toContain('f:replicas');
  });

  it('stops tracking an existing object whose managedFields were cleared', () => {
    const old = created();
    const next = clone(old);
    next.metadata.managedFields = [];
    (next.spec as { replicas: number }).replicas = 4;
    expect(run({ old, next, manager: 'kubectl-edit' })).toBeUndefined();
    const stillClear = clone(next);
    (stillClear.spec as { replicas: number }).replicas = 5;
    delete stillClear.metadata.managedFields;
    expect(run({ old: next, next: stillClear, manager: 'kubectl-edit' })).toBeUndefined();
  });

  it('ignores garbage managedFields in a request and keeps the stored ones', () => {
    const old = created();
    const next = clone(old);
    next.metadata.managedFields = [{ manager: 'x', operation: 'Bogus' }] as never;
    (next.spec as { replicas: number }).replicas = 2;
    const mf = run({ old, next, manager: 'm', time: T1 });
    expect(mf!.map((e) => e.manager)).toEqual(['kubectl-create', 'm']);
  });

  it('works for kinds without status (every change is owned)', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } };
    const mf = updateManagedFields({ old: undefined, next: cm, manager: 'kubectl-create', apiVersion: 'v1', time: T0, schema: configMapSchema });
    expect(mf![0].fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:a': {} } });
  });
});
