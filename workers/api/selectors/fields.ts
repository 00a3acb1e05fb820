/**
 * Field selectors: the grammar of staging/src/k8s.io/apimachinery/pkg/fields/selector.go
 * (v1.32), the per-kind label conversion the API server applies before
 * listing (pkg/apis/<group>/<version>/conversion.go, AddFieldLabelConversionFunc;
 * runtime.DefaultMetaV1FieldSelectorConversion for everything else) and the
 * field sets objects expose for matching (GetAttrs / ToSelectableFields in
 * pkg/registry/<group>/<resource>/strategy.go).
 */

export type FieldOperator = '=' | '==' | '!=';

export interface FieldTerm {
  readonly field: string;
  readonly operator: FieldOperator;
  /** Unescaped. */
  readonly value: string;
}

export interface FieldSelector {
  /** AND of terms, sorted as upstream sorts the raw terms. Empty selects everything. */
  readonly terms: readonly FieldTerm[];
}

export type FieldSelectorResult = { ok: true; selector: FieldSelector } | { ok: false; error: string };

export const EVERYTHING_FIELDS: FieldSelector = { terms: [] };

/** fields.EscapeValue. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** fields.UnescapeValue. Go prints the offending rune with %v: its code point. */
function unescapeValue(s: string): { ok: true; value: string } | { ok: false; error: string } {
  if (!/[\\,=]/.test(s)) return { ok: true, value: s };
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === '\\' || c === ',' || c === '=') out += c;
      else return { ok: false, error: `invalid field selector: invalid escape sequence: \\${c}` };
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') return { ok: false, error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}` };
    else out += c;
  }
  if (inSlash) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value: out };
}

/** splitTerms: commas split terms unless backslash-escaped. */
function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

const TERM_OPERATORS: FieldOperator[] = ['!=', '==', '='];

function splitTerm(term: string): { lhs: string; op: FieldOperator; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** fields.ParseSelector (no field-name conversion). */
export function parseFieldSelector(selector: string): FieldSelectorResult {
  const parts = splitTerms(selector).sort(byString);
  const terms: FieldTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) return { ok: false, error: `invalid selector: '${selector}'; can't understand '${part}'` };
    const v = unescapeValue(t.rhs);
    if (!v.ok) return v;
    terms.push({ field: t.lhs, operator: t.op, value: v.value });
  }
  return { ok: true, selector: { terms } };
}

/** Selector.String(): `a=b,c!=d` with values escaped. */
export function fieldSelectorString(sel: FieldSelector): string {
  return sel.terms.map((t) => `${t.field}${t.operator === '!=' ? '!=' : '='}${escapeFieldValue(t.value)}`).join(',');
}

/** Selector.Matches against a fields.Set: a missing field reads as "". */
export function matchFields(sel: FieldSelector, fields: Readonly<Record<string, string>>): boolean {
  for (const t of sel.terms) {
    const v = Object.prototype.hasOwnProperty.call(fields, t.field) ? fields[t.field] : '';
    if (t.operator === '!=' ? v === t.value : v !== t.value) return false;
  }
  return true;
}

/** RequiresExactMatch (the API server uses it for `metadata.name`). */
export function fieldRequiresExactMatch(sel: FieldSelector, field: string): string | undefined {
  for (const t of sel.terms) if (t.field === field && t.operator !== '!=') return t.value;
  return undefined;
}

// ---- per-kind conversion (what the API server accepts) ----

type Conversion = (label: string) => { ok: true; label: string } | { ok: false; error: string };

const accept = (allowed: readonly string[], error: (label: string) => string): Conversion => {
  const set = new Set(allowed);
  return (label) => (set.has(label) ? { ok: true, label } : { ok: false, error: error(label) });
};
const notSupported = (label: string) => `field label not supported: ${label}`;

/** runtime.DefaultMetaV1FieldSelectorConversion. */
const defaultConversion: Conversion = (label) =>
  label === 'metadata.name' || label === 'metadata.namespace'
    ? { ok: true, label }
    : { ok: false, error: `"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"` };

