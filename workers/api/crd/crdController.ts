/**
 * The CRD controllers that run inside kube-apiserver's apiextensions server,
 * as one component (`apiextensions-controller`) with one queue each:
 * - naming: NamesAccepted and status.acceptedNames
 *   (pkg/controller/status/naming_controller.go);
 * - establishing: Established once the names are accepted
 *   (pkg/controller/establish/establishing_controller.go);
 * - serving: the CRD's versions in the registry once established, so they
 *   are routed and discovered (customresource_handler.go +
 *   customresource_discovery_controller.go);
 * - finalizing: a deleted CRD's custom resources go first, then the
 *   `customresourcecleanup` finalizer (pkg/controller/finalizer/crd_finalizer.go).
 */
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import type { Clock } from '../../clock/clock';
import type { InformerFactory } from '../../client/factory';
import type { Informer } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall } from '../../controllers/context';
import type { Registry } from '../kinds/registry';
import type { ResourceType } from '../kinds/types';
import type { KubeObject } from '../object';
import { conditionEquivalent, findCondition, isConditionTrue, setCondition, type Condition } from './conditions';
import { CUSTOM_RESOURCE_CLEANUP_FINALIZER } from './crdDeletion';
import { buildCustomResourceTypes, isCustomResource, storageVersionOf } from './customResourceType';
import { calculateNamesAndConditions, sameNames } from './names';

export const APIEXTENSIONS_CONTROLLER = 'apiextensions-controller';
const GROUP = 'apiextensions.k8s.io';
const CRDS = { group: GROUP, version: 'v1', resource: 'customresourcedefinitions' };
/** crd_finalizer.go polls the remaining instances every 5 s. */
const INSTANCE_POLL_MS = 5_000;

type CRD = CustomResourceDefinition & KubeObject;

export interface CrdControllerDeps {
  clock: Clock;
  informers: InformerFactory;
  client: ApiCall;
  registry: Registry;
}

export class CustomResourceDefinitionController {
  private readonly crds: Informer<CRD>;
  private readonly naming: WorkQueue;
  private readonly establishing: WorkQueue;
  private readonly serving: WorkQueue;
  private readonly finalizing: WorkQueue;
  /** What each CRD currently serves, and the CRD state it was built from. */
  private readonly served = new Map<string, { fingerprint: string; types: ResourceType[] }>();

  constructor(private readonly deps: CrdControllerDeps) {
    const q = (what: string, sync: (key: string) => SyncResult) => new WorkQueue(deps.clock, sync, { component: APIEXTENSIONS_CONTROLLER, what });
    this.naming = q('check names', (k) => this.syncNames(k));
    this.establishing = q('establish', (k) => this.syncEstablished(k));
    this.serving = q('serve', (k) => this.syncServing(k));
    this.finalizing = q('finalize', (k) => this.syncFinalizer(k));
    this.crds = deps.informers.for<CRD>(CRDS);
    this.crds.addEventHandler({
      add: (crd) => this.enqueue(crd),
      update: (_old, crd) => this.enqueue(crd),
      delete: (crd) => {
        this.naming.add(crd.metadata.name!);
        this.serving.add(crd.metadata.name!);
      },
    });
  }

  private enqueue(crd: CRD): void {
    const name = crd.metadata.name!;
    this.naming.add(name);
    if (isConditionTrue(crd, 'NamesAccepted') && !isConditionTrue(crd, 'Established')) this.establishing.add(name);
    this.serving.add(name);
    if (crd.metadata.deletionTimestamp) this.finalizing.add(name);
  }

  private updateStatus(crd: CRD): { ok: true; crd: CRD } | { ok: false; error: string } {
    const r = this.deps.client({ ...CRDS, verb: 'update', subresource: 'status', name: crd.metadata.name, body: crd });
    if (r.status >= 300) return { ok: false, error: JSON.stringify(r.body) };
    return { ok: true, crd: r.body as CRD };
  }

  private syncNames(name: string): SyncResult {
    const cached = this.crds.get(undefined, name);
    if (!cached) {
      // Its names are free now: CRDs of the same group may take them.
      this.requeueGroup(name);
      return;
    }
    if (sameNames(cached.spec.names, cached.status?.acceptedNames)) return;
    const result = calculateNamesAndConditions(cached, this.crds.list());
    if (sameNames(cached.status?.acceptedNames, result.acceptedNames) && conditionEquivalent(result.namesAccepted, findCondition(cached, 'NamesAccepted') as Condition | undefined)) return;
    const crd = structuredClone(cached);
    crd.status = { ...(crd.status ?? { storedVersions: [] }), acceptedNames: result.acceptedNames };
    const now = this.deps.clock.timestamp();
    setCondition(crd, result.namesAccepted, now);
    setCondition(crd, result.established, now);
    const r = this.updateStatus(crd);
    if (!r.ok) return { error: r.error };
    this.requeueGroup(name);
  }

  /** requeueAllOtherGroupCRDs: the group is what follows the plural in the CRD's name. */
  private requeueGroup(name: string): void {
    const group = name.slice(name.indexOf('.') + 1);
    for (const other of this.crds.list()) {
      if (other.metadata.name !== name && other.spec.group === group) this.naming.add(other.metadata.name!);
    }
  }

