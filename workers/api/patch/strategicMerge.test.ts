import { describe, expect, it } from 'vitest';
import type { PatchSchema } from './schema';
import { schemaFromDefinitions, type OpenApiDefinitions } from './schemaFromDefinitions';
import { strategicMergePatch, type SmpErrorType } from './strategicMerge';
import { DEPLOYMENT, POD, testDefinitions } from './testDefinitions';

// The `MergeItem` test type of upstream strategicpatch/patch_test.go, as OpenAPI.
const item = { $ref: '#/definitions/mergeItem' };
const mergeItemDefinitions: OpenApiDefinitions = {
  mergeItem: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      value: { type: 'string' },
      other: { type: 'string' },
      mergingList: { type: 'array', items: item, 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name' },
      nonMergingList: { type: 'array', items: item },
      mergingIntList: { type: 'array', items: { type: 'integer' }, 'x-kubernetes-patch-strategy': 'merge' },
      nonMergingIntList: { type: 'array', items: { type: 'integer' } },
      simpleMap: { type: 'object', additionalProperties: { type: 'string' } },
      retainKeysMap: { $ref: '#/definitions/retainKeysMergeItem', 'x-kubernetes-patch-strategy': 'retainKeys' },
      replacingItem: { type: 'object', 'x-kubernetes-patch-strategy': 'replace' },
      mergingListOfLists: {
        type: 'array',
        items: { type: 'array', items: { type: 'string' } },
        'x-kubernetes-patch-strategy': 'merge',
      },
      mergingListNoKey: { type: 'array', items: item, 'x-kubernetes-patch-strategy': 'merge' },
    },
  },
  retainKeysMergeItem: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      value: { type: 'string' },
      other: { type: 'string' },
      mergingIntList: { type: 'array', items: { type: 'integer' }, 'x-kubernetes-patch-strategy': 'merge' },
    },
  },
};

const mergeItem = schemaFromDefinitions(mergeItemDefinitions, 'mergeItem') as PatchSchema;
const deployment = schemaFromDefinitions(testDefinitions, DEPLOYMENT) as PatchSchema;
const pod = schemaFromDefinitions(testDefinitions, POD) as PatchSchema;

type Json = Record<string, unknown>;

function apply(original: Json, patch: unknown, schema: PatchSchema = mergeItem): Json {
  const r = strategicMergePatch(original, patch, schema);
  if (!r.ok) throw new Error(`unexpected failure: ${r.error.type}: ${r.error.message}`);
  return r.object;
}

const names = (list: unknown) => (list as Json[]).map((x) => x.name);

describe('strategicMergePatch: maps and nulls', () => {
  it.each<{ name: string; original: Json; patch: Json; result: Json }>([
    { name: 'adds and replaces scalar fields', original: { name: 'a', value: 'x' }, patch: { value: 'y', other: 'z' }, result: { name: 'a', value: 'y', other: 'z' } },
    { name: 'null deletes a key', original: { name: 'a', value: 'x' }, patch: { value: null }, result: { name: 'a' } },
    { name: 'null for a missing key is ignored', original: { name: 'a' }, patch: { other: null }, result: { name: 'a' } },
    {
      name: 'nested maps merge key by key',
      original: { simpleMap: { a: '1', b: '2' } },
      patch: { simpleMap: { b: '3', c: '4' } },
      result: { simpleMap: { a: '1', b: '3', c: '4' } },
    },
    {
      name: 'nulls inside a subtree the original lacks are dropped',
      original: {},
      patch: { simpleMap: { a: '1', b: null } },
      result: { simpleMap: { a: '1' } },
    },
    { name: 'a value of another type replaces', original: { value: 'x' }, patch: { value: 3 }, result: { value: 3 } },
    {
      name: '$patch: replace on a map replaces it',
      original: { simpleMap: { a: '1', b: '2' } },
      patch: { simpleMap: { $patch: 'replace', c: '3' } },
      result: { simpleMap: { c: '3' } },
    },
    {
      name: '$patch: delete on a map empties it',
      original: { name: 'a', simpleMap: { a: '1' } },
      patch: { simpleMap: { $patch: 'delete' } },
      result: { name: 'a', simpleMap: {} },
    },
    {
      name: 'patch strategy replace takes the patch map whole',
      original: { replacingItem: { a: 1, b: 2 } },
      patch: { replacingItem: { c: 3 } },
      result: { replacingItem: { c: 3 } },
    },
  ])('$name', ({ original, patch, result }) => {
    expect(apply(original, patch)).toEqual(result);
  });

  it('removes a label with null (deployment metadata)', () => {
    const live = { metadata: { name: 'web', labels: { app: 'web', tier: 'front' } } };
    const out = apply(live, { metadata: { labels: { tier: null } } }, deployment);
    expect(out.metadata).toEqual({ name: 'web', labels: { app: 'web' } });
  });

  it('a null patch changes nothing', () => {
    expect(apply({ name: 'a' }, null)).toEqual({ name: 'a' });
  });

  it('never changes its inputs', () => {
    const original = { mergingList: [{ name: 'a', value: '1' }], simpleMap: { a: '1' } };
    const patch = { mergingList: [{ name: 'a', value: '2' }, { name: 'b' }], simpleMap: { a: null }, $retainKeys: ['mergingList', 'simpleMap'] };
    const before = [JSON.stringify(original), JSON.stringify(patch)];
    apply(original, patch);
    expect([JSON.stringify(original), JSON.stringify(patch)]).toEqual(before);
  });
});

