import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/object';
import type { AdmissionRequest } from '../../api/admission/types';
import { vpaAdmissionPlugin } from './admission';
import { admissionControllerPod, context, deploymentChain, pod, vpa } from './testing';
import type { Vpa } from './types';

const rec = [{ containerName: 'app', target: { cpu: '250m', memory: '262144k' }, lowerBound: { cpu: '100m', memory: '262144k' }, upperBound: { cpu: '1', memory: '1Gi' } }];

function admit(p: KubeObject, objects: KubeObject[], extra: Partial<AdmissionRequest> = {}): KubeObject {
  const req: AdmissionRequest = {
    operation: 'CREATE',
    group: '',
    version: 'v1',
    kind: 'Pod',
    resource: 'pods',
    namespace: 'default',
    name: '',
    object: p,
    dryRun: false,
    ctx: context([...objects, admissionControllerPod]),
    rng: { nameSuffix: () => 'abcde' },
    ...extra,
  };
  expect(vpaAdmissionPlugin.mutate!(req)).toEqual({ ok: true });
  return p;
}

const spec = (p: KubeObject) => (p.spec as { containers: { resources?: Record<string, Record<string, string>> }[] }).containers;

describe('VPA admission (the webhook as an admission plugin)', () => {
  it('sets requests to the target, scales limits, annotates', () => {
    const p = admit(pod('web-abc-1', { requests: { cpu: '100m', memory: '100Mi' }, limits: { cpu: '200m' } }), [...deploymentChain(), vpa('web-vpa', {}, rec)]);
    expect(spec(p)[0].resources).toEqual({ requests: { cpu: '250m', memory: '262144k' }, limits: { cpu: '500m' } });
    expect(p.metadata.annotations).toEqual({
      vpaObservedContainers: 'app',
      vpaUpdates: 'Pod resources updated by web-vpa: container 0: cpu request, memory request, cpu limit',
    });
  });

  it('applies the policy caps and notes them first', () => {
    const v = vpa('web-vpa', { resourcePolicy: { containerPolicies: [{ containerName: '*', maxAllowed: { cpu: '200m' }, controlledValues: 'RequestsOnly' }] } }, rec);
    const p = admit(pod('web-abc-1', { requests: { cpu: '100m' } }), [...deploymentChain(), v]);
    expect(spec(p)[0].resources).toEqual({ requests: { cpu: '200m', memory: '262144k' } });
    expect(p.metadata.annotations?.vpaUpdates).toBe('Pod resources updated by web-vpa: container 0: cpu capped to maxAllowed, cpu request, memory request');
  });

  it('leaves alone pods of other controllers, of Off VPAs, and everything while the webhook is down', () => {
    const other = admit(pod('api-abc-1', { requests: { cpu: '100m' } }, { owner: 'api-abc' }), [...deploymentChain(), ...deploymentChain('api'), vpa('web-vpa', {}, rec)]);
    expect(spec(other)[0].resources).toEqual({ requests: { cpu: '100m' } });
    expect(other.metadata.annotations).toBeUndefined();
    const off = admit(pod('web-abc-1', { requests: { cpu: '100m' } }), [...deploymentChain(), vpa('web-vpa', { updatePolicy: { updateMode: 'Off' } }, rec)]);
    expect(spec(off)[0].resources).toEqual({ requests: { cpu: '100m' } });
    const req = { operation: 'CREATE', group: '', version: 'v1', kind: 'Pod', resource: 'pods', namespace: 'default', name: '', dryRun: false, rng: { nameSuffix: () => 'x' } } as const;
    const p = pod('web-abc-1', { requests: { cpu: '100m' } });
    vpaAdmissionPlugin.mutate!({ ...req, object: p, ctx: context([...deploymentChain(), vpa('web-vpa', {}, rec)]) });
    expect(spec(p)[0].resources).toEqual({ requests: { cpu: '100m' } });
  });

  it('ignores updates and other resources', () => {
    const p = pod('web-abc-1', { requests: { cpu: '100m' } });
    admit(p, [...deploymentChain(), vpa('web-vpa', {}, rec)], { operation: 'UPDATE' });
    expect(spec(p)[0].resources).toEqual({ requests: { cpu: '100m' } });
  });

  it('with no recommendation yet, reports the container it gave empty resources (as upstream)', () => {
    const p = admit(pod('web-abc-1', undefined), [...deploymentChain(), vpa('web-vpa')]);
    expect(spec(p)[0].resources).toEqual({});
    expect(p.metadata.annotations?.vpaUpdates).toBe('Pod resources updated by web-vpa: container 0: ');
  });

  it('the oldest of two matching VPAs wins', () => {
    const older: Vpa = { ...vpa('b-older', {}, rec), metadata: { name: 'b-older', namespace: 'default', creationTimestamp: '2024-12-31T00:00:00Z' } };
    const newer = vpa('a-newer', {}, [{ containerName: 'app', target: { cpu: '1' } }]);
    const p = admit(pod('web-abc-1', { requests: { cpu: '100m' } }), [...deploymentChain(), newer, older]);
    expect(spec(p)[0].resources?.requests.cpu).toBe('250m');
  });
});
