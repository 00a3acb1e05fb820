/**
 * Role, ClusterRole, RoleBinding and ClusterRoleBinding describers
 * (describe.go with pkg/util/rbac): rules broken down to one verb each,
 * simple ones merged back per resource, sorted by PolicyRule.String().
 */
import type { ClusterRole, PolicyRule, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import { getObject, type DescribeContext, type Gvr } from './fetch';
import { goStringSlice, printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter';

const RBAC = (resource: string): Gvr => ({ group: 'rbac.authorization.k8s.io', version: 'v1', resource });

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** rbac.BreakdownRule */
function breakdown(rule: PolicyRule): Rule[] {
  const out: Rule[] = [];
  for (const group of rule.apiGroups ?? [])
    for (const resource of rule.resources ?? [])
      for (const verb of rule.verbs ?? []) {
        if ((rule.resourceNames ?? []).length > 0) for (const rn of rule.resourceNames!) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [rn], nonResourceURLs: [] });
        else out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: [] });
      }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  return out;
}

/** rbac.CompactRules: rules about one resource (and at most one name) merge their verbs. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
    const existing = simple.get(key);
    if (existing) {
      for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
    } else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

/** The generated PolicyRule.String(), which the rules are sorted by. */
const ruleString = (r: Rule) =>
  `&PolicyRule{Verbs:${goStringSlice(r.verbs)},APIGroups:${goStringSlice(r.apiGroups)},Resources:${goStringSlice(r.resources)},ResourceNames:${goStringSlice(r.resourceNames)},NonResourceURLs:${goStringSlice(r.nonResourceURLs)},}`;

/** CombineResourceGroup: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const slash = resources[0].indexOf('/');
  let out = slash < 0 ? resources[0] : resources[0].slice(0, slash);
  if (groups.length > 0 && groups[0] !== '') out += `.${groups[0]}`;
  if (slash >= 0) out += resources[0].slice(slash);
  return out;
}

function describeRole(role: Role | ClusterRole): string {
  const rules = compact((role.rules ?? []).flatMap(breakdown));
  const keyed = rules.map((r) => ({ r, k: ruleString(r) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata?.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const { r } of keyed) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goStringSlice(r.nonResourceURLs)}\t${goStringSlice(r.resourceNames)}\t${goStringSlice(r.verbs)}\n`);
  });
}

function describeBinding(b: RoleBinding): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${b.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', b.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', b.metadata?.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${b.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  });
}

export async function describeRbacRole(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  return describeRole((await getObject(ctx, RBAC('roles'), namespace, name)) as unknown as Role);
}

export async function describeClusterRole(ctx: DescribeContext, _ns: string, name: string): Promise<string> {
  return describeRole((await getObject(ctx, RBAC('clusterroles'), undefined, name)) as unknown as ClusterRole);
}

export async function describeRoleBinding(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  return describeBinding((await getObject(ctx, RBAC('rolebindings'), namespace, name)) as unknown as RoleBinding);
}

export async function describeClusterRoleBinding(ctx: DescribeContext, _ns: string, name: string): Promise<string> {
  return describeBinding((await getObject(ctx, RBAC('clusterrolebindings'), undefined, name)) as unknown as RoleBinding);
}