describe('strategicMergePatch: lists of maps with a merge key', () => {
  const live = {
    spec: {
      containers: [
        { name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
        { name: 'sidecar', image: 'busybox', args: ['sleep', '3600'] },
      ],
    },
  };

  it('merges containers by name, keeping the live order', () => {
    const out = apply(live, { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }] } }, pod);
    const containers = (out.spec as Json).containers as Json[];
    expect(names(containers)).toEqual(['web', 'sidecar']);
    expect(containers[1]).toEqual({ name: 'sidecar', image: 'busybox:1.36', args: ['sleep', '3600'] });
    expect(containers[0].image).toBe('nginx:1.25');
  });

  it('merges env entries by name inside a container', () => {
    const out = apply(live, { spec: { containers: [{ name: 'web', env: [{ name: 'B', value: '20' }, { name: 'C', value: '3' }] }] } }, pod);
    const env = (((out.spec as Json).containers as Json[])[0].env as Json[]).map((e) => `${e.name}=${e.value}`);
    // C follows B because the patch lists it after B, and B is placed by its live position.
    expect(env).toEqual(['A=1', 'B=20', 'C=3']);
  });

  it('puts a new container first when no $setElementOrder is sent (upstream order rule)', () => {
    const out = apply(live, { spec: { containers: [{ name: 'log', image: 'fluentd' }] } }, pod);
    expect(names((out.spec as Json).containers)).toEqual(['log', 'web', 'sidecar']);
    const mixed = apply(live, { spec: { containers: [{ name: 'log' }, { name: 'web', image: 'nginx:2' }] } }, pod);
    expect(names((mixed.spec as Json).containers)).toEqual(['log', 'web', 'sidecar']);
    const after = apply(live, { spec: { containers: [{ name: 'sidecar', image: 'b' }, { name: 'log' }] } }, pod);
    expect(names((after.spec as Json).containers)).toEqual(['web', 'sidecar', 'log']);
  });

  it('replaces a list without patch strategy (container args)', () => {
    const out = apply(live, { spec: { containers: [{ name: 'sidecar', args: ['sleep', '1'] }] } }, pod);
    expect(((out.spec as Json).containers as Json[])[1].args).toEqual(['sleep', '1']);
  });

  it('deletes a container with $patch: delete', () => {
    const out = apply(live, { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } }, pod);
    expect(names((out.spec as Json).containers)).toEqual(['web']);
  });

  it('replaces the whole list with $patch: replace', () => {
    const out = apply(live, { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'redis' }] } }, pod);
    expect((out.spec as Json).containers).toEqual([{ name: 'only', image: 'redis' }]);
  });

  it('merges container ports by containerPort', () => {
    const original = { spec: { containers: [{ name: 'web', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] }] } };
    const out = apply(original, { spec: { containers: [{ name: 'web', ports: [{ containerPort: 443, name: 'https' }] }] } }, pod);
    expect(((out.spec as Json).containers as Json[])[0].ports).toEqual([
      { containerPort: 80, name: 'http' },
      { containerPort: 443, name: 'https' },
    ]);
  });

  it('merges ownerReferences by uid', () => {
    const original = { metadata: { ownerReferences: [{ uid: 'u1', kind: 'ReplicaSet', name: 'a' }] } };
    const out = apply(original, { metadata: { ownerReferences: [{ uid: 'u1', controller: true }] } }, pod);
    expect((out.metadata as Json).ownerReferences).toEqual([{ uid: 'u1', kind: 'ReplicaSet', name: 'a', controller: true }]);
  });

  it('drops directives from items copied in whole', () => {
    const out = apply(
      { spec: {} },
      {
        spec: {
          initContainers: [
            { name: 'gone', $patch: 'delete' },
            { name: 'init', env: [{ name: 'X', value: '1' }], '$setElementOrder/env': [{ name: 'X' }] },
          ],
        },
      },
      pod,
    );
    expect((out.spec as Json).initContainers).toEqual([{ name: 'init', env: [{ name: 'X', value: '1' }] }]);
  });
});

