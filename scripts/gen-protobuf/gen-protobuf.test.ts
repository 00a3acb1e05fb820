import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildMessages } from './build-messages.mjs';
import { gzipStreams, parseFileDescriptor, type FileDescriptor } from './descriptors.mjs';
import { readZipEntry } from './zip.mjs';

// Minimal protobuf writer for building descriptors.
const varint = (n: number): Buffer => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
};
const len = (no: number, b: Buffer) => Buffer.concat([varint((no << 3) | 2), varint(b.length), b]);
const str = (no: number, s: string) => len(no, Buffer.from(s));
const int = (no: number, v: number) => Buffer.concat([varint(no << 3), varint(v)]);

const field = (name: string, number: number, type: number, opts: { label?: number; typeName?: string; nonNullable?: boolean } = {}) =>
  len(
    2,
    Buffer.concat([
      str(1, name),
      int(3, number),
      int(4, opts.label ?? 1),
      int(5, type),
      ...(opts.typeName ? [str(6, opts.typeName)] : []),
      ...(opts.nonNullable ? [len(8, int(65001, 0))] : []),
    ]),
  );

describe('descriptors', () => {
  const file = Buffer.concat([
    str(1, 'k8s.io/api/x/v1/generated.proto'),
    str(2, 'k8s.io.api.x.v1'),
    len(
      4,
      Buffer.concat([
        str(1, 'Thing'),
        field('name', 1, 9, { nonNullable: true }),
        field('labels', 2, 11, { label: 3, typeName: '.k8s.io.api.x.v1.Thing.LabelsEntry' }),
        len(3, Buffer.concat([str(1, 'LabelsEntry'), field('key', 1, 9), field('value', 2, 9), len(7, int(7, 1))])),
      ]),
    ),
  ]);

  it('parses messages, nested map entries and gogoproto.nullable', () => {
    expect(parseFileDescriptor(file)).toEqual({
      name: 'k8s.io/api/x/v1/generated.proto',
      package: 'k8s.io.api.x.v1',
      messages: [
        {
          name: 'k8s.io.api.x.v1.Thing',
          mapEntry: false,
          fields: [
            { name: 'name', number: 1, label: 1, type: 9, typeName: '', nullable: false },
            { name: 'labels', number: 2, label: 3, type: 11, typeName: 'k8s.io.api.x.v1.Thing.LabelsEntry', nullable: true },
          ],
        },
        {
          name: 'k8s.io.api.x.v1.Thing.LabelsEntry',
          mapEntry: true,
          fields: [
            { name: 'key', number: 1, label: 1, type: 9, typeName: '', nullable: true },
            { name: 'value', number: 2, label: 1, type: 9, typeName: '', nullable: true },
          ],
        },
      ],
    });
    expect(parseFileDescriptor(Buffer.from('not a descriptor'))).toBeUndefined();
  });

  it('inflates back-to-back gzip members separately and skips false magic', () => {
    const other = Buffer.from('second member');
    const bin = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0xff]), Buffer.from('junk'), zlib.gzipSync(file), zlib.gzipSync(other), Buffer.from('tail')]);
    const streams = [...gzipStreams(bin)];
    expect(streams).toEqual([file, other]);
  });
});

describe('readZipEntry', () => {
  function zip(entries: { name: string; data: Buffer; deflate: boolean }[]): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const e of entries) {
      const body = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
      const name = Buffer.from(e.name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(e.deflate ? 8 : 0, 8);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(e.data.length, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(e.deflate ? 8 : 0, 10);
      central.writeUInt32LE(body.length, 20);
      central.writeUInt32LE(e.data.length, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, name, body);
      centrals.push(central, name);
      offset += 30 + name.length + body.length;
    }
    const cd = Buffer.concat(centrals);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(entries.length, 8);
    eocd.writeUInt16LE(entries.length, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, cd, eocd]);
  }

  it('reads stored and deflated entries by name', () => {
    const z = zip([
      { name: 'helm/helm', data: Buffer.from('helm'), deflate: false },
      { name: 'kubectl/kubectl', data: Buffer.from('kubectl binary '.repeat(100)), deflate: true },
    ]);
    expect(readZipEntry(z, 'kubectl/kubectl').toString()).toBe('kubectl binary '.repeat(100));
    expect(readZipEntry(z, 'helm/helm').toString()).toBe('helm');
    expect(() => readZipEntry(z, 'nope')).toThrow('zip archive has no entry nope');
    expect(() => readZipEntry(Buffer.from('plain'), 'x')).toThrow('not a zip archive');
  });
});

