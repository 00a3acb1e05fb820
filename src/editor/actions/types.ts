/**
 * The editor's commands share one contract so buttons, shortcuts and tests
 * drive them alike: `perform(context, input)` reads the text, talks to the
 * cluster through `request`, and returns an outcome as plain data. The panel
 * applies an outcome in one place (markers, notice, results, diff).
 */
import type { ApiRequest, ApiResponse } from '../../../workers/api/request';
import type { Problem } from '../manifests';

export type RequestFn = (req: ApiRequest) => Promise<ApiResponse>;

export type EditorActionName = 'apply' | 'diff' | 'delete';

export interface ActionContext {
  request: RequestFn;
  /** The editor's text. */
  text: string;
  /** Where namespaced objects without metadata.namespace go (kubectl's current namespace). */
  defaultNamespace: string;
}

export type Tone = 'ok' | 'info' | 'warn' | 'error';

/** One line of kubectl-like output: `deployment.apps/web created`. */
export interface ResultLine {
  tone: Tone;
  text: string;
}

export interface Notice {
  tone: Tone;
  title: string;
  message: string;
  /** Offer to apply again taking over conflicting fields (`kubectl apply --server-side --force-conflicts`). */
  offerForce?: boolean;
}

export interface DiffResult {
  /** YAML of the live objects (empty documents for objects that do not exist yet). */
  live: string;
  /** YAML of the objects as the server would store them after this apply. */
  merged: string;
  /** `2 to create, 1 to change, 0 unchanged` */
  summary: string;
  changed: boolean;
}

export interface ActionOutcome {
  action: EditorActionName;
  ok: boolean;
  /** Markers for the editor; replaces the previous ones. */
  problems: Problem[];
  results: ResultLine[];
  notice?: Notice;
  diff?: DiffResult;
}

export interface EditorAction<I = void> {
  name: EditorActionName;
  /** Button label. */
  label: string;
  /** What the button does, for its tooltip and accessible description. */
  description: string;
  /** Shortcut as shown to people, e.g. `Ctrl+Enter`. */
  shortcut?: string;
  perform(ctx: ActionContext, input: I): Promise<ActionOutcome>;
}

export interface ApplyInput {
  /** Take over fields another manager owns instead of reporting the conflict. */
  force?: boolean;
}
