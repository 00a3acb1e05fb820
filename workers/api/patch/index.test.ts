import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../object';
import { applyPatch, JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, type PatchOutcome } from './index';
import { schemaFromDefinitions } from './schemaFromDefinitions';
import { DEPLOYMENT, testDefinitions } from './testDefinitions';

const schema = schemaFromDefinitions(testDefinitions, DEPLOYMENT);

const deployment = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    replicas: 1,
    template: { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
  },
});

const widget = (): KubeObject => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1, tags: ['a'] } });

function object(r: PatchOutcome): KubeObject {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r.object;
}

function failure(r: PatchOutcome) {
  if (r.ok || 'route' in r) throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return r;
}

describe('applyPatch: dispatch', () => {
  it('applies each patch type to a built-in kind', () => {
    const smp = object(applyPatch(STRATEGIC_MERGE_PATCH, deployment(), { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } }, schema));
    expect(smp.spec).toEqual({ replicas: 1, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } });

    const merge = object(applyPatch(MERGE_PATCH, deployment(), { spec: { template: { spec: { containers: [{ name: 'x' }] } } } }, schema));
    expect((merge.spec as { template: unknown }).template).toEqual({ spec: { containers: [{ name: 'x' }] } });

    const json = object(applyPatch(JSON_PATCH, deployment(), [{ op: 'replace', path: '/spec/replicas', value: 5 }], schema));
    expect((json.spec as { replicas: number }).replicas).toBe(5);
  });

  it('accepts a charset parameter and a raw JSON body', () => {
    const r = applyPatch(`${MERGE_PATCH}; charset=utf-8`, deployment(), '{"metadata":{"labels":{"app":null}}}', schema);
    expect(object(r).metadata.labels).toEqual({});
  });

  it('routes server-side apply to the caller', () => {
    expect(applyPatch('application/apply-patch+yaml', deployment(), 'spec: {}', schema)).toEqual({ ok: false, route: 'apply' });
  });

  it('custom resources accept JSON and merge patches', () => {
    const r = object(applyPatch(MERGE_PATCH, widget(), { spec: { size: 2 } }));
    expect(r.spec).toEqual({ size: 2, tags: ['a'] });
  });
});

describe('applyPatch: errors as the API server returns them', () => {
  it('refuses strategic merge patch for kinds without schema with 415', () => {
    const f = failure(applyPatch(STRATEGIC_MERGE_PATCH, widget(), { spec: { size: 2 } }));
    expect(f.code).toBe(415);
    expect(f.reason).toBe('UnsupportedMediaType');
    expect(f.message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
  });

  it('refuses unknown content types for built-in kinds with the go-restful 415', () => {
    const f = failure(applyPatch('text/plain', deployment(), {}, schema));
    expect(f.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server responded with the status code 415 but did not return more information',
      details: {},
      code: 415,
    });
    expect(f.reason).toBe('');
    // Parameters are dropped, but the media type must match exactly.
    expect(applyPatch('Application/Merge-Patch+json', deployment(), {}, schema).ok).toBe(false);
  });

  it('refuses unknown content types for custom resources listing what they accept', () => {
    const f = failure(applyPatch('application/cbor', widget(), {}));
    expect(f).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
    expect(f.message).toContain('accepted media types include: application/json-patch+json');
  });

  it('a failed JSON patch is 422 with the canned message', () => {
    for (const ops of [
      [{ op: 'test', path: '/spec/replicas', value: 3 }],
      [{ op: 'remove', path: '/spec/nope' }],
      [{ op: 'bogus', path: '/spec' }],
    ]) {
      const f = failure(applyPatch(JSON_PATCH, deployment(), ops, schema));
      expect(f).toMatchObject({ code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request' });
      expect(f.status.details).toEqual({});
    }
  });

  it('a JSON patch that is not a list is 400', () => {
    const f = failure(applyPatch(JSON_PATCH, deployment(), { op: 'add' }, schema));
    expect(f).toMatchObject({ code: 400, reason: 'BadRequest', message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' });
  });

  it('more than 10000 JSON patch operations is 413', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/kind', value: 'Deployment' }));
    const f = failure(applyPatch(JSON_PATCH, deployment(), ops, schema));
    expect(f).toMatchObject({
      code: 413,
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    });
    expect(applyPatch(JSON_PATCH, deployment(), ops.slice(1), schema).ok).toBe(true);
  });

  it('a merge patch that is not an object is 400 Invalid JSON Patch', () => {
    for (const body of [null, 'x', 3]) {
      expect(failure(applyPatch(MERGE_PATCH, deployment(), body, schema))).toMatchObject({ code: 400, message: 'Invalid JSON Patch' });
    }
    expect(failure(applyPatch(MERGE_PATCH, deployment(), '{not json', schema))).toMatchObject({ code: 400, message: 'Invalid JSON Patch' });
  });

  it('a patch turning the object into an array is 422 Invalid on field "patch"', () => {
    const f = failure(applyPatch(MERGE_PATCH, deployment(), [1], schema));
    expect(f.code).toBe(422);
    expect(f.message).toBe(' "" is invalid: patch: Invalid value: "[1]": json: cannot unmarshal array into Go value of type v1.Deployment');
    expect(f.status.details?.causes).toEqual([
      { reason: 'FieldValueInvalid', field: 'patch', message: 'Invalid value: "[1]": json: cannot unmarshal array into Go value of type v1.Deployment' },
    ]);
  });

  it('strategic merge patch errors map to upstream codes', () => {
    const notObject = failure(applyPatch(STRATEGIC_MERGE_PATCH, deployment(), ['x'], schema));
    expect(notObject).toMatchObject({ code: 400, message: 'json: cannot unmarshal array into Go value of type map[string]interface {}' });

    const withStrategy = deployment();
    (withStrategy.spec as Record<string, unknown>).strategy = { type: 'RollingUpdate' };
    const badRetain = failure(applyPatch(STRATEGIC_MERGE_PATCH, withStrategy, { spec: { strategy: { $retainKeys: 'type' } } }, schema));
    expect(badRetain).toMatchObject({ code: 400, reason: 'BadRequest', message: 'invalid patch format of retainKeys' });

    const noKey = failure(applyPatch(STRATEGIC_MERGE_PATCH, deployment(), { spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, schema));
    expect(noKey).toMatchObject({ code: 500, reason: '', message: 'map: map[image:x] does not contain declared merge key: name' });
    expect(noKey.status.reason).toBeUndefined();

    const badDirective = failure(applyPatch(STRATEGIC_MERGE_PATCH, deployment(), { metadata: { labels: { $patch: 'nope' } } }, schema));
    expect(badDirective).toMatchObject({ code: 500, message: 'unknown patch type: nope in map: map[$patch:nope]' });

    const badJson = failure(applyPatch(STRATEGIC_MERGE_PATCH, deployment(), 'x{', schema));
    expect(badJson).toMatchObject({ code: 400, message: "invalid character 'x' looking for beginning of value" });
  });

  it('never changes the live object', () => {
    const live = deployment();
    const before = JSON.stringify(live);
    applyPatch(STRATEGIC_MERGE_PATCH, live, { metadata: { labels: { app: null } }, spec: { replicas: 4 } }, schema);
    applyPatch(MERGE_PATCH, live, { spec: null }, schema);
    applyPatch(JSON_PATCH, live, [{ op: 'remove', path: '/metadata' }], schema);
    expect(JSON.stringify(live)).toBe(before);
  });
});