describe('strategicMergePatch: lists of scalars', () => {
  it.each<{ name: string; original: Json; patch: Json; result: Json }>([
    // Upstream "preserve the order from the patch in a merging int list".
    { name: 'merge strategy merges as a set', original: { mergingIntList: [1, 2, 3] }, patch: { mergingIntList: [3, 1] }, result: { mergingIntList: [2, 3, 1] } },
    { name: 'new scalars go first', original: { mergingIntList: [1, 2] }, patch: { mergingIntList: [3] }, result: { mergingIntList: [3, 1, 2] } },
    { name: 'no strategy replaces', original: { nonMergingIntList: [1, 2] }, patch: { nonMergingIntList: [3] }, result: { nonMergingIntList: [3] } },
    {
      name: '$deleteFromPrimitiveList removes items',
      original: { mergingIntList: [1, 2, 3] },
      patch: { '$deleteFromPrimitiveList/mergingIntList': [2] },
      result: { mergingIntList: [1, 3] },
    },
    {
      name: '$deleteFromPrimitiveList also works without merge strategy',
      original: { nonMergingIntList: [1, 2, 3] },
      patch: { '$deleteFromPrimitiveList/nonMergingIntList': [2] },
      result: { nonMergingIntList: [1, 3] },
    },
    {
      name: '$deleteFromPrimitiveList of a missing list adds nothing',
      original: { name: 'a' },
      patch: { '$deleteFromPrimitiveList/mergingIntList': [3] },
      result: { name: 'a' },
    },
    {
      name: '$setElementOrder orders a scalar list',
      original: { mergingIntList: [1, 2] },
      patch: { '$setElementOrder/mergingIntList': [1, 2, 3], mergingIntList: [3] },
      result: { mergingIntList: [1, 2, 3] },
    },
    {
      // Upstream "behavior of set element order for a merging int list with duplicate".
      name: '$setElementOrder with duplicates',
      original: { mergingIntList: [1, 2, 3, 2, 4] },
      patch: { '$setElementOrder/mergingIntList': [2, 1, 4, 3, 2] },
      result: { mergingIntList: [2, 2, 1, 4, 3] },
    },
  ])('$name', ({ original, patch, result }) => {
    expect(apply(original, patch)).toEqual(result);
  });

  it('treats finalizers as a merge set', () => {
    const live = { metadata: { finalizers: ['a', 'b'] } };
    expect(apply(live, { metadata: { finalizers: ['b'] } }, pod).metadata).toEqual({ finalizers: ['a', 'b'] });
    expect(apply(live, { metadata: { finalizers: ['c'] } }, pod).metadata).toEqual({ finalizers: ['c', 'a', 'b'] });
    expect(apply(live, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }, pod).metadata).toEqual({ finalizers: ['b'] });
    expect(
      apply(live, { metadata: { '$setElementOrder/finalizers': ['a', 'b', 'c'], finalizers: ['c'] } }, pod).metadata,
    ).toEqual({ finalizers: ['a', 'b', 'c'] });
  });
});

