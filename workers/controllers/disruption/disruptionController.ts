/**
 * The disruption controller (pkg/controller/disruption/disruption.go): keeps
 * each PodDisruptionBudget's status — currentHealthy, desiredHealthy,
 * expectedPods, disruptionsAllowed, disruptedPods, observedGeneration and the
 * DisruptionAllowed condition — a pure function of the pods it selects and
 * their controllers' scale. The eviction subresource reads it.
 */
import { CORE } from '../../client/factory';
import type { Informer } from '../../client/informer';
import { keyOf, splitKey } from '../../client/informer';
import { CONTROLLER_REACTION_MS, WorkQueue, type SyncResult } from '../../client/workqueue';
import type { KubeObject } from '../../api/object';
import { jsonEqual } from '../../api/object';
import type { EventRecorder } from '../../client/events';
import { selectorFromLabelSelector, formatLabelSelector } from '../../api/selectors/labels';
import type { ApiCall, ComponentContext } from '../context';
import type { Discovery } from '../discovery';
import { apiError } from '../replicaset/apiError';
import { expectedScale, finders, scaledValue } from './expectedScale';

export const DISRUPTION_CONTROLLER = 'disruption-controller';
/** The event source upstream's disruption controller records as. */
const EVENT_SOURCE = 'controllermanager';
/** How long an evicted pod may take to be deleted before it counts as healthy again. */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

interface Condition {
  type: string;
  status: string;
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface PdbStatus {
  observedGeneration?: number;
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: Condition[];
}

type Pdb = KubeObject & {
  spec?: { selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | null; minAvailable?: number | string; maxUnavailable?: number | string };
  status?: PdbStatus;
};

type Pod = KubeObject & { status?: { conditions?: { type: string; status: string }[] } };

const isPodReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

export class DisruptionController {
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly pods: Informer<Pod>;
  private readonly pdbs: Informer<Pdb>;
  private readonly queue: WorkQueue;
  private readonly find: ReturnType<typeof finders>;

