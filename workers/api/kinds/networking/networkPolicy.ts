/**
 * NetworkPolicy: SetDefaults_NetworkPolicy / SetDefaults_NetworkPolicyPort
 * (pkg/apis/networking/v1/defaults.go) and ValidateNetworkPolicySpec.
 */
import { forbidden, invalid, notSupported, path, required, type FieldError, type Path } from '../../validation/field';
import type { ResourceType } from '../types';
import { invalidRendered } from '../apps/helpers/goFormat';
import { arrAt, ensureObj, isObj, objAt, setDefault, type Json } from '../apps/helpers/json';
import { validateLabelSelector } from '../apps/helpers/selector';
import { isValidPortName, isValidPortNum } from '../apps/helpers/names';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'];

export function defaultNetworkPolicy(spec: Json): void {
  // podSelector is a struct, not a pointer, so it always serializes.
  setDefault(spec, 'podSelector', {});
  const types = arrAt(spec, 'policyTypes');
  if (!types || !types.length) {
    // A policy that names no types implies Ingress, plus Egress if it has egress rules.
    spec.policyTypes = (arrAt(spec, 'egress') ?? []).length ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  for (const dir of ['ingress', 'egress']) {
    for (const rule of arrAt(spec, dir) ?? []) for (const port of arrAt(rule, 'ports') ?? []) if (isObj(port)) setDefault(port, 'protocol', 'TCP');
  }
}

function validatePort(port: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol != null && !PROTOCOLS.includes(port.protocol as string)) errs.push(notSupported(at.child('protocol'), port.protocol, PROTOCOLS));
  const p = port.port;
  const end = port.endPort;
  if (typeof p === 'number') {
    for (const m of isValidPortNum(p)) errs.push(invalid(at.child('port'), p, m));
    if (typeof end === 'number') {
      if (end < p) errs.push(invalid(at.child('endPort'), p, 'must be greater than or equal to `port`'));
      for (const m of isValidPortNum(end)) errs.push(invalid(at.child('endPort'), end, m));
    }
  } else if (typeof p === 'string') {
    if (typeof end === 'number') errs.push(invalid(at.child('endPort'), end, 'may not be specified when `port` is non-numeric'));
    for (const m of isValidPortName(p)) errs.push(invalid(at.child('port'), p, m));
  } else if (typeof end === 'number') errs.push(invalid(at.child('endPort'), end, 'may not be specified when `port` is not specified'));
  return errs;
}

function parseCIDR(s: string): { bits: bigint; prefix: number; v6: boolean } | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = s.slice(0, slash);
  const prefix = Number(s.slice(slash + 1));
  if (!/^\d+$/.test(s.slice(slash + 1))) return undefined;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    const parts = ip.split('.').map(Number);
    if (parts.some((x) => x > 255) || prefix > 32) return undefined;
    return { bits: parts.reduce((a, x) => (a << 8n) | BigInt(x), 0n), prefix, v6: false };
  }
  if (ip.includes(':') && prefix <= 128) {
    const [head, tail] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = tail !== undefined && tail ? tail.split(':') : [];
    const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
    if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return { bits: groups.reduce((a, g) => (a << 16n) | BigInt(Number.parseInt(g, 16)), 0n), prefix, v6: true };
  }
  return undefined;
}

function contains(outer: { bits: bigint; prefix: number; v6: boolean }, inner: { bits: bigint; prefix: number; v6: boolean }): boolean {
  if (outer.v6 !== inner.v6 || inner.prefix <= outer.prefix) return false;
  const width = BigInt(outer.v6 ? 128 : 32);
  const shift = width - BigInt(outer.prefix);
  return outer.bits >> shift === inner.bits >> shift;
}

function validateIPBlock(block: Json, at: Path): FieldError[] {
  const cidr = typeof block.cidr === 'string' ? block.cidr : '';
  if (!cidr) return [required(at.child('cidr'), '')];
  const parsed = parseCIDR(cidr);
  if (!parsed) return [invalid(at.child('cidr'), cidr, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
  const errs: FieldError[] = [];
  (arrAt(block, 'except') ?? []).forEach((e, i) => {
    const s = typeof e === 'string' ? e : '';
    const ex = parseCIDR(s);
    if (!ex) errs.push(invalid(at.child('except').index(i), s, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
    else if (!contains(parsed, ex)) errs.push(invalid(at.child('except').index(i), s, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

function validatePeer(peer: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (isObj(peer.podSelector)) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, at.child('podSelector')));
  }
  if (isObj(peer.namespaceSelector)) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, at.child('namespaceSelector')));
  }
  if (isObj(peer.ipBlock)) {
    n++;
    errs.push(...validateIPBlock(peer.ipBlock, at.child('ipBlock')));
  }
  if (n === 0) errs.push(required(at, 'must specify a peer'));
  else if (n > 1 && isObj(peer.ipBlock)) errs.push(forbidden(at, 'may not specify both ipBlock and another peer'));
  return errs;
}

export function validateNetworkPolicySpec(spec: Json, at: Path): FieldError[] {
  const errs = validateLabelSelector(spec.podSelector, at.child('podSelector'));
  for (const [dir, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    (arrAt(spec, dir) ?? []).forEach((raw, i) => {
      const rule = isObj(raw) ? raw : {};
      const rp = at.child(dir).index(i);
      (arrAt(rule, 'ports') ?? []).forEach((p, j) => errs.push(...validatePort(isObj(p) ? p : {}, rp.child('ports').index(j))));
      (arrAt(rule, peers) ?? []).forEach((p, j) => errs.push(...validatePeer(isObj(p) ? p : {}, rp.child(peers).index(j))));
    });
  }
  const types = arrAt(spec, 'policyTypes') ?? [];
  if (types.length > POLICY_TYPES.length) {
    errs.push(invalidRendered(at.child('policyTypes'), `&[]networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(', ')}}`, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (!POLICY_TYPES.includes(t as string)) errs.push(notSupported(at.child('policyTypes').index(i), t, POLICY_TYPES));
  });
  return errs;
}

export const networkPolicyStrategy: Partial<ResourceType> = {
  defaults(obj) {
    defaultNetworkPolicy(ensureObj(obj, 'spec'));
  },
  validate: (obj) => validateNetworkPolicySpec(objAt(obj, 'spec') ?? {}, path('spec')),
  validateUpdate: (obj) => validateNetworkPolicySpec(objAt(obj, 'spec') ?? {}, path('spec')),
};