const podLabels = [
  'metadata.name',
  'metadata.namespace',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.serviceAccountName',
  'spec.hostNetwork',
  'status.phase',
  'status.podIP',
  'status.podIPs',
  'status.nominatedNodeName',
];
const podConversion = accept(podLabels, notSupported);

const EVENTS_V1_MAPPING: Record<string, string> = {
  reason: 'reason',
  'regarding.kind': 'involvedObject.kind',
  'regarding.namespace': 'involvedObject.namespace',
  'regarding.name': 'involvedObject.name',
  'regarding.uid': 'involvedObject.uid',
  'regarding.apiVersion': 'involvedObject.apiVersion',
  'regarding.resourceVersion': 'involvedObject.resourceVersion',
  'regarding.fieldPath': 'involvedObject.fieldPath',
  reportingController: 'reportingComponent',
  source: 'source',
  type: 'type',
  'metadata.namespace': 'metadata.namespace',
  'metadata.name': 'metadata.name',
};

/**
 * Keyed `group/Kind`. Kinds absent here (Deployment, ReplicaSet, ConfigMap, …)
 * take the default conversion: v1.32 registers none for apps/v1, which is why
 * `status.replicas` on ReplicaSets is refused there (kubernetes#135136).
 */
const CONVERSIONS: Record<string, Conversion> = {
  '/Pod': (label) => (label === 'spec.host' ? { ok: true, label: 'spec.nodeName' } : podConversion(label)),
  '/Node': accept(['metadata.name', 'spec.unschedulable'], notSupported),
  '/ReplicationController': accept(['metadata.name', 'metadata.namespace', 'status.replicas'], notSupported),
  '/Event': accept(
    [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
      'metadata.namespace',
      'metadata.name',
    ],
    notSupported,
  ),
  '/Namespace': accept(['status.phase', 'metadata.name'], notSupported),
  '/Secret': accept(['type', 'metadata.namespace', 'metadata.name'], notSupported),
  '/Service': accept(['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'], notSupported),
  'batch/Job': accept(['metadata.name', 'metadata.namespace', 'status.successful'], (l) => `field label "${l}" not supported for batchv1.Job`),
  'certificates.k8s.io/CertificateSigningRequest': accept(['metadata.name', 'spec.signerName'], notSupported),
  'events.k8s.io/Event': (label) =>
    EVENTS_V1_MAPPING[label] !== undefined && Object.prototype.hasOwnProperty.call(EVENTS_V1_MAPPING, label)
      ? { ok: true, label: EVENTS_V1_MAPPING[label] }
      : { ok: false, error: notSupported(label) },
};

/**
 * What the API server does with `?fieldSelector=`: parse, then convert each
 * field label for the kind (Transform). Errors are the message of the
 * `400 BadRequest` upstream returns.
 */
export function parseFieldSelectorFor(selector: string, group: string, kind: string): FieldSelectorResult {
  const parsed = parseFieldSelector(selector);
  if (!parsed.ok) return parsed;
  const convert = CONVERSIONS[`${group}/${kind}`] ?? defaultConversion;
  const terms: FieldTerm[] = [];
  for (const t of parsed.selector.terms) {
    const c = convert(t.field);
    if (!c.ok) return c;
    terms.push(c.label === t.field ? t : { ...t, field: c.label });
  }
  return { ok: true, selector: { terms } };
}

// ---- per-kind field sets (what objects expose) ----

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): string => (typeof v === 'number' ? String(Math.trunc(v)) : '0');
const bool = (v: unknown): string => (v === true ? 'true' : 'false');

function metaFields(o: Obj, namespaced: boolean): Record<string, string> {
  const m = obj(o.metadata);
  const f: Record<string, string> = { 'metadata.name': str(m.name) };
  if (namespaced) f['metadata.namespace'] = str(m.namespace);
  return f;
}

type FieldsFn = (o: Obj) => Record<string, string>;

