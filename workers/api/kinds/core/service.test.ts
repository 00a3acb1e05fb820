import { describe, expect, it } from 'vitest';
import { create, obj, update } from './testFixtures';

const svc = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
  obj('Service', { spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } }, { name: 'web', ...meta });

describe('Service defaults', () => {
  it('fills ClusterIP defaults', () => {
    const s = svc({ ports: [{ port: 80, targetPort: 8080 }] });
    expect(create(s)).toEqual([]);
    expect(s.spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('defaults targetPort to port and externally accessible fields for LoadBalancer', () => {
    const s = svc({ type: 'LoadBalancer' });
    expect(create(s)).toEqual([]);
    expect(s.spec).toMatchObject({
      ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      internalTrafficPolicy: 'Cluster',
    });
  });

  it('gives ClientIP affinity its default timeout', () => {
    const s = svc({ sessionAffinity: 'ClientIP' });
    expect(create(s)).toEqual([]);
    expect((s.spec as Record<string, unknown>).sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('makes selectorless headless services dual-stack capable, as upstream does', () => {
    const s = svc({ clusterIP: 'None', selector: undefined });
    expect(create(s)).toEqual([]);
    expect(s.spec).toMatchObject({ clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] });
  });
});

describe('Service validation', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['ports required', { ports: [] }, ['spec.ports: Required value']],
    ['headless needs no ports', { ports: [], clusterIP: 'None' }, []],
    ['ExternalName needs no ports', { ports: [], type: 'ExternalName', externalName: 'db.example.com.' }, []],
    [
      'unknown type',
      { type: 'Public' },
      ['spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ],
    [
      'port ranges, protocol and named targetPort',
      { ports: [{ port: 0, protocol: 'HTTP', targetPort: 'HTTP_PORT' }] },
      [
        'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
        'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain at least one letter (a-z)',
      ],
    ],
    ['named targetPort is fine', { ports: [{ port: 80, targetPort: 'http' }] }, []],
    [
      'names required with several ports',
      { ports: [{ port: 80 }, { name: 'b', port: 81 }] },
      ['spec.ports[0].name: Required value'],
    ],
    [
      'duplicate port',
      { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] },
      [
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ],
    ],
    [
      'nodePort only outside ClusterIP',
      { ports: [{ port: 80, nodePort: 30080 }] },
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
    ['nodePort with NodePort', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, []],
    [
      'headless LoadBalancer',
      { type: 'LoadBalancer', clusterIP: 'None' },
      ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services"],
    ],
    [
      'bad clusterIP',
      { clusterIP: '10.0.0.300' },
      ['spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    ],
    [
      'bad selector value',
      { selector: { app: 'a b' } },
      [
        "spec.selector: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    ],
  ];
  it.each(cases)('%s', (_n, spec, want) => {
    expect(create(svc(spec))).toEqual(want);
  });

  it('names must be DNS-1035 labels', () => {
    expect(create(svc({}, { name: '1web' }))[0]).toMatch(/^metadata\.name: Invalid value: "1web": a DNS-1035 label/);
  });
});

describe('Service update', () => {
  const allocated = () => svc({ clusterIP: '10.96.0.10', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });

  it('keeps allocated values a client left out', () => {
    const errs = update(allocated(), (next) => {
      const spec = next.spec as Record<string, unknown>;
      delete spec.clusterIP;
      delete spec.clusterIPs;
      spec.ports = [{ port: 80 }];
      next.metadata.labels = { x: 'y' };
    });
    expect(errs).toEqual([]);
  });

  it('refuses changing the clusterIP', () => {
    const errs = update(allocated(), (next) => {
      (next.spec as Record<string, unknown>).clusterIP = '10.96.0.11';
      (next.spec as Record<string, unknown>).clusterIPs = ['10.96.0.11'];
    });
    expect(errs).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set']);
  });

  it('drops node ports when switching back to ClusterIP', () => {
    const errs = update(allocated(), (next) => {
      (next.spec as Record<string, unknown>).type = 'ClusterIP';
    });
    expect(errs).toEqual([]);
  });
});
