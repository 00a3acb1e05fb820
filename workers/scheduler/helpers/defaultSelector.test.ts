import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { fakeHandle, pod } from '../testing/fixtures';
import { defaultSelector, DefaultSelectorMemo } from './defaultSelector';

const svc = (name: string, selector: Record<string, string>, namespace = 'default'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector } });
const rs = (name: string, matchLabels: Record<string, string>): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels } } });
const owned = (name: string, labels: Record<string, string>, namespace = 'default') =>
  pod({ name, namespace, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u', controller: true }] });

describe('DefaultSelectorMemo', () => {
  it('answers as DefaultSelector does, and with the same instance while nothing it reads changed', () => {
    const services = [svc('web', { app: 'web' })];
    const replicasets = [rs('web-1', { app: 'web', hash: '1' })];
    const h = fakeHandle([], { services, replicasets });
    const memo = new DefaultSelectorMemo(h);
    const a = owned('a', { app: 'web', hash: '1' });
    const first = memo.get(a);
    expect(first.toString()).toBe(defaultSelector(a, h).toString());
    expect(first.toString()).toBe('app=web,app=web,hash=1');
    // Another pod of the same ReplicaSet, labels equal in another object.
    expect(memo.get(owned('b', { hash: '1', app: 'web' }))).toBe(first);

    // A new Service selecting the pods changes the answer.
    services.push(svc('extra', { hash: '1' }));
    const second = memo.get(a);
    expect(second).not.toBe(first);
    expect(second.toString()).toBe(defaultSelector(a, h).toString());

    // The ReplicaSet replaced by a newer object (another selector).
    replicasets[0] = rs('web-1', { app: 'web', hash: '2' });
    const third = memo.get(a);
    expect(third).not.toBe(second);
    expect(third.toString()).toBe(defaultSelector(a, h).toString());

    // Other labels: the Services select differently.
    const c = owned('c', { app: 'db', hash: '1' });
    expect(memo.get(c).toString()).toBe(defaultSelector(c, h).toString());
    expect(memo.get(c).toString()).not.toBe(third.toString());
  });

  it('tells namespaces and owners apart', () => {
    const h = fakeHandle([], { services: [svc('web', { app: 'web' }), svc('web', { tier: 'x' }, 'other')], replicasets: [rs('web-1', { app: 'web' })] });
    const memo = new DefaultSelectorMemo(h);
    const here = owned('a', { app: 'web', tier: 'x' });
    const there = owned('a', { app: 'web', tier: 'x' }, 'other');
    const orphan = pod({ name: 'o', labels: { app: 'web', tier: 'x' } });
    for (const p of [here, there, orphan, here]) expect(memo.get(p).toString()).toBe(defaultSelector(p, h).toString());
    expect(memo.get(there).toString()).toBe('tier=x');
    expect(memo.get(orphan).toString()).toBe('app=web');
  });
});
