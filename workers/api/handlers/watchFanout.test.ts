import { describe, expect, it } from 'vitest';
import { CompactedError, Store, type StoreEvent } from '../../store/store';
import type { KubeObject } from '../object';
import { watchPrefix, type FanoutIndex } from './watchFanout';
import { createCluster } from '../../cluster';
import type { WatchEvent } from '../request';

const PREFIX = '/registry/core/pods/';
const key = (name: string) => `${PREFIX}default/${name}`;
const pod = (name: string, node = ''): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: node } });
const fields = (o: KubeObject) => ({ 'spec.nodeName': ((o as { spec?: { nodeName?: string } }).spec?.nodeName ?? '') });
const put = (s: Store<KubeObject>, o: KubeObject) => s.txn([], [{ type: 'put', key: key(o.metadata.name!), value: o }]);
const onNode = (node: string): FanoutIndex => ({ field: 'spec.nodeName', value: node });

function recorder(tag: string, log: string[]) {
  return (e: StoreEvent<KubeObject>) => log.push(`${tag}:${e.revision}:${e.kv?.value.metadata.name ?? e.prevKv?.value.metadata.name}`);
}

describe('watch fan-out', () => {
  it('reaches a node-indexed watcher only with writes to pods on that node, before or after', () => {
    const s = new Store<KubeObject>();
    const log: string[] = [];
    watchPrefix(s, PREFIX, 'Pod', fields, 0, onNode('n1'), recorder('n1', log));
    watchPrefix(s, PREFIX, 'Pod', fields, 0, onNode('n2'), recorder('n2', log));
    put(s, pod('a')); // unbound: nobody
    put(s, pod('a', 'n1')); // bound to n1
    put(s, pod('b', 'n2'));
    put(s, pod('a', 'n2')); // moved: both nodes hear of it
    s.txn([], [{ type: 'delete', key: key('b') }]);
    expect(log).toEqual(['n1:2:a', 'n2:3:b', 'n1:4:a', 'n2:4:a', 'n2:5:b']);
  });

  it('calls the watchers of one event in the order they started, indexed or not', () => {
    const s = new Store<KubeObject>();
    const log: string[] = [];
    watchPrefix(s, PREFIX, 'Pod', fields, 0, onNode('n1'), recorder('first', log));
    watchPrefix(s, PREFIX, 'Pod', fields, 0, undefined, recorder('all', log));
    watchPrefix(s, PREFIX, 'Pod', fields, 0, onNode('n1'), recorder('third', log));
    put(s, pod('a', 'n1'));
    expect(log).toEqual(['first:1:a', 'all:1:a', 'third:1:a']);
  });

  it('replays history after the revision asked for, then streams without repeating it', () => {
    const s = new Store<KubeObject>();
    put(s, pod('a', 'n1'));
    put(s, pod('b', 'n1'));
    const log: string[] = [];
    watchPrefix(s, PREFIX, 'Pod', fields, 1, undefined, recorder('w', log));
    put(s, pod('c'));
    expect(log).toEqual(['w:2:b', 'w:3:c']);
  });

  it('does not send a write made during another watcher’s callback twice to a watcher started meanwhile', () => {
    const s = new Store<KubeObject>();
    const log: string[] = [];
    let started = false;
    watchPrefix(s, PREFIX, 'Pod', fields, 0, undefined, (e) => {
      if (e.kv?.value.metadata.name !== 'a' || started) return;
      put(s, pod('b')); // queued by the store until this delivery ends
      started = true;
      // A watcher starting now has seen revision 2 in its list already.
      watchPrefix(s, PREFIX, 'Pod', fields, s.revision, undefined, recorder('late', log));
    });
    put(s, pod('a'));
    put(s, pod('c'));
    expect(log).toEqual(['late:3:c']);
  });

  it('stops delivering once stopped, and a stopped fan-out starts afresh', () => {
    const s = new Store<KubeObject>();
    const log: string[] = [];
    const stop = watchPrefix(s, PREFIX, 'Pod', fields, 0, onNode('n1'), recorder('w', log));
    put(s, pod('a', 'n1'));
    stop();
    stop(); // twice is harmless
    put(s, pod('b', 'n1'));
    watchPrefix(s, PREFIX, 'Pod', fields, 0, onNode('n1'), recorder('again', log));
    put(s, pod('c', 'n1'));
    expect(log).toEqual(['w:1:a', 'again:3:c']);
  });

  it('refuses a compacted revision', () => {
    const s = new Store<KubeObject>();
    put(s, pod('a'));
    put(s, pod('b'));
    s.compact(2);
    expect(() => watchPrefix(s, PREFIX, 'Pod', fields, 1, undefined, () => {})).toThrow(CompactedError);
  });
});

describe('watch with a spec.nodeName field selector', () => {
  it('sees ADDED when a pod is bound to its node, MODIFIED while there, DELETED when it goes', async () => {
    const c = await createCluster({ seed: 1, controllers: [], kubelets: 'register' });
    c.clock.runFor(1000);
    const seen: Record<string, string[]> = { 'worker-1': [], 'worker-2': [] };
    for (const node of Object.keys(seen)) {
      const w = c.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods', query: { fieldSelector: `spec.nodeName=${node}`, resourceVersion: String(c.store.revision) } }, (e: WatchEvent) => {
        seen[node].push(`${e.type} ${(e.object as KubeObject).metadata.name}`);
      });
      expect('status' in w).toBe(false);
    }
    const api = c.as('test');
    const body = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    expect(api({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', body }).status).toBe(201);
    const bind = api({ verb: 'create', group: '', version: 'v1', resource: 'pods', subresource: 'binding', namespace: 'default', name: 'p', body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p' }, target: { kind: 'Node', name: 'worker-2' } } });
    expect(bind.status).toBe(201);
    api({ verb: 'patch', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'p', contentType: 'application/merge-patch+json', body: { metadata: { labels: { a: 'b' } } } });
    api({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'p', body: { gracePeriodSeconds: 0 } });
    expect(seen['worker-1']).toEqual([]);
    expect(seen['worker-2']).toEqual(['ADDED p', 'MODIFIED p', 'DELETED p']);
  });

  it('still rejects a bad field selector', async () => {
    const c = await createCluster({ seed: 1, controllers: [], kubelets: 'none' });
    const r = c.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods', query: { fieldSelector: 'spec.nodeNam=x' } }, () => {});
    expect('status' in r && r.status).toBe(400);
  });
});
