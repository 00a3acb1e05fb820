import { describe, it, expect, beforeAll } from 'vitest';
import type { PatchSchema } from '../patch';
import { gvkSchemas, type Gvk } from './testingSchemas';
import type { KubeObject } from '../object';
import { startOver } from './firstOwner';
import { updateManagedFields, type UpdateManagedFieldsInput } from './managedFields';
import { mutate, otherObjects, pick, seeded, storedPod } from './randomObjects';
import { deploymentSchema, storedDeployment } from './testing';

let schemaOf: (gvk: Gvk) => PatchSchema | undefined;

beforeAll(async () => {
  schemaOf = await gvkSchemas();
});

/** Both paths on the same input; JSON text compared, so key order counts. */
function both(input: UpdateManagedFieldsInput): { fast: string; general: string } {
  const fast = JSON.stringify(updateManagedFields({ ...input, next: structuredClone(input.next), old: structuredClone(input.old) }));
  const general = JSON.stringify(updateManagedFields({ ...input, next: structuredClone(input.next), old: structuredClone(input.old), general: true }));
  return { fast, general };
}

const POD = { group: '', version: 'v1', kind: 'Pod' };

describe('managedFields of a first owner, straight to JSON', () => {
  it('is what the general chain gives for a realistic pod create', () => {
    const pod = storedPod(3);
    const r = both({ old: undefined, next: pod, manager: 'kube-controller-manager', apiVersion: 'v1', time: 'T', schema: schemaOf(POD), subresources: ['status', 'binding'] });
    expect(r.fast).toBe(r.general);
    const fields = JSON.parse(r.fast)[0].fieldsV1;
    // Not vacuous: the pod's fields are there, the stripped and reset ones are not.
    expect(Object.keys(fields)).toEqual(['f:metadata', 'f:spec']);
    expect(Object.keys(fields['f:metadata'])).toEqual(['f:annotations', 'f:finalizers', 'f:generateName', 'f:labels', 'f:ownerReferences']);
    expect(fields['f:spec']['f:containers']['k:{"name":"nginx"}']['f:ports']['.']).toEqual({});
    expect(Object.keys(fields['f:spec']['f:containers']['k:{"name":"nginx"}']['f:ports'])).toEqual(['.', 'k:{"containerPort":80,"protocol":"TCP"}', 'k:{"containerPort":443,"protocol":"TCP"}']);
  });

  it('matches the general chain on thousands of randomly damaged objects of several kinds', () => {
    const r = seeded(42);
    const seeds = [{ gvk: POD, obj: storedPod(1) }, ...otherObjects()];
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const { gvk, obj } = pick(r, seeds);
      const next = mutate(r, obj, 1 + Math.floor(r() * 6));
      const sub = pick(r, [undefined, undefined, 'status', 'scale']);
      const sent = pick(r, [undefined, undefined, [], [{}], 'garbage', [{ manager: 'x' }]]);
      if (sent !== undefined && typeof next.metadata === 'object' && next.metadata) (next.metadata as Record<string, unknown>).managedFields = sent;
      const old = r() < 0.15 ? ({ apiVersion: next.apiVersion, kind: next.kind, metadata: {} } as KubeObject) : undefined;
      const input: UpdateManagedFieldsInput = {
        old,
        next,
        manager: pick(r, ['kubelet', '', 'kubectl-client-side-apply']),
        apiVersion: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version,
        time: pick(r, ['2025-01-01T00:00:00Z', '']),
        subresource: sub,
        schema: r() < 0.9 ? schemaOf(gvk) : undefined,
        subresources: ['status', 'scale'],
        resetFields: r() < 0.1 ? [['spec', 'containers'], ['metadata', 'labels']] : undefined,
      };
      const out = both(input);
      expect(out.fast, JSON.stringify(input.next)).toBe(out.general);
      if (out.general !== undefined) compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('matches for thousands of pods of one template', () => {
    const schema = schemaOf(POD);
    const distinct = new Set<unknown>();
    for (let i = 0; i < 7500; i++) {
      const pod = storedPod(i);
      // Only every 50th is checked against the general path; all of them fill the tables.
      const fast = updateManagedFields({ old: undefined, next: pod, manager: 'kcm', apiVersion: 'v1', time: 'T', schema, subresources: ['status'] });
      if (i % 50 === 0 || i > 7400) {
        const general = updateManagedFields({ old: undefined, next: pod, manager: 'kcm', apiVersion: 'v1', time: 'T', schema, subresources: ['status'], general: true });
        expect(JSON.stringify(fast)).toBe(JSON.stringify(general));
      }
      const volumes = (fast![0].fieldsV1!['f:spec'] as Record<string, Record<string, unknown>>)['f:volumes'];
      expect(Object.keys(volumes)).toContain(`k:{"name":"kube-api-access-${i}"}`);
      // Pods of one template share what they own alike.
      const containers = (fast![0].fieldsV1!['f:spec'] as Record<string, unknown>)['f:containers'];
      distinct.add(containers);
    }
    // Pods of one template share what they own alike; their unique levels do not fill the tables.
    expect(distinct.size).toBeLessThanOrEqual(2);
  });

  it('answers the same after the tables start over, sharing nothing from before', () => {
    const schema = schemaOf(POD);
    const input = (i: number): UpdateManagedFieldsInput => ({ old: undefined, next: storedPod(i), manager: 'kcm', apiVersion: 'v1', time: 'T', schema, subresources: ['status'] });
    const before = updateManagedFields(input(1))!;
    expect(updateManagedFields(input(2))![0].fieldsV1!['f:metadata']).toBe(before[0].fieldsV1!['f:metadata']);
    startOver();
    for (const i of [3, 4]) {
      const after = updateManagedFields(input(i))!;
      expect(JSON.stringify(after)).toBe(JSON.stringify(updateManagedFields({ ...input(i), general: true })));
      expect(after[0].fieldsV1!['f:metadata']).not.toBe(before[0].fieldsV1!['f:metadata']);
    }
  });

  it('matches on the hand-built Deployment schema, and owns nothing for an empty object', () => {
    const d = storedDeployment();
    const r = both({ old: undefined, next: d, manager: 'm', apiVersion: 'apps/v1', time: 'T', schema: deploymentSchema, subresources: ['status'] });
    expect(r.fast).toBe(r.general);
    const empty = both({ old: undefined, next: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', uid: 'u' } }, manager: 'm', apiVersion: 'v1', time: 'T', schema: undefined });
    expect(empty.fast).toBe(empty.general);
    expect(empty.fast).toBeUndefined();
  });

  it('still leaves the general path to client-sent managedFields', () => {
    const pod = storedPod(2);
    pod.metadata.managedFields = [{ manager: 'x', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:hostname': {} } } }];
    const r = both({ old: undefined, next: pod, manager: 'm', apiVersion: 'v1', time: 'T', schema: schemaOf(POD), subresources: ['status'] });
    expect(r.fast).toBe(r.general);
    expect(JSON.parse(r.fast).map((e: { manager: string }) => e.manager)).toEqual(['x', 'm']);
  });
});
