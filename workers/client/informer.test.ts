import { describe, expect, it } from 'vitest';
import { Informer, type ApiClient } from './informer';
import type { KubeObject } from '../api/object';
import type { WatchEvent } from '../api/request';

function fakeClient(items: KubeObject[]): ApiClient & { emit(e: WatchEvent): void } {
  let cb: ((e: WatchEvent) => void) | undefined;
  return {
    handle: () => ({ status: 200, body: { apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '1' }, items } }),
    watch: (_r, onEvent) => {
      cb = onEvent;
      return { stop() {} };
    },
    emit: (e) => cb?.(e),
  };
}

const pod = (name: string, node: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: node } });

describe('Informer.index', () => {
  it('builds an index once and shares it, kept current by its own handler', () => {
    const client = fakeClient([pod('a', 'n1')]);
    const inf = new Informer(client, { group: '', version: 'v1', resource: 'pods' });
    let builds = 0;
    const build = (i: Informer) => {
      builds++;
      const byNode = new Map<string, string>();
      i.addEventHandler({ add: (p) => byNode.set(p.metadata.name!, (p.spec as { nodeName: string }).nodeName), update: (_o, p) => byNode.set(p.metadata.name!, (p.spec as { nodeName: string }).nodeName) });
      return byNode;
    };
    const first = inf.index('node', build);
    inf.start();
    const second = inf.index('node', build);
    expect(second).toBe(first);
    expect(builds).toBe(1);
    client.emit({ type: 'MODIFIED', object: pod('a', 'n2') });
    expect(first.get('a')).toBe('n2');
    // A different name is a different index.
    expect(inf.index('other', () => 42)).toBe(42);
  });
});
