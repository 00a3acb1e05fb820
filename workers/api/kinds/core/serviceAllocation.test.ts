import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../cluster';

const svc = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ port: 80 }], selector: { app: name }, ...spec } });
const create = async (c: Awaited<ReturnType<typeof createCluster>>, body: unknown) => c.request({ verb: 'create', group: '', version: 'v1', resource: 'services', namespace: 'default', body });

describe('Service allocation', () => {
  it('gives a ClusterIP service a free address in the service CIDR, deterministically', async () => {
    const a = await createCluster({ seed: 4 });
    const b = await createCluster({ seed: 4 });
    const ra = (await create(a, svc('web', {}))).body as { spec: { clusterIP: string; clusterIPs: string[] } };
    const rb = (await create(b, svc('web', {}))).body as { spec: { clusterIP: string } };
    expect(ra.spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(ra.spec.clusterIPs).toEqual([ra.spec.clusterIP]);
    expect(rb.spec.clusterIP).toBe(ra.spec.clusterIP);
  });

  it('refuses an address that is taken or out of range, with upstream messages', async () => {
    const c = await createCluster();
    expect((await create(c, svc('a', { clusterIP: '10.96.0.10' }))).status).toBe(201);
    const taken = await create(c, svc('b', { clusterIP: '10.96.0.10' }));
    expect(taken.status).toBe(422);
    expect((taken.body as { message: string }).message).toBe(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    const outside = await create(c, svc('c', { clusterIP: '192.168.1.1' }));
    expect((outside.body as { message: string }).message).toContain('the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
  });

  it('allocates node ports in range and refuses a used one', async () => {
    const c = await createCluster();
    const r = (await create(c, svc('np', { type: 'NodePort' }))).body as { spec: { ports: { nodePort: number }[] } };
    expect(r.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(r.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    const clash = await create(c, svc('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: r.spec.ports[0].nodePort }] }));
    expect((clash.body as { message: string }).message).toBe(
      `Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: ${r.spec.ports[0].nodePort}: provided port is already allocated`,
    );
  });

  it('keeps the address on update and frees it on delete', async () => {
    const c = await createCluster();
    const first = (await create(c, svc('keep', { clusterIP: '10.96.0.20' }))).body as { spec: { clusterIP: string } };
    const put = c.request({ verb: 'update', group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'keep', body: { ...svc('keep', { clusterIP: '' }), metadata: { name: 'keep', namespace: 'default' } } });
    expect((put.body as { spec: { clusterIP: string } }).spec.clusterIP).toBe(first.spec.clusterIP);
    c.request({ verb: 'delete', group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'keep' });
    expect((await create(c, svc('again', { clusterIP: '10.96.0.20' }))).status).toBe(201);
  });
});