  private syncEstablished(name: string): SyncResult {
    const cached = this.crds.get(undefined, name);
    if (!cached || !isConditionTrue(cached, 'NamesAccepted') || isConditionTrue(cached, 'Established')) return;
    const crd = structuredClone(cached);
    setCondition(crd, { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }, this.deps.clock.timestamp());
    const r = this.updateStatus(crd);
    if (!r.ok) return { error: r.error };
  }

  private syncServing(name: string): SyncResult {
    const crd = this.crds.get(undefined, name);
    const current = this.served.get(name);
    // Discovery and the handler serve only established CRDs (customresource_discovery_controller.go).
    if (!crd || !isConditionTrue(crd, 'Established')) {
      if (current) this.unserve(current.types);
      this.served.delete(name);
      return;
    }
    const terminating = isConditionTrue(crd, 'Terminating');
    const fingerprint = JSON.stringify([crd.spec, crd.status?.acceptedNames, terminating]);
    if (current?.fingerprint === fingerprint) return;
    const { registry } = this.deps;
    const types = buildCustomResourceTypes(crd, terminating).filter((rt) => {
      // A built-in resource of the same name always wins, as kube-apiserver answers before apiextensions.
      const existing = registry.lookup(rt.group, rt.version, rt.plural);
      return !existing || isCustomResource(existing);
    });
    if (current) {
      const kept = new Set(types.map((t) => `${t.version}/${t.plural}`));
      this.unserve(current.types.filter((t) => !kept.has(`${t.version}/${t.plural}`)));
    }
    for (const rt of types) registry.add(rt);
    this.served.set(name, { fingerprint, types });
  }

  private unserve(types: ResourceType[]): void {
    for (const rt of types) {
      // Only remove what is still ours (another CRD may have taken the names since).
      if (this.deps.registry.lookup(rt.group, rt.version, rt.plural) === rt) this.deps.registry.remove(rt);
    }
  }

  private syncFinalizer(name: string): SyncResult {
    const cached = this.crds.get(undefined, name);
    if (!cached?.metadata.deletionTimestamp || !(cached.metadata.finalizers ?? []).includes(CUSTOM_RESOURCE_CLEANUP_FINALIZER)) return;
    let crd = structuredClone(cached);
    setCondition(crd, { type: 'Terminating', status: 'True', reason: 'InstanceDeletionInProgress', message: 'CustomResource deletion is in progress' }, this.deps.clock.timestamp());
    const progress = this.updateStatus(crd);
    if (!progress.ok) return { error: progress.error };
    crd = structuredClone(progress.crd);

    if (isConditionTrue(crd, 'Established')) {
      const remaining = this.deleteInstances(crd);
      if ('error' in remaining) {
        setCondition(crd, { type: 'Terminating', status: 'True', reason: 'InstanceDeletionFailed', message: `could not issue all deletes: ${remaining.error}` }, this.deps.clock.timestamp());
        this.updateStatus(crd);
        return { error: remaining.error };
      }
      // Instances with finalizers of their own may take a while; look again later.
      if (remaining.count > 0) return { requeueAfter: INSTANCE_POLL_MS };
      setCondition(crd, { type: 'Terminating', status: 'False', reason: 'InstanceDeletionCompleted', message: 'removed all instances' }, this.deps.clock.timestamp());
    } else {
      setCondition(crd, { type: 'Terminating', status: 'False', reason: 'NeverEstablished', message: 'resource was never established' }, this.deps.clock.timestamp());
    }
    const done = this.updateStatus(crd);
    if (!done.ok) return { error: done.error };
    // Upstream's status update may drop the finalizer; ours keeps metadata, so a plain update does it.
    const last = structuredClone(done.crd);
    last.metadata.finalizers = (last.metadata.finalizers ?? []).filter((f) => f !== CUSTOM_RESOURCE_CLEANUP_FINALIZER);
    if (!last.metadata.finalizers.length) delete last.metadata.finalizers;
    const r = this.deps.client({ ...CRDS, verb: 'update', name, body: last });
    if (r.status >= 300) return { error: JSON.stringify(r.body) };
  }

  /** crd_finalizer.go deleteInstances: a delete-collection per namespace, then how many are left. */
  private deleteInstances(crd: CRD): { count: number } | { error: string } {
    const plural = crd.status?.acceptedNames?.plural;
    const served = crd.spec.versions.filter((v) => v.served).map((v) => v.name);
    const storage = storageVersionOf(crd);
    const version = storage && served.includes(storage) ? storage : served[0];
    if (!plural || !version) return { count: 0 };
    const ref = { group: crd.spec.group, version, resource: plural };
    const list = () => this.deps.client({ ...ref, verb: 'list' });
    const first = list();
    if (first.status === 404) return { count: 0 };
    if (first.status >= 300) return { error: JSON.stringify(first.body) };
    const items = (first.body as { items: KubeObject[] }).items;
    const namespaces = [...new Set(items.map((o) => o.metadata.namespace))];
    const errors: string[] = [];
    for (const namespace of namespaces) {
      const r = this.deps.client({ ...ref, verb: 'deletecollection', namespace });
      if (r.status >= 300) errors.push((r.body as { message?: string }).message ?? JSON.stringify(r.body));
    }
    if (errors.length) return { error: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` };
    const after = list();
    return { count: after.status === 200 ? (after.body as { items: unknown[] }).items.length : 0 };
  }
}
