import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../object';
import { SHIRTS, crdCluster, establish, shirt, shirtCRD } from './testing';

type Status = { code: number; reason: string; message: string; details?: { causes?: { field: string; message: string }[] } };

/** The Shirt CRD with the validation a workshop would add. */
function strictShirtCRD(): KubeObject {
  return shirtCRD({
    required: ['color'],
    properties: {
      color: { type: 'string', minLength: 3, maxLength: 10, pattern: '^[a-z]+$' },
      size: { type: 'string', enum: ['S', 'M', 'L'], default: 'M' },
      replicas: { type: 'integer', minimum: 0, maximum: 5 },
      tags: { type: 'array', maxItems: 2, items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
      price: { 'x-kubernetes-int-or-string': true },
      note: { type: 'string', nullable: true },
      extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
    },
  });
}

async function shop() {
  const c = await crdCluster();
  establish(c, strictShirtCRD());
  const create = (o: KubeObject, query?: Record<string, string>) => c.request({ ...SHIRTS, verb: 'create', namespace: 'default', body: o, query });
  return { c, create };
}

describe('custom resources: schema validation', () => {
  it('answers 422 with upstream field errors', async () => {
    const { create } = await shop();
    const r = create(shirt('bad', { color: 'Blue!', size: 'XXL', replicas: 'string', tags: ['a', 'b', 'c'] }));
    expect(r.status).toBe(422);
    const s = r.body as Status;
    expect(s.reason).toBe('Invalid');
    expect(s.message).toBe(
      'Shirt.stable.example.com "bad" is invalid: [' +
        'spec.color: Invalid value: "Blue!": spec.color in body should match \'^[a-z]+$\', ' +
        'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string", ' +
        'spec.size: Unsupported value: "XXL": supported values: "S", "M", "L", ' +
        'spec.tags: Too many: 3: must have at most 2 items]',
    );
    expect(s.details?.causes?.map((x) => x.field)).toEqual(['spec.color', 'spec.replicas', 'spec.size', 'spec.tags']);
  });

  it('reports required fields, bounds, lengths, int-or-string and list sets', async () => {
    const { create } = await shop();
    const messages = (spec: Record<string, unknown>) => ((create(shirt('x', spec)).body as Status).details?.causes ?? []).map((x) => `${x.field}: ${x.message}`);
    expect(messages({ size: 'S' })).toEqual(['spec.color: Required value']);
    expect(messages({ color: 'ab', replicas: 9 })).toEqual([
      'spec.color: Invalid value: "ab": spec.color in body should be at least 3 chars long',
      'spec.replicas: Invalid value: 9: spec.replicas in body should be less than or equal to 5',
    ]);
    expect(messages({ color: 'abcdefghijk', replicas: -1 })).toEqual([
      'spec.color: Too long: may not be more than 10 bytes',
      'spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0',
    ]);
    expect(messages({ color: 'red', price: true })).toEqual(['spec.price: Invalid value: "boolean": spec.price in body must be of type integer,string: "boolean"']);
    expect(messages({ color: 'red', tags: ['a', 'a'] })).toEqual(['spec.tags[1]: Duplicate value: "a"']);
    expect(messages({ color: 'red', labels: { a: 1 } })).toEqual(['spec.labels.a: Invalid value: "integer": spec.labels.a in body must be of type string: "integer"']);
    expect(create(shirt('ok', { color: 'red', price: '10%', note: null, replicas: 2 })).status).toBe(201);
  });

  it('validates updates too and needs a resourceVersion', async () => {
    const { c, create } = await shop();
    const made = create(shirt('s', { color: 'red' })).body as KubeObject;
    const noRv = { ...made, metadata: { ...made.metadata, resourceVersion: undefined } };
    const u1 = c.request({ ...SHIRTS, verb: 'update', namespace: 'default', name: 's', body: noRv });
    expect(u1.status).toBe(422);
    expect((u1.body as Status).message).toContain('metadata.resourceVersion: Invalid value: 0x0: must be specified for an update');
    const u2 = c.request({ ...SHIRTS, verb: 'update', namespace: 'default', name: 's', body: { ...made, spec: { color: 'red', size: 'XL' } } });
    expect(u2.status).toBe(422);
    expect((u2.body as Status).message).toContain('spec.size: Unsupported value: "XL": supported values: "S", "M", "L"');
    const u3 = c.request({ ...SHIRTS, verb: 'update', namespace: 'default', name: 's', body: { ...made, spec: { color: 'green' } } });
    expect(u3.status).toBe(200);
    expect((u3.body as KubeObject).metadata.generation).toBe(2);
    // Defaults apply on update as well.
    expect((u3.body as KubeObject).spec).toEqual({ color: 'green', size: 'M' });
  });
});

describe('custom resources: decoding', () => {
  it('applies schema defaults on create', async () => {
    const { create } = await shop();
    const r = create(shirt('d', { color: 'red' }));
    expect((r.body as KubeObject).spec).toEqual({ color: 'red', size: 'M' });
  });

  it('prunes unknown fields, warning by default and refusing with Strict', async () => {
    const { c, create } = await shop();
    const body = shirt('p', { color: 'red', foo: 1, extra: { anything: { goes: true } } });
    (body as Record<string, unknown>).top = 'x';
    (body.metadata as Record<string, unknown>).bogus = 'y';
    const warn = create(structuredClone(body));
    expect(warn.status).toBe(201);
    expect(warn.warnings).toEqual(['unknown field "metadata.bogus"', 'unknown field "spec.foo"', 'unknown field "top"']);
    const stored = c.request({ ...SHIRTS, verb: 'get', namespace: 'default', name: 'p' }).body as Record<string, unknown>;
    expect(stored.top).toBeUndefined();
    expect(stored.spec).toEqual({ color: 'red', size: 'M', extra: { anything: { goes: true } } });

    const ignore = create({ ...structuredClone(body), metadata: { name: 'q' } }, { fieldValidation: 'Ignore' });
    expect(ignore.status).toBe(201);
    expect(ignore.warnings).toBeUndefined();

    const strict = create({ ...structuredClone(body), metadata: { name: 'r' } }, { fieldValidation: 'Strict' });
    expect(strict.status).toBe(400);
    expect((strict.body as Status).message).toBe('Shirt in version "v1" cannot be handled as a Shirt: strict decoding error: unknown field "spec.foo", unknown field "top"');
    expect(c.request({ ...SHIRTS, verb: 'get', namespace: 'default', name: 'r' }).status).toBe(404);
  });
});

describe('custom resources: patches and apply', () => {
  it('refuses strategic merge patch with 415, takes merge and JSON patches', async () => {
    const { c, create } = await shop();
    create(shirt('m', { color: 'red' }));
    const patch = (contentType: string, body: unknown) => c.request({ ...SHIRTS, verb: 'patch', namespace: 'default', name: 'm', contentType, body });
    const smp = patch('application/strategic-merge-patch+json', { spec: { color: 'blue' } });
    expect(smp.status).toBe(415);
    expect((smp.body as Status).message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
    expect((patch('application/merge-patch+json', { spec: { color: 'blue' } }).body as KubeObject).spec).toEqual({ color: 'blue', size: 'M' });
    expect((patch('application/json-patch+json', [{ op: 'replace', path: '/spec/size', value: 'L' }]).body as KubeObject).spec).toEqual({ color: 'blue', size: 'L' });
    const bad = patch('application/merge-patch+json', { spec: { size: 'XL' } });
    expect(bad.status).toBe(422);
  });

  it('server-side apply tracks fields by the CRD schema (list-type set)', async () => {
    const { c } = await shop();
    const apply = (manager: string, spec: Record<string, unknown>, force = false) =>
      c.request({
        ...SHIRTS,
        verb: 'patch',
        namespace: 'default',
        name: 'sa',
        contentType: 'application/apply-patch+yaml',
        query: { fieldManager: manager, ...(force ? { force: 'true' } : {}) },
        body: { apiVersion: 'stable.example.com/v1', kind: 'Shirt', metadata: { name: 'sa' }, spec },
      });
    expect(apply('alice', { color: 'red', tags: ['a'] }).status).toBe(201);
    expect(apply('bob', { tags: ['b'] }).status).toBe(200);
    const obj = c.request({ ...SHIRTS, verb: 'get', namespace: 'default', name: 'sa' }).body as KubeObject;
    // A set merges items of both managers; an atomic list would have conflicted.
    expect((obj.spec as { tags: string[] }).tags).toEqual(['a', 'b']);
    const conflict = apply('bob', { color: 'blue' });
    expect(conflict.status).toBe(409);
    expect((conflict.body as Status).message).toContain('.spec.color');
    const mf = obj.metadata.managedFields as { manager: string; fieldsV1: Record<string, unknown> }[];
    expect(JSON.stringify(mf.find((m) => m.manager === 'alice')?.fieldsV1)).toContain('"v:\\"a\\""');
  });
});

describe('custom resources: subresources and tables', () => {
  it('serves status separately when the version asks for it', async () => {
    const c = await crdCluster();
    const crd = shirtCRD();
    const v = (crd.spec as { versions: Record<string, unknown>[] }).versions[0];
    v.subresources = { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } };
    ((v.schema as { openAPIV3Schema: { properties: Record<string, unknown> } }).openAPIV3Schema.properties).status = { type: 'object', properties: { phase: { type: 'string' }, replicas: { type: 'integer' } } };
    (((v.schema as { openAPIV3Schema: { properties: { spec: { properties: Record<string, unknown> } } } }).openAPIV3Schema.properties.spec).properties).replicas = { type: 'integer' };
    establish(c, crd);
    const body = { ...shirt('st', { color: 'red', replicas: 1 }), status: { phase: 'Sewn' } };
    const made = c.request({ ...SHIRTS, verb: 'create', namespace: 'default', body }).body as KubeObject;
    expect(made.status).toBeUndefined();
    const st = c.request({ ...SHIRTS, verb: 'update', subresource: 'status', namespace: 'default', name: 'st', body: { ...made, status: { phase: 'Sewn' } } });
    expect(st.status).toBe(200);
    expect((st.body as KubeObject).status).toEqual({ phase: 'Sewn' });
    expect((st.body as KubeObject).metadata.generation).toBe(1);
    const neg = c.request({ ...SHIRTS, verb: 'patch', namespace: 'default', name: 'st', contentType: 'application/merge-patch+json', body: { spec: { replicas: -1 } } });
    expect((neg.body as Status).message).toContain('.spec.replicas: Invalid value: -1: should be a non-negative integer');
  });

  it('prints additionalPrinterColumns as a Table', async () => {
    const c = await crdCluster();
    establish(c, shirtCRD());
    c.request({ ...SHIRTS, verb: 'create', namespace: 'default', body: shirt('example1', { color: 'blue', size: 'S' }) });
    c.request({ ...SHIRTS, verb: 'create', namespace: 'default', body: shirt('example2', { color: 'green' }) });
    const t = c.request({ ...SHIRTS, verb: 'list', namespace: 'default', accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' }).body as {
      kind: string;
      columnDefinitions: { name: string }[];
      rows: { cells: unknown[] }[];
    };
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.map((d) => d.name)).toEqual(['Name', 'Color', 'Size']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['example1', 'blue', 'S'],
      ['example2', 'green', null],
    ]);
  });

  it("selects on metadata and the version's selectableFields", async () => {
    const c = await crdCluster();
    establish(c, shirtCRD());
    for (const [n, color, size] of [['example1', 'blue', 'S'], ['example2', 'blue', 'M'], ['example3', 'green', 'M']]) {
      c.request({ ...SHIRTS, verb: 'create', namespace: 'default', body: shirt(n, { color, size }) });
    }
    const names = (fieldSelector: string) => {
      const r = c.request({ ...SHIRTS, verb: 'list', namespace: 'default', query: { fieldSelector } });
      return r.status === 200 ? (r.body as { items: KubeObject[] }).items.map((i) => i.metadata.name) : (r.body as Status).message;
    };
    expect(names('spec.color=blue')).toEqual(['example1', 'example2']);
    expect(names('spec.color=blue,spec.size!=S')).toEqual(['example2']);
    expect(names('metadata.name=example3')).toEqual(['example3']);
    expect(names('spec.sleeve=long')).toBe('field label not supported: spec.sleeve');
  });

  it('serves every version of a multi-version CRD from one storage version (conversion None)', async () => {
    const c = await crdCluster();
    const crd = shirtCRD();
    const versions = (crd.spec as { versions: Record<string, unknown>[] }).versions;
    versions.push({ ...structuredClone(versions[0]), name: 'v1beta1', storage: false });
    establish(c, crd);
    const beta = { group: 'stable.example.com', version: 'v1beta1', resource: 'shirts' };
    const made = c.request({ ...beta, verb: 'create', namespace: 'default', body: { ...shirt('b', { color: 'red' }), apiVersion: 'stable.example.com/v1beta1' } });
    expect(made.status).toBe(201);
    expect((made.body as KubeObject).apiVersion).toBe('stable.example.com/v1beta1');
    expect((c.request({ ...SHIRTS, verb: 'get', namespace: 'default', name: 'b' }).body as KubeObject).apiVersion).toBe('stable.example.com/v1');
    expect(c.store.get('/registry/stable.example.com/shirts/default/b')?.value.apiVersion).toBe('stable.example.com/v1');
    const list = c.request({ ...beta, verb: 'list', namespace: 'default' }).body as { apiVersion: string; kind: string };
    expect([list.apiVersion, list.kind]).toEqual(['stable.example.com/v1beta1', 'ShirtList']);
  });
});

