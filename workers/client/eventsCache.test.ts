import { describe, expect, it } from 'vitest';
import { EventsCache, type ObjectKey } from './eventsCache';

const pod = (name: string, uid = `uid-${name}`, namespace = 'default'): ObjectKey => ({ kind: 'Pod', namespace, name, uid, apiVersion: 'v1' });
const BURST = 3;
const REFILL = 1000;
const WINDOW = 600;

describe('EventsCache keys', () => {
  it('tells keys apart by every field, also when objects share a uid or have none', () => {
    const c = new EventsCache();
    const a = pod('a');
    const keys = [
      c.key(a, 'Normal', 'Pulled'),
      c.key(a, 'Warning', 'Pulled'),
      c.key(a, 'Normal', 'Started'),
      c.key({ ...a, name: 'other' }, 'Normal', 'Pulled'), // same uid
      c.key({ ...a, namespace: 'kube-system' }, 'Normal', 'Pulled'),
      c.key({ ...a, kind: 'ReplicaSet' }, 'Normal', 'Pulled'),
      c.key({ ...a, apiVersion: 'apps/v1' }, 'Normal', 'Pulled'),
      c.key(pod('a', ''), 'Normal', 'Pulled'), // no uid: found by name
      c.key(pod('b', ''), 'Normal', 'Pulled'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(c.find({ ...a }, 'Normal', 'Pulled')).toBe(keys[0]);
    expect(c.find({ ...a, name: 'other' }, 'Normal', 'Pulled')).toBe(keys[3]);
    expect(c.find(pod('a', ''), 'Normal', 'Pulled')).toBe(keys[7]);
    expect(c.key(pod('b', ''), 'Normal', 'Pulled')).toBe(keys[8]);
    expect(c.find(pod('c'), 'Normal', 'Pulled')).toBe(-1);
    expect(c.namespaceOf(keys[4])).toBe('kube-system');
  });

  it('frees a key once no cache holds it, and reuses its slot', () => {
    const c = new EventsCache(2);
    const k1 = c.key(pod('p1'), 'Normal', 'R');
    c.allow(k1, 0, BURST, REFILL);
    const k2 = c.key(pod('p2'), 'Normal', 'R');
    c.allow(k2, 0, BURST, REFILL);
    c.aggregate(k2, 'm', 0, WINDOW);
    const k3 = c.key(pod('p3'), 'Normal', 'R');
    c.allow(k3, 0, BURST, REFILL); // evicts p1 from the spam filter: nothing else holds it
    expect(c.find(pod('p1'), 'Normal', 'R')).toBe(-1);
    expect(c.sizes).toEqual({ keys: 2, spam: 2, similar: 1, seen: 0 });
    const k4 = c.key(pod('p4'), 'Normal', 'R');
    expect(k4).toBe(k1);
    c.allow(k4, 0, BURST, REFILL); // evicts p2 from the spam filter, but the aggregator still holds it
    expect(c.find(pod('p2'), 'Normal', 'R')).toBe(k2);
    expect(c.sizes).toEqual({ keys: 3, spam: 2, similar: 1, seen: 0 });
  });

  it('keeps a key whose only holder is the logger, and chains keys of one uid after a free', () => {
    const c = new EventsCache(1);
    const a = c.key(pod('a'), 'Normal', 'R');
    c.allow(a, 0, BURST, REFILL);
    c.setSeen(a, 'm', 'a.1', 0);
    const b = c.key(pod('a'), 'Normal', 'S'); // same object, other reason
    c.allow(b, 0, BURST, REFILL); // evicts a from the spam filter
    expect(c.find(pod('a'), 'Normal', 'R')).toBe(a);
    expect(c.getSeen(a, 'm')).not.toBe(-1);
    c.setSeen(b, 'm', 'a.2', 0); // evicts a's logger entry: a is freed, b stays findable
    expect(c.find(pod('a'), 'Normal', 'R')).toBe(-1);
    expect(c.find(pod('a'), 'Normal', 'S')).toBe(b);
    expect(c.sizes).toEqual({ keys: 1, spam: 1, similar: 0, seen: 1 });
  });
});

describe('EventsCache spam filter', () => {
  it('allows a burst, then one more per refill period', () => {
    const c = new EventsCache();
    const k = c.key(pod('p'), 'Warning', 'BackOff');
    const at = (now: number) => c.allow(k, now, BURST, REFILL);
    expect([at(0), at(0), at(0), at(0)]).toEqual([true, true, true, false]);
    expect(at(500)).toBe(false); // half a token
    expect(at(1000)).toBe(true); // the denied call's half token was kept
    expect(at(1000)).toBe(false);
    expect([at(100_000), at(100_000), at(100_000), at(100_000)]).toEqual([true, true, true, false]); // refilled up to the burst only
  });
});

describe('EventsCache aggregator', () => {
  it('counts distinct messages within the window and starts again after it', () => {
    const c = new EventsCache();
    const k = c.key(pod('p'), 'Normal', 'SuccessfulCreate');
    c.allow(k, 0, BURST, REFILL);
    expect(c.aggregate(k, 'm1', 0, WINDOW)).toBe(1);
    expect(c.aggregate(k, 'm1', 100, WINDOW)).toBe(1);
    expect(c.aggregate(k, 'm2', 200, WINDOW)).toBe(2);
    expect(c.aggregate(k, 'm1', 300, WINDOW)).toBe(2);
    expect(c.aggregate(k, 'm3', 900, WINDOW)).toBe(3); // 600 after the last one: still in the window
    expect(c.aggregate(k, 'm3', 1501, WINDOW)).toBe(1); // more than 600 after: a new group
    expect(c.aggregate(k, 'm4', 1502, WINDOW)).toBe(2);
  });

  it('forgets the messages of a key it evicts', () => {
    const c = new EventsCache(1);
    const a = c.key(pod('a'), 'Normal', 'R');
    c.allow(a, 0, BURST, REFILL);
    c.aggregate(a, 'm1', 0, WINDOW);
    c.aggregate(a, 'm2', 0, WINDOW);
    c.setSeen(a, 'x', 'a.1', 0); // keeps a alive once evicted from the others
    const b = c.key(pod('b'), 'Normal', 'R');
    c.allow(b, 0, BURST, REFILL);
    c.aggregate(b, 'm', 0, WINDOW); // evicts a from the aggregator
    expect(c.find(pod('a'), 'Normal', 'R')).toBe(a);
    c.allow(a, 0, BURST, REFILL);
    expect(c.aggregate(a, 'm1', 0, WINDOW)).toBe(1);
  });
});

describe('EventsCache logger', () => {
  it('remembers the event per key and message, counts repeats, deletes', () => {
    const c = new EventsCache();
    const k = c.key(pod('p'), 'Normal', 'Pulled');
    c.allow(k, 0, BURST, REFILL);
    expect(c.getSeen(k, 'm1')).toBe(-1);
    c.setSeen(k, 'm1', 'p.1', 10);
    c.setSeen(k, 'm2', 'p.2', 20);
    c.setSeen(k, 'm3', 'p.3', 30);
    const s2 = c.getSeen(k, 'm2');
    expect([c.seenName(s2), c.seenTime(s2)]).toEqual(['p.2', 20]);
    expect(c.repeat(s2, 40)).toBe(2);
    expect(c.repeat(s2, 50)).toBe(3);
    expect(c.seenTime(s2)).toBe(50);
    c.setSeen(k, 'm2', 'p.4', 60); // recreated: count starts again
    expect(c.repeat(c.getSeen(k, 'm2'), 70)).toBe(2);
    expect(c.seenName(c.getSeen(k, 'm2'))).toBe('p.4');
    c.deleteSeen(k, 'm2'); // from the middle of the key's chain
    c.deleteSeen(k, 'absent');
    expect(c.getSeen(k, 'm2')).toBe(-1);
    expect(c.seenName(c.getSeen(k, 'm1'))).toBe('p.1');
    expect(c.seenName(c.getSeen(k, 'm3'))).toBe('p.3');
    expect(c.sizes.seen).toBe(2);
  });

  it('evicts the least recently used entry beyond its size; a lookup counts as a use', () => {
    const c = new EventsCache(2);
    const k = c.key(pod('p'), 'Normal', 'Pulled');
    c.allow(k, 0, BURST, REFILL);
    c.setSeen(k, 'a', 'p.a', 0);
    c.setSeen(k, 'b', 'p.b', 0);
    c.getSeen(k, 'a');
    c.setSeen(k, 'c', 'p.c', 0);
    expect(c.getSeen(k, 'b')).toBe(-1);
    expect(c.getSeen(k, 'a')).not.toBe(-1);
    expect(c.getSeen(k, 'c')).not.toBe(-1);
    c.setSeen(k, 'c', 'p.c2', 1); // an existing entry: nothing evicted
    expect(c.sizes.seen).toBe(2);
  });
});
