/**
 * Time travel as the page sees it: either live (reflectors list and watch the
 * present) or viewing the past at one store revision (every mirrored kind is
 * listed at `resourceVersion=R&resourceVersionMatch=Exact`, nothing watched).
 *
 * A pure state machine; the session (`session.ts`) acts on each new `epoch`:
 * a new epoch means "read the cluster again for this view". Results of a read
 * carry the epoch they were started for, so a slow read for a revision the
 * user has already scrubbed past is dropped.
 */

export type ViewMode =
  | { mode: 'live' }
  /** `time`: virtual time of that revision (ms since 1970), for the banner. */
  | { mode: 'past'; revision: number; time: number };

export type TravelStatus =
  | { phase: 'ready' }
  | { phase: 'loading'; revision: number }
  | { phase: 'failed'; message: string };

export interface TravelState {
  view: ViewMode;
  status: TravelStatus;
  /** Bumped whenever the page must read the cluster again (new target, back to live, cluster replaced). */
  epoch: number;
}

export type TravelEvent =
  /** Show the cluster at `revision`; at or beyond `latest` (the live revision) that is simply live. */
  | { type: 'scrub'; revision: number; time: number; latest: number }
  | { type: 'live' }
  /** The read started for `epoch` finished. */
  | { type: 'loaded'; epoch: number }
  | { type: 'failed'; epoch: number; message: string }
  /** The worker swapped in a new cluster (fork, session replay): only live makes sense. */
  | { type: 'replaced' };

export const INITIAL_TRAVEL: TravelState = { view: { mode: 'live' }, status: { phase: 'ready' }, epoch: 0 };

const LIVE: ViewMode = { mode: 'live' };
const READY: TravelStatus = { phase: 'ready' };

function validRevision(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0;
}

/** Returns the same state object when nothing changes, so store subscribers are not woken. */
export function travelReducer(state: TravelState, event: TravelEvent): TravelState {
  switch (event.type) {
    case 'scrub': {
      if (!validRevision(event.revision)) return state;
      if (validRevision(event.latest) && event.revision >= event.latest) return travelReducer(state, { type: 'live' });
      const v = state.view;
      if (v.mode === 'past' && v.revision === event.revision && state.status.phase !== 'failed') return state;
      const time = Number.isFinite(event.time) ? event.time : 0;
      return { view: { mode: 'past', revision: event.revision, time }, status: { phase: 'loading', revision: event.revision }, epoch: state.epoch + 1 };
    }
    case 'live':
      if (state.view.mode === 'live' && state.status.phase === 'ready') return state;
      return { view: LIVE, status: READY, epoch: state.epoch + 1 };
    case 'loaded':
      if (event.epoch !== state.epoch || state.status.phase !== 'loading') return state;
      return { ...state, status: READY };
    case 'failed':
      if (event.epoch !== state.epoch || state.status.phase !== 'loading') return state;
      return { ...state, status: { phase: 'failed', message: event.message } };
    case 'replaced':
      return { view: LIVE, status: READY, epoch: state.epoch + 1 };
  }
}

export function isViewingPast(state: TravelState): boolean {
  return state.view.mode === 'past';
}

/** The list query that reads a kind exactly as it was at `revision`. */
export function exactListQuery(revision: number): Record<string, string> {
  return { resourceVersion: String(revision), resourceVersionMatch: 'Exact' };
}
