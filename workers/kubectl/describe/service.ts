/** Service, Endpoints, EndpointSlice and Ingress describers (describe.go). */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressBackend } from 'kubernetes-types/networking/v1';
import { joinHostPort } from '../../api/printers/format';
import { describeEvents, refOf, searchEvents } from './events';
import { CORE, getObject, listAll, tryGet, type DescribeContext, type Gvr } from './fetch';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline, sortStrings } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefixWriter';

const SLICES: Gvr = { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' };

/** formatEndpointSlices: ready addresses (host:port for the named ports), three then `+ N more...`. */
export function formatEndpointSlices(slices: EndpointSlice[], portNames: Set<string> | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (e: EndpointSlice['endpoints'][number]) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready;
  for (const s of slices) {
    const eps = s.endpoints ?? [];
    if ((s.ports ?? []).length === 0) {
      for (const e of eps) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses[0]);
        count++;
      }
    } else {
      for (const port of s.ports!) {
        if (portNames && !portNames.has(port.name ?? '')) continue;
        for (const e of eps) {
          if (list.length === max) more = true;
          if (!ready(e)) continue;
          if (!more) list.push(joinHostPort(e.addresses[0], port.port ?? 0));
          count++;
        }
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

async function slicesFor(ctx: DescribeContext, namespace: string, service: string): Promise<EndpointSlice[] | undefined> {
  try {
    return (await listAll({ ...ctx, chunkSize: 0 }, SLICES, namespace, { labelSelector: `kubernetes.io/service-name=${service}` })) as unknown as EndpointSlice[];
  } catch {
    return undefined;
  }
}

export async function describeService(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, CORE('services'), namespace, name);
  const svc = obj as unknown as Service;
  const slices = (await slicesFor(ctx, namespace, name)) ?? [];
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'Service')) : undefined;
  return tabbedString((w) => {
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
    if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const list = ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ');
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const pname = sp.name ? sp.name : '<unset>';
      const proto = sp.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${pname}\t${sp.port}/${proto}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${proto}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${pname}\t${sp.nodePort}/${proto}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([sp.name ?? '']))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}

export async function describeEndpoints(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, CORE('endpoints'), namespace, name);
  const ep = obj as unknown as Endpoints;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'Endpoints')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata?.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const s of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(s.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      if ((s.ports ?? []).length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of s.ports!) w.write(LEVEL_2, `${p.name ? p.name : '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

export async function describeEndpointSlice(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, SLICES, namespace, name);
  const eps = obj as unknown as EndpointSlice;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'EndpointSlice')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata?.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`);
    if ((eps.ports ?? []).length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of eps.ports!) w.write(LEVEL_1, `${p.name ? p.name : '<unset>'}\t${p.port === undefined || p.port === null ? '<unset>' : p.port}\t${p.protocol ?? ''}\n`);
    }
    if ((eps.endpoints ?? []).length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of eps.endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        w.write(LEVEL_3, `Ready:\t${e.conditions?.ready === undefined || e.conditions?.ready === null ? '<unset>' : String(e.conditions.ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** serviceBackendStringer */
function serviceBackendString(b: NonNullable<IngressBackend['service']>): string {
  return `${b.name}:${b.port?.number ? String(b.port.number) : (b.port?.name ?? '')}`;
}

async function describeBackend(ctx: DescribeContext, ns: string, b: IngressBackend): Promise<string> {
  if (b.service) {
    const sb = serviceBackendString(b.service);
    let slices: EndpointSlice[];
    try {
      slices = (await listAll({ ...ctx, chunkSize: 0 }, SLICES, ns, { labelSelector: `kubernetes.io/service-name=${b.service.name}` })) as unknown as EndpointSlice[];
    } catch (e) {
      return `${sb} (<error: ${(e as Error).message.replace(/^Error from server \([A-Za-z]+\): /, '')}>)`;
    }
    const got = await tryGet(ctx, CORE('services'), ns, b.service.name);
    if ('error' in got) return `${sb} (<error: ${got.error.message.replace(/^Error from server \([A-Za-z]+\): /, '')}>)`;
    const svc = got.object as unknown as Service;
    let spName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (b.service.port?.number && b.service.port.number === sp.port) spName = sp.name ?? '';
      else if (b.service.port?.name && b.service.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  if (b.resource) return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return '';
}

export async function describeIngress(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' }, namespace, name);
  const ing = obj as unknown as Ingress;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'Ingress')) : undefined;
  const ns = ing.metadata?.namespace ?? '';
  const def = ing.spec?.defaultBackend ? await describeBackend(ctx, ns, ing.spec.defaultBackend) : '<default>';
  const rules: { host: string; paths: { path: string; backend: string }[] }[] = [];
  for (const r of ing.spec?.rules ?? []) {
    if (!r.http) continue;
    const paths = [];
    for (const p of r.http.paths) paths.push({ path: p.path ?? '', backend: await describeBackend(ctx, ns, p.backend) });
    rules.push({ host: r.host || '*', paths });
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ing.metadata?.labels);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    const addrs = sortStrings([...new Set((ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((s) => s !== ''))]);
    w.write(LEVEL_0, `Address:\t${addrs.join(',')}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${ing.spec?.ingressClassName ?? '<none>'}\n`);
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    if ((ing.spec?.tls ?? []).length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of ing.spec!.tls!) {
        if (!t.secretName) w.write(LEVEL_1, `SNI routes ${(t.hosts ?? []).join(',')}\n`);
        else w.write(LEVEL_1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const r of rules) {
      w.write(LEVEL_1, `${r.host}\t\n`);
      for (const p of r.paths) w.write(LEVEL_2, `\t${p.path} \t${p.backend}\n`);
    }
    if (rules.length === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, 'Annotations', ing.metadata?.annotations);
    if (events) describeEvents(events, w, ctx.now);
  });
}
