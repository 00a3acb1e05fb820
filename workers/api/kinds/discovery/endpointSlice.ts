/**
 * EndpointSlice (discovery.k8s.io/v1): SetDefaults_EndpointPort
 * (pkg/apis/discovery/v1/defaults.go) and ValidateEndpointSlice(Create|Update)
 * (pkg/apis/discovery/validation/validation.go).
 */
import { invalid, notSupported, path, required, tooMany, type FieldError, type Path } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { immutable } from '../apps/helpers/checks';
import { goScalar } from '../apps/helpers/goFormat';
import { arrAt, isObj, setDefault } from '../apps/helpers/json';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName } from '../apps/helpers/names';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;

export function defaultEndpointSlice(obj: KubeObject): void {
  for (const p of arrAt(obj, 'ports') ?? []) {
    if (!isObj(p)) continue;
    setDefault(p, 'name', '');
    setDefault(p, 'protocol', 'TCP');
  }
}

const ipv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((x) => Number(x) <= 255 && (x === '0' || !x.startsWith('0')));
const ipv6 = (s: string) => s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1;

function validateAddress(addr: string, type: string, at: Path): FieldError[] {
  if (type === 'IPv4') return ipv4(addr) ? [] : [invalid(at, addr, 'must be a valid IPv4 address')];
  if (type === 'IPv6') return ipv6(addr) ? [] : [invalid(at, addr, 'must be a valid IPv6 address')];
  if (type === 'FQDN') return isDNS1123Subdomain(addr).map((m) => invalid(at, addr, m));
  return [];
}

function validateEndpoints(obj: KubeObject, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const endpoints = arrAt(obj, 'endpoints') ?? [];
  const at = path('endpoints');
  if (endpoints.length > MAX_ENDPOINTS) errs.push(tooMany(at, endpoints.length, MAX_ENDPOINTS));
  endpoints.forEach((raw, i) => {
    const ep = isObj(raw) ? raw : {};
    const ep_ = at.index(i);
    const addrs = arrAt(ep, 'addresses') ?? [];
    if (!addrs.length) errs.push(required(ep_.child('addresses'), 'must contain at least 1 address'));
    else if (addrs.length > MAX_ADDRESSES) errs.push(tooMany(ep_.child('addresses'), addrs.length, MAX_ADDRESSES));
    addrs.forEach((a, j) => errs.push(...validateAddress(String(a), type, ep_.child('addresses').index(j))));
    if (typeof ep.hostname === 'string') for (const m of isDNS1123Label(ep.hostname)) errs.push(invalid(ep_.child('hostname'), ep.hostname, m));
  });
  return errs;
}

function validatePorts(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const ports = arrAt(obj, 'ports') ?? [];
  const at = path('ports');
  if (ports.length > MAX_PORTS) errs.push(tooMany(at, ports.length, MAX_PORTS));
  const seen = new Set<string>();
  ports.forEach((raw, i) => {
    const p = isObj(raw) ? raw : {};
    const pp = at.index(i);
    const name = typeof p.name === 'string' ? p.name : '';
    if (name) for (const m of isValidPortName(name)) errs.push(invalid(pp.child('name'), name, m));
    if (seen.has(name)) errs.push({ type: 'FieldValueDuplicate', field: pp.child('name').toString(), value: goScalar(name), detail: '' });
    seen.add(name);
    if (p.protocol == null) errs.push(required(pp.child('protocol'), ''));
    else if (!PROTOCOLS.includes(p.protocol as string)) errs.push(notSupported(pp.child('protocol'), p.protocol, PROTOCOLS));
  });
  return errs;
}

function validateSlice(obj: KubeObject): FieldError[] {
  const type = typeof obj.addressType === 'string' ? obj.addressType : '';
  const errs: FieldError[] = [];
  if (!type) errs.push(required(path('addressType'), ''));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(notSupported(path('addressType'), type, ADDRESS_TYPES));
  return [...errs, ...validateEndpoints(obj, type), ...validatePorts(obj)];
}

export const endpointSliceStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultEndpointSlice(obj),
  validate: (obj) => validateSlice(obj),
  validateUpdate: (obj, old) => [...validateSlice(obj), ...immutable(obj.addressType, old.addressType, path('addressType'), goScalar(obj.addressType))],
};


