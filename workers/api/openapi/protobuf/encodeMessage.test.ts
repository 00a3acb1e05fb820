import { describe, expect, it } from 'vitest';
import { encodeMessage } from './encodeMessage';
import { fieldOf } from './messages';
import { decodeMessage } from './testing/decode';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('the openapi.v2 table', () => {
  it('carries gnostic OpenAPIv2.proto field numbers from the kubectl descriptor', () => {
    expect(fieldOf('openapi.v2.Document', 'paths').number).toBe(8);
    expect(fieldOf('openapi.v2.Document', 'definitions').number).toBe(9);
    expect(fieldOf('openapi.v2.Schema', '_ref').number).toBe(1);
    expect(fieldOf('openapi.v2.Schema', 'vendor_extension').number).toBe(31);
    expect(fieldOf('openapi.v2.NonBodyParameter', 'query_parameter_sub_schema')).toMatchObject({ number: 3, oneof: true, key: 'queryParameterSubSchema' });
    expect(fieldOf('openapi.v2.Operation', 'parameters')).toMatchObject({ number: 8, repeated: true, type: 'openapi.v2.ParametersItem' });
    expect(() => fieldOf('openapi.v2.Schema', 'nope')).toThrow(/has no field nope/);
  });
});

describe('encodeMessage', () => {
  it('writes fields in number order whatever the key order, leaving zero scalars out', () => {
    const bytes = encodeMessage('openapi.v2.Info', { version: 'v1', title: 'K', description: '', vendor_extension: [] });
    expect(hex(bytes)).toBe('0a014b' + '12027631');
  });

  it('writes a oneof member at its zero value and an empty message that is set', () => {
    expect(hex(encodeMessage('openapi.v2.AdditionalPropertiesItem', { boolean: false }))).toBe('1000');
    expect(hex(encodeMessage('openapi.v2.AdditionalPropertiesItem', { schema: {} }))).toBe('0a00');
    expect(hex(encodeMessage('openapi.v2.Schema', { unique_items: false, max_length: 0, minimum: 0 }))).toBe('');
    expect(hex(encodeMessage('openapi.v2.Schema', { minimum: -0 }))).toBe('490000000000000080');
  });

  it('round-trips nested, repeated and numeric fields', () => {
    const schema = {
      _ref: '#/definitions/x',
      required: ['a', 'b'],
      type: { value: ['object'] },
      properties: { additional_properties: [{ name: 'a', value: { description: 'é'.repeat(100), max_length: 5, minimum: -1.25 } }] },
      vendor_extension: [{ name: 'x-k', value: { yaml: 'merge\n' } }],
    };
    expect(decodeMessage('openapi.v2.Schema', encodeMessage('openapi.v2.Schema', schema))).toEqual(schema);
  });

  it('rejects data that does not fit the message', () => {
    expect(() => encodeMessage('openapi.v2.Info', { titel: 'x' })).toThrow(/Info has no field titel/);
    expect(() => encodeMessage('openapi.v2.Info', { title: 5 })).toThrow(/Info.title: 5 is not a string/);
    expect(() => encodeMessage('openapi.v2.Schema', { max_length: 1.5 })).toThrow(/is not a int64/);
    expect(() => encodeMessage('openapi.v2.Schema', { required: 'a' })).toThrow(/needs an array/);
    expect(() => encodeMessage('openapi.v2.Schema', { type: 'object' })).toThrow(/TypeItem needs an object/);
    expect(() => encodeMessage('openapi.v2.AdditionalPropertiesItem', { schema: {}, boolean: true })).toThrow(/sets both schema and boolean/);
    expect(() => encodeMessage('openapi.v2.Nope', {})).toThrow(/no message openapi.v2.Nope/);
  });
});
