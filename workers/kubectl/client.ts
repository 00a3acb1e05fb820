// workers/kubectl/client.ts
import type { ApiRequest, ApiResponse, WatchEvent } from '../api/request';
/** What kubectl talks to: the cluster's API, directly in the worker or over comlink. */
export interface KubectlClient {
  request(req: ApiRequest): Promise<ApiResponse>;
  /** Resolves once the watch is established; events arrive until stop(). A refused watch resolves to the ApiResponse. */
  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void): Promise<{ stop(): void } | ApiResponse>;
  /** Virtual time now (ms since 1970): AGE columns and describe's "ago" use it. */
  now(): number;
}
export interface KubectlIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Ctrl+C: commands that wait (-w, logs -f, rollout status, exec) stop and resolve. */
  signal: AbortSignal;
  /** Files `-f` may name: the editor's buffers and the gallery's examples, by path. */
  readFile(path: string): string | undefined;
  /** Text piped to `-f -` / exec stdin, if any. */
  stdin?: string;
}
