/**
 * Turns client-node models back into OpenAPI v2 `definitions` named as
 * upstream names them, restoring what the TypeScript generator dropped
 * (Quantity, Time, IntOrString refs, patch/list extensions, field
 * descriptions of referencing fields).
 */
import { CLASS_GROUP_OVERRIDE, CLASS_GROUP_PREFIX, EVERYWHERE_KINDS, EXTRA_ROOTS, GROUP_PACKAGE, META, META_CLASSES } from './names.mjs';
import { ANY_FIELDS, INT_OR_STRING, QUANTITY, QUANTITY_FIELDS, SPECIAL_DEFINITIONS } from './special-fields.mjs';
import { PATCH_META } from './patch-meta.mjs';

const CLASS_NAME = new RegExp(`^(${Object.keys(CLASS_GROUP_PREFIX).join('|')})?(V\\d+(?:alpha\\d+|beta\\d+)?)(\\w+)$`);
const isGA = (version) => version === null || /^v\d+$/.test(version);
const ref = (name) => ({ $ref: `#/definitions/${name}` });

/** 'Array<V1Container>' → { array: { model: 'V1Container' } } */
function parseType(t) {
  let m = t.match(/^Array<(.+)>$/);
  if (m) return { array: parseType(m[1]) };
  m = t.match(/^\{ \[key: string\]: (.+); \}$/);
  if (m) return { map: parseType(m[1]) };
  if (['string', 'number', 'boolean', 'Date', 'any', 'IntOrString'].includes(t)) return { prim: t };
  // client-node names MicroTime but ships no class for it.
  if (t === 'V1MicroTime') return { prim: 'Date' };
  return { model: t };
}

function modelRefs(t, out) {
  if (t.array) modelRefs(t.array, out);
  else if (t.map) modelRefs(t.map, out);
  else if (t.model) out.push(t.model);
  return out;
}

/** Which group-versions reach which models, walking from each API's request/response types. */
function reachability(models, apis) {
  const reached = new Map();
  for (const api of apis) {
    const gv = `${api.group}/${api.version}`;
    const queue = api.types.filter((t) => models.has(t));
    const seen = new Set(queue);
    while (queue.length) {
      const name = queue.pop();
      if (!reached.has(name)) reached.set(name, new Set());
      reached.get(name).add(gv);
      for (const a of models.get(name).attributes) {
        for (const r of modelRefs(parseType(a.type), [])) {
          if (!seen.has(r) && models.has(r)) {
            seen.add(r);
            queue.push(r);
          }
        }
      }
    }
  }
  return reached;
}

function assignNames(models, reached) {
  const names = new Map();
  const groups = new Map();
  for (const cls of [...reached.keys()].sort()) {
    if (cls === 'VersionInfo') {
      names.set(cls, 'io.k8s.apimachinery.pkg.version.Info');
      continue;
    }
    const m = cls.match(CLASS_NAME);
    if (!m) throw new Error(`unexpected class name ${cls}`);
    const [, prefix, V, kind] = m;
    const version = V.toLowerCase();
    if (META_CLASSES.includes(cls)) {
      names.set(cls, `${META}.${kind}`);
      groups.set(cls, { group: '', version });
      continue;
    }
    let group;
    if (prefix) group = CLASS_GROUP_PREFIX[prefix];
    else if (cls in CLASS_GROUP_OVERRIDE) group = CLASS_GROUP_OVERRIDE[cls];
    else {
      const candidates = [...reached.get(cls)].filter((gv) => gv.endsWith(`/${version}`)).map((gv) => gv.slice(0, gv.lastIndexOf('/')));
      // Core types are shared by workload groups (PodSpec in apps/v1), so core wins.
      if (process.env.GEN_OPENAPI_DEBUG && !candidates.includes('')) console.error('placed', cls, 'in', candidates.join(','));
      if (candidates.includes('')) group = '';
      else if (new Set(candidates).size === 1) group = candidates[0];
      else throw new Error(`cannot place ${cls}: reached from ${[...reached.get(cls)].join(', ')}`);
    }
    if (!(group in GROUP_PACKAGE)) throw new Error(`no package for group ${group} (${cls})`);
    names.set(cls, `${GROUP_PACKAGE[group]}.${version}.${kind}`);
    groups.set(cls, { group, version });
  }
  return { names, groups };
}

/** `io.k8s.api.apps.v1.Deployment` → ['apps/v1', 'Deployment'] in kubernetes-types. */
function typesFileOf(defName) {
  const parts = defName.split('.');
  const kind = parts.pop();
  const version = parts.pop();
  if (defName.startsWith(`${META}.`)) return ['meta/v1', kind];
  if (defName.startsWith('io.k8s.apiextensions-apiserver.')) return [`apiextensions/${version}`, kind];
  if (defName.startsWith('io.k8s.api.')) return [`${parts[3]}/${version}`, kind];
  return [null, kind];
}

