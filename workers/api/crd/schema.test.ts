import { describe, it, expect } from 'vitest';
import { errorString } from '../validation/field';
import { validateAgainstSchema } from './validate';
import { pruneCustomResource } from './prune';
import { applyDefaults } from './defaults';
import { validateEmbeddedResources } from './structuralChecks';
import type { JSONSchemaProps } from './schema';

const messages = (s: JSONSchemaProps, v: unknown) => validateAgainstSchema(s, v).map(errorString);

describe('validateAgainstSchema', () => {
  it('passes valid data and flags each kind of violation', () => {
    const s: JSONSchemaProps = {
      type: 'object',
      properties: {
        n: { type: 'number', multipleOf: 0.5, exclusiveMinimum: true, minimum: 0 },
        when: { type: 'string', format: 'date-time' },
        items: { type: 'array', minItems: 1, items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
        m: { type: 'object', maxProperties: 1 },
      },
    };
    expect(messages(s, { n: 1.5, when: '2025-01-01T00:00:00Z', items: [{ name: 'a' }], m: { a: 1 } })).toEqual([]);
    expect(messages(s, { n: 0, when: 'yesterday', items: [], m: { a: 1, b: 2 } })).toEqual([
      'items: Invalid value: 0: items in body should have at least 1 items',
      'm: Too many: 2: must have at most 1 item',
      'n: Invalid value: 0: n in body should be greater than 0',
      'when: Invalid value: "yesterday": when in body must be of type date-time: "yesterday"',
    ]);
    expect(messages(s, { n: 0.7, items: [{}, { name: 3 }] })).toEqual([
      'items[0].name: Required value',
      'items[1].name: Invalid value: "integer": items[1].name in body must be of type string: "integer"',
      'n: Invalid value: 0.7: n in body should be a multiple of 0.5',
    ]);
  });

  it('treats integral numbers as integers and accepts them for number', () => {
    expect(messages({ type: 'object', properties: { a: { type: 'integer' }, b: { type: 'number' } } }, { a: 1.5, b: 2 })).toEqual([
      'a: Invalid value: "number": a in body must be of type integer: "number"',
    ]);
  });

  it('refuses null unless nullable', () => {
    const s: JSONSchemaProps = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string', nullable: true } } };
    expect(messages(s, { a: null, b: null })).toEqual(['a: Invalid value: "null": a in body must be of type string: "null"']);
  });

  it('renders non-string enum values as JSON', () => {
    expect(messages({ type: 'object', properties: { a: { type: 'integer', enum: [1, 2] } } }, { a: 3 })).toEqual(['a: Unsupported value: 3: supported values: "1", "2"']);
  });
});

describe('pruneCustomResource', () => {
  const schema: JSONSchemaProps = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          list: { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } },
          free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { typed: { type: 'object', properties: {} } } },
          tpl: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } },
          opt: { type: 'string' },
        },
      },
    },
  };

  it('drops undeclared fields, keeps TypeMeta/ObjectMeta at the root and in embedded resources, and reports sorted paths', () => {
    const obj: Record<string, unknown> = {
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'n', clusterName: 'old' },
      spec: {
        list: [{ a: 'x', b: 'y' }],
        free: { anything: 1, typed: { dropped: true } },
        tpl: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { x: 1 }, status: {} },
        opt: null,
        zzz: 1,
      },
      status: { ready: true },
    };
    expect(pruneCustomResource(obj, schema)).toEqual(['metadata.clusterName', 'spec.free.typed.dropped', 'spec.list[0].b', 'spec.tpl.spec.x', 'spec.tpl.status', 'spec.zzz', 'status']);
    expect(obj).toEqual({
      apiVersion: 'x/v1',
      kind: 'X',
      metadata: { name: 'n' },
      spec: { list: [{ a: 'x' }], free: { anything: 1, typed: {} }, tpl: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} } },
    });
  });

  it('requires apiVersion and kind in embedded resources', () => {
    const errs = validateEmbeddedResources(schema, { spec: { tpl: { metadata: {} } } }).map(errorString);
    expect(errs).toEqual(['spec.tpl.apiVersion: Required value: must not be empty', 'spec.tpl.kind: Required value: must not be empty']);
  });
});

describe('applyDefaults', () => {
  it('fills missing and non-nullable null fields, inside defaults and list items too', () => {
    const s: JSONSchemaProps = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          default: {},
          properties: {
            size: { type: 'string', default: 'M' },
            ports: { type: 'array', items: { type: 'object', properties: { protocol: { type: 'string', default: 'TCP' } } } },
          },
        },
      },
    };
    const a: Record<string, unknown> = {};
    applyDefaults(a, s);
    expect(a).toEqual({ spec: { size: 'M' } });
    const b: Record<string, unknown> = { spec: { size: null, ports: [{}, { protocol: 'UDP' }] } };
    applyDefaults(b, s);
    expect(b).toEqual({ spec: { size: 'M', ports: [{ protocol: 'TCP' }, { protocol: 'UDP' }] } });
  });
});