  constructor(
    private readonly ctx: ComponentContext,
    discovery: Discovery,
  ) {
    this.api = ctx.client(DISRUPTION_CONTROLLER);
    this.recorder = ctx.recorder(EVENT_SOURCE);
    this.pods = ctx.informers.for<Pod>(CORE('pods'));
    this.pdbs = ctx.informers.for<Pdb>({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' });
    const apps = (resource: string) => ctx.informers.for({ group: 'apps', version: 'v1', resource });
    this.find = finders(
      { replicaSets: apps('replicasets'), deployments: apps('deployments'), statefulSets: apps('statefulsets'), replicationControllers: ctx.informers.for(CORE('replicationcontrollers')) },
      this.api,
      discovery,
    );
    this.queue = new WorkQueue(ctx.clock, (k) => this.sync(k), { component: DISRUPTION_CONTROLLER, latencyMs: CONTROLLER_REACTION_MS });
    this.pdbs.addEventHandler({
      add: (p) => this.queue.add(keyOf(p)),
      update: (_o, p) => this.queue.add(keyOf(p)),
      delete: (p) => this.queue.add(keyOf(p)),
    });
    this.pods.addEventHandler({
      add: (p) => this.enqueueForPod(p),
      update: (_o, p) => this.enqueueForPod(p),
      delete: (p) => this.enqueueForPod(p),
    });
  }

  /** getPdbForPod: the first matching budget (a pod without labels has none). */
  private enqueueForPod(pod: Pod): void {
    const labels = pod.metadata.labels ?? {};
    if (Object.keys(labels).length === 0) return;
    const matching = this.pdbs.list(pod.metadata.namespace).filter((pdb) => {
      const sel = selectorFromLabelSelector(pdb.spec?.selector ?? null);
      return sel.ok && sel.selector.matches(labels);
    });
    if (matching.length === 0) return;
    if (matching.length > 1) {
      const msg = `Pod "${pod.metadata.namespace}"/"${pod.metadata.name}" matches multiple PodDisruptionBudgets.  Chose "${matching[0].metadata.name}" arbitrarily.`;
      this.recorder.event(pod, 'Warning', 'MultiplePodDisruptionBudgets', msg);
    }
    this.queue.add(keyOf(matching[0]));
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const pdb = this.pdbs.get(namespace, name);
    if (!pdb) return;
    const r = this.trySync(pdb);
    if (!r || 'recheckAfter' in r) return r ? { requeueAfter: r.recheckAfter } : undefined;
    if (r.conflict) return { error: r.error };
    return this.failSafe(pdb, r.error);
  }

  private trySync(pdb: Pdb): undefined | { recheckAfter: number } | { error: string; conflict?: boolean } {
    const sel = selectorFromLabelSelector(pdb.spec?.selector ?? null);
    if (!sel.ok) {
      this.recorder.event(pdb, 'Warning', 'NoPods', `Failed to get pods: ${sel.error}`);
      return { error: sel.error };
    }
    const pods = this.pods.list(pdb.metadata.namespace).filter((p) => sel.selector.matches(p.metadata.labels ?? {}));
    if (pods.length === 0) this.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');

    const exp = this.expectedPodCount(pdb, pods);
    if ('error' in exp) {
      this.recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${exp.error}`);
      return { error: exp.error };
    }
    if (exp.unmanaged.length > 0) {
      this.recorder.event(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${formatLabelSelector(pdb.spec?.selector ?? null)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      );
    }
    const now = this.ctx.clock.now();
    const { disrupted, recheckAt } = this.buildDisruptedPodMap(pods, pdb, now);
    const currentHealthy = countHealthy(pods, disrupted, now);
    const err = this.updateStatus(pdb, currentHealthy, exp.desiredHealthy, exp.expected, disrupted);
    if (err) return err;
    // At least 1 ms: virtual time stands still between tasks, and a pod is only overdue after its deadline.
    if (recheckAt !== undefined) return { recheckAfter: Math.max(1, recheckAt - now) };
    return undefined;
  }

  private expectedPodCount(pdb: Pdb, pods: Pod[]): { expected: number; desiredHealthy: number; unmanaged: string[] } | { error: string } {
    const { maxUnavailable, minAvailable } = pdb.spec ?? {};
    if (maxUnavailable !== undefined && maxUnavailable !== null) {
      const s = expectedScale(pods, this.find);
      if ('error' in s) return s;
      const mu = scaledValue(maxUnavailable, s.expected);
      if (typeof mu !== 'number') return mu;
      return { expected: s.expected, desiredHealthy: Math.max(0, s.expected - mu), unmanaged: s.unmanaged };
    }
    if (typeof minAvailable === 'number') return { expected: pods.length, desiredHealthy: minAvailable, unmanaged: [] };
    if (typeof minAvailable === 'string') {
      const s = expectedScale(pods, this.find);
      if ('error' in s) return s;
      const ma = scaledValue(minAvailable, s.expected);
      if (typeof ma !== 'number') return ma;
      return { expected: s.expected, desiredHealthy: ma, unmanaged: s.unmanaged };
    }
    return { expected: 0, desiredHealthy: 0, unmanaged: [] };
  }

  /** Evicted pods still within DeletionTimeout of their eviction, and when to look again. */
  private buildDisruptedPodMap(pods: Pod[], pdb: Pdb, now: number): { disrupted: Record<string, string>; recheckAt?: number } {
    const recorded = pdb.status?.disruptedPods;
    const disrupted: Record<string, string> = {};
    if (!recorded) return { disrupted };
    let recheckAt: number | undefined;
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      const at = recorded[pod.metadata.name!];
      if (at === undefined) continue;
      const expectedDeletion = Date.parse(at) + DELETION_TIMEOUT_MS;
      if (expectedDeletion < now) {
        this.recorder.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`);
      } else {
        if (recheckAt === undefined || expectedDeletion < recheckAt) recheckAt = expectedDeletion;
        disrupted[pod.metadata.name!] = at;
      }
    }
    return { disrupted, recheckAt };
  }

