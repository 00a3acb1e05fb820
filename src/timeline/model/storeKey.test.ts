import { describe, it, expect } from 'vitest';
import { storeKeyOf } from './storeKey';

describe('storeKeyOf', () => {
  it('names namespaced, grouped and cluster-scoped objects as the store does', () => {
    expect(storeKeyOf({ kind: 'Deployment', namespace: 'default', name: 'web' })).toBe('/registry/apps/deployments/default/web');
    expect(storeKeyOf({ kind: 'Pod', namespace: 'default', name: 'web-1' })).toBe('/registry/core/pods/default/web-1');
    expect(storeKeyOf({ kind: 'Node', namespace: '', name: 'worker-1' })).toBe('/registry/core/nodes/worker-1');
  });

  it('has no key for unknown kinds or a namespaced object without its namespace', () => {
    expect(storeKeyOf({ kind: 'Widget', namespace: 'x', name: 'y' })).toBeUndefined();
    expect(storeKeyOf({ kind: 'Pod', namespace: '', name: 'y' })).toBeUndefined();
    expect(storeKeyOf({ kind: 'Pod', namespace: 'd', name: '' })).toBeUndefined();
  });
});