function primitiveSchema(a, t) {
  switch (t) {
    case 'string':
      return a.format ? { type: 'string', format: a.format } : { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      if (a.format === 'int32' || a.format === 'int64') return { type: 'integer', format: a.format };
      return a.format ? { type: 'number', format: a.format } : { type: 'number' };
    case 'Date':
      return ref(a.format === 'date-time-micro' ? `${META}.MicroTime` : `${META}.Time`);
    case 'IntOrString':
      return ref(INT_OR_STRING);
    default:
      throw new Error(`unhandled type ${t}`);
  }
}

function fieldSchema(cls, a, names) {
  const special = ANY_FIELDS[cls]?.[a.baseName];
  if (special) return structuredClone(special);
  const q = QUANTITY_FIELDS[cls]?.[a.baseName];
  if (q === 'q') return ref(QUANTITY);
  if (q === 'qmap') return { type: 'object', additionalProperties: ref(QUANTITY) };
  const build = (t) => {
    if (t.array) return { type: 'array', items: build(t.array) };
    if (t.map) return { type: 'object', additionalProperties: build(t.map) };
    if (t.model) {
      if (!names.has(t.model)) throw new Error(`${cls}.${a.baseName}: unplaced model ${t.model}`);
      return ref(names.get(t.model));
    }
    if (t.prim === 'any') throw new Error(`${cls}.${a.baseName}: 'any' needs an entry in ANY_FIELDS`);
    return primitiveSchema(a, t.prim);
  };
  return build(parseType(a.type));
}

function applyFieldMeta(schema, meta) {
  if (meta.lt) schema['x-kubernetes-list-type'] = meta.lt;
  if (meta.keys) schema['x-kubernetes-list-map-keys'] = meta.keys;
  if (meta.mt) schema['x-kubernetes-map-type'] = meta.mt;
  if (meta.pk) schema['x-kubernetes-patch-merge-key'] = meta.pk;
  if (meta.ps) schema['x-kubernetes-patch-strategy'] = meta.ps;
}

function sortKeys(o) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function buildDefinitions({ models, apis, types, intOrStringDescription }) {
  const gaApis = [...apis.filter((a) => isGA(a.version)), { cls: 'extra', group: null, version: null, types: EXTRA_ROOTS }];
  const reached = reachability(models, gaApis);
  const { names, groups } = assignNames(models, reached);
  const usedMeta = new Set();
  const everywhere = gaApis
    .filter((a) => a.version !== null)
    .map((a) => ({ group: a.group, version: a.version }))
    .sort((x, y) => (x.group + '/' + x.version < y.group + '/' + y.version ? -1 : 1));

  const defs = {};
  for (const [cls, defName] of names) {
    const model = models.get(cls);
    const metaKey = defName.replace(/^io\.k8s\.(api|apimachinery\.pkg\.apis|apiextensions-apiserver\.pkg\.apis)\./, '');
    const patchMeta = PATCH_META[metaKey] ?? {};
    if (PATCH_META[metaKey]) usedMeta.add(metaKey);
    const [typesFile, typeName] = typesFileOf(defName);
    const kt = typesFile ? types.get(typesFile) : undefined;

    const properties = {};
    const required = [];
    for (const a of model.attributes) {
      const schema = fieldSchema(cls, a, names);
      let description = a.description;
      const isRef = '$ref' in schema;
      // client-node puts the IntOrString type's text on IntOrString fields and
      // nothing on fields that reference another model.
      if (a.type === 'IntOrString' || (isRef && !description) || (!description && (schema.items?.$ref || schema.additionalProperties?.$ref))) {
        description = kt?.fields.get(`${typeName}.${a.baseName}`) ?? (a.type === 'IntOrString' ? '' : description);
      }
      const prop = description ? { description, ...schema } : schema;
      const fm = patchMeta[a.baseName];
      if (fm && typeof fm === 'object') applyFieldMeta(prop, fm);
      properties[a.baseName] = prop;
      if (a.required) required.push(a.baseName);
    }
    for (const key of Object.keys(patchMeta)) {
      if (key !== '' && !(key in properties)) throw new Error(`patch-meta ${metaKey}.${key}: no such field`);
    }

    const def = { description: model.description || undefined, type: 'object', properties: sortKeys(properties) };
    if (!model.description) delete def.description;
    if (required.length) def.required = required;
    if (patchMeta['']) def['x-kubernetes-map-type'] = patchMeta[''];

    const fields = new Set(model.attributes.map((a) => a.baseName));
    const g = groups.get(cls);
    const kind = defName.slice(defName.lastIndexOf('.') + 1);
    if (EVERYWHERE_KINDS.includes(cls)) {
      def['x-kubernetes-group-version-kind'] = everywhere.map((gv) => ({ group: gv.group, kind, version: gv.version }));
    } else if (g && fields.has('apiVersion') && fields.has('kind')) {
      const metaType = model.attributes.find((a) => a.baseName === 'metadata')?.type;
      const servedKind = metaType === 'V1ObjectMeta' || metaType === 'V1ListMeta' || defName.startsWith(`${META}.`);
      if (servedKind) def['x-kubernetes-group-version-kind'] = [{ group: g.group, kind, version: g.version }];
    }
    defs[defName] = def;
  }

  const unused = Object.keys(PATCH_META).filter((key) => !usedMeta.has(key));
  if (unused.length) throw new Error(`patch-meta entries match no definition: ${unused.join(', ')}`);

  for (const [defName, spec] of Object.entries(SPECIAL_DEFINITIONS)) {
    let description;
    if (spec.descFrom) description = types.get(spec.descFrom[0])?.types.get(spec.descFrom[1]);
    if (spec.descFromClientNode) description = intOrStringDescription;
    if (!description) throw new Error(`no description for ${defName}`);
    defs[defName] = { description, ...spec.schema };
  }

  checkRefs(defs);
  return sortKeys(defs);
}

function checkRefs(defs) {
  const walk = (s, where) => {
    if (!s || typeof s !== 'object') return;
    if (typeof s.$ref === 'string' && !(s.$ref.slice('#/definitions/'.length) in defs)) throw new Error(`${where}: dangling ${s.$ref}`);
    for (const [k, v] of Object.entries(s)) if (typeof v === 'object') walk(v, `${where}.${k}`);
  };
  for (const [name, d] of Object.entries(defs)) walk(d, name);
}
