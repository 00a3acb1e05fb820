import { describe, expect, it } from 'vitest';
import { configMapPrinter } from './configmap';
import { endpointsPrinter } from './endpoints';
import { endpointSlicePrinter } from './endpointslice';
import { eventPrinter, eventsV1Printer } from './event';
import { ago, H, M, NOW, obj, S } from './fixtures';
import { horizontalPodAutoscalerPrinter } from './hpa';
import { ingressPrinter } from './ingress';
import { ingressClassPrinter } from './ingressclass';
import { leasePrinter } from './lease';
import { namespacePrinter } from './namespace';
import { networkPolicyPrinter } from './networkpolicy';
import { podDisruptionBudgetPrinter } from './pdb';
import { priorityClassPrinter } from './priorityclass';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac';
import { resourceQuotaPrinter } from './resourcequota';
import { secretPrinter } from './secret';
import { serviceAccountPrinter } from './serviceaccount';

describe('hpa TARGETS', () => {
  const hpa = (metrics: unknown[] | undefined, currentMetrics: unknown[] | undefined, extra: Record<string, unknown> = {}) =>
    obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics, ...extra },
      status: { currentReplicas: 3, desiredReplicas: 3, currentMetrics },
    });
  const cpu = (util: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: util } } });

  it.each([
    ['utilization with a current value', [cpu(50)], [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 250, averageValue: '500m' } } }], 'cpu: 250%/50%'],
    ['no metrics reported yet', [cpu(50)], undefined, 'cpu: <unknown>/50%'],
    ['no metrics at all', [], undefined, '<none>'],
    [
      'average value',
      [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }],
      [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '80Mi' } } }],
      'memory: 80Mi/100Mi',
    ],
    [
      'pods metric',
      [{ type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } }],
      undefined,
      '<unknown>/10',
    ],
    [
      'external average value',
      [{ type: 'External', external: { metric: { name: 'q' }, target: { type: 'AverageValue', averageValue: '30' } } }],
      [{ type: 'External', external: { metric: { name: 'q' }, current: { averageValue: '12' } } }],
      '12/30 (avg)',
    ],
    [
      'more than two metrics',
      [cpu(50), cpu(60), cpu(70)],
      undefined,
      'cpu: <unknown>/50%, cpu: <unknown>/60% + 1 more...',
    ],
    ['unknown type', [{ type: 'Bogus' }], undefined, '<unknown type>'],
  ])('%s', (_n, metrics, current, want) => {
    expect(horizontalPodAutoscalerPrinter.row(hpa(metrics, current), NOW)[2]).toBe(want);
  });

  it('reference, min / max pods, replicas', () => {
    expect(horizontalPodAutoscalerPrinter.row(hpa([cpu(80)], undefined), NOW)).toEqual(['web', 'Deployment/web', 'cpu: <unknown>/80%', '1', 10, 3, '5m']);
    expect(horizontalPodAutoscalerPrinter.row(hpa([cpu(80)], undefined, { minReplicas: undefined }), NOW)[3]).toBe('<unset>');
  });

  it('reads autoscaling/v1 objects through the v2 shape', () => {
    const v1 = obj('autoscaling/v1', 'HorizontalPodAutoscaler', 'old', {
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 60 },
      status: { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 12 },
    });
    expect(horizontalPodAutoscalerPrinter.row(v1, NOW).slice(1, 6)).toEqual(['Deployment/web', 'cpu: 12%/60%', '2', 5, 2]);
  });
});

