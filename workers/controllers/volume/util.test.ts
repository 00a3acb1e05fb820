import { describe, expect, it } from 'vitest';
import { claimClass, findBestMatchForClaim, findMatchingVolume, volumeFitsNode, volumeSatisfiesClaim, type PV, type PVC } from './util';

const claim = (spec: Record<string, unknown> = {}, annotations?: Record<string, string>): PVC =>
  ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'ns', uid: 'u1', annotations }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } }) as PVC;
const vol = (name: string, spec: Record<string, unknown> = {}, phase = 'Available', labels?: Record<string, string>): PV =>
  ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, labels }, spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, ...spec }, status: { phase } }) as PV;

describe('volume matching', () => {
  it('takes the smallest volume that is big enough', () => {
    const pick = findMatchingVolume(claim(), [vol('a', { capacity: { storage: '5Gi' } }), vol('b', { capacity: { storage: '1024Mi' } }), vol('c', { capacity: { storage: '512Mi' } })], { delayBinding: false });
    expect(pick?.metadata.name).toBe('b');
  });

  it('skips volumes that are not Available, claimed by others, of another mode or class, or being deleted', () => {
    const others = [
      vol('pending', {}, 'Pending'),
      vol('taken', { claimRef: { namespace: 'ns', name: 'other' } }, 'Bound'),
      vol('block', { volumeMode: 'Block' }),
      vol('classy', { storageClassName: 'gold' }),
      { ...vol('going'), metadata: { name: 'going', deletionTimestamp: '2025-01-01T00:00:00Z' } } as PV,
    ];
    expect(findMatchingVolume(claim(), others, { delayBinding: false })).toBeUndefined();
  });

  it('a volume pre-bound to the claim wins even over smaller ones, but not across UIDs', () => {
    const pre = vol('pre', { capacity: { storage: '10Gi' }, claimRef: { namespace: 'ns', name: 'c' } }, 'Available');
    expect(findMatchingVolume(claim(), [vol('small'), pre], { delayBinding: false })?.metadata.name).toBe('pre');
    const stale = vol('stale', { claimRef: { namespace: 'ns', name: 'c', uid: 'old' } });
    expect(findMatchingVolume(claim(), [stale], { delayBinding: false })).toBeUndefined();
  });

  it('leaves delayed-binding claims to the scheduler unless a volume is pre-bound', () => {
    expect(findMatchingVolume(claim(), [vol('a')], { delayBinding: true })).toBeUndefined();
    expect(findMatchingVolume(claim(), [vol('a')], { delayBinding: true, node: { name: 'n', labels: {} } })?.metadata.name).toBe('a');
  });

  it('honours the claim selector and a class in the beta annotation', () => {
    const vols = [vol('gold', {}, 'Available', { tier: 'gold' }), vol('plain')];
    expect(findMatchingVolume(claim({ selector: { matchLabels: { tier: 'gold' } } }), vols, { delayBinding: false })?.metadata.name).toBe('gold');
    const annotated = claim({ storageClassName: 'ignored' }, { 'volume.beta.kubernetes.io/storage-class': 'fast' });
    expect(claimClass(annotated)).toBe('fast');
    expect(findMatchingVolume(annotated, [vol('f', { storageClassName: 'fast' })], { delayBinding: false })?.metadata.name).toBe('f');
  });

  it('groups by access modes: a RWX claim never gets a RWO-only volume', () => {
    expect(findBestMatchForClaim(claim({ accessModes: ['ReadWriteMany'] }), [vol('rwo')], false)).toBeUndefined();
    const best = findBestMatchForClaim(claim({ accessModes: ['ReadWriteMany'] }), [vol('both', { accessModes: ['ReadWriteMany', 'ReadWriteOnce'] }), vol('rwx', { accessModes: ['ReadWriteMany'], capacity: { storage: '3Gi' } })], false);
    expect(best?.metadata.name).toBe('rwx');
  });

  it('checks node affinity against node labels', () => {
    const pinned = vol('p', { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['w1'] }] }] } } });
    expect(volumeFitsNode(pinned, { name: 'w1', labels: { 'kubernetes.io/hostname': 'w1' } })).toBe(true);
    expect(volumeFitsNode(pinned, { name: 'w2', labels: { 'kubernetes.io/hostname': 'w2' } })).toBe(false);
    expect(volumeFitsNode(vol('free'), { name: 'w2', labels: {} })).toBe(true);
  });

  it('explains why a requested volume cannot serve a claim', () => {
    expect(volumeSatisfiesClaim(vol('s', { capacity: { storage: '1Mi' } }), claim())).toBe('requested PV is too small');
    expect(volumeSatisfiesClaim(vol('m', { accessModes: ['ReadOnlyMany'] }), claim())).toBe('incompatible accessMode');
    expect(volumeSatisfiesClaim(vol('b', { volumeMode: 'Block' }), claim())).toBe('incompatible volumeMode');
    expect(volumeSatisfiesClaim(vol('ok'), claim())).toBe('');
  });
});
