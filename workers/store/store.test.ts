import { describe, expect, it } from 'vitest';
import { CompactedError, Store, type StoreEvent, taskCause } from './store';

const put = (key: string, value: unknown) => ({ type: 'put' as const, key, value });

describe('Store', () => {
  it('keeps one global revision with create and mod revisions per key', () => {
    const s = new Store();
    s.txn([{ key: '/registry/core/pods/a/x', modRevision: 0 }], [put('/registry/core/pods/a/x', 1)]);
    s.txn([], [put('/registry/core/pods/a/y', 2)]);
    s.txn([], [put('/registry/core/pods/a/x', 3)]);
    const x = s.get('/registry/core/pods/a/x')!;
    expect(s.revision).toBe(3);
    expect(x).toMatchObject({ value: 3, createRevision: 1, modRevision: 3, version: 2 });
  });

  it('refuses a txn whose compare fails and changes nothing', () => {
    const s = new Store();
    s.txn([], [put('/registry/core/pods/a/x', 1)]);
    const r = s.txn([{ key: '/registry/core/pods/a/x', modRevision: 0 }], [put('/registry/core/pods/a/x', 2)]);
    expect(r.succeeded).toBe(false);
    expect(s.get('/registry/core/pods/a/x')!.value).toBe(1);
    expect(s.revision).toBe(1);
    const stale = s.txn([{ key: '/registry/core/pods/a/x', modRevision: 7 }], [{ type: 'delete', key: '/registry/core/pods/a/x' }]);
    expect(stale.succeeded).toBe(false);
  });

  it('lists by prefix in key order across buckets', () => {
    const s = new Store();
    for (const k of ['b/2', 'a/1', 'b/1']) s.txn([], [put(`/registry/core/pods/${k}`, k)]);
    s.txn([], [put('/registry/apps/deployments/a/d', 'd')]);
    expect(s.list('/registry/core/pods/').map((kv) => kv.value)).toEqual(['a/1', 'b/1', 'b/2']);
    expect(s.list('/registry/core/pods/b/').map((kv) => kv.value)).toEqual(['b/1', 'b/2']);
    expect(s.list('/registry/').length).toBe(4);
    expect(s.count('/registry/core/pods/')).toBe(3);
  });

  it('replays history then streams, in order, without gaps', () => {
    const s = new Store();
    s.txn([], [put('/registry/core/pods/a/x', 1)]);
    s.txn([], [put('/registry/core/pods/a/y', 2)]);
    const seen: number[] = [];
    s.watch('/registry/core/pods/', 1, (e) => seen.push(e.revision));
    s.txn([], [{ type: 'delete', key: '/registry/core/pods/a/x' }]);
    s.txn([], [put('/registry/core/configmaps/a/c', 0)]);
    expect(seen).toEqual([2, 3]);
  });

  it('keeps order when a watcher writes during delivery', () => {
    const s = new Store();
    const order: string[] = [];
    s.watch('/registry/', 0, (e) => {
      order.push(`A:${e.key}`);
      if (e.key.endsWith('/first')) s.txn([], [put('/registry/core/pods/a/second', 2)]);
    });
    s.watch('/registry/', 0, (e) => order.push(`B:${e.key}`));
    s.txn([], [put('/registry/core/pods/a/first', 1)]);
    expect(order).toEqual([
      'A:/registry/core/pods/a/first',
      'B:/registry/core/pods/a/first',
      'A:/registry/core/pods/a/second',
      'B:/registry/core/pods/a/second',
    ]);
  });

  it('records who made each write and when', () => {
    let t = 100;
    const s = new Store({ now: () => t, cause: () => ({ component: 'scheduler', task: 9 }) });
    s.txn([], [put('/registry/core/pods/a/x', 1)]);
    t = 200;
    s.txn([], [put('/registry/core/pods/a/x', 2)], { component: 'kubectl' });
    const h = s.history() as StoreEvent[];
    expect(h.map((e) => [e.cause.component, e.time, e.prevKv?.value])).toEqual([
      ['scheduler', 100, undefined],
      ['kubectl', 200, 1],
    ]);
  });

  it('answers a watch from a compacted revision with CompactedError', () => {
    const s = new Store();
    for (let i = 0; i < 5; i++) s.txn([], [put(`/registry/core/pods/a/p${i}`, i)]);
    s.compact(3);
    expect(() => s.watch('/registry/', 2, () => {})).toThrow(CompactedError);
    const seen: number[] = [];
    s.watch('/registry/', 3, (e) => seen.push(e.revision));
    expect(seen).toEqual([4, 5]);
  });
});

describe('Store.list of an empty bucket', () => {
  it('is empty for a resource or namespace prefix, and still spans buckets for short prefixes', () => {
    const s = new Store();
    s.txn([], [put('/registry/core/pods/a/x', 1)]);
    s.txn([], [put('/registry/core/configmaps/a/y', 2)]);
    s.txn([], [put('/registry/odd', 3)]);
    expect(s.list('/registry/core/limitranges/')).toEqual([]);
    expect(s.list('/registry/core/limitranges/a/')).toEqual([]);
    expect(s.list('/registry/core/').map((kv) => kv.value)).toEqual([2, 1]);
    expect(s.list('/registry/').map((kv) => kv.value)).toEqual([2, 1, 3]);
    expect(s.list('/registry/core/pods/a/').map((kv) => kv.value)).toEqual([1]);
    expect(s.list('/registry/core/pods/b/')).toEqual([]);
    expect(s.count('/registry/core/limitranges/')).toBe(0);
  });
});

describe('taskCause', () => {
  it('gives one cause object per task, with its label and id', () => {
    const a = { id: 1, component: 'kubelet/worker-1', key: 'default/p', what: 'sync' };
    const b = { id: 2, component: 'kube-scheduler', key: 'default/p', what: 'schedule' };
    const ca = taskCause(a);
    expect(ca).toEqual({ component: 'kubelet/worker-1', key: 'default/p', what: 'sync', task: 1 });
    expect(taskCause(a)).toBe(ca);
    expect(taskCause(b)).toEqual({ component: 'kube-scheduler', key: 'default/p', what: 'schedule', task: 2 });
    expect(taskCause(a)).not.toBe(taskCause(b));
  });
});
