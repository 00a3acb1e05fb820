/**
 * Node: allocatable defaults to capacity (SetDefaults_NodeStatus), the
 * strategy keeps status on spec updates, ValidateNode / ValidateNodeUpdate.
 */
import type { Node, NodeSpec, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { type FieldError, type Path, forbidden, invalid, path } from '../../validation/field';
import { validateCIDR } from '../../validation/formats';
import { isDualStackIPStrings, parseCIDRSloppy } from '../../validation/ip';
import { isValidLabelValue, validateLabelName } from '../../validation/labels';
import { nameIsDNSSubdomain } from '../../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';
import { duplicateRendered } from './goErrors';
import { defaultResourceList } from './podSpecDefaults';
import { quantityAt, validateResourceQuantityValue } from './resources';
import { validateTaintEffect } from './schedulingValidation';

type Obj = Record<string, unknown>;
const asNode = (o: KubeObject) => o as unknown as Node;

export function defaultNode(obj: KubeObject): void {
  const status = asNode(obj).status;
  if (!status) return;
  defaultResourceList(status.capacity);
  defaultResourceList(status.allocatable);
  if (!status.allocatable && status.capacity) status.allocatable = { ...status.capacity };
}

export function validateNodeTaints(taints: Taint[], at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const p = at.index(i);
    errs.push(...validateLabelName(t.key ?? '', p.child('key')));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length) errs.push(invalid(p.child('value'), t.value ?? '', msgs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, p.child('effect')));
    const keys = seen.get(t.effect ?? '') ?? new Set<string>();
    if (keys.has(t.key)) {
      const go = `core.Taint{Key:${JSON.stringify(t.key ?? '')}, Value:${JSON.stringify(t.value ?? '')}, Effect:${JSON.stringify(t.effect ?? '')}, TimeAdded:<nil>}`;
      errs.push(duplicateRendered(p, go, 'taints must be unique by key and effect pair'));
      return;
    }
    keys.add(t.key);
    seen.set(t.effect ?? '', keys);
  });
  return errs;
}

function validateNodeResources(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of ['capacity', 'allocatable'] as const) {
    const list = node.status?.[field] ?? {};
    for (const k of Object.keys(list).sort()) {
      const p = path('status', field, k);
      const q = quantityAt(list[k], p, errs);
      if (q) errs.push(...validateResourceQuantityValue(k, q, p));
    }
  }
  return errs;
}

export function validateNode(obj: KubeObject): FieldError[] {
  const node = asNode(obj);
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain, path('metadata'));
  // Upstream reports spec taints under metadata.taints.
  if ((node.spec?.taints ?? []).length > 0) errs.push(...validateNodeTaints(node.spec!.taints!, path('metadata', 'taints')));
  errs.push(...validateNodeResources(node));
  const cidrs = node.spec?.podCIDRs ?? [];
  if (cidrs.length > 0) {
    const at = path('spec', 'podCIDRs');
    cidrs.forEach((c, i) => errs.push(...validateCIDR(at.index(i), c)));
    if (cidrs.length > 1) {
      const ips = cidrs.map((c) => parseCIDRSloppy(c)?.ip).every(Boolean) ? cidrs.map((c) => c.split('/')[0]) : [];
      if (!isDualStackIPStrings(ips) || cidrs.length > 2) errs.push(invalid(at, cidrs, 'may specify no more than one CIDR for each IP family'));
      const seen = new Set<string>();
      cidrs.forEach((c, i) => {
        if (seen.has(c)) errs.push(duplicateRendered(at.index(i), JSON.stringify(c)));
        seen.add(c);
      });
    }
  }
  return errs;
}

export function validateNodeUpdate(obj: KubeObject, oldObj: KubeObject): FieldError[] {
  const node = asNode(obj);
  const old = asNode(oldObj);
  const errs = validateNode(obj);
  errs.push(...validateObjectMetaUpdate(node.metadata, old.metadata, path('metadata')));
  errs.push(...validateNodeResources(node));
  const seen = new Set<string>();
  (node.status?.addresses ?? []).forEach((a, i) => {
    const key = `${a.type}/${a.address}`;
    if (seen.has(key)) errs.push(duplicateRendered(path('status', 'addresses').index(i), `core.NodeAddress{Type:${JSON.stringify(a.type)}, Address:${JSON.stringify(a.address)}}`));
    seen.add(key);
  });
  const oldC = old.spec?.podCIDRs ?? [];
  const newC = node.spec?.podCIDRs ?? [];
  if (oldC.length > 0) {
    const msg = 'node updates may not change podCIDR except from "" to valid';
    if (oldC.length !== newC.length) errs.push(forbidden(path('spec', 'podCIDRs'), msg));
    else oldC.forEach((c, i) => c !== newC[i] && errs.push(forbidden(path('spec', 'podCIDRs'), msg)));
  }
  if (old.spec?.providerID && old.spec.providerID !== node.spec?.providerID) {
    errs.push(forbidden(path('spec', 'providerID'), 'node updates may not change providerID except from "" to valid'));
  }
  if ((node.spec?.taints ?? []).length > 0) errs.push(...validateNodeTaints(node.spec!.taints!, path('metadata', 'taints')));
  if ((node.spec as NodeSpec & Obj | undefined)?.externalID !== (old.spec as NodeSpec & Obj | undefined)?.externalID) {
    errs.push(forbidden(path('spec', 'externalID'), 'may not be updated'));
  }
  return errs;
}

export const nodeStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultNode(obj),
  prepareForCreate: (obj) => {
    const spec = (obj as Obj).spec as Obj | undefined;
    if (spec) delete spec.configSource;
  },
  prepareForUpdate: (obj, old) => {
    (obj as Obj).status = (old as Obj).status;
  },
  validate: (obj) => validateNode(obj),
  validateUpdate: (obj, old) => validateNodeUpdate(obj, old),
};
