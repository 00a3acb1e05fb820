import { describe, it, expect } from 'vitest';
import { clone, type KubeObject } from '../object';
import { serverSideApply, type ServerSideApplyInput } from './apply';
import { conflictMessage } from './conflict';
import { LAST_APPLIED_ANNOTATION } from './lastApplied';
import { updateManagedFields } from './managedFields';
import type { ManagedFieldsEntry } from './managers';
import { deploymentSchema, storedDeployment } from './testing';

const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:01:00Z';
const T2 = '2025-01-01T00:02:00Z';

type Obj = Record<string, unknown>;
type Container = { name: string; image?: string; args?: string[]; [k: string]: unknown };

function config(opts: { replicas?: number; containers?: Container[]; labels?: Record<string, string>; paused?: boolean } = {}): Obj {
  const spec: Obj = {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: opts.containers ?? [{ name: 'nginx', image: 'nginx:1.27' }] } },
  };
  if (opts.replicas !== undefined) spec.replicas = opts.replicas;
  if (opts.paused !== undefined) spec.paused = opts.paused;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels: opts.labels ?? { app: 'web' } }, spec };
}

function apply(p: Partial<ServerSideApplyInput> & Pick<ServerSideApplyInput, 'live' | 'applied'>) {
  return serverSideApply({ manager: 'kubectl', force: false, apiVersion: 'apps/v1', kind: 'Deployment', time: T0, schema: deploymentSchema, subresources: ['status', 'scale'], ...p });
}

/** Applies and stores: the result gets what the API server adds (uid, resourceVersion). */
function applied(p: Parameters<typeof apply>[0]): KubeObject {
  const r = apply(p);
  if (!r.ok) throw new Error(r.status.message);
  const o = clone(r.object);
  o.metadata.uid = 'u-1';
  o.metadata.resourceVersion = '7';
  return o;
}

/** An Update-style write by `manager`, with managedFields as the API server would record them. */
function updated(old: KubeObject, manager: string, time: string, change: (o: KubeObject) => void): KubeObject {
  const next = clone(old);
  change(next);
  next.metadata.managedFields = updateManagedFields({ old, next, manager, apiVersion: 'apps/v1', time, schema: deploymentSchema, subresources: ['status'] }) as never;
  return next;
}

