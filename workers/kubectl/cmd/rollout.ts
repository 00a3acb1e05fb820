/**
 * `kubectl rollout history|status|undo|restart|pause|resume`. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/rollout and polymorphichelpers
 * (history.go, rollback.go, status.go, objectrestarter.go, objectpauser.go).
 */
import type { Command, Ctx } from '../cli/command';
import { check, KubectlError, responseErrorText } from '../cli/errors';
import { FILENAME_FLAG, SELECTOR_FLAG, PRINT_FLAGS, req, withTypeMeta, dryRunOf, dryRunSuffix, DRY_RUN_FLAG } from '../cli/common';
import { resolveTargets, type Target } from '../cli/targets';
import { kindPrefix, qualifiedResource, resolveType, type ApiResource } from '../discovery/resources';
import { tabulateWith } from '../output/tabwriter';
import { formatRFC3339 } from '../../api/printers/duration';

type Obj = Record<string, unknown> & { metadata: { name: string; namespace?: string; uid?: string; generation?: number; annotations?: Record<string, string> }; spec: Record<string, unknown>; status?: Record<string, unknown> };

const ROLLABLE = new Set(['apps/deployments', 'apps/daemonsets', 'apps/statefulsets']);

async function targetsOf(ctx: Ctx, verb: string): Promise<Target[]> {
  const f = ctx.flags;
  if (f.args.length === 0 && !f.strings('filename').length) throw new KubectlError(`error: required resource not specified\nSee 'kubectl rollout ${verb} -h' for help and examples`);
  const ts = await resolveTargets(ctx, f.args, { selector: f.string('selector'), files: f.strings('filename') });
  if (ts.length === 0) throw new KubectlError(`error: no resources found`);
  return ts;
}

async function fetch(ctx: Ctx, t: Target): Promise<Obj> {
  return withTypeMeta(check(await ctx.client.request(req(t.resource, 'get', { namespace: t.namespace, name: t.name }))).body as Obj, t.resource) as Obj;
}

function groupKind(r: ApiResource): string {
  return r.group ? `${r.kind}.${r.group}` : r.kind;
}

const common = [FILENAME_FLAG, SELECTOR_FLAG, { name: 'recursive', short: 'R', type: 'bool' as const }];

const historyCommand: Command = {
  name: 'history',
  short: 'View rollout history',
  completeArgs: 'type-or-type-slash-name',
  flags: [...common, ...PRINT_FLAGS, { name: 'revision', type: 'int', default: 0 }],
  async run(ctx) {
    const errors: string[] = [];
    for (const t of await targetsOf(ctx, 'history')) {
      const r = t.resource;
      if (!ROLLABLE.has(`${r.group}/${r.resource}`)) {
        errors.push(`error: no history viewer has been implemented for ${JSON.stringify(groupKind(r))}`);
        continue;
      }
      const obj = await fetch(ctx, t);
      const history = await revisionsOf(ctx, r, obj);
      const rev = ctx.flags.int('revision');
      if (rev > 0) {
        const h = history.get(rev);
        if (!h) throw new KubectlError(`error: unable to find the specified revision`);
        ctx.out(`${kindPrefix(r)}/${t.name} with revision #${rev}\n${podTemplateText(h.template)}\n`);
        continue;
      }
      const revs = [...history.keys()].sort((a, b) => a - b);
      if (revs.length === 0) {
        ctx.out(`${kindPrefix(r)}/${t.name} \nNo rollout history found.\n`);
        continue;
      }
      let text = 'REVISION\tCHANGE-CAUSE\n';
      for (const v of revs) text += `${v}\t${history.get(v)!.changeCause || '<none>'}\n`;
      ctx.out(`${kindPrefix(r)}/${t.name} \n${tabulateWith(text, { minWidth: 0, padding: 2 })}\n`);
    }
    if (errors.length) throw new KubectlError(errors.join('\n'));
  },
};

interface Revision {
  template: Record<string, unknown>;
  changeCause?: string;
  object: Record<string, unknown>;
}

