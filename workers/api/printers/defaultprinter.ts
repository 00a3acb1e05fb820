/**
 * The table a kind without its own printer gets (Role, ClusterRole,
 * LimitRange, CustomResourceDefinition...). Mirrors
 * staging/src/k8s.io/apiserver/pkg/registry/rest/table.go defaultTableConvertor:
 * NAME and CREATED AT, the latter an RFC 3339 `date` the client prints as is.
 */
import type { KubeObject } from '../object';
import { nameColumn } from './columns';
import { DOC } from './descriptions';
import { formatRFC3339, parseTimestamp } from './duration';
import type { Printer } from './types';

export const defaultPrinter: Printer = {
  columns: [nameColumn, { name: 'Created At', type: 'date', description: DOC['ObjectMeta.creationTimestamp'], priority: 0 }],
  row(obj: KubeObject) {
    return [obj.metadata?.name ?? '', formatRFC3339(parseTimestamp(obj.metadata?.creationTimestamp))];
  },
};
