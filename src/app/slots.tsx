/**
 * Where other features plug into the shell. Each slot is found at build time
 * with import.meta.glob, so the shell builds whether or not the feature exists
 * yet, and each loads lazily in its own chunk (Monaco never in the entry).
 *
 *   left sidebar  ← src/browser/ResourceBrowser.tsx   export ResourceBrowser (or default)
 *   right panel   ← src/inspector/Inspector.tsx       export Inspector (or default)
 *   bottom dock   ← src/editor/EditorPanel.tsx        export default EditorPanel      (YAML tab)
 *                 ← src/terminal/TerminalPanel.tsx    export default TerminalPanel    (Terminal tab)
 *                 ← src/timeline/TimelinePanel.tsx    export TimelinePanel (or default) (Timeline tab)
 *   right panel, under the inspector ← src/chaos/ChaosPanel.tsx  export ChaosPanel (node and pod chaos)
 *
 * The components take no props: they read the selection with
 * `useClusterState(selectSelected)` and select with `useRunAction()('select', …)`.
 */
import { Component, lazy, Suspense, type ComponentType, type ErrorInfo, type LazyExoticComponent, type ReactNode } from 'react';

type Module = Record<string, unknown>;
type Loader = () => Promise<Module>;

const preloaders: Loader[] = [];

function lazySlot(modules: Record<string, Loader>, exportNames: readonly string[], preload: boolean): LazyExoticComponent<ComponentType> | null {
  const loader = Object.values(modules)[0];
  if (!loader) return null;
  if (preload) preloaders.push(loader);
  return lazy(async () => {
    const m = await loader();
    for (const n of exportNames) {
      const c = m[n];
      if (typeof c === 'function' || (typeof c === 'object' && c !== null)) return { default: c as ComponentType };
    }
    throw new Error(`the module exports none of ${exportNames.join(', ')}`);
  });
}

export const BrowserSlot = lazySlot(import.meta.glob<Module>(['../browser/ResourceBrowser.tsx']), ['ResourceBrowser', 'default'], true);
export const InspectorSlot = lazySlot(import.meta.glob<Module>(['../inspector/Inspector.tsx']), ['Inspector', 'default'], true);
// Monaco is a megabyte: it loads when the editor is first opened, never ahead of time.
export const EditorSlot = lazySlot(import.meta.glob<Module>(['../editor/EditorPanel.tsx']), ['default', 'EditorPanel'], false);
// xterm.js comes with the terminal tab, never with the page.
export const TerminalSlot = lazySlot(import.meta.glob<Module>(['../terminal/TerminalPanel.tsx']), ['default', 'TerminalPanel'], false);
export const TimelineSlot = lazySlot(import.meta.glob<Module>(['../timeline/TimelinePanel.tsx']), ['TimelinePanel', 'default'], false);
export const ChaosSlot = lazySlot(import.meta.glob<Module>(['../chaos/ChaosPanel.tsx']), ['ChaosPanel', 'default'], true);

/** Fetches the small panels' chunks once the page is idle, so the first click on a pod does not wait for one. */
export function preloadSlots(): void {
  const run = () => {
    for (const load of preloaders) void load().catch(() => {});
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1000);
}

interface BoundaryProps {
  name: string;
  children: ReactNode;
}

/** One failing panel shows its error in place; the rest of the page keeps working. */
class SlotBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`kube-playground: the ${this.props.name} failed`, error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="slot-message slot-error" role="alert">
          The {this.props.name} stopped: {this.state.error.message}
          <button type="button" className="text-button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}

/** Mounts a slot's component, or the fallback when that feature is not in this build. */
export function Slot({ name, component: C, fallback }: { name: string; component: LazyExoticComponent<ComponentType> | null; fallback: ReactNode }) {
  if (!C) return <>{fallback}</>;
  return (
    <SlotBoundary name={name}>
      <Suspense fallback={<div className="slot-message">Loading the {name}…</div>}>
        <C />
      </Suspense>
    </SlotBoundary>
  );
}