describe('buildMessages', () => {
  const f = (name: string, number: number, type: number, extra: Partial<FileDescriptor['messages'][0]['fields'][0]> = {}) => ({ name, number, label: 1, type, typeName: '', nullable: true, ...extra });
  const files: FileDescriptor[] = [
    {
      name: 'k8s.io/api/x/v1/generated.proto',
      package: 'k8s.io.api.x.v1',
      messages: [
        {
          name: 'k8s.io.api.x.v1.Thing',
          mapEntry: false,
          fields: [
            f('name', 1, 9, { nullable: false }),
            f('size', 2, 5, { nullable: false }),
            f('replicas', 3, 5),
            f('uID', 4, 9, { nullable: false }),
            f('source', 5, 11, { typeName: 'k8s.io.api.x.v1.Source', nullable: false }),
            f('verbs', 6, 11, { typeName: 'k8s.io.api.x.v1.Verbs' }),
            f('labels', 7, 11, { label: 3, typeName: 'k8s.io.api.x.v1.Thing.LabelsEntry' }),
          ],
        },
        { name: 'k8s.io.api.x.v1.Thing.LabelsEntry', mapEntry: true, fields: [f('key', 1, 9), f('value', 2, 11, { typeName: 'k8s.io.api.x.v1.Source' })] },
        { name: 'k8s.io.api.x.v1.Source', mapEntry: false, fields: [f('path', 1, 9, { nullable: false })] },
        { name: 'k8s.io.api.x.v1.Verbs', mapEntry: false, fields: [f('items', 1, 9, { label: 3 })] },
        { name: 'k8s.io.api.y.v1.Skipped', mapEntry: false, fields: [] },
      ],
    },
  ];
  const definitions = {
    'io.k8s.api.x.v1.Thing': {
      properties: { name: {}, size: {}, replicas: {}, uid: {}, path: {}, verbs: {}, labels: {} },
      required: ['size'],
      'x-kubernetes-group-version-kind': [{ group: 'x.k8s.io', version: 'v1', kind: 'Thing' }],
    },
  };

  it('fixes JSON names, flattens embeds, marks omitempty zeros, unwraps arrays, lists kinds', () => {
    const out = buildMessages(files, definitions, new Set(['k8s.io.api.x.v1']));
    expect(out.packages['k8s.io.api.x.v1'].Thing).toEqual([
      [1, 'name', 'string', 'z'],
      [2, 'size', 'int32'],
      [3, 'replicas', 'int32'],
      [4, 'uid', 'string', 'z'],
      [5, 'source', 'Source', 'i'],
      [6, 'verbs', 'Verbs'],
      [7, 'labels', 'map<string,Source>'],
    ]);
    expect(out.packages['k8s.io.api.x.v1']['Thing.LabelsEntry']).toBeUndefined();
    expect(out.arrays).toEqual(['k8s.io.api.x.v1.Verbs']);
    expect(out.kinds).toEqual({ 'x.k8s.io/v1': { Thing: 'k8s.io.api.x.v1.Thing' } });
  });

  it('refuses a field it cannot name', () => {
    const defsWithout = { 'io.k8s.api.x.v1.Thing': { ...definitions['io.k8s.api.x.v1.Thing'], properties: { name: {} } } };
    expect(() => buildMessages(files, defsWithout, new Set(['k8s.io.api.x.v1']))).toThrow('k8s.io.api.x.v1.Thing.size: no JSON property matches');
  });
});
