/** `kubectl get ingressclasses`. Mirrors printers.go printIngressClass. */
import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

export const ingressClassPrinter: Printer = {
  columns: [
    nameColumn,
    col('Controller', 'string', 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageColumn,
  ],
  row(obj: KubeObject, nowMs: number) {
    const ic = obj as unknown as IngressClass;
    const p = ic.spec?.parameters;
    let parameters = '<none>';
    if (p) parameters = `${p.kind}${p.apiGroup !== undefined && p.apiGroup !== null ? `.${p.apiGroup}` : ''}/${p.name}`;
    return [obj.metadata.name, ic.spec?.controller ?? '', parameters, translateTimestampSince(obj.metadata.creationTimestamp, nowMs)];
  },
};