describe('strategicMergePatch: $setElementOrder (upstream cases)', () => {
  const n = (name: number, extra: Json = {}) => ({ name, ...extra });

  it.each<{ name: string; current: Json[]; patch: Json; result: Json[] }>([
    {
      name: 'add an item in a list and preserve order',
      current: [n(1, { other: 'a' }), n(2, { value: '2', other: 'b' })],
      patch: { '$setElementOrder/mergingList': [n(3), n(1), n(2)], mergingList: [n(3, { value: '3' })] },
      result: [n(3, { value: '3' }), n(1, { other: 'a' }), n(2, { value: '2', other: 'b' })],
    },
    {
      name: 'add multiple items in a list and preserve order',
      current: [n(1, { other: 'a' }), n(2, { value: '2', other: 'b' })],
      patch: { '$setElementOrder/mergingList': [n(1), n(4), n(2), n(3)], mergingList: [n(4, { value: '4' }), n(3, { value: '3' })] },
      result: [n(1, { other: 'a' }), n(4, { value: '4' }), n(2, { value: '2', other: 'b' }), n(3, { value: '3' })],
    },
    {
      name: 'set elements order in a list with server-only items',
      current: [n(1, { other: 'a' }), n(3, { value: '3' }), n(4, { value: '4' }), n(2, { value: '2' }), n(9)],
      patch: { '$setElementOrder/mergingList': [n(4), n(2), n(3), n(1)] },
      result: [n(4, { value: '4' }), n(2, { value: '2' }), n(3, { value: '3' }), n(1, { other: 'a' }), n(9)],
    },
    {
      name: 'set elements order in a list with server-only items 2',
      current: [n(1, { other: 'a' }), n(2, { value: '2' }), n(9), n(3, { value: '3' }), n(4, { value: '4' })],
      patch: { '$setElementOrder/mergingList': [n(2), n(1), n(4), n(3)] },
      result: [n(2, { value: '2' }), n(1, { other: 'a' }), n(9), n(4, { value: '4' }), n(3, { value: '3' })],
    },
    {
      name: 'set elements order in a list with server-only items 3',
      current: [n(1, { other: 'a' }), n(2, { value: '2' }), n(7), n(9), n(8), n(3, { value: '3' }), n(4, { value: '4' })],
      patch: { '$setElementOrder/mergingList': [n(2), n(1), n(4), n(3)] },
      result: [n(2, { value: '2' }), n(1, { other: 'a' }), n(7), n(9), n(8), n(4, { value: '4' }), n(3, { value: '3' })],
    },
    {
      name: 'set element order for a merging list with duplicates',
      current: [n(1), n(2, { value: 'dup1' }), n(3), n(2, { value: 'dup2' }), n(4)],
      patch: { '$setElementOrder/mergingList': [n(2), n(1), n(4), n(3), n(2)] },
      result: [n(2, { value: 'dup1' }), n(2, { value: 'dup2' }), n(1), n(4), n(3)],
    },
    {
      name: '$setElementOrder names an item missing from the list',
      current: [n(1), n(3)],
      patch: { '$setElementOrder/mergingList': [n(3), n(2), n(1)], mergingList: [n(3, { value: '3' }), n(1, { value: '1' })] },
      result: [n(3, { value: '3' }), n(1, { value: '1' })],
    },
    {
      name: 'delete and reorder',
      current: [n(1, { value: 'a' }), n(2, { value: 'b' })],
      patch: { '$setElementOrder/mergingList': [n(2)], mergingList: [{ $patch: 'delete', name: 1 }] },
      result: [n(2, { value: 'b' })],
    },
  ])('$name', ({ current, patch, result }) => {
    expect(apply({ mergingList: current }, patch).mergingList).toEqual(result);
  });

  it('orders more than 20 items as Go sort.SliceStable does', () => {
    const current = Array.from({ length: 45 }, (_, i) => n(i));
    const order = current.map((x) => n(x.name)).reverse();
    const out = apply({ mergingList: current }, { '$setElementOrder/mergingList': order });
    expect(names(out.mergingList)).toEqual(order.map((x) => x.name));
  });
});