/** Revision number → pod template, from ReplicaSets (deployments) or ControllerRevisions. */
async function revisionsOf(ctx: Ctx, r: ApiResource, obj: Obj): Promise<Map<number, Revision>> {
  const d = await ctx.discovery();
  const out = new Map<number, Revision>();
  const owned = (o: Obj) => (((o.metadata as { ownerReferences?: { uid?: string; controller?: boolean }[] }).ownerReferences) ?? []).some((ref) => ref.uid === obj.metadata.uid && ref.controller);
  if (r.resource === 'deployments') {
    const rsRes = resolveType(d, 'replicasets.apps');
    const list = check(await ctx.client.request(req(rsRes, 'list', { namespace: obj.metadata.namespace }))).body as { items: Obj[] };
    for (const rs of list.items.filter(owned)) {
      const v = Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision']);
      if (!Number.isFinite(v) || Number.isNaN(v)) continue;
      out.set(v, { template: (rs.spec.template ?? {}) as Record<string, unknown>, changeCause: rs.metadata.annotations?.['kubernetes.io/change-cause'], object: rs });
    }
    return out;
  }
  const crRes = resolveType(d, 'controllerrevisions.apps');
  const list = check(await ctx.client.request(req(crRes, 'list', { namespace: obj.metadata.namespace }))).body as { items: (Obj & { revision?: number; data?: { spec?: { template?: Record<string, unknown> } } })[] };
  for (const cr of list.items.filter(owned)) {
    out.set(cr.revision ?? 0, { template: cr.data?.spec?.template ?? {}, changeCause: cr.metadata.annotations?.['kubernetes.io/change-cause'], object: cr });
  }
  return out;
}

