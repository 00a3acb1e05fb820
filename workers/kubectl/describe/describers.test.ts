import { describe, expect, it } from 'vitest';
import { describe as describeObject, describeByPrefix, describeSelected } from './index';
import { camelSplit, printUnstructuredContent, smartLabelFor } from './generic';
import { LEVEL_0 } from './prefixWriter';
import { fakeClient } from './testClient';
import type { Json } from './format';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const core = (resource: string, kind: string, namespaced = true) => ({ group: '', version: 'v1', resource, kind, namespaced });
const meta = (name: string, namespace = 'foo', extra: Json = {}) => ({ metadata: { name, namespace, ...extra } });

describe('describers over a fake client', () => {
  it('ServiceAccount: missing secrets are flagged (not found)', async () => {
    const c = fakeClient({ serviceaccounts: [{ ...meta('bar'), secrets: [{ name: 'test-objectref' }], imagePullSecrets: [{ name: 'test-local-ref' }] }], secrets: [], events: [] }, NOW);
    const out = await describeObject(c, { ...core('serviceaccounts', 'ServiceAccount'), namespace: 'foo', name: 'bar' }, { showEvents: true });
    expect(out).toBe(
      'Name:                bar\nNamespace:           foo\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  test-local-ref (not found)\nMountable secrets:   test-objectref (not found)\nTokens:              <none>\nEvents:              <none>\n',
    );
  });

  it('Service: load balancer ingress, node port and ready endpoints from the slices', async () => {
    const svc = {
      ...meta('bar'),
      spec: {
        type: 'LoadBalancer',
        ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 9527, nodePort: 31111 }],
        selector: { blah: 'heh' },
        clusterIP: '1.2.3.4',
        ipFamilies: ['IPv4'],
        loadBalancerIP: '5.6.7.8',
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Local',
        internalTrafficPolicy: 'Cluster',
        healthCheckNodePort: 32222,
      },
      status: { loadBalancer: { ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }] } },
    };
    const slice = {
      ...meta('bar-abcde', 'foo', { labels: { 'kubernetes.io/service-name': 'bar' } }),
      addressType: 'IPv4',
      endpoints: ['10.244.0.1', '10.244.0.2', '10.244.0.3', '10.244.0.4'].map((ip, i) => ({ addresses: [ip], conditions: { ready: i !== 3 } })),
      ports: [{ name: 'port-tcp', port: 9527, protocol: 'TCP' }],
    };
    const c = fakeClient({ services: [svc], endpointslices: [slice], events: [] }, NOW);
    const out = await describeObject(c, { ...core('services', 'Service'), namespace: 'foo', name: 'bar' }, { showEvents: true });
    expect(out).toBe(
      [
        'Name:                     bar',
        'Namespace:                foo',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 blah=heh',
        'Type:                     LoadBalancer',
        'IP Families:              IPv4',
        'IP:                       1.2.3.4',
        'IPs:                      <none>',
        'Desired LoadBalancer IP:  5.6.7.8',
        'LoadBalancer Ingress:     5.6.7.8 (VIP)',
        'Port:                     port-tcp  8080/TCP',
        'TargetPort:               9527/TCP',
        'NodePort:                 port-tcp  31111/TCP',
        // Upstream marks "more" before skipping the not-ready fourth endpoint.
        'Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527 + 0 more...',
        'Session Affinity:         None',
        'External Traffic Policy:  Local',
        'Internal Traffic Policy:  Cluster',
        'HealthCheck NodePort:     32222',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('Pod: a bare object with missing fields still prints every section', async () => {
    const c = fakeClient({ pods: [{ ...meta('p'), spec: { containers: [{ name: 'c' }] } }], events: [] }, NOW);
    const out = await describeObject(c, { ...core('pods', 'Pod'), namespace: 'foo', name: 'p' }, { showEvents: false });
    expect(out).toBe(
      [
        'Name:         p',
        'Namespace:    foo',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       ',
        'IP:           ',
        'IPs:          <none>',
        'Containers:',
        '  c:',
        '    Image:        ',
        '    Port:         <none>',
        '    Host Port:    <none>',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Volumes:          <none>',
        'QoS Class:        BestEffort',
        'Node-Selectors:   <none>',
        'Tolerations:      <none>',
        '',
      ].join('\n'),
    );
  });

  it('Pod: container states, last state, resources and QoS', async () => {
    const pod = {
      ...meta('web', 'foo', { ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1', controller: true, uid: 'u' }] }),
      spec: {
        nodeName: 'n1',
        containers: [
          {
            name: 'app',
            image: 'nginx',
            ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, protocol: 'TCP' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
            livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
            env: [{ name: 'MULTI', value: 'a\nb' }, { name: 'CM', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }],
          },
        ],
      },
      status: {
        phase: 'Running',
        hostIP: '10.0.0.1',
        podIP: '10.244.0.5',
        podIPs: [{ ip: '10.244.0.5' }],
        startTime: '2025-01-01T11:00:00Z',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 4,
            containerID: 'containerd://abc',
            imageID: 'docker.io/library/nginx@sha256:1',
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2025-01-01T11:58:00Z', finishedAt: '2025-01-01T11:58:01Z' } },
          },
        ],
      },
    };
    const c = fakeClient({ pods: [pod], events: [] }, NOW);
    const out = await describeObject(c, { ...core('pods', 'Pod'), namespace: 'foo', name: 'web' }, { showEvents: false });
    expect(out).toContain('Node:         n1/10.0.0.1\nStart Time:   Wed, 01 Jan 2025 11:00:00 +0000\n');
    expect(out).toContain('IPs:\n  IP:           10.244.0.5\nControlled By:  ReplicaSet/web-1\n');
    expect(out).toContain('    Ports:          80/TCP, 443/TCP\n    Host Ports:     0/TCP, 0/TCP\n');
    expect(out).toContain(
      '    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n      Started:      Wed, 01 Jan 2025 11:58:00 +0000\n      Finished:     Wed, 01 Jan 2025 11:58:01 +0000\n    Ready:          False\n    Restart Count:  4\n',
    );
    expect(out).toContain('    Limits:\n      cpu:     100m\n      memory:  64Mi\n    Requests:\n      cpu:     100m\n      memory:  64Mi\n');
    expect(out).toContain('    Liveness:  http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3\n');
    expect(out).toContain("      MULTI:     a\n                 b\n      CM:        <set to the key 'k' of config map 'cfg'>  Optional: false\n");
    expect(out).toContain('QoS Class:       Guaranteed\n');
  });

  it('a missing object throws kubectl error text; a deleted pod with events shows them', async () => {
    const events = [{ ...meta('e1'), involvedObject: { name: 'gone', namespace: 'foo' }, type: 'Normal', reason: 'Killing', message: 'Stopping container c', count: 1, lastTimestamp: '2025-01-01T11:59:00Z', firstTimestamp: '2025-01-01T11:59:00Z', source: { component: 'kubelet' } }];
    const c = fakeClient({ pods: [], events }, NOW);
    await expect(describeObject(c, { ...core('pods', 'Pod'), namespace: 'foo', name: 'nope' }, { showEvents: true })).rejects.toThrow('Error from server (NotFound): pods "nope" not found');
    const out = await describeObject(c, { ...core('pods', 'Pod'), namespace: 'foo', name: 'gone' }, { showEvents: true });
    expect(out).toBe(`Pod 'gone': error 'pods "gone" not found', but found events.\nEvents:\n  Type    Reason   Age   From     Message\n  ----    ------   ----  ----     -------\n  Normal  Killing  60s   kubelet  Stopping container c\n`);
  });

  it('Node: sidecar-aware requests and allocated totals with huge pages', async () => {
    const node = { metadata: { name: 'bar', uid: 'uid' }, spec: { unschedulable: true }, status: { capacity: { cpu: '8', memory: '24Gi', 'hugepages-2Mi': '4Gi', 'hugepages-1Gi': '0' }, allocatable: { cpu: '4', memory: '12Gi', 'hugepages-2Mi': '2Gi', 'hugepages-1Gi': '0' } } };
    const pod = {
      ...meta('pod-with-resources'),
      spec: {
        nodeName: 'bar',
        initContainers: [
          { name: 'init-1', restartPolicy: 'Always', resources: { requests: { cpu: '1', memory: '1Gi' } } },
          { name: 'init-2', resources: { requests: { cpu: '1', memory: '1Gi' } } },
        ],
        containers: [
          { name: 'cpu-mem', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } } },
          { name: 'hugepages', resources: { requests: { 'hugepages-2Mi': '512Mi' }, limits: { 'hugepages-2Mi': '512Mi' } } },
        ],
      },
      status: { phase: 'Running' },
    };
    const lease = { ...meta('bar', 'kube-node-lease'), spec: { holderIdentity: 'holder', renewTime: '2025-01-01T11:59:50.000000Z' } };
    const c = fakeClient({ nodes: [node], pods: [pod], leases: [lease], events: [] }, NOW);
    const out = await describeObject(c, { ...core('nodes', 'Node', false), name: 'bar' }, { showEvents: true });
    expect(out).toContain('Unschedulable:      true\nLease:\n  HolderIdentity:  holder\n  AcquireTime:     <unset>\n  RenewTime:       Wed, 01 Jan 2025 11:59:50 +0000\n');
    expect(out).toContain(
      'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource           Requests     Limits\n  --------           --------     ------\n  cpu                2 (50%)      2 (50%)\n  memory             2Gi (16%)    2Gi (16%)\n  ephemeral-storage  0 (0%)       0 (0%)\n  hugepages-1Gi      0 (0%)       0 (0%)\n  hugepages-2Mi      512Mi (25%)  512Mi (25%)\n',
    );
    expect(out).toContain('  foo                         pod-with-resources    2 (50%)       2 (50%)     2Gi (16%)        2Gi (16%)      <unknown>\n');
  });

  it('selected objects are separated by blank lines; a prefix finds the rest', async () => {
    const cm = (name: string) => ({ ...meta(name), data: { k: 'v' } });
    const c = fakeClient({ configmaps: [cm('app-a'), cm('app-b'), cm('other')], events: [] }, NOW);
    const target = { ...core('configmaps', 'ConfigMap'), namespace: 'foo' };
    const all = await describeSelected(c, target, { showEvents: false });
    expect(all.split('\n\nName:').length).toBe(3);
    const one = 'Name:         app-a\nNamespace:    foo\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nk:\n----\nv\n\n\nBinaryData\n====\n\n';
    expect(all.startsWith(`${one}\n\nName:         app-b`)).toBe(true);
    expect(await describeByPrefix(c, { ...target, name: 'app' }, { showEvents: false })).toBe(`${one}\n${one.replace('app-a', 'app-b')}\n`);
    expect(await describeByPrefix(c, { ...target, name: 'zzz' }, { showEvents: false })).toBeUndefined();
  });

  it('generic describer: smart labels, nested maps and lists, skipped metadata', async () => {
    const obj = { apiVersion: 'v1', kind: 'Test', dummyDummy: 'present', 'dummy/dummy': 'present', 'dummy-dummy@dummy': 'present', 'dummy-dummy': 'present', dummy1: 'present', dummy2: 'present', metadata: { name: 'MyName', namespace: 'MyNamespace', creationTimestamp: '2017-04-01T00:00:00Z', resourceVersion: 123, uid: '00000000-0000-0000-0000-000000000001', dummy3: 'present' }, items: [{ itemBool: true, itemInt: 42 }], url: 'http://localhost', status: 'ok' };
    // A raw writer (no tabwriter), as upstream's TestDescribeUnstructuredContent uses.
    let out = '';
    const raw = { write: (level: number, text: string) => (out += '  '.repeat(level) + text), writeLine: (...p: string[]) => (out += `${p.join(' ')}\n`), flush: () => {} };
    printUnstructuredContent(raw, LEVEL_0, obj, '', new Set(['.dummy1', '.metadata.dummy3']));
    expect(out).toContain(
      'API Version:\tv1\nDummy - Dummy:\tpresent\ndummy-dummy@dummy:\tpresent\ndummy/dummy:\tpresent\ndummy2:\tpresent\nDummy Dummy:\tpresent\nItems:\n  Item Bool:\ttrue\n  Item Int:\t42\nKind:\tTest\nMetadata:\n  Creation Timestamp:\t2017-04-01T00:00:00Z\n  Name:\tMyName\n  Namespace:\tMyNamespace\n  Resource Version:\t123\n  UID:\t00000000-0000-0000-0000-000000000001\nStatus:\tok\nURL:\thttp://localhost\n',
    );
    expect(out).not.toContain('Dummy 1');
    expect(out).not.toContain('dummy3');
    expect(camelSplit('HTTPServerURL')).toEqual(['HTTP', 'Server', 'URL']);
    expect(smartLabelFor('podIP')).toBe('Pod IP');
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('x1')).toBe('x1');
  });
});
