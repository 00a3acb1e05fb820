/**
 * `window.kubePlayground` in the browser console (and for e2e tests): the same
 * API requests the UI makes, clock control, the timeline, the user actions,
 * and a peek at the page's state.
 */
import type { ClusterClient } from '../cluster/client';
import type { SelectedObject } from '../cluster/store';
import { ACTIONS, runAction } from '../actions/registry';
import type { ActionArgs, ActionContext, ActionId, ActionResult } from '../actions/types';

export interface DevtoolsHandle extends Pick<ClusterClient, 'request' | 'setMode' | 'clock' | 'timeline'> {
  actions: {
    ids: ActionId[];
    run<Id extends ActionId>(id: Id, ...args: ActionArgs<Id>): Promise<ActionResult>;
  };
  /** What the inspector shows. */
  selection(): SelectedObject | null;
  /** The shell's view state, as plain data. */
  view(): { theme: string; presenter: boolean; clockMode: unknown; followGraph: boolean; hiddenNamespaces: string[]; dockOpen: boolean; dockTab: string };
  /** Runs a kubectl command line in the worker, as the terminal does, and collects what it prints. */
  kubectl(line: string, files?: Record<string, string>): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  /** The terminal, once its tab has been opened: its whole buffer as text, and keys as xterm would send them. */
  terminal?: { text(): string; input(data: string): void; running(): boolean };
}

declare global {
  interface Window {
    kubePlayground?: DevtoolsHandle;
  }
}

export function installDevtoolsHandle(client: ClusterClient, ctx: ActionContext): void {
  window.kubePlayground = {
    request: (req) => client.request(req),
    setMode: (mode) => client.setMode(mode),
    clock: () => client.clock(),
    timeline: client.timeline,
    actions: {
      ids: Object.keys(ACTIONS) as ActionId[],
      run: (id, ...args) => runAction(ctx, id, ...args),
    },
    selection: () => ctx.cluster.getState().selected,
    kubectl: (line, files = {}) =>
      new Promise((resolve, reject) => {
        const runner = client.kubectl;
        if (!runner) return reject(new Error('this build has no kubectl'));
        let stdout = '';
        let stderr = '';
        runner
          .start(
            line,
            files,
            (c) => {
              if (c.stream === 'stdout') stdout += c.text;
              else stderr += c.text;
            },
            (exitCode) => resolve({ exitCode, stdout, stderr }),
          )
          .catch(reject);
      }),
    view: () => {
      const s = ctx.ui.getState();
      return { theme: s.theme, presenter: s.presenter, clockMode: s.clockMode, followGraph: s.followGraph, hiddenNamespaces: [...s.hiddenNamespaces], dockOpen: s.panes.dockOpen, dockTab: s.dockTab };
    },
  };
}
