/**
 * Tables for custom resources, from the CRD version's
 * additionalPrinterColumns. Mirrors apiextensions-apiserver
 * pkg/registry/customresource/tableconvertor (and the AGE column the CRD
 * handler serves when a version declares no columns).
 */
import type { CustomResourceColumnDefinition, CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import type { KubeObject } from '../object';
import { nameColumn } from './columns';
import { DOC } from './descriptions';
import { parseTimestamp, humanDuration } from './duration';
import { findResults, parseJsonPath, type JsonPathResult } from './jsonpath';
import type { Printer, TableColumn } from './types';

const AGE_COLUMN: CustomResourceColumnDefinition = {
  name: 'Age',
  type: 'date',
  description: DOC['ObjectMeta.creationTimestamp'],
  jsonPath: '.metadata.creationTimestamp',
};

/** Go's encoding/json output (compact, map keys sorted) for a map or list cell. */
function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${goJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** jsonpath PrintResults for a `string` column: scalars as text, maps and lists as JSON. */
function printResult(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return goJson(v);
}

/** tableconvertor cellForJSONValue: a value of the wrong JSON type prints as nothing. */
function cellForValue(type: string, v: unknown, nowMs: number): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'integer':
      return typeof v === 'number' ? Math.trunc(v) : null;
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    case 'string':
      return typeof v === 'string' ? v : null;
    case 'date': {
      if (typeof v !== 'string') return null;
      if (v === '' || v === 'null') return '<unknown>';
      const t = parseTimestamp(v);
      return t === undefined ? '<invalid>' : humanDuration(nowMs - t);
    }
    default:
      return null;
  }
}

/** The printer for one served version of a CRD; undefined columns get the AGE default. */
export function customResourcePrinter(columns: CustomResourceColumnDefinition[] | undefined): Printer {
  const defs = columns && columns.length > 0 ? columns : [AGE_COLUMN];
  const paths: JsonPathResult[] = defs.map((c) => parseJsonPath(c.jsonPath));
  const tableColumns: TableColumn[] = [
    nameColumn,
    ...defs.map(
      (c): TableColumn => ({
        name: c.name,
        type: c.type as TableColumn['type'],
        format: c.format ?? '',
        description: c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
        priority: c.priority ?? 0,
      }),
    ),
  ];
  return {
    columns: tableColumns,
    row(obj: KubeObject, nowMs: number) {
      const cells: unknown[] = [obj.metadata?.name ?? ''];
      defs.forEach((c, i) => {
        const p = paths[i];
        const found = p.ok ? findResults(p, obj) : [];
        if (found.length === 0) {
          cells.push(null);
          return;
        }
        const v = found[0];
        cells.push(c.type === 'string' ? printResult(v) : cellForValue(c.type, v, nowMs));
      });
      return cells;
    },
  };
}

/** The columns a CRD declares for `version` (the version's own list, as apiextensions/v1 keeps them). */
export function crdPrinter(crd: KubeObject, version: string): Printer {
  const spec = (crd as unknown as CustomResourceDefinition).spec;
  const v = (spec?.versions ?? []).find((x) => x.name === version);
  return customResourcePrinter(v?.additionalPrinterColumns);
}
