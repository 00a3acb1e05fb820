import { describe, expect, it } from 'vitest';
import { errorString, path } from './field';
import { nameIsDNS1035Label, nameIsDNSSubdomain } from './names';
import { validateAnnotations, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

const meta = path('metadata');
const run = (m: Parameters<typeof validateObjectMeta>[0], namespaced = true) => validateObjectMeta(m, namespaced, nameIsDNSSubdomain, meta).map(errorString);

describe('validateObjectMeta', () => {
  it('accepts a plain name', () => expect(run({ name: 'web', namespace: 'default' })).toEqual([]));

  it('requires a name or generateName', () => {
    expect(run({ namespace: 'default' })).toEqual(['metadata.name: Required value: name or generateName is required']);
  });

  it('checks generateName as a prefix', () => {
    expect(run({ generateName: 'web-', name: 'web-abcde', namespace: 'default' })).toEqual([]);
    expect(run({ generateName: 'Web-', name: 'web-abcde', namespace: 'default' })[0]).toMatch(/^metadata\.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/);
  });

  it('requires a namespace for namespaced kinds and forbids it otherwise', () => {
    expect(run({ name: 'a' })).toEqual(['metadata.namespace: Required value']);
    expect(run({ name: 'a', namespace: 'Bad_NS' })[0]).toMatch(/^metadata\.namespace: Invalid value: "Bad_NS": a lowercase RFC 1123 label/);
    expect(run({ name: 'a', namespace: 'x' }, false)).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
  });

  it('uses the kind name rule', () => {
    const errs = validateObjectMeta({ name: '1svc', namespace: 'default' }, true, nameIsDNS1035Label, meta).map(errorString);
    expect(errs[0]).toMatch(/^metadata\.name: Invalid value: "1svc": a DNS-1035 label must consist of/);
  });

  it('validates owner references and finalizers', () => {
    const errs = run({
      name: 'a',
      namespace: 'default',
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: '1', controller: true },
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs2', uid: '', controller: true },
      ],
      finalizers: ['custom'],
    });
    expect(errs).toContain('metadata.ownerReferences.uid: Invalid value: "": uid must not be empty');
    expect(errs.some((e) => e.includes('Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/rs and ReplicaSet/rs2'))).toBe(true);
    expect(errs).toContain('metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified');
  });

  it('limits the total annotation size to 256KiB', () => {
    expect(validateAnnotations({ a: 'x'.repeat(262143) }, path('metadata', 'annotations'))).toEqual([]);
    expect(validateAnnotations({ a: 'x'.repeat(262144) }, path('metadata', 'annotations')).map(errorString)).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
  });
});

describe('validateObjectMetaUpdate', () => {
  const old = { name: 'a', namespace: 'default', uid: 'u1', resourceVersion: '3', creationTimestamp: '2024-01-01T00:00:00Z' };
  it('allows label changes', () => {
    expect(validateObjectMetaUpdate({ ...old, labels: { x: 'y' } }, old, meta)).toEqual([]);
  });
  it('keeps identity fields immutable', () => {
    const errs = validateObjectMetaUpdate({ ...old, name: 'b', uid: 'u2' }, old, meta).map(errorString);
    expect(errs).toEqual(['metadata.name: Invalid value: "b": field is immutable', 'metadata.uid: Invalid value: "u2": field is immutable']);
  });
  it('needs a resourceVersion', () => {
    expect(validateObjectMetaUpdate({ ...old, resourceVersion: undefined }, old, meta).map(errorString)).toEqual([
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
    ]);
  });
  it('refuses new finalizers while deleting', () => {
    const deleting = { ...old, deletionTimestamp: '2024-01-02T00:00:00Z', finalizers: ['kubernetes'] };
    const errs = validateObjectMetaUpdate({ ...deleting, finalizers: ['kubernetes', 'example.com/x'] }, deleting, meta).map(errorString);
    expect(errs).toEqual(['metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/x"}']);
  });
});
