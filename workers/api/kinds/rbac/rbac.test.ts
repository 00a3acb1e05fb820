import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate, updateErrors } from '../apps/helpers/testing';
import { rbacStrategies } from './index';

const rb = rbacStrategies.RoleBinding;
const binding = (roleName: string) =>
  obj('rbac.authorization.k8s.io/v1', 'RoleBinding', 'read', { subjects: [{ kind: 'User', name: 'jane' }], roleRef: { kind: 'Role', name: roleName } });

describe('RBAC', () => {
  it('defaults apiGroups and accepts a binding', () => {
    const o = prepareCreate(rb, binding('reader'));
    expect(o.roleRef).toEqual({ kind: 'Role', name: 'reader', apiGroup: 'rbac.authorization.k8s.io' });
    expect(o.subjects).toEqual([{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }]);
    expect(createErrors(rb, binding('reader'))).toEqual([]);
  });

  it('refuses to change roleRef', () => {
    const old = prepareCreate(rb, binding('reader'));
    expect(updateErrors(rb, binding('writer'), old)).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"writer"}: cannot change roleRef',
    ]);
  });

  it('validates rules and allows colons in names', () => {
    const role = obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:reader', { rules: [{ resources: ['pods'] }] }, undefined);
    expect(createErrors(rbacStrategies.ClusterRole, role)).toEqual([
      'rules[0].verbs: Required value: verbs must contain at least one value',
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
    ]);
    const crb = obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'x', { subjects: [{ kind: 'ServiceAccount', name: 'sa' }], roleRef: { kind: 'Role', name: 'r' } }, undefined);
    expect(createErrors(rbacStrategies.ClusterRoleBinding, crb)).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
    ]);
  });
});
