/** NetworkPolicy and IngressClass describers (describe.go). */
import type { IngressClass, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { parseTimestamp } from '../../api/printers/duration';
import { describeEvents, refOf, searchEvents } from './events';
import { getObject, type DescribeContext, type Gvr } from './fetch';
import { formatLabelSelector, printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefixWriter';

const NET = (resource: string): Gvr => ({ group: 'networking.k8s.io', version: 'v1', resource });
const pad2 = (n: number) => String(n).padStart(2, '0');

/** time.Time.String() in UTC: `2025-01-01 00:00:05 +0000 UTC` (the zero time when missing). */
function goTimeString(ts: unknown): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(ms);
  const frac = ms % 1000 === 0 ? '' : `.${String(ms % 1000).padStart(3, '0').replace(/0+$/, '')}`;
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${frac} +0000 UTC`;
}

function printPorts(ports: NetworkPolicyPort[] | undefined, indent: string, w: PrefixWriter): void {
  if (!ports || ports.length === 0) {
    w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const p of ports) {
    const proto = p.protocol ?? 'TCP';
    const port = p.port === undefined || p.port === null ? '<nil>' : String(p.port);
    if (p.endPort === undefined || p.endPort === null) w.write(LEVEL_0, `${indent}To Port: ${port}/${proto}\n`);
    else w.write(LEVEL_0, `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`);
  }
}

function printPeers(peers: NetworkPolicyPeer[] | undefined, label: 'From' | 'To', indent: string, w: PrefixWriter): void {
  if (!peers || peers.length === 0) {
    w.write(LEVEL_0, label === 'From' ? `${indent}From: <any> (traffic not restricted by source)\n` : `${indent}To: <any> (traffic not restricted by destination)\n`);
    return;
  }
  for (const p of peers) {
    w.write(LEVEL_0, `${indent}${label}:\n`);
    if (p.podSelector && p.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
    } else if (p.podSelector) w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
    else if (p.namespaceSelector) w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
    else if (p.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${p.ipBlock.cidr}\n`);
      w.write(LEVEL_2, `${indent}Except: ${(p.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

function printRules(rules: { ports?: NetworkPolicyPort[]; peers?: NetworkPolicyPeer[] }[] | undefined, label: 'From' | 'To', w: PrefixWriter): void {
  const indent = '    ';
  if (!rules || rules.length === 0) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${label === 'From' ? 'ingress' : 'egress'} connectivity)\n`);
    return;
  }
  rules.forEach((r, i) => {
    printPorts(r.ports, indent, w);
    printPeers(r.peers, label, indent, w);
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

export async function describeNetworkPolicy(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const np = (await getObject(ctx, NET('networkpolicies'), namespace, name)) as unknown as NetworkPolicy;
  return tabbedString((w) => {
    const spec: NonNullable<NetworkPolicy['spec']> = np.spec ?? { podSelector: {} };
    w.write(LEVEL_0, `Name:\t${np.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${np.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', np.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', np.metadata?.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const ps = spec.podSelector ?? {};
    if (Object.keys(ps.matchLabels ?? {}).length === 0 && (ps.matchExpressions ?? []).length === 0) w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    else w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
    const types = spec.policyTypes ?? [];
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n');
      printRules(spec.ingress?.map((r) => ({ ports: r.ports, peers: r.from })), 'From', w);
    } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n');
      printRules(spec.egress?.map((r) => ({ ports: r.ports, peers: r.to })), 'To', w);
    } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
    w.write(LEVEL_1, `Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}\n`);
  });
}

export async function describeIngressClass(ctx: DescribeContext, _ns: string, name: string): Promise<string> {
  const obj = await getObject(ctx, NET('ingressclasses'), undefined, name);
  const ic = obj as unknown as IngressClass;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'IngressClass')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ic.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ic.metadata?.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
    const p = ic.spec?.parameters;
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (p.apiGroup !== undefined && p.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${p.kind}\n`);
      w.write(LEVEL_1, `Name:\t${p.name}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
