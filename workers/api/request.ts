/**
 * One request to the API server, already routed: the in-browser client, the
 * Node host (real kubectl) and tests all speak this.
 */
export type RequestVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ApiRequest {
  verb: RequestVerb;
  /** '' for the core group. */
  group: string;
  version: string;
  /** plural resource name */
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** Query parameters (labelSelector, fieldSelector, dryRun, fieldManager, …). */
  query?: Record<string, string | undefined>;
  /** Parsed request body (objects, DeleteOptions, patches). */
  body?: unknown;
  /** For patch: the patch content type. */
  contentType?: string;
  /** The Accept header (for `as=Table`). */
  accept?: string;
  /** Who asks: the user agent's program name (`kubectl`, `kube-playground-ui`), used as default field manager. */
  userAgent?: string;
}

export interface ApiResponse {
  status: number;
  /** A Kubernetes object, list, Table or Status. */
  body: unknown;
  /** Warning headers (e.g. unknown fields with fieldValidation=Warn). */
  warnings?: string[];
  /** Set for bodies that are not JSON (pods/log answers `text/plain` with a string body). */
  contentType?: string;
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

/** A live watch: events arrive through `onEvent` until `stop()` is called. */
export interface WatchHandle {
  stop(): void;
}
