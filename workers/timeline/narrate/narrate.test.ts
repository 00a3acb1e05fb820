import { describe, expect, it } from 'vitest';
import { narrate, type NarratedWrite } from './index';
import type { EntryRecord } from '../recorder';
import type { EntryDetail } from '../types';
import { Store } from '../../store/store';
import type { KubeObject } from '../../api/object';
import { eventPhrase } from './kubelet';

const store = new Store<KubeObject>();
const entry = (component: string, key: string, extra: Partial<EntryRecord> = {}): EntryRecord => ({ id: 1, source: 'task', taskId: 1, component, key, what: 'sync', time: 0, revisions: [1], ...extra });
const write = (kind: string, resource: string, name: string, op: 'created' | 'updated' | 'deleted', before?: unknown, after?: unknown, ns = 'default'): NarratedWrite => ({
  write: { revision: 1, type: op === 'deleted' ? 'DELETE' : 'PUT', op, key: `/registry/core/${resource}/${ns}/${name}`, group: '', resource, kind, namespace: ns, name, ...(op === 'updated' ? { changed: ['status'] } : {}) },
  before: before as KubeObject,
  after: after as KubeObject,
});
const say = (e: EntryRecord, writes: NarratedWrite[], detail?: EntryDetail) => narrate({ entry: e, writes, detail, store });

describe('narrators', () => {
  it('ReplicaSet: wants, has, and what it does about it', () => {
    const d: EntryDetail = { type: 'controller', controller: 'replicaset-controller', decision: { want: 3, have: 1, created: 2 } };
    expect(say(entry('replicaset-controller', 'default/web-7d9f4'), [], d)).toBe('ReplicaSet web-7d9f4: wants 3, has 1 → creating 2 Pods');
    const del: EntryDetail = { type: 'controller', controller: 'replicaset-controller', decision: { want: 1, have: 2, deleted: ['web-7d9f4-a'] } };
    expect(say(entry('replicaset-controller', 'default/web-7d9f4'), [], del)).toBe('ReplicaSet web-7d9f4: wants 1, has 2 → deleting 1 Pod (web-7d9f4-a)');
  });

  it('Scheduler: the node, who was filtered and the scores', () => {
    const d: EntryDetail = {
      type: 'scheduling', pod: 'default/web-x', node: 'worker-2',
      nodes: [
        { node: 'worker-1', verdict: 'filtered', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
        { node: 'worker-2', verdict: 'passed', total: 87, scores: {} },
        { node: 'worker-3', verdict: 'passed', total: 72, scores: {} },
      ],
    };
    expect(say(entry('kube-scheduler', 'default/web-x', { what: 'schedule' }), [], d)).toBe('Scheduler: Pod web-x → worker-2 (worker-1 Insufficient cpu; worker-2 score 87, worker-3 score 72)');
  });

  it('Kubelet: image pulls and container states', () => {
    expect(eventPhrase('Pulled', 'Successfully pulled image "nginx:1.27" in 2.1s (2.1s including waiting). Image size: 1 bytes.')).toBe('pulled nginx:1.27 in 2.1 s');
    const before = { status: { phase: 'Pending', containerStatuses: [{ name: 'nginx', state: { waiting: { reason: 'ContainerCreating' } }, restartCount: 0 }] } };
    const after = { status: { phase: 'Running', containerStatuses: [{ name: 'nginx', state: { running: {} }, restartCount: 0 }] } };
    const text = say(entry('kubelet/worker-2', 'default/web-x'), [write('Pod', 'pods', 'web-x', 'updated', before, after)]);
    expect(text).toBe('Kubelet worker-2: Pod web-x: container nginx Running; phase Pending → Running');
  });

  it('EndpointSlice: addresses added and removed', () => {
    const before = { endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }] };
    const after = { endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }, { addresses: ['10.244.2.7'], conditions: { ready: true } }] };
    const w = write('EndpointSlice', 'endpointslices', 'web-abcde', 'updated', before, after);
    expect(say(entry('endpointslice-controller', 'default/web'), [w])).toBe('EndpointSlice web-abcde: added 10.244.2.7');
  });

  it('Node lifecycle: NotReady and the taint', () => {
    const before = { spec: {}, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
    const after = { spec: { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] }, status: { conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown' }] } };
    const w = write('Node', 'nodes', 'worker-2', 'updated', before, after);
    w.write.namespace = undefined;
    expect(say(entry('node-lifecycle-controller', 'worker-2'), [w])).toBe('Node worker-2: lease not renewed → NotReady (Ready Unknown, NodeStatusUnknown), tainted node.kubernetes.io/unreachable:NoExecute');
  });

  it('falls back to the writes, and says when nothing was written', () => {
    const w = write('Pod', 'pods', 'a', 'deleted', { metadata: { name: 'a' } });
    expect(say(entry('generic-garbage-collector', 'default/a'), [w])).toBe('generic-garbage-collector: deleted Pod default/a');
    expect(say(entry('kube-proxy/worker-1', 'rules', { revisions: [] }), [])).toBe('kube-proxy/worker-1: sync rules — nothing written');
  });

  it('actions: who asked, what changed, or why not', () => {
    const e = entry('kubectl', 'default/web', { source: 'action', what: 'patch scale', status: 200, action: { type: 'request', request: { verb: 'patch', group: 'apps', version: 'v1', resource: 'deployments', name: 'web', namespace: 'default', subresource: 'scale' } } });
    const w = write('Deployment', 'deployments', 'web', 'updated', { spec: { replicas: 3 } }, { spec: { replicas: 5 } });
    w.write.changed = ['spec'];
    expect(say(e, [w])).toBe('kubectl: updated Deployment default/web spec (replicas 3→5)');
    expect(say({ ...e, status: 404, revisions: [] }, [])).toBe('kubectl: patch scale deployments default/web refused (404)');
    const chaos = entry('chaos', 'worker-2', { source: 'action', what: 'stopKubelet', revisions: [], status: 200, action: { type: 'chaos', chaos: { action: 'stopKubelet', node: 'worker-2' } } });
    expect(say(chaos, [])).toBe('Chaos: stopped the kubelet on worker-2');
  });
});