/** A short pod template summary (describe's DescribePodTemplate, for --revision). */
function podTemplateText(t: Record<string, unknown>): string {
  const meta = (t.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  const spec = (t.spec ?? {}) as { containers?: { name: string; image?: string; ports?: { containerPort: number; protocol?: string }[] }[] };
  const labels = Object.entries(meta.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  let s = 'Pod Template:\n';
  s += `  Labels:\t${labels.length ? labels.map(([k, v], i) => (i ? `\t${k}=${v}` : `${k}=${v}`)).join('\n') : '<none>'}\n`;
  const ann = Object.entries(meta.annotations ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (ann.length) s += `  Annotations:\t${ann.map(([k, v], i) => (i ? `\t${k}: ${v}` : `${k}: ${v}`)).join('\n')}\n`;
  s += '  Containers:\n';
  for (const c of spec.containers ?? []) {
    s += `   ${c.name}:\n    Image:\t${c.image ?? ''}\n`;
    const p = c.ports?.[0];
    s += `    Port:\t${p ? `${p.containerPort}/${p.protocol ?? 'TCP'}` : '<none>'}\n`;
    s += `    Host Port:\t${p ? `0/${p.protocol ?? 'TCP'}` : '<none>'}\n`;
    s += '    Environment:\t<none>\n    Mounts:\t<none>\n';
  }
  s += '  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n';
  return s;
}

/** polymorphichelpers status viewers: the line to print and whether the rollout is done. */
export function rolloutStatus(r: ApiResource, o: Obj, revision = 0): { text: string; done: boolean } {
  const spec = o.spec as { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } };
  const st = (o.status ?? {}) as Record<string, number & string> & { conditions?: { type: string; reason?: string }[] };
  const gen = o.metadata.generation ?? 0;
  const name = o.metadata.name;
  if (r.resource === 'deployments') {
    void revision;
    if (gen <= (st.observedGeneration ?? 0)) {
      const cond = st.conditions?.find((c) => c.type === 'Progressing');
      if (cond?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`error: deployment "${name}" exceeded its progress deadline`);
      const updated = st.updatedReplicas ?? 0;
      if (spec.replicas !== undefined && updated < spec.replicas) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...\n`, done: false };
      if ((st.replicas ?? 0) > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
      if ((st.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
      return { text: `deployment "${name}" successfully rolled out\n`, done: true };
    }
    return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  if (r.resource === 'daemonsets') {
    if (spec.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError('error: rollout status is only available for RollingUpdate strategy type');
    if (gen <= (st.observedGeneration ?? 0)) {
      const desired = st.desiredNumberScheduled ?? 0;
      if ((st.updatedNumberScheduled ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
      if ((st.numberAvailable ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
      return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
    }
    return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  if (r.resource === 'statefulsets') {
    if (spec.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError('error: rollout status is only available for RollingUpdate strategy type');
    if (!st.observedGeneration || gen > st.observedGeneration) return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
    if (spec.replicas !== undefined && (st.readyReplicas ?? 0) < spec.replicas) return { text: `Waiting for ${spec.replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
    const ru = spec.updateStrategy.rollingUpdate;
    if (ru) {
      if (spec.replicas !== undefined && ru.partition !== undefined && (st.updatedReplicas ?? 0) < spec.replicas - ru.partition) {
        return { text: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${spec.replicas - ru.partition} new pods have been updated...\n`, done: false };
      }
      return { text: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
    }
    if (st.updateRevision !== st.currentRevision) return { text: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
    return { text: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
  }
  throw new KubectlError(`error: no status viewer has been implemented for ${groupKind(r)}`);
}

const statusCommand: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  completeArgs: 'type-or-type-slash-name',
  flags: [...common, { name: 'watch', short: 'w', type: 'bool', default: true }, { name: 'revision', type: 'int', default: 0 }, { name: 'timeout', type: 'string', default: '0s' }],
  async run(ctx) {
    const ts = await targetsOf(ctx, 'status');
    if (ts.length > 1) throw new KubectlError(`error: rollout status is only supported on individual resources and resource collections - ${ts.length} resources were found`);
    const t = ts[0];
    const r = t.resource;
    const first = await fetch(ctx, t);
    const s = rolloutStatus(r, first, ctx.flags.int('revision'));
    ctx.out(s.text);
    if (s.done || !ctx.flags.bool('watch')) return;
    let failure: unknown;
    await new Promise<void>((resolve) => {
      let stop: (() => void) | undefined;
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        stop?.();
        resolve();
      };
      ctx.io.signal.addEventListener('abort', finish, { once: true });
      void ctx.client
        .watch(req(r, 'watch', { namespace: t.namespace, query: { fieldSelector: `metadata.name=${t.name}`, resourceVersion: String((first.metadata as { resourceVersion?: string }).resourceVersion ?? '0') } }), (e) => {
          if (finished) return;
          if (e.type === 'DELETED') {
            failure = new KubectlError('error: object has been deleted');
            return finish();
          }
          if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
          try {
            const st = rolloutStatus(r, e.object as Obj, ctx.flags.int('revision'));
            ctx.out(st.text);
            if (st.done) finish();
          } catch (err) {
            failure = err;
            finish();
          }
        })
        .then((h) => {
          if (!('stop' in h)) {
            failure = new KubectlError(responseErrorText(h));
            return finish();
          }
          stop = () => h.stop();
          if (finished) h.stop();
        });
    });
    if (failure) throw failure;
  },
};

async function patchEach(ctx: Ctx, verb: string, build: (t: Target, o: Obj) => { patch?: unknown; contentType?: string; error?: string; skip?: string }, done: string): Promise<void> {
  const dry = dryRunOf(ctx);
  const errors: string[] = [];
  for (const t of await targetsOf(ctx, verb)) {
    const o = await fetch(ctx, t);
    const b = build(t, o);
    if (b.error) {
      errors.push(b.error);
      continue;
    }
    if (b.skip) {
      ctx.out(`${kindPrefix(t.resource)}/${t.name} ${b.skip}\n`);
      continue;
    }
    if (dry !== 'client') {
      const p = await ctx.client.request(req(t.resource, 'patch', { namespace: t.namespace, name: t.name, body: b.patch, contentType: b.contentType ?? 'application/strategic-merge-patch+json', query: { fieldManager: 'kubectl-rollout', ...(dry === 'server' ? { dryRun: 'All' } : {}) } }));
      if (p.status >= 300) {
        errors.push(responseErrorText(p));
        continue;
      }
    }
    ctx.out(`${kindPrefix(t.resource)}/${t.name} ${done}${dryRunSuffix(dry)}\n`);
  }
  if (errors.length) throw new KubectlError(errors.join('\n'));
}

function pausable(t: Target): string | undefined {
  return t.resource.resource === 'deployments' && t.resource.group === 'apps' ? undefined : `error: ${qualifiedResource(t.resource)} ${JSON.stringify(t.name)} pausing is not supported`;
}

const pauseCommand: Command = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  completeArgs: 'type-or-type-slash-name',
  flags: [...common, ...PRINT_FLAGS, { name: 'field-manager', type: 'string', default: 'kubectl-rollout' }],
  run: (ctx) =>
    patchEach(ctx, 'pause', (t, o) => {
      const err = pausable(t);
      if (err) return { error: err };
      if (o.spec.paused === true) return { error: `error: ${qualifiedResource(t.resource)} ${JSON.stringify(t.name)} is already paused` };
      return { patch: { spec: { paused: true } } };
    }, 'paused'),
};

const resumeCommand: Command = {
  name: 'resume',
  short: 'Resume a paused resource',
  completeArgs: 'type-or-type-slash-name',
  flags: [...common, ...PRINT_FLAGS, { name: 'field-manager', type: 'string', default: 'kubectl-rollout' }],
  run: (ctx) =>
    patchEach(ctx, 'resume', (t, o) => {
      const err = pausable(t);
      if (err) return { error: err.replace('pausing', 'resuming') };
      if (o.spec.paused !== true) return { error: `error: ${qualifiedResource(t.resource)} ${JSON.stringify(t.name)} is not paused` };
      return { patch: { spec: { paused: null } } };
    }, 'resumed'),
};

const restartCommand: Command = {
  name: 'restart',
  short: 'Restart a resource',
  completeArgs: 'type-or-type-slash-name',
  flags: [...common, ...PRINT_FLAGS, DRY_RUN_FLAG, { name: 'field-manager', type: 'string', default: 'kubectl-rollout' }],
  run: (ctx) =>
    patchEach(ctx, 'restart', (t, o) => {
      const r = t.resource;
      if (!ROLLABLE.has(`${r.group}/${r.resource}`)) return { error: `error: ${qualifiedResource(r)} ${JSON.stringify(t.name)} restarting is not supported` };
      if (r.resource === 'deployments' && o.spec.paused === true) return { error: `error: can't restart paused deployment (run rollout resume first)` };
      const now = formatRFC3339(ctx.client.now()).replace(/\.\d+Z$/, 'Z');
      const tmpl = (o.spec.template ?? {}) as { metadata?: { annotations?: Record<string, string> } };
      if (tmpl.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] === now) {
        return { error: `error: failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another` };
      }
      return { patch: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': now } } } } } };
    }, 'restarted'),
};

const SKIP_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const undoCommand: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  completeArgs: 'type-or-type-slash-name',
  flags: [...common, ...PRINT_FLAGS, DRY_RUN_FLAG, { name: 'to-revision', type: 'int', default: 0 }],
  async run(ctx) {
    const dry = dryRunOf(ctx);
    const toRevision = ctx.flags.int('to-revision');
    for (const t of await targetsOf(ctx, 'undo')) {
      const r = t.resource;
      if (!ROLLABLE.has(`${r.group}/${r.resource}`)) throw new KubectlError(`error: no rollbacker has been implemented for ${JSON.stringify(groupKind(r))}`);
      const o = await fetch(ctx, t);
      if (r.resource === 'deployments' && o.spec.paused === true) throw new KubectlError(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
      const history = await revisionsOf(ctx, r, o);
      let target: Revision | undefined;
      let chosen = toRevision;
      if (toRevision > 0) {
        target = history.get(toRevision);
        if (!target) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`);
      } else {
        const revs = [...history.keys()].sort((a, b) => b - a);
        if (revs.length < 2) throw new KubectlError(r.resource === 'deployments' ? `error: no rollout history found for deployment ${JSON.stringify(t.name)}` : `error: no last revision to roll back to`);
        chosen = revs[1];
        target = history.get(chosen);
      }
      const template = structuredClone(target!.template) as { metadata?: { labels?: Record<string, string> } };
      const hashKey = r.resource === 'deployments' ? 'pod-template-hash' : 'controller-revision-hash';
      const current = structuredClone(o.spec.template) as { metadata?: { labels?: Record<string, string> } };
      delete template.metadata?.labels?.[hashKey];
      delete current.metadata?.labels?.[hashKey];
      if (JSON.stringify(sortDeep(template)) === JSON.stringify(sortDeep(current))) {
        ctx.out(`${kindPrefix(r)}/${t.name} skipped rollback (current template already matches revision ${chosen})\n`);
        continue;
      }
      const annotations: Record<string, string> = {};
      for (const k of SKIP_ANNOTATIONS) if (o.metadata.annotations?.[k] !== undefined) annotations[k] = o.metadata.annotations[k];
      const srcAnn = ((target!.object.metadata ?? {}) as { annotations?: Record<string, string> }).annotations ?? {};
      for (const [k, v] of Object.entries(srcAnn)) if (!SKIP_ANNOTATIONS.has(k)) annotations[k] = v;
      if (dry !== 'client') {
        const patch =
          r.resource === 'deployments'
            ? [
                { op: 'replace', path: '/spec/template', value: template },
                { op: 'replace', path: '/metadata/annotations', value: annotations },
              ]
            : [{ op: 'replace', path: '/spec/template', value: template }];
        const p = await ctx.client.request(req(r, 'patch', { namespace: t.namespace, name: t.name, body: patch, contentType: 'application/json-patch+json', query: dry === 'server' ? { dryRun: 'All' } : {} }));
        if (p.status >= 300) throw new KubectlError(`error: failed restoring revision ${chosen}: ${statusMessage(p)}`);
      }
      ctx.out(`${kindPrefix(r)}/${t.name} rolled back${dryRunSuffix(dry)}\n`);
    }
  },
};

function statusMessage(r: { body: unknown }): string {
  return ((r.body as { message?: string }) ?? {}).message ?? '';
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortDeep(o[k])]));
  }
  return v;
}

export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  subcommands: [historyCommand, pauseCommand, restartCommand, resumeCommand, statusCommand, undoCommand],
};
