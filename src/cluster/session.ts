/**
 * One running cluster as the page sees it: the worker client, the mirrored
 * store, and the reflectors that keep the store live.
 */
import type { ClusterClient } from './client';
import { createChangeBatcher, type FrameScheduler } from './changeBatcher';
import { startReflector, type Reflector } from './reflector';
import type { ResourceSpec } from './resources';
import { createClusterStore, type ClusterStore } from './store';

export interface ClusterSession {
  client: ClusterClient;
  store: ClusterStore;
  stop(): void;
}

export function startClusterSession(
  client: ClusterClient,
  resources: readonly ResourceSpec[],
  scheduleFrame: FrameScheduler,
): ClusterSession {
  const store = createClusterStore();
  const batcher = createChangeBatcher((changes) => store.getState().applyChanges(changes), scheduleFrame);
  let reflectors: Reflector[] = [];
  let stopped = false;

  client.started.then(
    () => {
      if (stopped) return;
      store.getState().setConnection({ phase: 'running' });
      reflectors = resources.map((spec) =>
        startReflector({
          client,
          spec,
          emit: (changes) => batcher.push(changes),
          // A reflector retries by itself; the console is where a developer looks for why.
          onError: (message) => console.warn(`kube-playground: ${message}`),
        }),
      );
    },
    (err: unknown) => {
      if (stopped) return;
      store.getState().setConnection({ phase: 'failed', message: err instanceof Error ? err.message : String(err) });
    },
  );

  return {
    client,
    store,
    stop() {
      stopped = true;
      for (const r of reflectors) r.stop();
      reflectors = [];
      client.close();
    },
  };
}
