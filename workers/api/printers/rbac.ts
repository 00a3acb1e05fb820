/**
 * RBAC bindings: printers.go printRoleBinding / printClusterRoleBinding and
 * rbac.SubjectsStrings. Roles and ClusterRoles have no printer upstream and
 * use the default table (NAME, CREATED AT).
 */
import type { ClusterRoleBinding, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

/** Users, groups and `namespace/name` service accounts, in subject order. */
export function subjectsStrings(subjects: Subject[] | undefined): [users: string[], groups: string[], serviceAccounts: string[]] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users, groups, sas];
}

function bindingPrinter(what: 'roleBinding' | 'clusterRoleBinding', roleRefDoc: string): Printer {
  return {
    columns: [
      nameColumn,
      col('Role', 'string', roleRefDoc),
      ageColumn,
      col('Users', 'string', `Users in the ${what}`, true),
      col('Groups', 'string', `Groups in the ${what}`, true),
      col('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, true),
    ],
    row(obj: KubeObject, nowMs: number) {
      const b = obj as unknown as RoleBinding | ClusterRoleBinding;
      const [users, groups, sas] = subjectsStrings(b.subjects);
      return [
        obj.metadata.name,
        `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`,
        translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
        users.join(', '),
        groups.join(', '),
        sas.join(', '),
      ];
    },
  };
}

export const roleBindingPrinter = bindingPrinter('roleBinding', DOC['RoleBinding.roleRef']);
export const clusterRoleBindingPrinter = bindingPrinter('clusterRoleBinding', DOC['ClusterRoleBinding.roleRef']);
