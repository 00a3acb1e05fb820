import { describe, it, expect } from 'vitest';
import { laneLabel, objectLabel, podLabel, shortName } from './labels';

describe('labels', () => {
  it('names pods the way tests and screen readers find them', () => {
    expect(podLabel('web-7d9f4-abcde', 'Running', true, 'running')).toBe('Pod web-7d9f4-abcde Running');
    expect(podLabel('web-1', 'Running', false, 'notready')).toBe('Pod web-1 Running, not ready');
    expect(podLabel('web-1', '', false, 'pending')).toBe('Pod web-1 Pending');
  });

  it('names objects with their namespace unless default', () => {
    expect(objectLabel('Deployment', 'web', 'default', '3/3 ready')).toBe('Deployment web, 3/3 ready');
    expect(objectLabel('Service', 'db', 'shop', '')).toBe('Service db in shop');
  });

  it('names lanes', () => {
    expect(laneLabel('worker-1', 'Ready', 1, false)).toBe('Node worker-1 Ready, 1 pod');
    expect(laneLabel('Pending', '', 3, true)).toBe('Pending: 3 pods not scheduled');
  });

  it('shortens long names from the middle', () => {
    expect(shortName('web-1')).toBe('web-1');
    const s = shortName('nginx-deployment-7d9f4b8c5d-x7k2q');
    expect(s).toHaveLength(18);
    expect(s.startsWith('nginx-de')).toBe(true);
    expect(s.endsWith('5d-x7k2q')).toBe(true);
  });
});