describe('events', () => {
  const core = {
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: 'spec.containers{app}' },
    reason: 'Pulled',
    message: '  Successfully pulled image "nginx"\n',
    source: { component: 'kubelet', host: 'node-1' },
    firstTimestamp: ago(10 * M),
    lastTimestamp: ago(2 * M),
    count: 4,
    type: 'Normal',
  };

  it('core/v1 event cells', () => {
    expect(eventPrinter.row(obj('v1', 'Event', 'web-1.17f', core), NOW)).toEqual([
      '2m',
      'Normal',
      'Pulled',
      'pod/web-1',
      'spec.containers{app}',
      'kubelet, node-1',
      'Successfully pulled image "nginx"',
      '10m',
      4,
      'web-1.17f',
    ]);
  });

  it('new-style event: eventTime, series, reporting controller, singleton count 1', () => {
    const e = {
      involvedObject: { kind: 'Node' },
      reason: 'RegisteredNode',
      message: 'registered',
      eventTime: '2025-01-01T11:59:30.000000Z',
      reportingComponent: 'node-controller',
      type: 'Normal',
    };
    const cells = eventPrinter.row(obj('v1', 'Event', 'n', e), NOW);
    expect([cells[0], cells[3], cells[5], cells[7], cells[8]]).toEqual(['30s', 'node', 'node-controller', '30s', 1]);
    const series = eventPrinter.row(obj('v1', 'Event', 'n', { ...e, series: { count: 7, lastObservedTime: '2025-01-01T11:59:55.500000Z' } }), NOW);
    expect([series[0], series[8]]).toEqual(['4s', 7]);
  });

  it('events.k8s.io/v1 events print the same as their core form', () => {
    const v1 = {
      regarding: core.involvedObject,
      reason: core.reason,
      note: core.message,
      deprecatedSource: core.source,
      deprecatedFirstTimestamp: core.firstTimestamp,
      deprecatedLastTimestamp: core.lastTimestamp,
      deprecatedCount: core.count,
      type: core.type,
      eventTime: null,
    };
    expect(eventsV1Printer.row(obj('events.k8s.io/v1', 'Event', 'web-1.17f', v1), NOW)).toEqual(
      eventPrinter.row(obj('v1', 'Event', 'web-1.17f', core), NOW),
    );
  });

  it('missing times print <unknown>', () => {
    expect(eventPrinter.row(obj('v1', 'Event', 'e', { involvedObject: {} }), NOW).slice(0, 4)).toEqual(['<unknown>', '', '', '']);
  });
});

