import { describe, expect, it } from 'vitest';
import { obj, NOW } from './fixtures';
import { makePortString, servicePrinter } from './service';

const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => obj('v1', 'Service', 'web', { spec, status });
const row = (s: ReturnType<typeof svc>) => servicePrinter.row(s, NOW);

describe('service PORT(S)', () => {
  it.each([
    [[{ port: 80, protocol: 'TCP' }], '80/TCP'],
    [[{ port: 80, nodePort: 30080, protocol: 'TCP' }], '80:30080/TCP'],
    [
      [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
      ],
      '53/UDP,53/TCP',
    ],
    [[{ port: 443, nodePort: 0, protocol: 'TCP' }], '443/TCP'],
    [[], ''],
    [undefined, ''],
  ])('%j → %s', (ports, want) => {
    expect(makePortString(ports)).toBe(want);
  });
});

describe('service row', () => {
  it('ClusterIP service', () => {
    expect(row(svc({ type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web', tier: 'fe' } }))).toEqual([
      'web',
      'ClusterIP',
      '10.96.0.10',
      '<none>',
      '80/TCP',
      '5m',
      'app=web,tier=fe',
    ]);
  });

  it('headless service without ports or selector', () => {
    expect(row(svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] }))).toEqual(['web', 'ClusterIP', 'None', '<none>', '<none>', '5m', '<none>']);
  });

  it('NodePort with external IPs', () => {
    const cells = row(svc({ type: 'NodePort', clusterIPs: ['10.96.1.1'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }));
    expect(cells.slice(1, 5)).toEqual(['NodePort', '10.96.1.1', '1.2.3.4,5.6.7.8', '80:30080/TCP']);
  });

  it('LoadBalancer: <pending> without ingress, then the sorted, de-duplicated addresses', () => {
    const spec = { type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] };
    expect(row(svc(spec))[3]).toBe('<pending>');
    const lb = { loadBalancer: { ingress: [{ ip: '172.18.0.9' }, { hostname: 'lb.example.com' }, { ip: '172.18.0.9' }] } };
    expect(row(svc(spec, lb))[3]).toBe('172.18.0.9,lb.example.com');
    // The server prints wide, so long addresses are not clipped to 16 characters.
    const long = { loadBalancer: { ingress: [{ hostname: 'a-very-long-load-balancer.example.com' }] } };
    expect(row(svc(spec, long))[3]).toBe('a-very-long-load-balancer.example.com');
    expect(row(svc({ ...spec, externalIPs: ['9.9.9.9'] }, lb))[3]).toBe('172.18.0.9,lb.example.com,9.9.9.9');
  });

  it('ExternalName prints the name and no cluster IP', () => {
    expect(row(svc({ type: 'ExternalName', externalName: 'db.example.com' })).slice(1, 5)).toEqual(['ExternalName', '<none>', 'db.example.com', '<none>']);
  });

  it('an unknown type prints <unknown> external IP', () => {
    expect(row(svc({ type: 'Weird' }))[3]).toBe('<unknown>');
  });
});
