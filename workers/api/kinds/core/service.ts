/**
 * Service: SetDefaults_Service (pkg/apis/core/v1/defaults.go), the
 * strategy and REST hooks of pkg/registry/core/service (status reset,
 * clusterIP/clusterIPs normalisation, IP family defaults, keeping allocated
 * values on update, dropping type-dependent fields) and ValidateService /
 * ValidateServiceUpdate. ClusterIP and NodePort allocation itself is not
 * done here.
 */
import type { Service, ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { jsonEqual } from '../../object';
import { type FieldError, forbidden, invalid, notSupported, path, required } from '../../validation/field';
import { isValidPortName, isValidPortNum, validateCIDR, validateIP } from '../../validation/formats';
import { isDualStackIPStrings, isIPv6String, isLinkLocalMulticast, isLinkLocalUnicast, isLoopback, isUnspecified, parseIPSloppy } from '../../validation/ip';
import { isQualifiedName, validateLabels } from '../../validation/labels';
import { isDNS1123Subdomain, nameIsDNS1035Label } from '../../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';
import { validateDNS1123Label } from './containerValidation';
import { duplicateRendered } from './goErrors';

type Svc = Service & { spec: ServiceSpec };
type Obj = Record<string, unknown>;
const asSvc = (o: KubeObject) => o as unknown as Svc;

export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

const externallyAccessible = (s: ServiceSpec) =>
  s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && (s.externalIPs ?? []).length > 0);
const needsHealthCheck = (s: ServiceSpec) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
const needsClusterIP = (s: ServiceSpec) => s.type !== 'ExternalName';
const needsNodePort = (s: ServiceSpec) => s.type === 'NodePort' || s.type === 'LoadBalancer';
const isHeadless = (s: ServiceSpec) => (s.clusterIPs ?? []).length === 1 && s.clusterIPs![0] === 'None';

