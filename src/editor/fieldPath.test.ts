import { describe, it, expect } from 'vitest';
import { formatFieldPath, parseFieldPath } from './fieldPath';

describe('parseFieldPath', () => {
  it('splits validation paths into fields and indexes', () => {
    expect(parseFieldPath('spec.template.spec.containers[0].image')).toEqual([
      { kind: 'field', name: 'spec' },
      { kind: 'field', name: 'template' },
      { kind: 'field', name: 'spec' },
      { kind: 'field', name: 'containers' },
      { kind: 'index', index: 0 },
      { kind: 'field', name: 'image' },
    ]);
  });

  it('keeps map keys with dots and slashes whole', () => {
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual([
      { kind: 'field', name: 'metadata' },
      { kind: 'field', name: 'labels' },
      { kind: 'key', key: 'app.kubernetes.io/name' },
    ]);
  });

  it('reads server-side apply paths: leading dot, key matches and set values', () => {
    expect(parseFieldPath('.spec.replicas')).toEqual([
      { kind: 'field', name: 'spec' },
      { kind: 'field', name: 'replicas' },
    ]);
    expect(parseFieldPath('.spec.ports[port=80,protocol="TCP"].targetPort')).toEqual([
      { kind: 'field', name: 'spec' },
      { kind: 'field', name: 'ports' },
      { kind: 'match', fields: { port: 80, protocol: 'TCP' } },
      { kind: 'field', name: 'targetPort' },
    ]);
    expect(parseFieldPath('.metadata.finalizers[="a]b"]')).toEqual([
      { kind: 'field', name: 'metadata' },
      { kind: 'field', name: 'finalizers' },
      { kind: 'value', value: 'a]b' },
    ]);
  });

  it('gives nothing for an unterminated bracket and for an empty path', () => {
    expect(parseFieldPath('spec.containers[0')).toEqual([]);
    expect(parseFieldPath('')).toEqual([]);
  });

  it('formats steps back', () => {
    const p = 'items[2].spec.template.metadata.labels[app]';
    expect(formatFieldPath(parseFieldPath(p))).toBe(p);
  });
});