const FIELD_SETS: Record<string, FieldsFn> = {
  '/Pod': (o) => {
    const spec = obj(o.spec);
    const status = obj(o.status);
    const ips = Array.isArray(status.podIPs) ? status.podIPs : [];
    return {
      'spec.nodeName': str(spec.nodeName),
      'spec.restartPolicy': str(spec.restartPolicy),
      'spec.schedulerName': str(spec.schedulerName),
      'spec.serviceAccountName': str(spec.serviceAccountName),
      'spec.hostNetwork': bool(spec.hostNetwork),
      'status.phase': str(status.phase),
      // Mirrors pkg/registry/core/pod/strategy.go: podIP is the first of podIPs.
      'status.podIP': ips.length ? str(obj(ips[0]).ip) : '',
      'status.nominatedNodeName': str(status.nominatedNodeName),
      ...metaFields(o, true),
    };
  },
  '/Node': (o) => ({ ...metaFields(o, false), 'spec.unschedulable': bool(obj(o.spec).unschedulable) }),
  '/Namespace': (o) => ({ ...metaFields(o, false), 'status.phase': str(obj(o.status).phase), name: str(obj(o.metadata).name) }),
  '/Secret': (o) => ({ ...metaFields(o, true), type: str(o.type) }),
  '/Service': (o) => ({ ...metaFields(o, true), 'spec.clusterIP': str(obj(o.spec).clusterIP), 'spec.type': str(obj(o.spec).type) }),
  '/ReplicationController': (o) => ({ ...metaFields(o, true), 'status.replicas': int(obj(o.status).replicas) }),
  'apps/ReplicaSet': (o) => ({ ...metaFields(o, true), 'status.replicas': int(obj(o.status).replicas) }),
  'batch/Job': (o) => ({ ...metaFields(o, true), 'status.successful': int(obj(o.status).succeeded) }),
  'certificates.k8s.io/CertificateSigningRequest': (o) => ({ ...metaFields(o, false), 'spec.signerName': str(obj(o.spec).signerName) }),
  '/Event': (o) => eventFields(o, obj(o.involvedObject), str(obj(o.source).component), str(o.reportingComponent)),
  'events.k8s.io/Event': (o) => eventFields(o, obj(o.regarding), str(obj(o.deprecatedSource).component), str(o.reportingController)),
};

/** pkg/registry/core/event/strategy.go ToSelectableFields; both Event APIs share storage. */
function eventFields(o: Obj, ref: Obj, sourceComponent: string, reporting: string): Record<string, string> {
  return {
    ...metaFields(o, true),
    'involvedObject.kind': str(ref.kind),
    'involvedObject.namespace': str(ref.namespace),
    'involvedObject.name': str(ref.name),
    'involvedObject.uid': str(ref.uid),
    'involvedObject.apiVersion': str(ref.apiVersion),
    'involvedObject.resourceVersion': str(ref.resourceVersion),
    'involvedObject.fieldPath': str(ref.fieldPath),
    reason: str(o.reason),
    reportingComponent: reporting,
    source: sourceComponent || reporting,
    type: str(o.type),
  };
}

const CLUSTER_SCOPED_DEFAULT = new Set([
  '/Namespace',
  '/Node',
  '/PersistentVolume',
  'storage.k8s.io/StorageClass',
  'scheduling.k8s.io/PriorityClass',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'networking.k8s.io/IngressClass',
  'node.k8s.io/RuntimeClass',
]);

/**
 * The fields.Set an object exposes to field selectors (GetAttrs), keyed by the
 * converted label names that `parseFieldSelectorFor` produces.
 */
export function fieldsFor(group: string, kind: string, o: unknown): Record<string, string> {
  const key = `${group}/${kind}`;
  const fn = FIELD_SETS[key];
  if (fn) return fn(obj(o));
  const m = obj(obj(o).metadata);
  const namespaced = !CLUSTER_SCOPED_DEFAULT.has(key) && typeof m.namespace === 'string' && m.namespace !== '';
  return metaFields(obj(o), namespaced);
}
