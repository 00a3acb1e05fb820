import { describe, it, expect } from 'vitest';
import { invalid } from '../status';
import { managerOrUserAgent, optionsKind, prefixFromUserAgent, validateFieldManager, validatePatchOptions } from './managerName';

describe('default field manager', () => {
  it('takes the program name from the user agent', () => {
    expect(prefixFromUserAgent('kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd')).toBe('kubectl');
    expect(prefixFromUserAgent('kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/abc/system:serviceaccount:kube-system:deployment-controller')).toBe(
      'kube-controller-manager',
    );
    expect(prefixFromUserAgent('')).toBe('');
    expect(prefixFromUserAgent('a\u0007b\tc/1')).toBe('abc');
    expect(prefixFromUserAgent('x'.repeat(200))).toHaveLength(128);
    expect(prefixFromUserAgent('é'.repeat(100))).toHaveLength(64);
  });
  it('prefers the fieldManager parameter', () => {
    expect(managerOrUserAgent('my-ctl', 'kubectl/v1.32.4')).toBe('my-ctl');
    expect(managerOrUserAgent('', 'kubectl/v1.32.4')).toBe('kubectl');
    expect(managerOrUserAgent(undefined, undefined)).toBe('');
  });
});

describe('fieldManager validation', () => {
  it('accepts up to 128 bytes of printable text', () => {
    expect(validateFieldManager('x'.repeat(128))).toEqual([]);
    expect(validateFieldManager('kubectl-edit')).toEqual([]);
  });
  it('renders the v1.32 errors', () => {
    const long = validateFieldManager('x'.repeat(129));
    expect(invalid(optionsKind('patch'), '', long).message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes');
    const bad = validateFieldManager('a\u0007');
    expect(invalid(optionsKind('create'), '', bad).message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldManager: Invalid value: "a\\a": invalid character U+0007 (at position 1)',
    );
  });
  it('requires a manager for apply and forbids force elsewhere', () => {
    expect(invalid(optionsKind('patch'), '', validatePatchOptions({ apply: true })).message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
    expect(invalid(optionsKind('patch'), '', validatePatchOptions({ apply: false, force: 'true' })).message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
    );
    expect(validatePatchOptions({ apply: true, fieldManager: 'kubectl', force: 'true' })).toEqual([]);
  });
});
