/**
 * Turns parsed FileDescriptorProtos into the compact table workers/api/protobuf/ decodes with.
 *
 * JSON facts the descriptors lack come from our OpenAPI definitions (same v1.32 Go types):
 * - a few proto names differ from the JSON name only in case (`uID` → `uid`, `Webhooks` → `webhooks`);
 * - Go embedded structs tagged `json:",inline"` (VolumeSource in Volume, ProbeHandler in Probe,
 *   LocalObjectReference in ConfigMapKeySelector, ...) are a proto field whose contents the JSON
 *   object carries flat;
 * - a non-pointer scalar (gogoproto.nullable=false) is always on the wire, but encoding/json drops
 *   its zero value when the tag has omitempty; a field OpenAPI lists as required has no omitempty.
 */

const SCALARS = {
  1: 'double', 2: 'float', 3: 'int64', 4: 'uint64', 5: 'int32', 6: 'fixed64', 7: 'fixed32', 8: 'bool',
  9: 'string', 12: 'bytes', 13: 'uint32', 14: 'enum', 15: 'sfixed32', 16: 'sfixed64', 17: 'sint32', 18: 'sint64',
};
const TYPE_MESSAGE = 11;
const LABEL_REPEATED = 3;

const definitionName = (messageName) => messageName.replace(/^k8s\.io\./, 'io.k8s.');
const packageOf = (messageName) => messageName.slice(0, messageName.lastIndexOf('.'));
const simpleName = (messageName) => messageName.slice(messageName.lastIndexOf('.') + 1);

/**
 * @param files parsed descriptors (k8s.io/... only)
 * @param definitions OpenAPI definitions keyed like `io.k8s.api.core.v1.Pod`
 * @param keepPackages proto packages to emit
 */
export function buildMessages(files, definitions, keepPackages) {
  const all = new Map();
  for (const f of files) for (const m of f.messages) all.set(m.name, m);

  const jsonProps = (messageName) => {
    const d = definitions[definitionName(messageName)];
    return d && d.properties ? new Set(Object.keys(d.properties)) : undefined;
  };
  const required = (messageName) => new Set(definitions[definitionName(messageName)]?.required ?? []);

  // Messages whose Go type is a named []string (metav1.Verbs, authenticationv1.ExtraValue): proto needs
  // a wrapper message, JSON carries the bare array. Lists are objects and have their own definition.
  const arrays = [];
  for (const [name, m] of all) {
    if (!keepPackages.has(packageOf(name)) || definitions[definitionName(name)]) continue;
    const [only] = m.fields;
    if (m.fields.length === 1 && only.name === 'items' && only.number === 1 && only.label === LABEL_REPEATED) arrays.push(name);
  }

  // The JSON names an inlined message contributes to `parentProps`: its own properties, or for the
  // embedded types OpenAPI has no definition of, its proto names with nested embeds flattened too.
  const flatNames = (m, parentProps) => {
    const props = jsonProps(m.name);
    if (props) return [...props];
    return m.fields.flatMap((f) => {
      const t = f.type === TYPE_MESSAGE ? all.get(f.typeName) : undefined;
      return t && !t.mapEntry && !parentProps.has(f.name) ? flatNames(t, parentProps) : [f.name];
    });
  };

  const typeRef = (from, typeName) => (packageOf(typeName) === packageOf(from) ? simpleName(typeName) : typeName);
  const scalarOrRef = (from, f) => (f.type === TYPE_MESSAGE ? typeRef(from, f.typeName) : SCALARS[f.type]);

  const packages = {};
  const problems = [];
  for (const [name, m] of [...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (m.mapEntry || !keepPackages.has(packageOf(name))) continue;
    const props = jsonProps(name);
    const req = required(name);
    const fields = [];
    for (const f of [...m.fields].sort((a, b) => a.number - b.number)) {
      let type;
      let flags = '';
      const target = f.type === TYPE_MESSAGE ? all.get(f.typeName) : undefined;
      if (f.type === TYPE_MESSAGE && !target) problems.push(`${name}.${f.name}: unknown type ${f.typeName}`);
      if (!(f.type in SCALARS) && f.type !== TYPE_MESSAGE) problems.push(`${name}.${f.name}: unsupported field type ${f.type}`);
      if (target?.mapEntry) {
        const key = target.fields.find((x) => x.number === 1);
        const value = target.fields.find((x) => x.number === 2);
        type = `map<${scalarOrRef(target.name, key)},${scalarOrRef(name, value)}>`;
      } else {
        type = scalarOrRef(name, f);
        if (f.label === LABEL_REPEATED) flags += 'r';
      }
      let json = f.name;
      if (props && !props.has(json)) {
        const sameButCase = [...props].find((p) => p.toLowerCase() === json.toLowerCase());
        if (sameButCase) json = sameButCase;
        else if (target && flatNames(target, props).every((p) => props.has(p))) flags += 'i';
        else problems.push(`${name}.${f.name}: no JSON property matches`);
      }
      if (f.type !== TYPE_MESSAGE && f.label !== LABEL_REPEATED && !f.nullable && !(props && req.has(json))) flags += 'z';
      const entry = [f.number, json, type];
      if (flags) entry.push(flags);
      fields.push(entry);
    }
    (packages[packageOf(name)] ??= {})[simpleName(name)] = fields;
  }
  // apiVersion → kind → message, from the definitions' x-kubernetes-group-version-kind (GVKs whose
  // messages kubectl lacks, e.g. apiextensions.k8s.io, are left out).
  const kinds = {};
  for (const [defName, d] of Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const message = defName.replace(/^io\.k8s\./, 'k8s.io.');
    if (!packages[packageOf(message)]?.[simpleName(message)]) continue;
    for (const g of d['x-kubernetes-group-version-kind'] ?? []) {
      const gv = g.group ? `${g.group}/${g.version}` : g.version;
      (kinds[gv] ??= {})[g.kind] = message;
    }
  }
  if (problems.length) throw new Error(`cannot build the protobuf table:\n  ${problems.join('\n  ')}`);
  const sortedKinds = Object.fromEntries(Object.keys(kinds).sort().map((gv) => [gv, Object.fromEntries(Object.entries(kinds[gv]).sort(([a], [b]) => (a < b ? -1 : 1)))]));
  return { packages, arrays: arrays.sort(), kinds: sortedKinds };
}
