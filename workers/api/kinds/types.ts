/**
 * What the API server knows about one resource: its names (as discovery
 * serves them) and the strategy hooks upstream keeps in
 * `pkg/registry/<group>/<resource>/strategy.go`.
 */
import type { KubeObject } from '../object';
import type { FieldError } from '../validation/field';
import type { TableColumn } from '../printers/types';
import type { ApiRequest, ApiResponse } from '../request';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export const ALL_VERBS: readonly Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Read-only view of the cluster a strategy may consult (e.g. admission, defaults). */
export interface StrategyContext {
  /** Virtual now, ms. */
  now: number;
  /** Current object lookup: (resource plural with group, e.g. 'namespaces' / 'storageclasses.storage.k8s.io', namespace, name). */
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string, namespace?: string): KubeObject[];
}

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  /** plural resource name: `deployments` */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Subresources served, e.g. ['status', 'scale']. */
  subresources?: string[];
  verbs?: readonly Verb[];
  /** `validate`/`validateUpdate` check metadata themselves (ValidateObjectMeta with the kind's name rule). */
  validatesMeta?: boolean;
  /** How names are validated (ValidateObjectMeta's nameFn): DNS subdomain unless said otherwise. */
  nameRule?: 'subdomain' | 'label' | 'dns1035' | 'path';
  /** PUT on a missing object creates it (upstream AllowCreateOnUpdate: Events, Leases, Nodes' siblings …). */
  allowCreateOnUpdate?: boolean;
  /** PUT without metadata.resourceVersion is refused (upstream AllowUnconditionalUpdate false). */
  requireResourceVersionOnUpdate?: boolean;
  /** Sets metadata.generation = 1 on create and bumps it when `spec` changes. */
  hasGeneration?: boolean;
  /** Fields that hold the status for the status subresource (default ['status']). */
  statusFields?: string[];

  /** Seconds of graceful deletion for this object (pods), given the requested grace period. */
  gracePeriod?(obj: KubeObject, requested: number | undefined): number;
  /** Deletion waits on something besides metadata.finalizers (a namespace's spec.finalizers). */
  holdsDeletion?(obj: KubeObject): boolean;
  /** Strategy hook when deletionTimestamp is set (e.g. namespace phase Terminating). Mutates `obj`. */
  prepareForDelete?(obj: KubeObject): void;
  /** Propagation when the client gives none (DefaultGarbageCollectionPolicy). */
  defaultPropagation?: 'Orphan' | 'Background' | 'Foreground';
  /** DELETE answers with the object instead of a Status. */
  returnDeletedObject?: boolean;

  /**
   * This version is a view of another stored kind (autoscaling/v1 of v2 HPAs,
   * events.k8s.io of core Events): requests are converted on the way in and out.
   */
  conversion?: {
    storage: { group: string; version: string; plural: string };
    toStorage(obj: KubeObject): KubeObject;
    fromStorage(obj: KubeObject): KubeObject;
  };

  /**
   * Served by an aggregated API server (an APIService such as metrics-server):
   * kube-aggregator hands every request for the resource to it, watches included.
   */
  proxy?(req: ApiRequest): ApiResponse;

  /** Fill defaults as pkg/apis/<group>/<version>/defaults.go does. Mutates `obj`. */
  defaults?(obj: KubeObject, ctx: StrategyContext): void;
  /** Strategy PrepareForCreate: reset fields the user may not set. Mutates `obj`. */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** Strategy PrepareForUpdate. Mutates `obj`. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /**
   * After validation, before storing (the registry's BeginCreate/BeginUpdate):
   * allocate what the object needs (Service clusterIPs and nodePorts). Mutates `obj`.
   */
  allocate?(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext, rng: { int(n: number): number }): FieldError[];
  /** Validation on create (pkg/apis/<group>/validation). */
  validate?(obj: KubeObject, ctx: StrategyContext): FieldError[];
  /** Validation on update, including immutable fields. */
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[];
  /** Server-side table columns (pkg/printers/internalversion/printers.go). */
  columns?: TableColumn[];
  /** Cells for one object, in column order. `now` is virtual ms. */
  row?(obj: KubeObject, now: number): unknown[];
}