describe('network objects', () => {
  it('endpoints: ip:port, IPv6 brackets, headless, + N more', () => {
    const ep = (subsets: unknown) => endpointsPrinter.row(obj('v1', 'Endpoints', 'web', { subsets }), NOW)[1];
    expect(ep(undefined)).toBe('<none>');
    expect(ep([{ addresses: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }], ports: [{ port: 80 }] }])).toBe('10.0.0.1:80,[fd00::1]:80');
    expect(ep([{ addresses: [{ ip: '10.0.0.1' }] }])).toBe('10.0.0.1');
    expect(ep([{ addresses: [1, 2, 3, 4].map((i) => ({ ip: `10.0.0.${i}` })), ports: [{ port: 80 }, { port: 443 }] }])).toBe(
      '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 5 more...',
    );
  });

  it('endpointslice: ports, addresses, <unset>', () => {
    const slice = (fields: Record<string, unknown>) => endpointSlicePrinter.row(obj('discovery.k8s.io/v1', 'EndpointSlice', 's', fields), NOW).slice(1, 4);
    expect(slice({ addressType: 'IPv4', ports: [{ port: 80 }, { name: 'metrics' }, {}], endpoints: [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'] }] })).toEqual([
      'IPv4',
      '80,metrics,*',
      '10.0.0.1,10.0.0.2',
    ]);
    expect(slice({ addressType: 'IPv4' })).toEqual(['IPv4', '<unset>', '<unset>']);
    expect(slice({ addressType: 'IPv4', endpoints: [{ addresses: ['a', 'b', 'c', 'd', 'e'] }] })[2]).toBe('a,b,c + 2 more...');
  });

  it('ingress: class, hosts, address, ports', () => {
    const ing = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => ingressPrinter.row(obj('networking.k8s.io/v1', 'Ingress', 'i', { spec, status }), NOW);
    expect(ing({})).toEqual(['i', '<none>', '*', '', '80', '5m']);
    expect(ing({ ingressClassName: 'nginx', rules: [{ host: 'a.example.com' }, {}], tls: [{ hosts: ['a.example.com'] }] }, { loadBalancer: { ingress: [{ ip: '172.18.0.5' }] } })).toEqual([
      'i',
      'nginx',
      'a.example.com',
      '172.18.0.5',
      '80, 443',
      '5m',
    ]);
    expect(ing({ rules: ['a', 'b', 'c', 'd', 'e'].map((h) => ({ host: h })) })[2]).toBe('a,b,c + 2 more...');
  });

  it('ingressclass parameters', () => {
    const ic = (parameters?: Record<string, unknown>) => ingressClassPrinter.row(obj('networking.k8s.io/v1', 'IngressClass', 'nginx', { spec: { controller: 'k8s.io/ingress-nginx', parameters } }), NOW);
    expect(ic()).toEqual(['nginx', 'k8s.io/ingress-nginx', '<none>', '5m']);
    expect(ic({ apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' })[2]).toBe('IngressParameters.k8s.example.com/external-lb');
    expect(ic({ kind: 'ConfigMap', name: 'cfg' })[2]).toBe('ConfigMap/cfg');
  });

  it('networkpolicy pod selector', () => {
    const np = (podSelector: unknown) => networkPolicyPrinter.row(obj('networking.k8s.io/v1', 'NetworkPolicy', 'np', { spec: { podSelector } }), NOW)[1];
    expect(np({})).toBe('<none>');
    expect(np({ matchLabels: { role: 'db' } })).toBe('role=db');
    expect(np({ matchExpressions: [{ key: 'x', operator: 'Exists', values: ['bad'] }] })).toBe('<error>');
  });
});

describe('config, access and policy objects', () => {
  it('configmap DATA counts data and binaryData; secret TYPE and DATA', () => {
    expect(configMapPrinter.row(obj('v1', 'ConfigMap', 'cm', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }), NOW)).toEqual(['cm', 3, '5m']);
    expect(configMapPrinter.row(obj('v1', 'ConfigMap', 'empty'), NOW)).toEqual(['empty', 0, '5m']);
    expect(secretPrinter.row(obj('v1', 'Secret', 's', { type: 'Opaque', data: { u: 'YQ==' } }), NOW)).toEqual(['s', 'Opaque', 1, '5m']);
  });

  it('serviceaccount SECRETS, namespace STATUS, lease HOLDER', () => {
    expect(serviceAccountPrinter.row(obj('v1', 'ServiceAccount', 'default'), NOW)).toEqual(['default', 0, '5m']);
    expect(namespacePrinter.row(obj('v1', 'Namespace', 'dev', { status: { phase: 'Terminating' } }), NOW)).toEqual(['dev', 'Terminating', '5m']);
    expect(leasePrinter.row(obj('coordination.k8s.io/v1', 'Lease', 'node-1', { spec: { holderIdentity: 'node-1' } }), NOW)).toEqual(['node-1', 'node-1', '5m']);
  });

  it('role bindings list users, groups and service accounts', () => {
    const rb = obj('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rb', {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' },
        { kind: 'User', name: 'bob' },
      ],
    });
    expect(roleBindingPrinter.row(rb, NOW)).toEqual(['rb', 'ClusterRole/view', '5m', 'alice, bob', 'devs', 'tools/ci']);
    expect(clusterRoleBindingPrinter.row(obj('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'crb', { roleRef: { kind: 'ClusterRole', name: 'admin' } }), NOW)).toEqual([
      'crb',
      'ClusterRole/admin',
      '5m',
      '',
      '',
      '',
    ]);
  });

  it('pdb: int or percent, N/A when unset', () => {
    const pdb = (spec: Record<string, unknown>) => podDisruptionBudgetPrinter.row(obj('policy/v1', 'PodDisruptionBudget', 'p', { spec, status: { disruptionsAllowed: 1 } }), NOW);
    expect(pdb({ minAvailable: 2 })).toEqual(['p', '2', 'N/A', 1, '5m']);
    expect(pdb({ maxUnavailable: '25%' })).toEqual(['p', 'N/A', '25%', 1, '5m']);
  });

  it('resourcequota: requests and limits, sorted, used defaults to 0', () => {
    const rq = obj('v1', 'ResourceQuota', 'q', {
      status: {
        hard: { 'limits.memory': '2Gi', pods: '10', 'requests.cpu': '1', 'limits.cpu': '2' },
        used: { pods: '3', 'requests.cpu': '500m', 'limits.cpu': '1' },
      },
    });
    expect(resourceQuotaPrinter.row(rq, NOW)).toEqual(['q', 'pods: 3/10, requests.cpu: 500m/1', 'limits.cpu: 1/2, limits.memory: 0/2Gi', '5m']);
    expect(resourceQuotaPrinter.row(obj('v1', 'ResourceQuota', 'empty'), NOW)).toEqual(['empty', '', '', '5m']);
  });

  it('priorityclass value, global default and preemption policy', () => {
    const pc = obj('scheduling.k8s.io/v1', 'PriorityClass', 'high', { value: 1000000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' }, { creationTimestamp: ago(3 * H + 2 * M + S) });
    expect(priorityClassPrinter.row(pc, NOW)).toEqual(['high', 1000000, false, '3h2m', 'PreemptLowerPriority']);
  });
});
