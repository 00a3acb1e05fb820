import { describe, it, expect } from 'vitest';
// Test-only: the page never imports worker code; this guards the copied table against drift.
import { BUILTIN_NAMES } from '../../workers/api/kinds/builtin';
import { BUILTIN_KINDS, builtinMapping, crdMappings, noKindMatchMessage, qualifiedKind, splitApiVersion } from './discovery';

describe('discovery', () => {
  it('matches the API server’s built-in kinds exactly', () => {
    const server = BUILTIN_NAMES.map((n) => ({ group: n.group, version: n.version, kind: n.kind, resource: n.plural, namespaced: n.namespaced }));
    const sort = (xs: typeof server) => [...xs].sort((a, b) => `${a.group}/${a.version}/${a.kind}`.localeCompare(`${b.group}/${b.version}/${b.kind}`));
    expect(sort([...BUILTIN_KINDS])).toEqual(sort(server));
  });

  it('maps apiVersion and kind to the resource', () => {
    expect(builtinMapping('apps/v1', 'Deployment')).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments', namespaced: true });
    expect(builtinMapping('v1', 'Namespace')?.namespaced).toBe(false);
    expect(builtinMapping('apps/v1beta1', 'Deployment')).toBeUndefined();
    expect(builtinMapping('v1', 'deployment')).toBeUndefined();
  });

  it('names kinds as kubectl prints them', () => {
    expect(qualifiedKind(builtinMapping('apps/v1', 'Deployment')!)).toBe('deployment.apps');
    expect(qualifiedKind(builtinMapping('v1', 'Service')!)).toBe('service');
    expect(noKindMatchMessage('example.com/v1', 'Widget')).toBe('no matches for kind "Widget" in version "example.com/v1"');
  });

  it('splits apiVersions', () => {
    expect(splitApiVersion('v1')).toEqual({ group: '', version: 'v1' });
    expect(splitApiVersion('networking.k8s.io/v1')).toEqual({ group: 'networking.k8s.io', version: 'v1' });
  });

  it('reads served versions of CustomResourceDefinitions and skips malformed ones', () => {
    const crd = {
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { kind: 'Widget', plural: 'widgets' },
        versions: [{ name: 'v1', served: true }, { name: 'v0', served: false }],
      },
    };
    expect(crdMappings([crd, null, { spec: { group: 'x' } }, 'junk'])).toEqual([
      { group: 'example.com', version: 'v1', kind: 'Widget', resource: 'widgets', namespaced: true },
    ]);
  });
});