const mf = (o: KubeObject) => o.metadata.managedFields as ManagedFieldsEntry[];
const byManager = (o: KubeObject, m: string) => mf(o).find((e) => e.manager === m);
const containersOf = (o: KubeObject) => (o.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers;

describe('serverSideApply: create and re-apply', () => {
  it('creates the object with one Apply entry owning exactly the applied fields', () => {
    const r = apply({ live: undefined, applied: config({ replicas: 2 }) });
    if (!r.ok) throw new Error(r.status.message);
    expect(r.changed).toBe(true);
    expect(r.object.spec).toEqual(config({ replicas: 2 }).spec);
    expect(mf(r.object)).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { 'f:app': {} } },
              'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
            },
          },
        },
      },
    ]);
  });

  it('re-applying the same configuration changes nothing, not even the time', () => {
    const live = applied({ live: undefined, applied: config({ replicas: 2 }) });
    const r = apply({ live, applied: config({ replicas: 2 }), time: T1 });
    if (!r.ok) throw new Error(r.status.message);
    expect(r.changed).toBe(false);
    expect(r.object).toEqual(live);
  });

  it('removes a field the applier no longer specifies', () => {
    const live = applied({ live: undefined, applied: config({ replicas: 2, paused: true, labels: { app: 'web', tier: 'fe' } }) });
    const r = apply({ live, applied: config({ replicas: 2 }), time: T1 });
    if (!r.ok) throw new Error(r.status.message);
    expect((r.object.spec as Obj).paused).toBeUndefined();
    expect(r.object.metadata.labels).toEqual({ app: 'web' });
    expect(r.object.metadata.uid).toBe('u-1');
    expect(JSON.stringify(byManager(r.object, 'kubectl')!.fieldsV1)).not.toMatch(/f:paused|f:tier/);
    expect(byManager(r.object, 'kubectl')!.time).toBe(T1);
  });

  it('keeps a dropped field that another manager also owns', () => {
    let live = applied({ live: undefined, applied: config({ replicas: 2, labels: { app: 'web', tier: 'fe' } }) });
    live = updated(live, 'labeler', T1, (o) => {
      (o.metadata.labels as Record<string, string>).tier = 'backend';
    });
    const r = apply({ live, applied: config({ replicas: 2 }), time: T2 });
    if (!r.ok) throw new Error(r.status.message);
    expect(r.object.metadata.labels).toEqual({ app: 'web', tier: 'backend' });
    expect(byManager(r.object, 'labeler')!.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:tier': {} } } });
  });

  it('merges its containers with one another manager added, and keeps the live order', () => {
    let live = applied({ live: undefined, applied: config({ replicas: 1 }) });
    live = updated(live, 'injector', T1, (o) => {
      containersOf(o).push({ name: 'sidecar', image: 'envoy' });
    });
    const r = apply({ live, applied: config({ replicas: 1, containers: [{ name: 'nginx', image: 'nginx:1.28' }] }), time: T2 });
    if (!r.ok) throw new Error(r.status.message);
    expect(containersOf(r.object)).toEqual([
      { name: 'nginx', image: 'nginx:1.28' },
      { name: 'sidecar', image: 'envoy' },
    ]);
    expect(byManager(r.object, 'injector')!.fieldsV1).toEqual({
      // f:resources: the Go encoding always writes a container's (empty) resources.
      'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"sidecar"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:resources': {} } } } } },
    });
  });

  it('places new items where the configuration puts them relative to shared ones (typed/merge.go order)', () => {
    let live = applied({ live: undefined, applied: config({ containers: [{ name: 'a', image: 'a' }] }) });
    live = updated(live, 'other', T1, (o) => {
      containersOf(o).push({ name: 'z', image: 'z' });
    });
    let r = apply({ live, applied: config({ containers: [{ name: 'b', image: 'b' }, { name: 'a', image: 'a' }] }), time: T2 });
    if (!r.ok) throw new Error(r.status.message);
    expect(containersOf(r.object).map((c) => c.name)).toEqual(['b', 'a', 'z']);
    // After the last shared item, live-only items come before new ones.
    r = apply({ live, applied: config({ containers: [{ name: 'a', image: 'a' }, { name: 'b', image: 'b' }] }), time: T2 });
    if (!r.ok) throw new Error(r.status.message);
    expect(containersOf(r.object).map((c) => c.name)).toEqual(['a', 'z', 'b']);
  });

  it('replaces an atomic list wholesale', () => {
    const live = applied({ live: undefined, applied: config({ containers: [{ name: 'nginx', image: 'nginx', args: ['a', 'b', 'c'] }] }) });
    const r = apply({ live, applied: config({ containers: [{ name: 'nginx', image: 'nginx', args: ['z'] }] }), time: T1 });
    if (!r.ok) throw new Error(r.status.message);
    expect(containersOf(r.object)[0].args).toEqual(['z']);
    const fields = byManager(r.object, 'kubectl')!.fieldsV1 as Obj;
    expect(JSON.stringify(fields)).toContain('"f:args":{}');
  });

  it('takes ownership of pre-existing untracked fields through before-first-apply', () => {
    const live = storedDeployment({ uid: 'u-9' });
    const r = apply({ live, applied: config({ replicas: 1 }), time: T1 });
    if (r.ok) throw new Error('expected a conflict with before-first-apply');
    expect(r.status.message).toBe(
      'Apply failed with 4 conflicts: conflicts with "before-first-apply" using apps/v1:\n' +
        '- .metadata.labels.app\n' +
        '- .spec.selector\n' +
        '- .spec.template.metadata.labels.app\n' +
        '- .spec.template.spec.containers[name="nginx"].image',
    );
    expect(r.conflicts!.map((c) => c.manager)).toEqual(['before-first-apply']);
  });
});

