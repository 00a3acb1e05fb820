/** `kubectl get controllerrevisions`. Mirrors printers.go printControllerRevision. */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { parseApiVersion, type KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import { controllerOf } from './format';
import type { Printer } from './types';

/** formatResourceName with the GroupKind: `daemonset.apps/fluentd`, `pod/web`. */
function controllerName(cr: ControllerRevision): string {
  const ref = controllerOf(cr.metadata?.ownerReferences);
  if (!ref) return '<none>';
  const { group } = parseApiVersion(ref.apiVersion);
  const groupKind = group ? `${ref.kind}.${group}` : ref.kind;
  if (!groupKind) return ref.name;
  return `${groupKind.toLowerCase()}/${ref.name}`;
}

export const controllerRevisionPrinter: Printer = {
  columns: [
    nameColumn,
    col('Controller', 'string', 'Controller of the object'),
    col('Revision', 'string', DOC['ControllerRevision.revision']),
    ageColumn,
  ],
  row(obj: KubeObject, nowMs: number) {
    const cr = obj as unknown as ControllerRevision;
    return [obj.metadata.name, controllerName(cr), cr.revision ?? 0, translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
