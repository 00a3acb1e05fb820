import { describe, expect, it } from 'vitest';
import { findRecord, newRecord, type ContainerRecord } from './containerState';
import { containerId } from './containerStart';
import type { KubeletServices } from './services';
import { Rng } from '../../clock/prng';

describe('findRecord', () => {
  it('finds a record by kind and name as the worker keys them', () => {
    const records = new Map<string, ContainerRecord>([
      ['init:setup', newRecord({ name: 'setup' }, 'init')],
      ['init:proxy', newRecord({ name: 'proxy', restartPolicy: 'Always' }, 'sidecar')],
      ['main:app', newRecord({ name: 'app' }, 'regular')],
    ]);
    expect(findRecord(records, true, 'setup')).toBe(records.get('init:setup'));
    expect(findRecord(records, true, 'proxy')).toBe(records.get('init:proxy'));
    expect(findRecord(records, false, 'app')).toBe(records.get('main:app'));
    expect(findRecord(records, false, 'setup')).toBeUndefined();
    expect(findRecord(records, true, 'app')).toBeUndefined();
    expect(findRecord(new Map(), false, 'app')).toBeUndefined();
  });
});

describe('containerId', () => {
  it('is the eight 32-bit draws as zero-padded hex, as before', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    for (let i = 0; i < 50; i++) {
      const id = containerId({ rng: a } as unknown as KubeletServices);
      let want = '';
      for (let j = 0; j < 8; j++) want += b.int(0x100000000).toString(16).padStart(8, '0');
      expect(id).toBe(want);
      expect(id).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('pads small draws and keeps the top bit of large ones', () => {
    const draws = [0, 1, 0xff, 0x100, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
    let i = 0;
    const rng = { int: () => draws[i++ % draws.length] };
    expect(containerId({ rng } as unknown as KubeletServices)).toBe(draws.map((n) => n.toString(16).padStart(8, '0')).join(''));
  });
});
