import { describe, it, expect } from 'vitest';
import { CommandHistory, HISTORY_KEY, type StorageLike } from './history';

function memoryStorage(initial?: string): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(HISTORY_KEY, initial);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('CommandHistory', () => {
  it('walks older and newer entries and gives back the draft', () => {
    const h = new CommandHistory();
    h.add('kubectl get pods');
    h.add('kubectl get nodes');
    expect(h.prev('kubectl de')).toBe('kubectl get nodes');
    expect(h.prev('ignored')).toBe('kubectl get pods');
    expect(h.prev('ignored')).toBeUndefined();
    expect(h.next()).toBe('kubectl get nodes');
    expect(h.next()).toBe('kubectl de');
    expect(h.next()).toBeUndefined();
  });

  it('skips blanks, consecutive duplicates and lines starting with a space', () => {
    const h = new CommandHistory();
    for (const l of ['a', 'a', '', '   ', ' secret', 'b', 'a']) h.add(l);
    expect(h.list()).toEqual(['a', 'b', 'a']);
  });

  it('persists, keeps the newest entries within its limit, and survives corrupt storage', () => {
    const storage = memoryStorage();
    const h = new CommandHistory(storage, 3);
    for (const l of ['1', '2', '3', '4']) h.add(l);
    expect(JSON.parse(storage.data.get(HISTORY_KEY)!)).toEqual(['2', '3', '4']);
    expect(new CommandHistory(storage, 3).list()).toEqual(['2', '3', '4']);
    expect(new CommandHistory(memoryStorage('{not json')).list()).toEqual([]);
    expect(new CommandHistory(memoryStorage('[1, "ok", null]')).list()).toEqual(['ok']);
    const throwing: StorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const t = new CommandHistory(throwing);
    t.add('still works');
    expect(t.list()).toEqual(['still works']);
  });
});
