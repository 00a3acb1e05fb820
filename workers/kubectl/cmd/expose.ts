/**
 * `kubectl expose`: a Service in front of a deployment, replica set,
 * replication controller, pod or service. Mirrors
 * staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go and the service
 * generator: selector and ports taken from the object unless given.
 */
import type { Command } from '../cli/command';
import { check, KubectlError, responseErrorText } from '../cli/errors';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, dryRunOf, dryRunSuffix, req, withTypeMeta } from '../cli/common';
import { resolveTargets } from '../cli/targets';
import { kindPrefix, resolveType } from '../discovery/resources';
import { parseOutput, ObjectPrinter } from '../output/printObjects';

type Container = { ports?: { containerPort: number; protocol?: string }[] };

export const exposeCommand: Command = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  completeArgs: 'type-then-names',
  flags: [
    { name: 'port', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'overrides', type: 'string' },
    { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
    FILENAME_FLAG,
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
  ],
  async run(ctx) {
    const f = ctx.flags;
    if (f.args.length === 0 && !f.strings('filename').length) throw new KubectlError(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
    const format = parseOutput(f.string('output'), false);
    const dry = dryRunOf(ctx);
    const targets = await resolveTargets(ctx, f.args, { files: f.strings('filename') });
    const d = await ctx.discovery();
    const svcRes = resolveType(d, 'services');
    const printer = format.kind === 'human' ? undefined : new ObjectPrinter(format);
    for (const t of targets) {
      const r = t.resource;
      const kind = r.kind;
      if (!['Deployment', 'ReplicaSet', 'ReplicationController', 'Pod', 'Service'].includes(kind)) throw new KubectlError(`error: cannot expose a ${kind}.${r.group || ''}`.replace(/\.$/, ''));
      const obj = check(await ctx.client.request(req(r, 'get', { namespace: t.namespace, name: t.name }))).body as {
        metadata: { labels?: Record<string, string> };
        spec: { selector?: Record<string, unknown> & { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }; template?: { spec?: { containers?: Container[] } }; containers?: Container[]; ports?: { port: number; protocol?: string; targetPort?: unknown }[] };
      };
      let selector: Record<string, string>;
      if (f.string('selector')) selector = Object.fromEntries(f.string('selector').split(',').map((p) => p.split('=') as [string, string]));
      else if (kind === 'Pod') selector = obj.metadata.labels ?? {};
      else if (kind === 'Service' || kind === 'ReplicationController') selector = (obj.spec.selector ?? {}) as Record<string, string>;
      else {
        if (obj.spec.selector?.matchExpressions?.length) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${kind} has match expressions`);
        selector = obj.spec.selector?.matchLabels ?? {};
      }
      if (Object.keys(selector).length === 0) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${kind} has no selector`);
      let ports: { port: number; protocol: string }[];
      if (f.string('port')) ports = f.string('port').split(',').map((p) => ({ port: Number(p), protocol: f.string('protocol') || 'TCP' }));
      else {
        const containers = kind === 'Pod' ? obj.spec.containers : obj.spec.template?.spec?.containers;
        ports =
          kind === 'Service'
            ? (obj.spec.ports ?? []).map((p) => ({ port: p.port, protocol: f.string('protocol') || p.protocol || 'TCP' }))
            : (containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: f.string('protocol') || p.protocol || 'TCP' })));
        if (ports.length === 0) throw new KubectlError(`error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples`);
      }
      const name = f.string('name') || t.name;
      const labels: Record<string, string> | undefined = f.string('labels') ? Object.fromEntries(f.string('labels').split(',').map((p) => p.split('=') as [string, string])) : obj.metadata.labels;
      const target = f.string('target-port');
      const svcPorts = ports.map((p, i) => {
        const sp: Record<string, unknown> = {};
        if (ports.length > 1) sp.name = `port-${i + 1}`;
        sp.port = p.port;
        sp.protocol = p.protocol;
        sp.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port;
        return sp;
      });
      const meta: Record<string, unknown> = { creationTimestamp: null };
      if (labels && Object.keys(labels).length) meta.labels = labels;
      meta.name = name;
      const spec: Record<string, unknown> = {};
      if (f.string('cluster-ip')) spec.clusterIP = f.string('cluster-ip');
      if (f.string('external-ip')) spec.externalIPs = [f.string('external-ip')];
      spec.ports = svcPorts;
      spec.selector = selector;
      if (f.string('session-affinity')) spec.sessionAffinity = f.string('session-affinity');
      if (f.string('type')) spec.type = f.string('type');
      const svc = { apiVersion: 'v1', kind: 'Service', metadata: meta, spec, status: { loadBalancer: {} } };
      let result: Record<string, unknown> = svc;
      if (dry !== 'client') {
        const res = await ctx.client.request(req(svcRes, 'create', { namespace: t.namespace, body: svc, query: { fieldManager: f.string('field-manager'), ...(dry === 'server' ? { dryRun: 'All' } : {}) } }));
        if (res.status >= 300) throw new KubectlError(responseErrorText(res));
        result = res.body as Record<string, unknown>;
      }
      if (printer) ctx.out(printer.print({ object: withTypeMeta(result, svcRes), kindPrefix: 'service' }));
      else ctx.out(`service/${name} exposed${dryRunSuffix(dry)}\n`);
      void kindPrefix;
    }
  },
};
