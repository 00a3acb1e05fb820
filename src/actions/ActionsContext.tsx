import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { runAction } from './registry';
import { buildShortcutTable, shortcutFor } from './shortcuts';
import type { ActionArgs, ActionContext, ActionId, ActionResult } from './types';

const ActionsContext = createContext<ActionContext | null>(null);

export function ActionsProvider({ context, children }: { context: ActionContext; children: ReactNode }) {
  return <ActionsContext.Provider value={context}>{children}</ActionsContext.Provider>;
}

export function useActionContext(): ActionContext {
  const ctx = useContext(ActionsContext);
  if (!ctx) throw new Error('actions need <ActionsProvider>');
  return ctx;
}

export type RunAction = <Id extends ActionId>(id: Id, ...args: ActionArgs<Id>) => Promise<ActionResult>;

function report(id: ActionId, r: ActionResult): ActionResult {
  // A refused action is the user's business, not an error: a warning says why for whoever looks.
  if (!r.ok) console.warn(`kube-playground: ${id}: ${r.message}`);
  return r;
}

/** Runs actions from buttons and menus. */
export function useRunAction(): RunAction {
  const ctx = useActionContext();
  return useCallback<RunAction>((id, ...args) => runAction(ctx, id, ...args).then((r) => report(id, r)), [ctx]);
}

const TABLE = buildShortcutTable();

/** Turns key presses anywhere on the page into actions (except while typing). */
export function useShortcuts(): void {
  const ctx = useActionContext();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const hit = shortcutFor(TABLE, e, e.target instanceof Element ? e.target : null);
      if (!hit) return;
      e.preventDefault();
      void runAction(ctx, hit.id, hit.input as never).then((r) => report(hit.id, r));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
}
