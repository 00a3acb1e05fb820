import { describe, it, expect } from 'vitest';
import { applyPolicy, capForPod, capToPolicy, proportionalLimit } from './capping';
import { vpa } from './testing';

describe('resource policy caps', () => {
  it('raises to minAllowed and lowers to maxAllowed, saying so', () => {
    const rec = { cpu: '5m', memory: '2Gi' };
    const notes = applyPolicy(rec, { containerName: '*', minAllowed: { cpu: '50m' }, maxAllowed: { memory: '1Gi' } });
    expect(rec).toEqual({ cpu: '50m', memory: '1Gi' });
    expect(notes).toEqual(['cpu capped to minAllowed', 'memory capped to maxAllowed']);
    expect(applyPolicy({ cpu: '1' }, undefined)).toEqual([]);
  });

  it('caps target and bounds but keeps the uncapped target', () => {
    const v = vpa('v', { resourcePolicy: { containerPolicies: [{ containerName: 'app', maxAllowed: { cpu: '1' } }] } });
    const out = capToPolicy(v, { containerName: 'app', target: { cpu: '2', memory: '100Mi' }, lowerBound: { cpu: '1500m' }, upperBound: { cpu: '3' } });
    expect(out.target.cpu).toBe('1');
    expect(out.lowerBound!.cpu).toBe('1');
    expect(out.upperBound!.cpu).toBe('1');
    expect(out.uncappedTarget).toEqual({ cpu: '2', memory: '100Mi' });
  });

  it('a container policy wins over `*`', () => {
    const v = vpa('v', { resourcePolicy: { containerPolicies: [{ containerName: '*', maxAllowed: { cpu: '100m' } }, { containerName: 'app', maxAllowed: { cpu: '2' } }] } });
    expect(capToPolicy(v, { containerName: 'app', target: { cpu: '1' } }).target.cpu).toBe('1');
    expect(capToPolicy(v, { containerName: 'side', target: { cpu: '1' } }).target.cpu).toBe('100m');
  });

  it('RequestsOnly keeps requests under the container limit', () => {
    const v = vpa('v', { resourcePolicy: { containerPolicies: [{ containerName: '*', controlledValues: 'RequestsOnly' }] } });
    const { rec, notes } = capForPod(v, { containerName: 'app', target: { cpu: '2', memory: '64Mi' } }, { cpu: '500m' });
    expect(rec.target).toEqual({ cpu: '500m', memory: '64Mi' });
    expect(notes).toEqual(['cpu capped to container limit']);
  });
});

describe('proportional limits', () => {
  it('keeps the limit:request ratio', () => {
    expect(proportionalLimit('cpu', '200m', '100m', '300m')).toBe('600m');
    expect(proportionalLimit('memory', '200Mi', '100Mi', '262144k')).toBe('524288k');
  });

  it('no limit stays no limit; equal limit follows the request; no request takes the request', () => {
    expect(proportionalLimit('cpu', undefined, '100m', '300m')).toBeUndefined();
    expect(proportionalLimit('cpu', '100m', '100m', '300m')).toBe('300m');
    expect(proportionalLimit('cpu', '1', undefined, '300m')).toBe('300m');
    expect(proportionalLimit('cpu', '1', '100m', '0')).toBeUndefined();
  });
});
