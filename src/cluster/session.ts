/**
 * One running cluster as the page sees it: the worker client, the mirrored
 * store, and the reflectors that keep the store live.
 *
 * Time travel (`store.travel`, see timeTravel.ts): on each new epoch the
 * session either restarts the reflectors (live) or stops them and lists every
 * kind at the chosen revision (past). While in the past, `session.client`
 * reads lists at that revision too and refuses writes, so every panel that
 * asks the API (resource tables, the editor) sees the same moment.
 */
import type { ApiRequest, ApiResponse } from '../../workers/api/request';
import type { ClusterClient } from './client';
import { createChangeBatcher, type FrameScheduler } from './changeBatcher';
import { listAllAt } from './pastLister';
import { startReflector, type Reflector } from './reflector';
import type { ResourceSpec } from './resources';
import { createClusterStore, type ClusterStore } from './store';
import { exactListQuery } from './timeTravel';

export interface ClusterSession {
  /** The client panels use: while viewing the past, lists read that revision and writes are refused. */
  client: ClusterClient;
  store: ClusterStore;
  stop(): void;
}

const WRITE_VERBS: ReadonlySet<ApiRequest['verb']> = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

/** Status for a write attempted while the page shows the past. */
export function viewingPastStatus(revision: number) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    reason: 'Conflict',
    code: 409,
    message: `the page is showing the cluster at revision ${revision}: go back to live (or resume from here) to change it`,
  };
}

/** `client` as seen by panels: requests follow the store's time-travel view. */
export function viewAwareClient(client: ClusterClient, store: ClusterStore): ClusterClient {
  return {
    get started() {
      return client.started;
    },
    get timeline() {
      return client.timeline;
    },
    // The terminal's kubectl speaks to the live cluster, as a real terminal would while the page looks back.
    get kubectl() {
      return client.kubectl;
    },
    chaos(action) {
      const view = store.getState().travel.view;
      if (view.mode === 'past') return Promise.resolve({ status: 409, body: viewingPastStatus(view.revision) });
      if (!client.chaos) return Promise.resolve({ status: 501, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotImplemented', code: 501, message: 'this cluster client cannot run chaos actions' } });
      return client.chaos(action);
    },
    request(req): Promise<ApiResponse> {
      const view = store.getState().travel.view;
      if (view.mode === 'past') {
        if (WRITE_VERBS.has(req.verb)) return Promise.resolve({ status: 409, body: viewingPastStatus(view.revision) });
        if (req.verb === 'list') return client.request({ ...req, query: { ...req.query, ...exactListQuery(view.revision) } });
      }
      return client.request(req);
    },
    watch: (req, onEvents) => client.watch(req, onEvents),
    setMode: (mode) => client.setMode(mode),
    clock: () => client.clock(),
    close: () => client.close(),
  };
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
  let running = false;

  const stopReflectors = () => {
    for (const r of reflectors) r.stop();
    reflectors = [];
    // Whatever live changes are queued belong before the next view, never after it.
    batcher.flush();
  };

  const startReflectors = () => {
    reflectors = resources.map((spec) =>
      startReflector({
        client,
        spec,
        emit: (changes) => batcher.push(changes),
        // A reflector retries by itself; the console is where a developer looks for why.
        onError: (message) => console.warn(`kube-playground: ${message}`),
      }),
    );
  };

  let seenEpoch = store.getState().travel.epoch;
  const onTravel = () => {
    const travel = store.getState().travel;
    if (travel.epoch === seenEpoch || stopped || !running) return;
    seenEpoch = travel.epoch;
    const epoch = travel.epoch;
    stopReflectors();
    if (travel.view.mode === 'live') {
      startReflectors();
      return;
    }
    void listAllAt(client, resources, travel.view.revision).then((r) => {
      if (stopped || store.getState().travel.epoch !== epoch) return;
      if (!r.ok) {
        store.getState().travelTo({ type: 'failed', epoch, message: r.message });
        return;
      }
      store.getState().applyChanges(r.changes);
      store.getState().travelTo({ type: 'loaded', epoch });
    });
  };
  const unsubscribe = store.subscribe(onTravel);

  client.started.then(
    () => {
      if (stopped) return;
      store.getState().setConnection({ phase: 'running' });
      running = true;
      seenEpoch = -1;
      onTravel();
    },
    (err: unknown) => {
      if (stopped) return;
      store.getState().setConnection({ phase: 'failed', message: err instanceof Error ? err.message : String(err) });
    },
  );

  return {
    client: viewAwareClient(client, store),
    store,
    stop() {
      stopped = true;
      unsubscribe();
      for (const r of reflectors) r.stop();
      reflectors = [];
      client.close();
    },
  };
}