describe('serverSideApply: conflicts', () => {
  function scaledBy(manager: string): KubeObject {
    const live = applied({ live: undefined, applied: config({ replicas: 2 }) });
    return updated(live, manager, T1, (o) => {
      (o.spec as Obj).replicas = 5;
    });
  }

  it('conflicts with an Update manager that owns a field it sets differently', () => {
    const r = apply({ live: scaledBy('kubectl-client-side-apply'), applied: config({ replicas: 3 }), time: T2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status.code).toBe(409);
    expect(r.status.reason).toBe('Conflict');
    expect(r.status.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
    expect(r.status.details?.causes).toEqual([
      { reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' },
    ]);
  });

  it('shares a field set to the same value instead of conflicting', () => {
    const r = apply({ live: scaledBy('hpa'), applied: config({ replicas: 5 }), time: T2 });
    if (!r.ok) throw new Error(r.status.message);
    expect(byManager(r.object, 'hpa')!.fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(JSON.stringify(byManager(r.object, 'kubectl')!.fieldsV1)).toContain('f:replicas');
  });

  it('with force moves the field to the applier', () => {
    const r = apply({ live: scaledBy('hpa'), applied: config({ replicas: 3 }), force: true, time: T2 });
    if (!r.ok) throw new Error(r.status.message);
    expect((r.object.spec as Obj).replicas).toBe(3);
    expect(byManager(r.object, 'hpa')).toBeUndefined();
    expect(JSON.stringify(byManager(r.object, 'kubectl')!.fieldsV1)).toContain('f:replicas');
  });

  it('lists several conflicts grouped by manager, managers sorted', () => {
    let live = scaledBy('zeta');
    live = updated(live, 'alpha', T2, (o) => {
      containersOf(o)[0].image = 'nginx:edge';
      (o.metadata.labels as Record<string, string>).app = 'other';
    });
    const r = apply({ live, applied: config({ replicas: 3 }), manager: 'deployer', time: T2 });
    if (r.ok) throw new Error('expected conflicts');
    expect(r.status.message).toBe(
      'Apply failed with 3 conflicts: conflicts with "alpha" using apps/v1:\n' +
        '- .metadata.labels.app\n' +
        '- .spec.template.spec.containers[name="nginx"].image\n' +
        'conflicts with "zeta" using apps/v1:\n' +
        '- .spec.replicas',
    );
    expect(r.status.details?.causes?.map((c) => c.field)).toEqual(['.metadata.labels.app', '.spec.template.spec.containers[name="nginx"].image', '.spec.replicas']);
  });

  it('names another applier without a version', () => {
    const live = applied({ live: undefined, applied: config({ replicas: 2 }), manager: 'gitops' });
    const r = apply({ live, applied: config({ replicas: 4 }), manager: 'kubectl', time: T1 });
    if (r.ok) throw new Error('expected a conflict');
    expect(r.status.message).toBe('Apply failed with 1 conflict: conflict with "gitops": .spec.replicas');
    expect(
      conflictMessage([{ manager: 'kcm', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status', fields: ['.status.replicas'] }]),
    ).toBe('Apply failed with 1 conflict: conflict with "kcm" with subresource "status" using apps/v1: .status.replicas');
  });

  it('lets kubectl take over fields its client-side apply still matches, and refreshes the annotation', () => {
    const csaConfig = config({ replicas: 2 });
    let live = storedDeployment({ uid: 'u-2' });
    (live.spec as Obj).replicas = 2;
    live.metadata.labels = { app: 'web' };
    (live.spec as Obj).selector = { matchLabels: { app: 'web' } };
    (live.spec as { template: { metadata: Obj } }).template.metadata.labels = { app: 'web' };
    containersOf(live)[0].image = 'nginx:1.27';
    live.metadata.annotations = { [LAST_APPLIED_ANNOTATION]: JSON.stringify(csaConfig) };
    live.metadata.managedFields = updateManagedFields({
      old: undefined,
      next: live,
      manager: 'kubectl-client-side-apply',
      apiVersion: 'apps/v1',
      time: T0,
      schema: deploymentSchema,
    }) as never;
    const r = apply({ live, applied: config({ replicas: 3 }), time: T1 });
    // .spec.replicas is in the annotation and in sync with live, so no conflict.
    if (!r.ok) throw new Error(r.status.message);
    expect((r.object.spec as Obj).replicas).toBe(3);
    expect(r.object.metadata.annotations?.[LAST_APPLIED_ANNOTATION]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}\n',
    );
    // Another manager name gets no such pass.
    const other = apply({ live, applied: config({ replicas: 3 }), manager: 'not-kubectl', time: T1 });
    expect(other.ok ? undefined : other.status.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
    // Nor does a field the live object no longer has at its last-applied value.
    const drifted = updated(live, 'hpa', T1, (o) => {
      (o.spec as Obj).replicas = 7;
    });
    const stillCsa = updated(drifted, 'kubectl-client-side-apply', T1, (o) => {
      (o.spec as Obj).replicas = 8;
    });
    const blocked = apply({ live: stillCsa, applied: config({ replicas: 3 }), time: T2 });
    expect(blocked.ok ? undefined : blocked.status.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
  });
});

describe('serverSideApply: bad input', () => {
  it('rejects an object of another type or without apiVersion/kind', () => {
    const noVersion = config();
    delete noVersion.apiVersion;
    let r = apply({ live: undefined, applied: noVersion });
    expect(r.ok ? undefined : [r.status.code, r.status.reason, r.status.message]).toEqual([400, 'BadRequest', 'invalid object type: /, Kind=Deployment']);
    const noKind = config();
    delete noKind.kind;
    r = apply({ live: undefined, applied: noKind });
    expect(r.ok ? undefined : r.status.message).toBe('invalid object type: apps/v1, Kind=');
    r = apply({ live: undefined, applied: { ...config(), apiVersion: 'v1', kind: 'Pod' } });
    expect(r.ok ? undefined : r.status.message).toBe('invalid object type: /v1, Kind=Pod');
  });

  it('rejects managedFields in the configuration', () => {
    const c = config();
    (c.metadata as Obj).managedFields = [];
    const r = apply({ live: undefined, applied: c });
    expect(r.ok ? undefined : [r.status.code, r.status.message]).toEqual([400, 'metadata.managedFields must be nil']);
  });

  it('reports duplicate and keyless list items as upstream types them', () => {
    let r = apply({ live: undefined, applied: config({ containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] }) });
    expect(r.ok ? undefined : [r.status.code, r.status.message]).toEqual([
      500,
      'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: duplicate entries for key [name="a"]',
    ]);
    r = apply({ live: undefined, applied: config({ containers: [{ image: 'x' } as Container, { name: 'b', ports: [{ containerPort: 80 }, { containerPort: 80, protocol: 'TCP' }] }] }) });
    expect(r.ok ? undefined : r.status.message).toBe(
      'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): errors:\n' +
        '  .spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)\n' +
        '  .spec.template.spec.containers[name="b"].ports: duplicate entries for key [containerPort=80,protocol="TCP"]',
    );
  });

  it('reports undecodable live managedFields', () => {
    const live = storedDeployment({ uid: 'u', managedFields: [{ manager: 'x', operation: 'Apply', apiVersion: 'apps/v1' }] });
    const r = apply({ live, applied: config() });
    expect(r.ok ? undefined : [r.status.code, r.status.message]).toEqual([500, 'failed to decode managed fields: missing fieldsType in managed fields entry 0']);
  });
});

describe('serverSideApply: keyed list items', () => {
  it('removes a container it stopped applying but keeps one another manager added', () => {
    let live = applied({ live: undefined, applied: config({ containers: [{ name: 'a', image: 'a' }, { name: 'b', image: 'b' }] }) });
    live = updated(live, 'injector', T1, (o) => {
      containersOf(o).push({ name: 'c', image: 'c' });
    });
    const r = apply({ live, applied: config({ containers: [{ name: 'a', image: 'a' }] }), time: T2 });
    if (!r.ok) throw new Error(r.status.message);
    expect(containersOf(r.object).map((c) => c.name)).toEqual(['a', 'c']);
    expect(JSON.stringify(byManager(r.object, 'kubectl')!.fieldsV1)).not.toContain('"b"');
  });

  it('applies to a status subresource with its own entry', () => {
    const live = applied({ live: undefined, applied: config({ replicas: 1 }) });
    const r = apply({ live, applied: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, status: { replicas: 1 } }, manager: 'ctl', subresource: 'status', time: T1 });
    if (!r.ok) throw new Error(r.status.message);
    const e = byManager(r.object, 'ctl')!;
    expect([e.operation, e.subresource, e.fieldsV1]).toEqual(['Apply', 'status', { 'f:status': { 'f:replicas': {} } }]);
    expect(byManager(r.object, 'kubectl')!.fieldsV1).toEqual(mf(live)[0].fieldsV1);
  });
});
