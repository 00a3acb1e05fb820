import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../api/object';
import { Store } from '../store/store';
import { objectHistory } from './objectHistory';

const KEY = '/registry/autoscaling/horizontalpodautoscalers/default/php-apache';
const OTHER = '/registry/apps/deployments/default/php-apache';
const hpa = (desired: number): KubeObject => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'php-apache', namespace: 'default' }, status: { desiredReplicas: desired } } as KubeObject);

function storeWithHistory(): Store<KubeObject> {
  let t = 1000;
  const s = new Store<KubeObject>({ now: () => (t += 15_000) });
  s.txn([], [{ type: 'put', key: KEY, value: hpa(1) }]);
  s.txn([], [{ type: 'put', key: OTHER, value: hpa(0) }]);
  s.txn([], [{ type: 'put', key: KEY, value: hpa(4) }]);
  s.txn([], [{ type: 'put', key: KEY, value: hpa(7) }]);
  s.txn([], [{ type: 'delete', key: KEY }]);
  return s;
}

const value = <T>(r: { ok: true; value: T } | { ok: false; status: { code: number } }): T => {
  if (!r.ok) throw new Error(`status ${r.status.code}`);
  return r.value;
};

describe('objectHistory', () => {
  it('returns each write of one key, oldest first, with its time', () => {
    const h = value(objectHistory(storeWithHistory(), KEY));
    expect(h.revision).toBe(5);
    expect(h.truncated).toBe(false);
    expect(h.points.map((p) => [p.revision, p.type, (p.object?.status as { desiredReplicas?: number } | undefined)?.desiredReplicas])).toEqual([
      [1, 'PUT', 1],
      [3, 'PUT', 4],
      [4, 'PUT', 7],
      [5, 'DELETE', undefined],
    ]);
    expect(h.points[0].time).toBe(16_000);
  });
  it('reads only what came after sinceRevision, and keeps the newest `limit`', () => {
    const s = storeWithHistory();
    expect(value(objectHistory(s, KEY, 3)).points.map((p) => p.revision)).toEqual([4, 5]);
    expect(value(objectHistory(s, KEY, 5)).points).toEqual([]);
    const last2 = value(objectHistory(s, KEY, 0, 2));
    expect(last2.points.map((p) => p.revision)).toEqual([4, 5]);
    expect(last2.truncated).toBe(true);
  });
  it('starts at the compacted revision instead of failing', () => {
    const s = storeWithHistory();
    s.compact(3);
    expect(value(objectHistory(s, KEY)).points.map((p) => p.revision)).toEqual([4, 5]);
  });
  it('refuses bad keys, revisions and limits with a 400', () => {
    const s = storeWithHistory();
    const code = (r: ReturnType<typeof objectHistory>) => (r.ok ? 200 : r.status.code);
    expect(code(objectHistory(s, 'php-apache'))).toBe(400);
    expect(code(objectHistory(s, KEY, 99))).toBe(400);
    expect(code(objectHistory(s, KEY, -1))).toBe(400);
    expect(code(objectHistory(s, KEY, 1.5))).toBe(400);
    expect(code(objectHistory(s, KEY, 0, 0))).toBe(400);
  });
});
