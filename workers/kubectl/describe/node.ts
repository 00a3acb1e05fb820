/**
 * NodeDescriber (describe.go describeNode, describeNodeResource,
 * describeNodeLease): conditions, addresses, capacity, system info, the
 * non-terminated pods with their requests and limits, allocated totals.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Quantity } from '../../api/quantity/quantity';
import { quantity } from './containers';
import { describeEvents, searchEvents } from './events';
import { CORE, getObject, tryGet, tryListAll, type DescribeContext } from './fetch';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z, since, sortedResourceNames, sortStrings, type Json } from './format';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';

type ResourceMap = Map<string, Quantity>;

const add = (list: ResourceMap, from: Record<string, unknown> | undefined) => {
  for (const [k, v] of Object.entries(from ?? {})) {
    const q = quantity(v);
    const prev = list.get(k);
    list.set(k, prev ? prev.add(q) : q);
  }
};
const maxInto = (list: ResourceMap, from: ResourceMap) => {
  for (const [k, q] of from) {
    const prev = list.get(k);
    if (!prev || q.cmp(prev) > 0) list.set(k, q);
  }
};

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a max, sidecars added, overhead on top. */
export function podRequestsAndLimits(pod: Pod): { reqs: ResourceMap; limits: ResourceMap } {
  const total = (pick: 'requests' | 'limits') => {
    const out: ResourceMap = new Map();
    for (const c of pod.spec?.containers ?? []) add(out, c.resources?.[pick] as Record<string, unknown> | undefined);
    const sidecars: ResourceMap = new Map();
    const init: ResourceMap = new Map();
    for (const c of pod.spec?.initContainers ?? []) {
      const own = c.resources?.[pick] as Record<string, unknown> | undefined;
      let cur: ResourceMap;
      if (c.restartPolicy === 'Always') {
        add(out, own);
        add(sidecars, own);
        cur = new Map(sidecars);
      } else {
        cur = new Map();
        add(cur, own);
        for (const [k, q] of sidecars) cur.set(k, cur.has(k) ? cur.get(k)!.add(q) : q);
      }
      maxInto(init, cur);
    }
    maxInto(out, init);
    return out;
  };
  const reqs = total('requests');
  const limits = total('limits');
  const overhead = pod.spec?.overhead as Record<string, unknown> | undefined;
  if (overhead) {
    add(reqs, overhead);
    for (const [k, v] of Object.entries(overhead)) {
      const cur = limits.get(k);
      if (cur && !cur.isZero()) limits.set(k, cur.add(quantity(v)));
    }
  }
  return { reqs, limits };
}

const ZERO = () => quantity('0');
const pct = (part: number, whole: number) => Math.trunc((part / whole) * 100);
/** Go converts float64 NaN/Inf to int64 as the minimum int64 on amd64. */
const pctText = (part: number, whole: number) => {
  const v = (part / whole) * 100;
  return Number.isFinite(v) ? String(Math.trunc(v)) : '-9223372036854775808';
};

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const capacity = (node.status?.capacity ?? {}) as Record<string, unknown>;
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? (node.status!.allocatable as Record<string, unknown>) : capacity;
  const allocCpu = quantity(allocatable.cpu).milliValue();
  const allocMem = quantity(allocatable.memory).value();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    const cpuReq = reqs.get('cpu') ?? ZERO();
    const cpuLim = limits.get('cpu') ?? ZERO();
    const memReq = reqs.get('memory') ?? ZERO();
    const memLim = limits.get('memory') ?? ZERO();
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cpuReq} (${pctText(cpuReq.milliValue(), allocCpu)}%)\t${cpuLim} (${pctText(cpuLim.milliValue(), allocCpu)}%)\t${memReq} (${pctText(memReq.value(), allocMem)}%)\t${memLim} (${pctText(memLim.value(), allocMem)}%)\t${since(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    for (const [k, q] of r.reqs) reqs.set(k, reqs.has(k) ? reqs.get(k)!.add(q) : q);
    for (const [k, q] of r.limits) limits.set(k, limits.has(k) ? limits.get(k)!.add(q) : q);
  }
  const row = (name: string, byMilli: boolean) => {
    const rq = reqs.get(name) ?? ZERO();
    const lm = limits.get(name) ?? ZERO();
    const whole = byMilli ? quantity(allocatable[name]).milliValue() : quantity(allocatable[name]).value();
    const val = (q: Quantity) => (byMilli ? q.milliValue() : q.value());
    const fr = whole !== 0 ? pct(val(rq), whole) : 0;
    const fl = whole !== 0 ? pct(val(lm), whole) : 0;
    w.write(LEVEL_1, `${name}\t${rq} (${fr}%)\t${lm} (${fl}%)\n`);
  };
  row('cpu', true);
  row('memory', false);
  row('ephemeral-storage', false);
  const names = Object.keys(allocatable);
  const huge = sortStrings(names.filter((n) => n.startsWith('hugepages-')));
  const ext = sortStrings(names.filter((n) => !n.startsWith('hugepages-') && !STANDARD_CONTAINER_RESOURCES.has(n) && !n.startsWith('requests.') && !n.startsWith('limits.') && n !== 'pods'));
  for (const n of huge) row(n, false);
  for (const n of ext) w.write(LEVEL_1, `${n}\t${reqs.get(n) ?? ZERO()}\t${limits.get(n) ?? ZERO()}\n`);
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role. */
function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return sortStrings([...roles]);
}

export async function describeNode(ctx: DescribeContext, _ns: string, name: string): Promise<string> {
  const obj = await getObject(ctx, CORE('nodes'), undefined, name);
  const node = obj as unknown as Node;
  const fieldSelector = `spec.nodeName=${name},status.phase!=Failed,status.phase!=Succeeded`;
  const podList = await tryListAll(ctx, CORE('pods'), undefined, { fieldSelector });
  if ('error' in podList && podList.status !== 403) throw podList.error;
  let events: Json[] | undefined;
  if (ctx.showEvents) {
    const uid = node.metadata?.uid ?? '';
    // Node events are recorded with the node's name as its uid, so search both.
    const byUid = (await searchEvents(ctx, { name, namespace: '', kind: 'Node', uid })) ?? [];
    const byName = (await searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: name })) ?? [];
    events = [...byUid, ...byName];
  }
  const lease = await tryGet(ctx, { group: 'coordination.k8s.io', version: 'v1', resource: 'leases' }, 'kube-node-lease', name);
  return tabbedString((w) => {
    const meta = node.metadata ?? {};
    const st = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    const roles = nodeRoles(meta.labels);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    if ('object' in lease) describeNodeLease(lease.object as unknown as Lease, w);
    else w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease.error.message.replace(/^Error from server \([A-Za-z]+\): /, '')}\n`);
    if ((st.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of st.conditions!)
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResources = (list: Record<string, unknown>) => {
      for (const r of sortedResourceNames(list)) w.write(LEVEL_0, `  ${r}:\t${quantity(list[r]).toString()}\n`);
    };
    if (Object.keys(st.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResources(st.capacity as Record<string, unknown>);
    }
    if (Object.keys(st.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResources(st.allocatable as Record<string, unknown>);
    }
    const info: Partial<NonNullable<typeof st.nodeInfo>> = st.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec!.podCIDRs!.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    if ('items' in podList) describeNodeResource(podList.items as unknown as Pod[], node, w, ctx.now);
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n');
    if (events) describeEvents(events, w, ctx.now);
  });
}

function describeNodeLease(lease: Lease, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
}
