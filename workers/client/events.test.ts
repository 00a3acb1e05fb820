import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { EventRecorder, LRU_CACHE_ENTRIES } from './events';
import type { KubeObject } from '../api/object';

const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', uid: 'u1', resourceVersion: '5' } };

async function setup() {
  const c = await createCluster({ seed: 1, controllers: [] });
  const rec = new EventRecorder(c.clock, c.as('replicaset-controller'), 'replicaset-controller');
  const events = () =>
    ((c.request({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default' }).body as { items: KubeObject[] }).items as unknown as {
      message: string;
      count: number;
      reason: string;
    }[]);
  return { c, rec, events };
}

describe('EventRecorder', () => {
  it('counts repeats of the same event on one object', async () => {
    const { c, rec, events } = await setup();
    rec.event(rs, 'Warning', 'FailedCreate', 'quota exceeded');
    c.clock.runFor(1000);
    rec.event(rs, 'Warning', 'FailedCreate', 'quota exceeded');
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({ count: 2, reason: 'FailedCreate' });
  });

  it('combines similar events after ten and stops at the spam limit', async () => {
    const { rec, events } = await setup();
    for (let i = 0; i < 40; i++) rec.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-1-${i}`);
    const list = events();
    expect(list.filter((e) => !e.message.startsWith('(combined'))).toHaveLength(10);
    const combined = list.find((e) => e.message.startsWith('(combined from similar events): Created pod: web-1-'))!;
    expect(combined.count).toBe(15); // 25 allowed by the spam filter, 10 of them on their own
  });
});

describe('EventRecorder memory', () => {
  it('forgets objects beyond its LRU size, so a repeat long after is a new event', async () => {
    const { c, events } = await setup();
    const { LRU_CACHE_ENTRIES } = await import('./events');
    const rec = new EventRecorder(c.clock, c.as('kubelet'), 'kubelet', 'worker-1');
    const pod = (i: number): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default', uid: `u${i}` } });
    rec.event(pod(0), 'Normal', 'Pulled', 'Container image "pause" already present on machine');
    for (let i = 1; i <= LRU_CACHE_ENTRIES; i++) rec.event(pod(i), 'Normal', 'Pulled', 'Container image "pause" already present on machine');
    rec.event(pod(0), 'Normal', 'Pulled', 'Container image "pause" already present on machine');
    const forP0 = events().filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === 'p0');
    expect(forP0.map((e) => e.count)).toEqual([1, 1]);
  });
});

/**
 * The correlator as client-go writes it, one Map per cache keyed by joined strings
 * (the recorder's previous implementation): the recorder must send exactly its requests.
 */
function referenceRecorder(now: () => number, api: (req: Record<string, unknown>) => { status: number }, component: string, host: string, max: number) {
  const lru = <V>() => {
    const m = new Map<string, V>();
    return {
      get(k: string) {
        const v = m.get(k);
        if (v !== undefined) m.delete(k), m.set(k, v);
        return v;
      },
      set(k: string, v: V) {
        m.delete(k);
        m.set(k, v);
        if (m.size > max) m.delete(m.keys().next().value!);
      },
      delete: (k: string) => m.delete(k),
    };
  };
  const seen = lru<{ name: string; namespace: string; count: number; at: number }>();
  const similar = lru<{ messages: Set<string>; at: number }>();
  const spam = lru<{ tokens: number; at: number }>();
  let nano = 0;
  return (obj: KubeObject, type: string, reason: string, message: string) => {
    const m = obj.metadata;
    const t = now();
    const key = [component, host ?? '', obj.kind, m.namespace ?? '', m.name, m.uid, obj.apiVersion, type, reason].join('\u0000');
    let b = spam.get(key);
    if (!b) spam.set(key, (b = { tokens: 25, at: t }));
    b.tokens = Math.min(25, b.tokens + (t - b.at) / 300_000);
    b.at = t;
    if (b.tokens < 1) return;
    b.tokens -= 1;
    let g = similar.get(key);
    if (!g || t - g.at > 600_000) similar.set(key, (g = { messages: new Set(), at: t }));
    g.at = t;
    g.messages.add(message);
    const combined = g.messages.size > 10;
    const seenKey = `${key}\u0000${combined ? '*' : message}`;
    if (combined) message = `(combined from similar events): ${message}`;
    const prev = seen.get(seenKey);
    if (prev && t - prev.at <= 600_000) {
      prev.count++;
      prev.at = t;
      if (api({ verb: 'patch', namespace: prev.namespace, name: prev.name, count: prev.count, message }).status < 400) return;
      seen.delete(seenKey);
    }
    const name = `${m.name}.${++nano}`;
    const namespace = m.namespace || 'default';
    const ref = { kind: obj.kind, namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: obj.apiVersion, resourceVersion: m.resourceVersion };
    const involvedObject = Object.fromEntries(Object.entries(ref).filter(([, v]) => v !== undefined));
    if (api({ verb: 'create', namespace, name, reason, message, involvedObject }).status < 400) seen.set(seenKey, { name, namespace, count: 1, at: t });
  };
}

describe('EventRecorder correlation', () => {
  // Tiny caches evict the key of the event being recorded while a nested one is.
  it.each([LRU_CACHE_ENTRIES, 1, 3])('sends the same requests as client-go’s map-keyed caches (%i entries), through evictions, spam limits, failures and nesting', (size) => {
    let seed = 11;
    // mulberry32: a small PRNG good enough for test workloads.
    const rnd = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) % n;
    };
    let t = 1_700_000_000_000;
    const clock = { now: () => t, timestamp: (ms: number) => String(ms) } as unknown as ConstructorParameters<typeof EventRecorder>[0];
    // Both sides see the same answers: every 23rd request of each fails, as if the event was deleted.
    // Some requests record another event on the same recorder while they run, as a
    // synchronous watch handler could: with full caches, that evicts keys under the caller.
    type Record3 = (obj: KubeObject, type: 'Normal', reason: string, message: string) => void;
    const log = (out: string[], nested: () => Record3) => (req: Record<string, unknown>) => {
      out.push(JSON.stringify(req));
      const n = out.length;
      if (n % 37 === 0 || n % 23 === 0) nested()(objects[(n * 7) % objects.length], 'Normal', 'Nested', `n${n % 3}`);
      return { status: n % 23 === 0 ? 404 : 201 };
    };
    const got: string[] = [];
    const logGot = log(got, () => (...a) => rec.event(...a));
    const want: string[] = [];
    const nameOf = new Map<string, string>(); // the recorder's event names → the reference's
    const rec = new EventRecorder(
      clock,
      (req) => {
        const b = req.body as { metadata: { name: string; namespace: string }; reason: string; message: string; involvedObject: Record<string, string>; count: number };
        if (req.verb === 'create') nameOf.set(b.metadata.name, `${b.involvedObject.name}.${nameOf.size + 1}`);
        const flat =
          req.verb === 'create'
            ? { verb: 'create', namespace: b.metadata.namespace, name: nameOf.get(b.metadata.name), reason: b.reason, message: b.message, involvedObject: b.involvedObject }
            : { verb: 'patch', namespace: req.namespace, name: nameOf.get(req.name!), count: b.count, message: b.message };
        return { status: logGot(flat).status, body: {} };
      },
      'kubelet',
      'worker-1',
      size,
    );
    const ref = referenceRecorder(() => t, log(want, () => ref), 'kubelet', 'worker-1', size);
    const objects = Array.from({ length: 1800 }, (_, i): KubeObject => {
      const metadata: Record<string, string> = { name: `p${i % 900}`, resourceVersion: String(i) };
      if (i % 7) metadata.namespace = 'default';
      if (i % 11) metadata.uid = `u${i % 1700}`; // some uids shared by two names, some missing
      return { apiVersion: 'v1', kind: i % 5 ? 'Pod' : 'Node', metadata };
    });
    const reasons = ['Pulled', 'Created', 'Started', 'BackOff'];
    for (let i = 0; i < 30_000; i++) {
      const many = i < 15_000; // many keys (evictions), then few and often (spam limits, aggregation)
      const r = rnd(1000);
      if (r < (many ? 30 : 2)) t += rnd(400_000);
      else if (r < 500) t += rnd(many ? 2000 : 200);
      const obj = objects[rnd(many ? 1800 : 12)];
      const args = [obj, rnd(10) ? 'Normal' : 'Warning', reasons[rnd(4)], rnd(3) ? `m${rnd(20)}` : 'same'] as const;
      rec.event(...args);
      ref(...args);
    }
    expect(got.length).toBe(want.length);
    expect(got).toEqual(want);
    const verbs = (l: string[], s: string) => l.filter((x) => x.includes(s)).length;
    if (size !== LRU_CACHE_ENTRIES) return;
    // The workload did reach every path.
    expect(verbs(want, '"verb":"patch"')).toBeGreaterThan(100);
    expect(verbs(want, '(combined from similar events)')).toBeGreaterThan(10);
    expect(want.length).toBeLessThan(29_000);
  });
});
