/**
 * Makes sure the cluster store mirrors every kind the browser lists. The
 * shell mirrors most of them (src/cluster/resources.ts); for the rest
 * (ConfigMaps, Secrets, NetworkPolicies, HPAs) this starts one reflector
 * each, once per session, feeding the same store through a per-frame batcher.
 */
import { useEffect } from 'react';
import { useClusterSession } from '../cluster/ClusterContext';
import { animationFrameScheduler, createChangeBatcher } from '../cluster/changeBatcher';
import { startReflector } from '../cluster/reflector';
import { resourceForKind, type ResourceSpec } from '../cluster/resources';
import type { ClusterSession } from '../cluster/session';

const started = new WeakMap<ClusterSession, Set<string>>();

/** The specs nobody mirrors yet (pure, for tests). */
export function unmirrored(specs: readonly ResourceSpec[], alreadyStarted: ReadonlySet<string>, isMirrored: (kind: string) => boolean): ResourceSpec[] {
  return specs.filter((s) => !isMirrored(s.kind) && !alreadyStarted.has(s.kind));
}

export function useEnsureMirrored(specs: readonly ResourceSpec[]): void {
  const session = useClusterSession();
  useEffect(() => {
    let kinds = started.get(session);
    if (!kinds) {
      kinds = new Set();
      started.set(session, kinds);
    }
    const missing = unmirrored(specs, kinds, (kind) => resourceForKind(kind) !== undefined);
    if (missing.length === 0) return;
    const batcher = createChangeBatcher((changes) => session.store.getState().applyChanges(changes), animationFrameScheduler);
    void session.client.started.then(
      () => {
        for (const spec of missing) {
          startReflector({
            client: session.client,
            spec,
            emit: (changes) => batcher.push(changes),
            onError: (message) => console.warn(`kube-playground: ${message}`),
          });
        }
      },
      // A failed start is the shell's to show.
      () => {},
    );
    for (const s of missing) kinds.add(s.kind);
    // These reflectors live as long as the session: the store they fill outlives any one panel.
  }, [session, specs]);
}