export function defaultService(obj: KubeObject): void {
  const svc = asSvc(obj);
  if (typeof svc.spec !== 'object' || svc.spec === null) svc.spec = {};
  const s = svc.spec;
  if (!s.sessionAffinity) s.sessionAffinity = 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP' && (s.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? undefined) === undefined) {
    s.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  if (!s.type) s.type = 'ClusterIP';
  for (const p of s.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(s) && !s.externalTrafficPolicy) s.externalTrafficPolicy = 'Cluster';
  if (!s.internalTrafficPolicy && (s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ClusterIP')) s.internalTrafficPolicy = 'Cluster';
  if (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === undefined) s.allocateLoadBalancerNodePorts = true;
  if (s.type === 'LoadBalancer') {
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  }
}

/** initIPFamilyFields (registry/core/service/storage/alloc.go) for a single-stack IPv4 cluster. */
function initIPFamilyFields(s: ServiceSpec): void {
  if (s.type === 'ExternalName') return;
  if (isHeadless(s) && Object.keys(s.selector ?? {}).length === 0) {
    if (!s.ipFamilyPolicy) s.ipFamilyPolicy = 'RequireDualStack';
    if (!s.ipFamilies || s.ipFamilies.length === 0) s.ipFamilies = ['IPv4'];
    if (s.ipFamilies.length < 2 && s.ipFamilyPolicy !== 'SingleStack') s.ipFamilies.push(s.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    return;
  }
  if (!s.ipFamilyPolicy) s.ipFamilyPolicy = 'SingleStack';
  if (!s.ipFamilies || s.ipFamilies.length === 0) {
    const first = (s.clusterIPs ?? []).find((ip) => ip !== 'None' && parseIPSloppy(ip));
    s.ipFamilies = [first && isIPv6String(first) ? 'IPv6' : 'IPv4'];
  }
}

export function prepareForCreateService(obj: KubeObject): void {
  const svc = asSvc(obj);
  (svc as unknown as Obj).status = { loadBalancer: {} };
  const s = svc.spec;
  // normalizeClusterIPs: an old client sets only the singular field.
  if (s.clusterIP && (s.clusterIPs ?? []).length === 0) s.clusterIPs = [s.clusterIP];
  initIPFamilyFields(s);
}

/** patchAllocatedValues: a client that omits clusterIP or nodePorts keeps the allocated ones. */
function patchAllocatedValues(s: ServiceSpec, o: ServiceSpec): void {
  if (needsClusterIP(o) && needsClusterIP(s)) {
    if (!s.clusterIP && o.clusterIP) s.clusterIP = o.clusterIP;
    if ((s.clusterIPs ?? []).length === 0 && (o.clusterIPs ?? []).length > 0) s.clusterIPs = [...o.clusterIPs!];
  }
  if (needsNodePort(o) && needsNodePort(s)) {
    const usedOld = new Set((o.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const usedNew = new Set((s.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const used = new Set([...usedOld].filter((p) => usedNew.has(p)));
    const byName = new Map((o.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const p of s.ports ?? []) {
      const prev = byName.get(p.name ?? '');
      if (!p.nodePort && prev && !used.has(prev)) p.nodePort = prev;
    }
  }
  if (needsHealthCheck(o) && needsHealthCheck(s) && !s.healthCheckNodePort) s.healthCheckNodePort = o.healthCheckNodePort;
  if (s.clusterIP && (s.clusterIPs ?? []).length === 0) s.clusterIPs = [s.clusterIP];
  // IP families are kept the same way by allocateUpdate when the client omits them.
  if (needsClusterIP(o) && needsClusterIP(s) && isHeadless(o) === isHeadless(s)) {
    if ((s.ipFamilies ?? []).length === 0 && o.ipFamilies) s.ipFamilies = [...o.ipFamilies];
    if (!s.ipFamilyPolicy && o.ipFamilyPolicy) s.ipFamilyPolicy = o.ipFamilyPolicy;
  }
}

/** dropTypeDependentFields: wipe what the new type no longer uses, unless the user changed it. */
function dropTypeDependentFields(svc: Svc, old: Svc): void {
  const s = svc.spec;
  const o = old.spec;
  if (needsClusterIP(o) && !needsClusterIP(s)) {
    if (s.clusterIP === o.clusterIP && jsonEqual(s.clusterIPs, o.clusterIPs)) {
      delete s.clusterIP;
      delete s.clusterIPs;
    }
    if (jsonEqual(s.ipFamilies, o.ipFamilies)) delete s.ipFamilies;
    if (s.ipFamilyPolicy === o.ipFamilyPolicy) delete s.ipFamilyPolicy;
  }
  if (needsNodePort(o) && !needsNodePort(s)) {
    const same = (s.ports ?? []).every((p, i) => p.nodePort === (o.ports ?? [])[i]?.nodePort);
    if (same) for (const p of s.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheck(o) && !needsHealthCheck(s) && s.healthCheckNodePort === o.healthCheckNodePort) delete s.healthCheckNodePort;
  if (o.type === 'LoadBalancer' && s.type !== 'LoadBalancer') {
    if (s.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) delete s.allocateLoadBalancerNodePorts;
    if (s.loadBalancerClass === o.loadBalancerClass) delete s.loadBalancerClass;
    (svc as unknown as Obj).status = { ...((svc as unknown as Obj).status as Obj), loadBalancer: {} };
  }
  if (externallyAccessible(o) && !externallyAccessible(s) && s.externalTrafficPolicy === o.externalTrafficPolicy) delete s.externalTrafficPolicy;
}

export function prepareForUpdateService(obj: KubeObject, oldObj: KubeObject): void {
  const svc = asSvc(obj);
  const old = asSvc(oldObj);
  (svc as unknown as Obj).status = (old as unknown as Obj).status;
  patchAllocatedValues(svc.spec, old.spec ?? {});
  dropTypeDependentFields(svc, old);
}

/** Go's %#v of the core.ServicePort key used for duplicate (protocol, port) pairs. */
function goServicePortKey(p: ServicePort, nodePort = false): string {
  const port = nodePort ? 0 : (p.port ?? 0);
  const np = nodePort ? (p.nodePort ?? 0) : 0;
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(p.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:${np}}`;
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, at: ReturnType<typeof path>): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(at.child('name'), ''));
  else if (sp.name) {
    errs.push(...validateDNS1123Label(sp.name, at.child('name')));
    if (names.has(sp.name)) errs.push(duplicateRendered(at.child('name'), JSON.stringify(sp.name)));
    else names.add(sp.name);
  }
  for (const m of isValidPortNum(sp.port ?? 0)) errs.push(invalid(at.child('port'), sp.port ?? 0, m));
  if (!sp.protocol) errs.push(required(at.child('protocol'), ''));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(at.child('protocol'), sp.protocol, PROTOCOLS));
  const tp = sp.targetPort;
  if (typeof tp === 'number') for (const m of isValidPortNum(tp)) errs.push(invalid(at.child('targetPort'), tp, m));
  else if (typeof tp === 'string') for (const m of isValidPortName(tp)) errs.push(invalid(at.child('targetPort'), tp, m));
  if (sp.appProtocol !== undefined) for (const m of isQualifiedName(sp.appProtocol)) errs.push(invalid(at.child('appProtocol'), sp.appProtocol, m));
  return errs;
}

export function validateNonSpecialIP(ip: string, at: ReturnType<typeof path>): FieldError[] {
  const p = parseIPSloppy(ip);
  if (!p) return [invalid(at, ip, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  if (isUnspecified(p)) errs.push(invalid(at, ip, `may not be unspecified (${ip})`));
  if (isLoopback(p)) errs.push(invalid(at, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (isLinkLocalUnicast(p)) errs.push(invalid(at, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (isLinkLocalMulticast(p)) errs.push(invalid(at, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

function validateClusterIPsRelatedFields(s: ServiceSpec): FieldError[] {
  if (s.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const spec = path('spec');
  const ipsPath = spec.child('clusterIPs');
  const ips = s.clusterIPs ?? [];
  if (s.clusterIP) {
    if (ips.length === 0) errs.push(required(ipsPath, ''));
    else if (ips[0] !== s.clusterIP) errs.push(invalid(ipsPath, ips, 'first value must match `clusterIP`'));
  } else if (ips.length !== 0) {
    errs.push(invalid(ipsPath, ips, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  (s.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(spec.child('ipFamilies').index(i), f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicateRendered(spec.child('ipFamilies').index(i), JSON.stringify(f)));
    seen.add(f);
  });
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
  if (s.ipFamilyPolicy !== undefined && s.ipFamilyPolicy !== null && !policies.includes(s.ipFamilyPolicy)) {
    errs.push(notSupported(spec.child('ipFamilyPolicy'), s.ipFamilyPolicy, policies));
  }
  let bad = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        bad = true;
        errs.push(invalid(ipsPath, ips, "'None' must be the first and only value"));
      }
      return;
    }
    const e = validateIP(ipsPath.index(i), ip);
    if (e.length) bad = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid(ipsPath, ips, 'may only hold up to 2 values'));
  if (bad) return errs;
  if (ips.length > 1 && !isDualStackIPStrings(ips)) errs.push(invalid(ipsPath, ips, 'may specify no more than one IP for each IP family'));
  const fams = s.ipFamilies ?? [];
  if (!isHeadless(s) && ips.length > 0 && fams.length > 0) {
    ips.forEach((ip, i) => {
      if (i > fams.length - 1) return;
      if (fams[i] === 'IPv4' && isIPv6String(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (fams[i] === 'IPv6' && !isIPv6String(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

export function validateService(obj: KubeObject): FieldError[] {
  const svc = asSvc(obj);
  const s = svc.spec ?? {};
  const meta = path('metadata');
  const spec = path('spec');
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label, meta);
  const ann = svc.metadata?.annotations ?? {};
  const hintsKey = 'service.kubernetes.io/topology-aware-hints';
  const modeKey = 'service.kubernetes.io/topology-mode';
  if (modeKey in ann && hintsKey in ann && ann[modeKey] !== ann[hintsKey]) {
    errs.push(invalid(meta.child('annotations').key(modeKey), ann[modeKey], `must match annotations[${hintsKey}] when both are specified`));
  }
  const ports = s.ports ?? [];
  if (ports.length === 0 && !isHeadless(s) && s.type !== 'ExternalName') errs.push(required(spec.child('ports'), ''));
  if (s.type === 'LoadBalancer' && isHeadless(s)) errs.push(invalid(spec.child('clusterIPs').index(0), 'None', "may not be set to 'None' for LoadBalancer services"));
  if (s.type === 'NodePort' && isHeadless(s)) errs.push(invalid(spec.child('clusterIPs').index(0), 'None', "may not be set to 'None' for NodePort services"));
  if (s.type === 'ExternalName') {
    if ((s.clusterIPs ?? []).length > 0) errs.push(forbidden(spec.child('clusterIPs'), 'may not be set for ExternalName services'));
    if ((s.ipFamilies ?? []).length > 0) errs.push(forbidden(spec.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (s.ipFamilyPolicy) errs.push(forbidden(spec.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = (s.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid(spec.child('externalName'), cname, m));
    else errs.push(required(spec.child('externalName'), ''));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p ?? {}, ports.length > 1, names, spec.child('ports').index(i))));
  if (s.selector) errs.push(...validateLabels(s.selector, spec.child('selector')));
  if (!s.sessionAffinity) errs.push(required(spec.child('sessionAffinity'), ''));
  else if (s.sessionAffinity !== 'ClientIP' && s.sessionAffinity !== 'None') errs.push(notSupported(spec.child('sessionAffinity'), s.sessionAffinity, ['ClientIP', 'None']));
  if (s.sessionAffinity === 'ClientIP') {
    const cfg = spec.child('sessionAffinityConfig');
    const why = 'when session affinity type is ClientIP';
    if (!s.sessionAffinityConfig) errs.push(required(cfg, why));
    else if (!s.sessionAffinityConfig.clientIP) errs.push(required(cfg.child('clientIP'), why));
    else {
      const t = s.sessionAffinityConfig.clientIP.timeoutSeconds;
      if (t === undefined || t === null) errs.push(required(cfg.child('clientIP', 'timeoutSeconds'), why));
      else if (t <= 0 || t > 86400) errs.push(invalid(cfg.child('clientIP', 'timeoutSeconds'), t, 'must be greater than 0 and less than 86400'));
    }
  } else if (s.sessionAffinity === 'None' && s.sessionAffinityConfig) {
    errs.push(forbidden(spec.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelatedFields(s));
  (s.externalIPs ?? []).forEach((ip, i) => {
    const p = spec.child('externalIPs').index(i);
    const e = validateIP(p, ip);
    errs.push(...(e.length ? e : validateNonSpecialIP(ip, p)));
  });
  if (!s.type) errs.push(required(spec.child('type'), ''));
  else if (!SERVICE_TYPES.includes(s.type)) errs.push(notSupported(spec.child('type'), s.type, SERVICE_TYPES));
  if (s.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p?.nodePort) errs.push(forbidden(spec.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p?.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicateRendered(spec.child('ports').index(i).child('nodePort'), String(p.nodePort)));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p?.protocol}/${p?.port}`;
    if (portKeys.has(key)) errs.push(duplicateRendered(spec.child('ports').index(i), goServicePortKey(p)));
    portKeys.add(key);
  });
  const ranges = s.loadBalancerSourceRanges ?? [];
  if (ranges.length > 0) {
    const fp = spec.child('LoadBalancerSourceRanges');
    if (s.type !== 'LoadBalancer') errs.push(forbidden(fp, "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => errs.push(...validateCIDR(fp.index(i), r.trim())));
  } else if ('service.beta.kubernetes.io/load-balancer-source-ranges' in ann) {
    const fp = meta.child('annotations').key('service.beta.kubernetes.io/load-balancer-source-ranges');
    if (s.type !== 'LoadBalancer') errs.push(forbidden(fp, "may only be used when `type` is 'LoadBalancer'"));
    const val = ann['service.beta.kubernetes.io/load-balancer-source-ranges'].trim();
    if (val) for (const c of val.split(',')) errs.push(...validateCIDR(fp, c.trim()));
  }
  if (s.allocateLoadBalancerNodePorts !== undefined && s.allocateLoadBalancerNodePorts !== null && s.type !== 'LoadBalancer') {
    errs.push(forbidden(spec.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  // Upstream's path really lacks the `spec.` prefix here.
  if (s.type === 'LoadBalancer' && (s.allocateLoadBalancerNodePorts === undefined || s.allocateLoadBalancerNodePorts === null)) {
    errs.push(required(path('allocateLoadBalancerNodePorts'), ''));
  }
  errs.push(...validateLoadBalancerClass(undefined, s));
  if (!externallyAccessible(s)) {
    if (s.externalTrafficPolicy) errs.push(invalid(spec.child('externalTrafficPolicy'), s.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!s.externalTrafficPolicy) {
    errs.push(required(spec.child('externalTrafficPolicy'), ''));
  } else if (s.externalTrafficPolicy !== 'Cluster' && s.externalTrafficPolicy !== 'Local') {
    errs.push(notSupported(spec.child('externalTrafficPolicy'), s.externalTrafficPolicy, ['Cluster', 'Local']));
  }
  if (!needsHealthCheck(s)) {
    if (s.healthCheckNodePort) {
      errs.push(invalid(spec.child('healthCheckNodePort'), s.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (!s.healthCheckNodePort) {
    errs.push(required(spec.child('healthCheckNodePort'), ''));
  } else {
    for (const m of isValidPortNum(s.healthCheckNodePort)) errs.push(invalid(spec.child('healthCheckNodePort'), s.healthCheckNodePort, m));
  }
  if (!s.internalTrafficPolicy) {
    if (s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ClusterIP') errs.push(required(spec.child('internalTrafficPolicy'), ''));
  } else if (s.internalTrafficPolicy !== 'Cluster' && s.internalTrafficPolicy !== 'Local') {
    errs.push(notSupported(spec.child('internalTrafficPolicy'), s.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  const td = (s as Obj).trafficDistribution;
  if (td !== undefined && td !== null && td !== 'PreferClose') errs.push(notSupported(spec.child('trafficDistribution'), td, ['PreferClose']));
  return errs;
}

function validateLoadBalancerClass(old: ServiceSpec | undefined, s: ServiceSpec): FieldError[] {
  const at = path('spec', 'loadBalancerClass');
  const errs: FieldError[] = [];
  if (old && old.type === 'LoadBalancer' && s.type === 'LoadBalancer' && (old.loadBalancerClass ?? null) !== (s.loadBalancerClass ?? null)) {
    errs.push(invalid(at, s.loadBalancerClass ?? null, 'may not change once set'));
  }
  if (s.type === 'LoadBalancer') {
    if (s.loadBalancerClass !== undefined && s.loadBalancerClass !== null) for (const m of isQualifiedName(s.loadBalancerClass)) errs.push(invalid(at, s.loadBalancerClass, m));
  } else if (s.loadBalancerClass !== undefined && s.loadBalancerClass !== null) {
    errs.push(forbidden(at, "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

function validateUpgradeDowngradeClusterIPs(o: ServiceSpec, s: ServiceSpec): FieldError[] {
  if (s.type === 'ExternalName' || o.type === 'ExternalName') return [];
  if (isHeadless(o) && isHeadless(s)) return [];
  const errs: FieldError[] = [];
  const at = path('spec', 'clusterIPs');
  const oi = o.clusterIPs ?? [];
  const ni = s.clusterIPs ?? [];
  if (oi.length === ni.length) {
    oi.forEach((ip, i) => {
      if (ip !== ni[i]) errs.push(invalid(at.index(i), ni, 'may not change once set'));
    });
  } else if (oi.length > ni.length) {
    if (ni.length === 0) errs.push(invalid(at.index(0), ni, 'primary clusterIP can not be unset'));
    if (oi.length > 0 && ni.length > 0 && ni[0] !== oi[0]) errs.push(invalid(at.index(0), ni, 'may not change once set'));
    if (ni.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid(path('spec', 'ipFamilyPolicy'), s.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (oi.length > 0 && ni[0] !== oi[0]) {
    errs.push(invalid(at.index(0), ni, 'may not change once set'));
  }
  return errs;
}

function validateUpgradeDowngradeIPFamilies(o: ServiceSpec, s: ServiceSpec): FieldError[] {
  if (s.type === 'ExternalName' || o.type === 'ExternalName') return [];
  if (isHeadless(o) !== isHeadless(s) || isHeadless(s)) return [];
  const errs: FieldError[] = [];
  const at = path('spec', 'ipFamilies').index(0);
  const of = o.ipFamilies ?? [];
  const nf = s.ipFamilies ?? [];
  if (of.length === nf.length) {
    of.forEach((f, i) => {
      if (f !== nf[i]) errs.push(invalid(at, nf, 'may not change once set'));
    });
  } else if (of.length > nf.length) {
    if ((s.clusterIPs ?? []).length === 0) errs.push(invalid(at, nf, 'primary ipFamily can not be unset'));
    if (nf.length > 0 && nf[0] !== of[0]) errs.push(invalid(at, s.clusterIPs ?? [], 'may not change once set'));
    if (nf.length === 1 && s.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid(path('spec', 'ipFamilyPolicy'), s.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (of.length > 0 && nf.length > 0 && nf[0] !== of[0]) {
    errs.push(invalid(at, s.clusterIPs ?? [], 'may not change once set'));
  }
  return errs;
}

export function validateServiceUpdate(obj: KubeObject, oldObj: KubeObject): FieldError[] {
  const svc = asSvc(obj);
  const old = asSvc(oldObj);
  const s = svc.spec ?? {};
  const o = old.spec ?? {};
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata, path('metadata'));
  errs.push(...validateUpgradeDowngradeClusterIPs(o, s));
  errs.push(...validateUpgradeDowngradeIPFamilies(o, s));
  errs.push(...validateLoadBalancerClass(o, s));
  if (needsHealthCheck(o) && needsHealthCheck(s) && s.healthCheckNodePort !== o.healthCheckNodePort) {
    errs.push(forbidden(path('spec', 'healthCheckNodePort'), 'field is immutable'));
  }
  errs.push(...validateService(obj));
  return errs;
}

export const serviceStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultService(obj),
  prepareForCreate: (obj) => prepareForCreateService(obj),
  prepareForUpdate: (obj, old) => prepareForUpdateService(obj, old),
  validate: (obj) => validateService(obj),
  validateUpdate: (obj, old) => validateServiceUpdate(obj, old),
};
