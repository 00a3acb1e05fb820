/**
 * Ingress (networking.k8s.io/v1): ValidateIngressCreate / ValidateIngressSpec
 * in pkg/apis/networking/validation/validation.go and
 * pkg/registry/networking/ingress/strategy.go.
 */
import { invalid, notSupported, path, required, type FieldError, type Path } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { pathSegmentNameErrors } from '../apps/helpers/checks';
import { invalidRendered } from '../apps/helpers/goFormat';
import { arrAt, isObj, objAt, type Json } from '../apps/helpers/json';
import { isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain } from '../apps/helpers/names';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

const isIP = (h: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || (h.includes(':') && /^[0-9a-fA-F:.]+$/.test(h));

function validateHost(host: string, at: Path): FieldError[] {
  if (host.includes('*')) return isWildcardDNS1123Subdomain(host).map((m) => invalid(at, host, m));
  const errs = isDNS1123Subdomain(host).map((m) => invalid(at, host, m));
  if (isIP(host)) errs.push(invalid(at, host, 'must be a DNS name, not an IP address'));
  return errs;
}

function validateBackend(backend: Json | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const resource = objAt(backend, 'resource');
  const service = objAt(backend, 'service');
  if (resource && service) return [invalid(at, '', 'cannot set both resource and service backends')];
  if (resource) {
    const rp = at.child('resource');
    if (typeof resource.apiGroup === 'string') for (const m of isDNS1123Subdomain(resource.apiGroup)) errs.push(invalid(rp.child('apiGroup'), resource.apiGroup, m));
    for (const k of ['kind', 'name']) {
      const v = typeof resource[k] === 'string' ? (resource[k] as string) : '';
      if (!v) errs.push(required(rp.child(k), `${k} is required`));
      else for (const m of pathSegmentNameErrors(v)) errs.push(invalid(rp.child(k), v, m));
    }
    return errs;
  }
  if (service) {
    const name = typeof service.name === 'string' ? service.name : '';
    if (!name) errs.push(required(at.child('service', 'name'), ''));
    else for (const m of isDNS1035Label(name)) errs.push(invalid(at.child('service', 'name'), name, m));
    const port = objAt(service, 'port') ?? {};
    const portName = typeof port.name === 'string' ? port.name : '';
    const portNumber = typeof port.number === 'number' ? port.number : 0;
    if (portName && portNumber) errs.push(invalid(at, '', 'cannot set both port name & port number'));
    else if (portName) for (const m of isValidPortName(portName)) errs.push(invalid(at.child('service', 'port', 'name'), portName, m));
    else if (portNumber) for (const m of isValidPortNum(portNumber)) errs.push(invalid(at.child('service', 'port', 'number'), portNumber, m));
    else errs.push(required(at, 'port name or number is required'));
    return errs;
  }
  return [invalid(at, '', 'resource or service backend is required')];
}

function validateHTTPPath(p: Json, at: Path): FieldError[] {
  const pathType = p.pathType;
  if (pathType === undefined || pathType === null) return [required(at.child('pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = typeof p.path === 'string' ? p.path : '';
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(at.child('path'), value, 'must be an absolute path'));
    if (value.length) {
      for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalid(at.child('path'), value, `must not contain '${seq}'`));
      for (const suf of INVALID_PATH_SUFFIXES) if (value.endsWith(suf)) errs.push(invalid(at.child('path'), value, `cannot end with '${suf}'`));
    }
  } else if (pathType === 'ImplementationSpecific') {
    if (value.length && !value.startsWith('/')) errs.push(invalid(at.child('path'), value, 'must be an absolute path'));
  } else errs.push(notSupported(at.child('pathType'), pathType, PATH_TYPES));
  errs.push(...validateBackend(objAt(p, 'backend'), at.child('backend')));
  return errs;
}

export function validateIngressSpec(spec: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const rules = arrAt(spec, 'rules') ?? [];
  const defaultBackend = objAt(spec, 'defaultBackend');
  if (!rules.length && !defaultBackend) {
    errs.push(invalidRendered(at, Array.isArray(spec.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)', 'either `defaultBackend` or `rules` must be specified'));
  }
  if (defaultBackend) errs.push(...validateBackend(defaultBackend, at.child('defaultBackend')));
  rules.forEach((raw, i) => {
    const rule = isObj(raw) ? raw : {};
    const rp = at.child('rules').index(i);
    if (typeof rule.host === 'string' && rule.host.length) errs.push(...validateHost(rule.host, rp.child('host')));
    const http = objAt(rule, 'http');
    if (http) {
      const paths = arrAt(http, 'paths') ?? [];
      if (!paths.length) errs.push(required(rp.child('http', 'paths'), ''));
      paths.forEach((p, j) => errs.push(...validateHTTPPath(isObj(p) ? p : {}, rp.child('http', 'paths').index(j))));
    }
  });
  (arrAt(spec, 'tls') ?? []).forEach((raw, i) => {
    const tls = isObj(raw) ? raw : {};
    const tp = at.child('tls').index(i);
    (arrAt(tls, 'hosts') ?? []).forEach((h, j) => {
      if (typeof h === 'string') errs.push(...validateHost(h, tp.child('hosts').index(j)).filter((e) => e.detail !== 'must be a DNS name, not an IP address'));
    });
    if (typeof tls.secretName === 'string' && tls.secretName) {
      for (const m of isDNS1123Subdomain(tls.secretName)) errs.push(invalid(tp.child('secretName'), tls.secretName, m));
    }
  });
  if (typeof spec.ingressClassName === 'string') {
    for (const m of isDNS1123Subdomain(spec.ingressClassName)) errs.push(invalid(at.child('ingressClassName'), spec.ingressClassName, m));
  }
  return errs;
}

function validateClassAnnotation(obj: KubeObject): FieldError[] {
  const ann = obj.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  const cls = objAt(obj, 'spec')?.ingressClassName;
  if (ann !== undefined && typeof cls === 'string' && ann !== cls) {
    return [invalid(path('annotations').child(INGRESS_CLASS_ANNOTATION), ann, 'must match `ingressClassName` when both are specified')];
  }
  return [];
}

export const ingressStrategy: Partial<ResourceType> = {
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  validate: (obj) => [...validateIngressSpec(objAt(obj, 'spec') ?? {}, path('spec')), ...validateClassAnnotation(obj)],
  validateUpdate: (obj) => validateIngressSpec(objAt(obj, 'spec') ?? {}, path('spec')),
};


