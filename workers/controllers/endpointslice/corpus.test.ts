/**
 * Corpus manifests (../shared/corpus) whose expected outcome depends on the
 * endpoint and load balancer controllers.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/object';
import { startEndpointsController } from '../endpoints/controller';
import { startServiceLBController } from '../servicelb/controller';
import { startEndpointSliceController } from './controller';
import { clusterWith, create, endpointsIn, endpointsOf, getService, run, runUntil, slicesOf } from './testing';

function corpus(file: string): KubeObject[] {
  const path = new URL(`../../../../shared/corpus/manifests/${file}`, import.meta.url).pathname;
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => !!o);
}

async function cluster() {
  return (await clusterWith(startEndpointSliceController, startEndpointsController, startServiceLBController)).c;
}

describe('corpus', () => {
  it('application-mysql__mysql-services.yaml: no endpoints without app=mysql pods', async () => {
    const c = await cluster();
    for (const o of corpus('application-mysql__mysql-services.yaml')) create(c, o);
    run(c, 30_000);
    for (const name of ['mysql', 'mysql-read']) {
      // One empty placeholder slice each; an Endpoints object without subsets (`<none>`).
      const slices = slicesOf(c, name);
      expect(slices).toHaveLength(1);
      expect(slices[0].endpoints).toBeNull();
      expect(slices[0].ports).toBeNull();
      expect(endpointsOf(c, name)?.subsets).toBeUndefined();
    }
    expect(slicesOf(c, 'mysql')[0].metadata.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(endpointsOf(c, 'mysql-read')?.metadata.labels).toEqual({ app: 'mysql', 'app.kubernetes.io/name': 'mysql', readonly: 'true' });
  });

  it('k8s-examples-web-guestbook-go: the LoadBalancer Service gets an EXTERNAL-IP and the guestbook pods on port 3000', async () => {
    const c = await cluster();
    for (const o of corpus('k8s-examples-web-guestbook-go__guestbook-service.yaml')) create(c, o);
    expect(runUntil(c, () => !!getService(c, 'guestbook')?.status?.loadBalancer?.ingress?.length, 10_000)).toBe(true);
    expect(getService(c, 'guestbook')!.status!.loadBalancer!.ingress).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    for (const o of corpus('k8s-examples-web-guestbook-go__guestbook-controller.yaml')) create(c, o);
    expect(runUntil(c, () => endpointsIn(slicesOf(c, 'guestbook')).filter((e) => e.conditions?.ready).length === 3, 120_000)).toBe(true);
    // targetPort http-server is the container port named so.
    expect(slicesOf(c, 'guestbook')[0].ports).toEqual([{ name: '', protocol: 'TCP', port: 3000 }]);
    expect(endpointsOf(c, 'guestbook')?.subsets?.[0].ports).toEqual([{ port: 3000, protocol: 'TCP' }]);
  });
});
