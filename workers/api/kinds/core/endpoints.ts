/** Endpoints: port protocols default to TCP (SetDefaults_Endpoints); ValidateEndpoints. */
import type { Endpoints, EndpointAddress, EndpointPort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { type FieldError, type Path, invalid, notSupported, path, required } from '../../validation/field';
import { isValidPortNum, validateIP } from '../../validation/formats';
import { isQualifiedName } from '../../validation/labels';
import { nameIsDNSSubdomain } from '../../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';
import { SUPPORTED_PORT_PROTOCOLS, validateDNS1123Label } from './containerValidation';
import { validateNonSpecialIP } from './service';

const asEp = (o: KubeObject) => o as unknown as Endpoints;

export function defaultEndpoints(obj: KubeObject): void {
  for (const ss of asEp(obj).subsets ?? []) for (const p of ss.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
}

function validateAddress(a: EndpointAddress, at: Path): FieldError[] {
  const errs = validateIP(at.child('ip'), a.ip ?? '');
  if (a.hostname) errs.push(...validateDNS1123Label(a.hostname, at.child('hostname')));
  if (a.nodeName !== undefined && a.nodeName !== null) for (const m of nameIsDNSSubdomain(a.nodeName, false)) errs.push(invalid(at.child('nodeName'), a.nodeName, m));
  errs.push(...validateNonSpecialIP(a.ip ?? '', at.child('ip')));
  return errs;
}

function validatePort(p: EndpointPort, requireName: boolean, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(at.child('name'), ''));
  else if (p.name) errs.push(...validateDNS1123Label(p.name, at.child('name')));
  for (const m of isValidPortNum(p.port ?? 0)) errs.push(invalid(at.child('port'), p.port ?? 0, m));
  if (!p.protocol) errs.push(required(at.child('protocol'), ''));
  else if (!SUPPORTED_PORT_PROTOCOLS.includes(p.protocol)) errs.push(notSupported(at.child('protocol'), p.protocol, SUPPORTED_PORT_PROTOCOLS));
  if (p.appProtocol !== undefined) for (const m of isQualifiedName(p.appProtocol)) errs.push(invalid(at.child('appProtocol'), p.appProtocol, m));
  return errs;
}

export function validateEndpoints(obj: KubeObject): FieldError[] {
  const ep = asEp(obj);
  const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain, path('metadata'));
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = path('subsets').index(i);
    if ((ss.addresses ?? []).length === 0 && (ss.notReadyAddresses ?? []).length === 0) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    (ss.addresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, p.child('addresses').index(j))));
    (ss.notReadyAddresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, p.child('notReadyAddresses').index(j))));
    const ports = ss.ports ?? [];
    ports.forEach((port, j) => errs.push(...validatePort(port, ports.length > 1, p.child('ports').index(j))));
  });
  return errs;
}

export const endpointsStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultEndpoints(obj),
  validate: (obj) => validateEndpoints(obj),
  validateUpdate: (obj, old) => [...validateObjectMetaUpdate(obj.metadata, old.metadata, path('metadata')), ...validateEndpoints(obj)],
};
