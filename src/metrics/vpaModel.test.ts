import { describe, it, expect } from 'vitest';
import { bandText, vpaMode, vpaRows } from './vpaModel';

describe('vpa recommendations', () => {
  const vpa = {
    spec: { updatePolicy: { updateMode: 'Off' } },
    status: {
      recommendation: {
        containerRecommendations: [
          { containerName: 'php', lowerBound: { cpu: '100m', memory: '128Mi' }, target: { cpu: '250m', memory: '256Mi' }, upperBound: { cpu: '1', memory: '1Gi' }, uncappedTarget: { cpu: '250m' } },
        ],
      },
    },
  };
  it('reads lower, target and upper per container', () => {
    const rows = vpaRows(vpa);
    expect(rows).toHaveLength(1);
    expect(rows[0].container).toBe('php');
    expect(rows[0].cpu.target).toBeCloseTo(0.25);
    expect(bandText(rows[0].cpu, 'cpu')).toEqual({ lower: '100m', target: '250m', upper: '1000m' });
    expect(bandText(rows[0].memory, 'memory')).toEqual({ lower: '128Mi', target: '256Mi', upper: '1024Mi' });
    expect(vpaMode(vpa)).toBe('Off');
  });
  it('is empty before a recommendation, and defaults the mode to Auto', () => {
    expect(vpaRows({ status: {} })).toEqual([]);
    expect(vpaRows(null)).toEqual([]);
    expect(vpaMode({})).toBe('Auto');
    expect(bandText({}, 'cpu')).toEqual({ lower: '—', target: '—', upper: '—' });
  });
});
