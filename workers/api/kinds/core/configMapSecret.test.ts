import { describe, expect, it } from 'vitest';
import { base64ErrorOffset } from './base64';
import { secretDecodeError } from './secret';
import { create, obj, update } from './testFixtures';

const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('ConfigMap', () => {
  it('accepts good keys and rejects bad ones', () => {
    expect(create(obj('ConfigMap', { data: { 'game.properties': 'x', KEY_1: 'y' } }))).toEqual([]);
    expect(create(obj('ConfigMap', { data: { 'a/b': 'x', '..x': 'y' } }))).toEqual([
      `data[..x]: Invalid value: "..x": must not start with '..'`,
      `data[a/b]: Invalid value: "a/b": ${CONFIG_KEY_MSG}`,
    ]);
  });

  it('rejects keys present in both data and binaryData', () => {
    expect(create(obj('ConfigMap', { data: { a: 'x' }, binaryData: { a: 'eA==' } }))).toEqual(['data[a]: Invalid value: "a": duplicate of key present in binaryData']);
  });

  it('limits the total size to 1MiB', () => {
    expect(create(obj('ConfigMap', { data: { a: 'x'.repeat(1024 * 1024 + 1) } }))).toEqual([': Too long: may not be more than 1048576 bytes']);
  });

  it('freezes immutable config maps', () => {
    const errs = update(obj('ConfigMap', { data: { a: 'x' }, immutable: true }), (next) => {
      (next as Record<string, unknown>).data = { a: 'y' };
      delete (next as Record<string, unknown>).immutable;
    });
    expect(errs).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set', 'data: Forbidden: field is immutable when `immutable` is set']);
  });
});

describe('Secret', () => {
  it('merges stringData into data and defaults the type', () => {
    const s = obj('Secret', { data: { a: 'eA==' }, stringData: { b: 'héllo', a: 'over' } });
    expect(create(s)).toEqual([]);
    expect(s).toMatchObject({ type: 'Opaque', data: { a: 'b3Zlcg==', b: 'aMOpbGxv' } });
    expect(s).not.toHaveProperty('stringData');
  });

  it('requires per-type keys', () => {
    expect(create(obj('Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }))).toEqual(['data[tls.key]: Required value']);
    expect(create(obj('Secret', { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': 'bm90IGpzb24=' } }))[0]).toMatch(
      /^data\[\.dockerconfigjson\]: Invalid value: "<secret contents redacted>": /,
    );
  });

  it('keeps type immutable', () => {
    const errs = update(obj('Secret', { data: { a: 'eA==' } }), (next) => {
      (next as Record<string, unknown>).type = 'kubernetes.io/basic-auth';
    });
    expect(errs[0]).toBe('type: Invalid value: "kubernetes.io/basic-auth": field is immutable');
  });

  it('reports bad base64 as the decoder does', () => {
    expect(base64ErrorOffset('eA==')).toBeUndefined();
    expect(base64ErrorOffset('aGVsbG8=\n')).toBeUndefined();
    expect(base64ErrorOffset('ab$d')).toBe(2);
    expect(base64ErrorOffset('abc')).toBe(0);
    expect(secretDecodeError(obj('Secret', { data: { a: 'not base64!' } }))).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
  });
});
