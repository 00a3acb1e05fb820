import { describe, expect, it } from 'vitest';
import { buildOpenApiV2Messages, findRawFileDescriptor, parseRawFileDescriptor, renderOpenApiV2Json } from './openapiv2.mjs';

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

const field = (name: string, number: number, type: number, opts: { label?: number; typeName?: string; oneof?: number } = {}) =>
  len(2, Buffer.concat([str(1, name), int(3, number), int(4, opts.label ?? 1), int(5, type), ...(opts.typeName ? [str(6, opts.typeName)] : []), ...(opts.oneof !== undefined ? [int(9, opts.oneof)] : [])]));

// A proto3 file as protoc writes it: name, package, dependency, messages, options, syntax.
const file = Buffer.concat([
  str(1, 'openapiv2/OpenAPIv2.proto'),
  str(2, 'openapi.v2'),
  str(3, 'google/protobuf/any.proto'),
  len(4, Buffer.concat([str(1, 'Item'), field('schema', 1, 11, { typeName: '.openapi.v2.Schema', oneof: 0 }), field('boolean', 2, 8, { oneof: 0 }), len(8, str(1, 'oneof'))])),
  len(4, Buffer.concat([str(1, 'Schema'), field('_ref', 1, 9), field('required', 19, 9, { label: 3 }), field('any', 20, 11, { typeName: '.google.protobuf.Any' })])),
  len(8, str(11, 'openapi_v2')),
  str(12, 'proto3'),
]);
const any = Buffer.concat([str(1, 'google/protobuf/any.proto'), str(2, 'google.protobuf'), len(4, Buffer.concat([str(1, 'Any'), field('type_url', 1, 9), field('value', 2, 12)])), str(12, 'proto3')]);

describe('raw descriptors (protoimpl rawDesc)', () => {
  it('finds an uncompressed descriptor and ends it where protoc field order breaks', () => {
    // After the descriptor: bytes that parse as a field-1 string, which cannot follow syntax (12).
    const bin = Buffer.concat([Buffer.from('\x00junk\n\x19openapiv2/OpenAPIv2.proto but no package'), file, str(1, 'next.proto'), Buffer.from([0xff, 0xff])]);
    const found = findRawFileDescriptor(bin, 'openapiv2/OpenAPIv2.proto', 'openapi.v2');
    expect(found).toEqual(file);
    expect(findRawFileDescriptor(bin, 'openapiv2/OpenAPIv2.proto', 'other.pkg')).toBeUndefined();
    expect(findRawFileDescriptor(bin, 'missing.proto', 'openapi.v2')).toBeUndefined();
  });

  it('stops before a second non-repeated field and at a wire type the field cannot have', () => {
    const bin = Buffer.concat([file, str(12, 'proto3')]);
    expect(findRawFileDescriptor(bin, 'openapiv2/OpenAPIv2.proto', 'openapi.v2')).toEqual(file);
    const bin2 = Buffer.concat([file.subarray(0, file.length - 8), int(4, 7)]); // message_type as a varint
    expect(findRawFileDescriptor(bin2, 'openapiv2/OpenAPIv2.proto', 'openapi.v2')?.length).toBe(file.length - 8);
  });

  it('parses messages with oneofs and builds the table with r/o flags and full type names', () => {
    const parsed = parseRawFileDescriptor(file);
    expect(parsed.package).toBe('openapi.v2');
    expect(parsed.dependencies).toEqual(['google/protobuf/any.proto']);
    expect(parsed.messages.map((m) => m.name)).toEqual(['openapi.v2.Item', 'openapi.v2.Schema']);
    expect(parsed.messages[0].oneofs).toEqual(['oneof']);
    const table = buildOpenApiV2Messages([parsed, parseRawFileDescriptor(any)]);
    expect(table).toEqual({
      'google.protobuf.Any': [[1, 'type_url', 'string'], [2, 'value', 'bytes']],
      'openapi.v2.Item': [[1, 'schema', 'openapi.v2.Schema', 'o'], [2, 'boolean', 'bool', 'o']],
      'openapi.v2.Schema': [[1, '_ref', 'string'], [19, 'required', 'string', 'r'], [20, 'any', 'google.protobuf.Any']],
    });
    const text = renderOpenApiV2Json({ generatedBy: 'x' }, table);
    expect(JSON.parse(text)).toEqual({ generatedBy: 'x', messages: table });
    expect(text.split('\n').filter((l) => l.startsWith('"openapi.v2.'))).toHaveLength(2);
  });

  it('refuses references it cannot resolve and field kinds the encoder does not handle', () => {
    expect(() => buildOpenApiV2Messages([parseRawFileDescriptor(file)])).toThrow(/Schema.any: unknown type google.protobuf.Any/);
    const withEnum = Buffer.concat([str(1, 'e.proto'), str(2, 'e'), len(4, Buffer.concat([str(1, 'M'), field('kind', 1, 14, { typeName: '.e.Kind' })]))]);
    expect(() => buildOpenApiV2Messages([parseRawFileDescriptor(withEnum)])).toThrow(/M.kind: unsupported field type enum/);
  });
});
