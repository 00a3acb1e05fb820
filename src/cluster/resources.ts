/** The API resources the UI mirrors, named as discovery names them. */
export interface ResourceSpec {
  /** Key of this resource's objects in the UI store. */
  kind: string;
  /** '' for the core group. */
  group: string;
  version: string;
  /** plural resource name */
  resource: string;
}

export const NODES: ResourceSpec = { kind: 'Node', group: '', version: 'v1', resource: 'nodes' };
export const NAMESPACES: ResourceSpec = { kind: 'Namespace', group: '', version: 'v1', resource: 'namespaces' };

/** What the first page lists and keeps live. */
export const MIRRORED_RESOURCES: readonly ResourceSpec[] = [NODES, NAMESPACES];
