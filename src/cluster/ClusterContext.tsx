import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ClusterSession } from './session';
import { selectKind, type ClusterState } from './store';
import type { KubeObject } from '../../workers/api/object';

const ClusterContext = createContext<ClusterSession | null>(null);

export function ClusterProvider({ session, children }: { session: ClusterSession; children: ReactNode }) {
  return <ClusterContext.Provider value={session}>{children}</ClusterContext.Provider>;
}

export function useClusterSession(): ClusterSession {
  const session = useContext(ClusterContext);
  if (!session) throw new Error('useClusterSession must be used inside <ClusterProvider>');
  return session;
}

/** A selector over the mirrored cluster state; the selector must return stable references. */
export function useClusterState<T>(selector: (s: ClusterState) => T): T {
  return useStore(useClusterSession().store, selector);
}

/** All mirrored objects of one kind, by uid. */
export function useKind(kind: string): ReadonlyMap<string, KubeObject> {
  return useClusterState(selectKind(kind));
}