describe('strategicMergePatch: $retainKeys', () => {
  const live = {
    spec: {
      replicas: 3,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    },
  };

  it('switching to Recreate with $retainKeys drops rollingUpdate', () => {
    const out = apply(live, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, deployment);
    expect(out.spec).toEqual({ replicas: 3, strategy: { type: 'Recreate' } });
  });

  it('without $retainKeys the old rollingUpdate stays (validation then refuses it)', () => {
    const out = apply(live, { spec: { strategy: { type: 'Recreate' } } }, deployment);
    expect((out.spec as Json).strategy).toEqual({ type: 'Recreate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
  });

  it('clears a defaulted field (upstream "retainKeys map should clear defaulted field")', () => {
    expect(apply({ retainKeysMap: { value: 'foo' } }, { retainKeysMap: { $retainKeys: ['other'], other: 'bar' } })).toEqual({
      retainKeysMap: { other: 'bar' },
    });
  });
});

describe('strategicMergePatch: a kubectl apply patch', () => {
  const lastApplied = (image: string) =>
    JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { annotations: {}, labels: { app: 'web' }, name: 'web', namespace: 'default' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image, name: 'web' }] } },
      },
    }) + '\n';

  const live = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'abc',
      resourceVersion: '42',
      generation: 1,
      labels: { app: 'web', tier: 'front' },
      annotations: {
        'deployment.kubernetes.io/revision': '1',
        'kubectl.kubernetes.io/last-applied-configuration': lastApplied('nginx:1.25'),
      },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' },
          ],
          restartPolicy: 'Always',
        },
      },
    },
    status: { replicas: 2, conditions: [{ type: 'Available', status: 'True' }] },
  };

  // What kubectl apply sends after the manifest moved to nginx:1.26, 3 replicas and dropped `tier`.
  const patch = {
    metadata: {
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied('nginx:1.26') },
      labels: { tier: null },
    },
    spec: {
      replicas: 3,
      template: { spec: { '$setElementOrder/containers': [{ name: 'web' }], containers: [{ image: 'nginx:1.26', name: 'web' }] } },
    },
  };

  it('updates what changed and keeps server-set fields', () => {
    const out = apply(live, patch, deployment);
    const meta = out.metadata as Json;
    expect(meta.labels).toEqual({ app: 'web' });
    expect(meta.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'kubectl.kubernetes.io/last-applied-configuration': lastApplied('nginx:1.26'),
    });
    expect(meta.uid).toBe('abc');
    const spec = out.spec as Json;
    expect(spec.replicas).toBe(3);
    expect(spec.strategy).toEqual(live.spec.strategy);
    expect(((spec.template as Json).spec as Json).containers).toEqual([
      { name: 'web', image: 'nginx:1.26', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' },
    ]);
    expect(out.status).toEqual(live.status);
    expect(JSON.stringify(out)).not.toContain('$setElementOrder');
  });
});

