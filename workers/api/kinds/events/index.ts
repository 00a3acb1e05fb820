/**
 * Strategy hooks for events.k8s.io/v1 Event, keyed by Kind. Validation is
 * the strict events.k8s.io path of ValidateEventCreate / ValidateEventUpdate
 * (pkg/apis/core/validation/events.go); error paths use the internal field
 * names (involvedObject, message, …) as upstream does.
 */
import { invalid, path, required, type FieldError } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { immutable } from '../apps/helpers/checks';
import { goScalar, goStruct } from '../apps/helpers/goFormat';
import { isObj, objAt } from '../apps/helpers/json';
import { isDNS1123Subdomain, isQualifiedName } from '../apps/helpers/names';

const REPORTING_INSTANCE_LIMIT = 128;
const ACTION_LIMIT = 128;
const REASON_LIMIT = 128;
const NOTE_LIMIT = 1024;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function validateEventCreate(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const ns = obj.metadata.namespace ?? '';
  const regardingNs = str(objAt(obj, 'regarding')?.namespace);
  const hasTime = !!str(obj.eventTime);
  if (!hasTime) {
    if (!regardingNs ? ns !== '' && ns !== 'default' : ns !== regardingNs) {
      errs.push(invalid(path('involvedObject', 'namespace'), regardingNs, 'does not match event.namespace'));
    }
  } else {
    if (!regardingNs && ns !== 'default' && ns !== 'kube-system') errs.push(invalid(path('involvedObject', 'namespace'), regardingNs, 'does not match event.namespace'));
    const rc = str(obj.reportingController);
    if (!rc) errs.push(required(path('reportingController'), ''));
    for (const m of isQualifiedName(rc)) errs.push(invalid(path('reportingController'), rc, m));
    const limits: Array<[string, string, number]> = [
      ['reportingInstance', 'reportingInstance', REPORTING_INSTANCE_LIMIT],
      ['action', 'action', ACTION_LIMIT],
      ['reason', 'reason', REASON_LIMIT],
    ];
    for (const [field, errPath, limit] of limits) {
      const v = str(obj[field]);
      if (!v) errs.push(required(path(errPath), ''));
      if (v.length > limit) errs.push(invalid(path(errPath), '', `can have at most ${limit} characters`));
    }
    if (str(obj.note).length > NOTE_LIMIT) errs.push(invalid(path('message'), '', `can have at most ${NOTE_LIMIT} characters`));
  }
  for (const m of isDNS1123Subdomain(ns)) errs.push(invalid(path('namespace'), ns, m));

  // Strict events.k8s.io/v1 rules.
  const series = objAt(obj, 'series');
  if (series) {
    if (typeof series.count !== 'number' || series.count < 2) errs.push(invalid(path('series', 'count'), '', 'should be at least 2'));
    if (!str(series.lastObservedTime)) errs.push(required(path('series', 'lastObservedTime'), ''));
  }
  if (!hasTime) errs.push(required(path('eventTime'), ''));
  const type = str(obj.type);
  if (type !== 'Normal' && type !== 'Warning') errs.push(invalid(path('type'), '', `has invalid value: ${type}`));
  if (str(obj.deprecatedFirstTimestamp)) errs.push(invalid(path('deprecatedFirstTimestamp'), '', 'needs to be unset'));
  if (str(obj.deprecatedLastTimestamp)) errs.push(invalid(path('deprecatedLastTimestamp'), '', 'needs to be unset'));
  if (typeof obj.deprecatedCount === 'number' && obj.deprecatedCount !== 0) errs.push(invalid(path('deprecatedCount'), '', 'needs to be unset'));
  const src = objAt(obj, 'deprecatedSource');
  if (src && (str(src.component) || str(src.host))) errs.push(invalid(path('deprecatedSource'), '', 'needs to be unset'));
  return errs;
}

/** Everything but the series may not change (ValidateEventUpdate for events.k8s.io/v1). */
const IMMUTABLE: Array<[string, string]> = [
  ['regarding', 'involvedObject'],
  ['reason', 'reason'],
  ['note', 'message'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
  ['type', 'type'],
  ['eventTime', 'eventTime'],
  ['action', 'action'],
  ['related', 'related'],
  ['reportingController', 'reportingController'],
  ['reportingInstance', 'reportingInstance'],
];

function validateEventUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const [field, errPath] of IMMUTABLE) {
    const v = obj[field];
    const rendered = isObj(v) ? goStruct('core.ObjectReference', v) : goScalar(v);
    errs.push(...immutable(v, old[field], path(errPath), rendered));
  }
  return errs;
}

const event: Partial<ResourceType> = {
  validate: (obj) => validateEventCreate(obj),
  validateUpdate: (obj, old) => validateEventUpdate(obj, old),
};

export const eventsStrategies: Record<string, Partial<ResourceType>> = { Event: event };
