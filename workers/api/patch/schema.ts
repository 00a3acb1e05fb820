/**
 * The slice of an object schema that patching and field management need:
 * structure, list semantics and patch strategies (from the OpenAPI
 * `x-kubernetes-*` extensions, as upstream's `strategicpatch.LookupPatchMeta`
 * and structured-merge-diff read them).
 */
export interface PatchSchema {
  kind: 'object' | 'map' | 'list' | 'primitive' | 'unknown';
  /** Schema of a struct field or map value; undefined = unknown (plain map, no merge keys). */
  field(name: string): PatchSchema | undefined;
  /** For a list: schema of its items. */
  items(): PatchSchema | undefined;
  /** 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys' */
  patchStrategy?: string;
  patchMergeKey?: string;
  listType?: 'atomic' | 'set' | 'map';
  listMapKeys?: string[];
  /** 'atomic' | 'granular' for maps/structs (x-kubernetes-map-type). */
  mapType?: 'atomic' | 'granular';
}