describe('strategicMergePatch: malformed patches', () => {
  it.each<{ name: string; original: Json; patch: unknown; type: SmpErrorType; message: string | RegExp }>([
    { name: 'patch is not an object', original: {}, patch: ['x'], type: 'BadJSONDoc', message: 'invalid JSON document' },
    {
      name: 'unknown directive on a map',
      original: { simpleMap: { a: '1' } },
      patch: { simpleMap: { $patch: 'foo', b: '2' } },
      type: 'Other',
      message: 'unknown patch type: foo in map: map[$patch:foo b:2]',
    },
    {
      name: '$patch: merge on a map is refused too',
      original: { simpleMap: {} },
      patch: { simpleMap: { $patch: 'merge' } },
      type: 'Other',
      message: 'unknown patch type: merge in map: map[$patch:merge]',
    },
    {
      name: 'unknown directive in a list item',
      original: { mergingList: [{ name: 'a' }] },
      patch: { mergingList: [{ name: 'a', $patch: 'frobnicate' }] },
      type: 'Other',
      message: 'unknown patch type: frobnicate in map: map[$patch:frobnicate name:a]',
    },
    {
      name: 'non-string directive',
      original: { mergingList: [{ name: 'a' }] },
      patch: { mergingList: [{ name: 'a', $patch: 5 }] },
      type: 'Other',
      message: 'unknown patch type: %!s(int64=5) in map: map[$patch:5 name:a]',
    },
    {
      name: '$patch: merge in a list',
      original: { mergingList: [{ name: 'a' }] },
      patch: { mergingList: [{ $patch: 'merge' }] },
      type: 'Other',
      message: 'merging lists cannot yet be specified in the patch',
    },
    {
      name: 'list item without the merge key',
      original: { spec: { containers: [{ name: 'web', image: 'nginx' }] } },
      patch: { spec: { containers: [{ image: 'nginx:2', ports: [{ containerPort: 80 }] }] } },
      type: 'Other',
      message: 'map: map[image:nginx:2 ports:[map[containerPort:80]]] does not contain declared merge key: name',
    },
    {
      name: '$patch: delete without the merge key',
      original: { mergingList: [{ name: 'a' }] },
      patch: { mergingList: [{ $patch: 'delete', value: 'x' }] },
      type: 'Other',
      message: 'map: map[$patch:delete value:x] does not contain declared merge key: name',
    },
    {
      name: 'merge list without a merge key',
      original: { mergingListNoKey: [{ name: 'a' }] },
      patch: { mergingListNoKey: [{ name: 'b' }] },
      type: 'Other',
      message: 'cannot merge lists without merge key for struct',
    },
    {
      name: 'list of lists',
      original: { mergingListOfLists: [['a']] },
      patch: { mergingListOfLists: [['b']] },
      type: 'NoListOfLists',
      message: 'lists of lists are not supported',
    },
    {
      name: 'mixed item types',
      original: { mergingIntList: [1] },
      patch: { mergingIntList: ['x'] },
      type: 'Other',
      message: 'list element types are not identical: [[1] [x]]',
    },
    {
      name: '$retainKeys is not a list',
      original: { retainKeysMap: { value: 'a' } },
      patch: { retainKeysMap: { $retainKeys: 'value' } },
      type: 'BadPatchFormatForRetainKeys',
      message: 'invalid patch format of retainKeys',
    },
    {
      name: 'patch sets a key $retainKeys does not list',
      original: { retainKeysMap: { value: 'a' } },
      patch: { retainKeysMap: { $retainKeys: ['value'], other: 'b' } },
      type: 'BadPatchFormatForRetainKeys',
      message: 'invalid patch format of retainKeys',
    },
    {
      name: '$deleteFromPrimitiveList without a field name',
      original: { mergingIntList: [1] },
      patch: { $deleteFromPrimitiveList: [1] },
      type: 'BadPatchFormatForPrimitiveList',
      message: 'invalid patch format of primitive list',
    },
    {
      name: '$setElementOrder without a field name',
      original: { mergingIntList: [1] },
      patch: { $setElementOrderX: [1] },
      type: 'BadPatchFormatForSetElementOrderList',
      message: 'invalid patch format of setElementOrder list',
    },
    {
      name: '$setElementOrder that is not a list',
      original: { mergingIntList: [1] },
      patch: { '$setElementOrder/mergingIntList': 'x' },
      type: 'Other',
      message: 'expected a []interface {}, but received a string',
    },
    {
      // Upstream "should check if order in $setElementOrder and patch list match".
      name: '$setElementOrder contradicting the patch list',
      original: { mergingList: [{ name: 1 }, { name: 3 }, { name: 2 }] },
      patch: {
        '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }, { name: 3 }],
        mergingList: [
          { name: 3, value: '3' },
          { name: 1, value: '1' },
        ],
      },
      type: 'Other',
      message: /^The order in patch list:\n\[map\[name:3 value:3\] map\[name:1 value:1\]\]\n doesn't match \$setElementOrder list:\n/,
    },
  ])('$name', ({ original, patch, type, message }) => {
    const r = strategicMergePatch(original, patch, pickSchema(original));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.type).toBe(type);
    if (typeof message === 'string') expect(r.error.message).toBe(message);
    else expect(r.error.message).toMatch(message);
  });

  it('refuses kinds without patch metadata (custom resources)', () => {
    const r = strategicMergePatch({ spec: {} }, { spec: { a: 1 } }, undefined);
    expect(r).toEqual({ ok: false, error: { type: 'UnsupportedStrategicMergePatchFormat', message: 'strategic merge patch format is not supported' } });
  });
});

/** The pod cases use the pod schema; the rest the MergeItem one. */
function pickSchema(original: Json): PatchSchema {
  return 'spec' in original ? pod : mergeItem;
}