  private updateStatus(pdb: Pdb, currentHealthy: number, desiredHealthy: number, expectedPods: number, disrupted: Record<string, string>): { error: string; conflict?: boolean } | undefined {
    // No disruptions while the budget matches nothing: its first pods may appear before the next sync.
    let disruptionsAllowed = currentHealthy - desiredHealthy;
    if (expectedPods <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
    const st = pdb.status;
    const generation = pdb.metadata.generation;
    if (
      st &&
      st.currentHealthy === currentHealthy &&
      st.desiredHealthy === desiredHealthy &&
      st.expectedPods === expectedPods &&
      st.disruptionsAllowed === disruptionsAllowed &&
      jsonEqual(st.disruptedPods ?? {}, disrupted) &&
      st.observedGeneration === generation &&
      conditionsUpToDate(st, generation)
    ) {
      return undefined;
    }
    const status: PdbStatus = { observedGeneration: generation, disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods };
    if (Object.keys(disrupted).length > 0) status.disruptedPods = disrupted;
    status.conditions = setCondition(st?.conditions ?? [], disruptionAllowedCondition(disruptionsAllowed, generation), this.ctx.clock.timestamp());
    return this.writeStatus(pdb, status);
  }

  /** failSafe: no disruptions, condition SyncFailed with the error; the sync is retried. */
  private failSafe(pdb: Pdb, error: string): SyncResult {
    const st = pdb.status ?? { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
    const status: PdbStatus = { ...st, disruptionsAllowed: 0 };
    status.conditions = setCondition(
      st.conditions ?? [],
      { type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message: error, observedGeneration: st.observedGeneration },
      this.ctx.clock.timestamp(),
    );
    const w = this.writeStatus(pdb, status);
    return { error: w ? w.error : error };
  }

  private writeStatus(pdb: Pdb, status: PdbStatus): { error: string; conflict?: boolean } | undefined {
    const r = this.api({ verb: 'update', group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespace: pdb.metadata.namespace, name: pdb.metadata.name, subresource: 'status', body: { ...pdb, status } });
    const err = apiError(r);
    return err ? { error: err.message, conflict: err.reason === 'Conflict' } : undefined;
  }
}

function countHealthy(pods: Pod[], disrupted: Record<string, string>, now: number): number {
  let n = 0;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    const at = disrupted[p.metadata.name!];
    if (at !== undefined && Date.parse(at) + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(p)) n++;
  }
  return n;
}

function disruptionAllowedCondition(allowed: number, generation: number | undefined): Omit<Condition, 'lastTransitionTime'> {
  return allowed > 0
    ? { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: generation }
    : { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: generation };
}

/** pdbhelper.ConditionsAreUpToDate. */
function conditionsUpToDate(st: PdbStatus, generation: number | undefined): boolean {
  const c = st.conditions?.find((x) => x.type === 'DisruptionAllowed');
  if (!c || st.observedGeneration !== generation) return false;
  return st.disruptionsAllowed > 0 ? c.status === 'True' && c.reason === 'SufficientPods' : c.status === 'False' && c.reason === 'InsufficientPods';
}

/** apimeta.SetStatusCondition: the transition time moves only when the status changes. */
function setCondition(conds: Condition[], c: Omit<Condition, 'lastTransitionTime'>, now: string): Condition[] {
  const out = conds.map((x) => ({ ...x }));
  const i = out.findIndex((x) => x.type === c.type);
  const lastTransitionTime = i >= 0 && out[i].status === c.status ? out[i].lastTransitionTime : now;
  // metav1.Condition's field order.
  const next: Condition = { type: c.type, status: c.status, observedGeneration: c.observedGeneration, lastTransitionTime, reason: c.reason, message: c.message };
  if (next.observedGeneration === undefined) delete next.observedGeneration;
  if (i < 0) out.push(next);
  else out[i] = next;
  return out;
}

export function startDisruptionController(ctx: ComponentContext, discovery: Discovery): DisruptionController {
  return new DisruptionController(ctx, discovery);
}
