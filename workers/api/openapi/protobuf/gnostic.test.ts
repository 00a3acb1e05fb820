import { describe, expect, it } from 'vitest';
import { GnosticError, gnosticDocument } from './gnostic';
import type { JsonValue } from './yamlV3';

const POD = '#/definitions/io.k8s.api.core.v1.Pod';
const GVK = { group: '', kind: 'Pod', version: 'v1' };
const base = (extra: Record<string, JsonValue> = {}): Record<string, JsonValue> => ({ swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths: {}, ...extra });
const op = (extra: Record<string, JsonValue>): Record<string, JsonValue> => ({ responses: { '200': { description: 'OK' } }, ...extra });

describe('gnosticDocument', () => {
  it('builds Document, Info, Paths, operations and their extensions', () => {
    const doc = base({
      paths: {
        '/api/v1/namespaces/{namespace}/pods/{name}': {
          get: {
            description: 'read the specified Pod',
            consumes: ['*/*'],
            produces: ['application/json', 'application/yaml'],
            schemes: ['https'],
            tags: ['core_v1'],
            operationId: 'readCoreV1NamespacedPod',
            responses: { '200': { description: 'OK', schema: { $ref: POD } }, '401': { description: 'Unauthorized' } },
            'x-kubernetes-action': 'get',
            'x-kubernetes-group-version-kind': GVK,
          },
        },
        'x-top': 1,
      },
      securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
      security: [{ BearerToken: [] }],
    });
    expect(gnosticDocument(doc)).toEqual({
      swagger: '2.0',
      info: { title: 'Kubernetes', version: 'v1.32.0', vendor_extension: [] },
      paths: {
        vendor_extension: [{ name: 'x-top', value: { yaml: '1\n' } }],
        path: [
          {
            name: '/api/v1/namespaces/{namespace}/pods/{name}',
            value: {
              get: {
                tags: ['core_v1'],
                description: 'read the specified Pod',
                operation_id: 'readCoreV1NamespacedPod',
                produces: ['application/json', 'application/yaml'],
                consumes: ['*/*'],
                responses: {
                  response_code: [
                    { name: '200', value: { response: { description: 'OK', schema: { schema: { _ref: POD, vendor_extension: [] } }, vendor_extension: [] } } },
                    { name: '401', value: { response: { description: 'Unauthorized', vendor_extension: [] } } },
                  ],
                  vendor_extension: [],
                },
                schemes: ['https'],
                vendor_extension: [
                  { name: 'x-kubernetes-action', value: { yaml: 'get\n' } },
                  { name: 'x-kubernetes-group-version-kind', value: { yaml: 'group: ""\nkind: Pod\nversion: v1\n' } },
                ],
              },
              vendor_extension: [],
            },
          },
        ],
      },
      security: [{ additional_properties: [{ name: 'BearerToken', value: { value: [] } }] }],
      security_definitions: {
        additional_properties: [
          { name: 'BearerToken', value: { api_key_security: { type: 'apiKey', name: 'authorization', in: 'header', description: 'Bearer Token authentication', vendor_extension: [] } } },
        ],
      },
      vendor_extension: [],
    });
  });

  it('picks the parameter kind gnostic picks: body, query, path or a reference', () => {
    const parameters: JsonValue[] = [
      { name: 'body', in: 'body', required: true, schema: { $ref: POD } },
      { uniqueItems: true, type: 'string', description: 'dry run', name: 'dryRun', in: 'query' },
      { uniqueItems: true, type: 'string', description: 'name of the Pod', name: 'name', in: 'path', required: true },
      { type: 'string', name: 'X-Thing', in: 'header' },
      { $ref: '#/parameters/pretty' },
    ];
    const doc = gnosticDocument(base({ paths: { '/p': { post: op({ parameters }) } } }));
    const got = (((doc.paths as { path: { value: { post: { parameters: unknown } } }[] }).path[0].value.post.parameters) as unknown[]);
    expect(got).toEqual([
      { parameter: { body_parameter: { name: 'body', in: 'body', required: true, schema: { _ref: POD, vendor_extension: [] }, vendor_extension: [] } } },
      { parameter: { non_body_parameter: { query_parameter_sub_schema: { in: 'query', description: 'dry run', name: 'dryRun', type: 'string', unique_items: true, vendor_extension: [] } } } },
      { parameter: { non_body_parameter: { path_parameter_sub_schema: { required: true, in: 'path', description: 'name of the Pod', name: 'name', type: 'string', unique_items: true, vendor_extension: [] } } } },
      { parameter: { non_body_parameter: { header_parameter_sub_schema: { in: 'header', name: 'X-Thing', type: 'string', vendor_extension: [] } } } },
      { json_reference: { _ref: '#/parameters/pretty' } },
    ]);
  });

  it('builds schemas: type, items, properties, additionalProperties, defaults and extensions', () => {
    const doc = gnosticDocument(
      base({
        definitions: {
          'io.k8s.api.core.v1.Pod': {
            description: 'Pod is a collection of containers.',
            type: 'object',
            required: ['spec'],
            properties: {
              containers: {
                type: 'array',
                items: { $ref: '#/definitions/io.k8s.api.core.v1.Container' },
                'x-kubernetes-list-map-keys': ['name'],
                'x-kubernetes-patch-strategy': 'merge',
              },
              labels: { type: 'object', additionalProperties: { type: 'string', default: '' } },
              raw: { type: ['object', 'null'], additionalProperties: false, enum: ['a', 1], maxLength: 3, minimum: 0.5 },
            },
            'x-kubernetes-group-version-kind': [GVK],
          },
        },
      }),
    );
    expect(doc.definitions).toEqual({
      additional_properties: [
        {
          name: 'io.k8s.api.core.v1.Pod',
          value: {
            description: 'Pod is a collection of containers.',
            required: ['spec'],
            type: { value: ['object'] },
            properties: {
              additional_properties: [
                {
                  name: 'containers',
                  value: {
                    type: { value: ['array'] },
                    items: { schema: [{ _ref: '#/definitions/io.k8s.api.core.v1.Container', vendor_extension: [] }] },
                    vendor_extension: [
                      { name: 'x-kubernetes-list-map-keys', value: { yaml: '- name\n' } },
                      { name: 'x-kubernetes-patch-strategy', value: { yaml: 'merge\n' } },
                    ],
                  },
                },
                {
                  name: 'labels',
                  value: { type: { value: ['object'] }, additional_properties: { schema: { type: { value: ['string'] }, default: { yaml: '""\n' }, vendor_extension: [] } }, vendor_extension: [] },
                },
                {
                  name: 'raw',
                  value: {
                    type: { value: ['object', 'null'] },
                    additional_properties: { boolean: false },
                    enum: [{ yaml: 'a\n' }, { yaml: '1\n' }],
                    max_length: 3,
                    minimum: 0.5,
                    vendor_extension: [],
                  },
                },
              ],
            },
            vendor_extension: [{ name: 'x-kubernetes-group-version-kind', value: { yaml: '- group: ""\n  kind: Pod\n  version: v1\n' } }],
          },
        },
      ],
    });
  });

  it('reads scalars as gnostic does: integers as strings, null as empty, properties holding undefined as absent', () => {
    const doc = gnosticDocument(base({ info: { title: 7, version: null, description: undefined as unknown as null } }));
    expect(doc.info).toEqual({ title: '7', version: '', vendor_extension: [] });
  });

  it('rejects documents gnostic rejects', () => {
    const reject = (d: JsonValue) => () => gnosticDocument(d);
    expect(reject([])).toThrow(GnosticError);
    expect(reject({ swagger: '2.0', info: { title: 't', version: 'v' } })).toThrow(/\$root is missing required property: paths/);
    expect(reject(base({ swagger: '3.0' }))).toThrow(/has unexpected value for swagger/);
    expect(reject(base({ info: { title: 't' } }))).toThrow(/\$root.info is missing required property: version/);
    expect(reject(base({ paths: { '/p': { get: op({ summery: 'x' }) } } }))).toThrow(/has invalid property: summery/);
    expect(reject(base({ paths: { 'p': {} } }))).toThrow(/\$root.paths has invalid property: p/);
    expect(reject(base({ paths: { '/p': { get: op({ parameters: [{ name: 'c', in: 'cookie', type: 'string' }] }) } } }))).toThrow(/contains an invalid ParametersItem/);
    expect(reject(base({ paths: { '/p': { get: { responses: { '200': {} } } } } }))).toThrow(/contains an invalid ResponseValue/);
    expect(reject(base({ definitions: { A: { items: [{ type: 'string' }] } } }))).toThrow(/has unexpected value for item array/);
    expect(reject(base({ definitions: { A: { type: { a: 1 } } } }))).toThrow(/has unexpected value for string array/);
    expect(reject(base({ definitions: { A: { maxLength: 1.5 } } }))).toThrow(/has unexpected value for maxLength/);
  });
});
