import { describe, it, expect } from 'vitest';
import { fraction, nodeUsage, percentText, podResources, podUsage, requestsByNode, sameNodeUsage, toneOf, widthPercent } from './usageModel';

const pod = (name: string, node: string | undefined, containers: unknown[], extra: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'default' },
  spec: { nodeName: node, containers, ...extra },
  status: { phase: 'Running' },
});
const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>) => ({ name, image: 'x', resources: { requests, limits } });

describe('pod requests', () => {
  it('sums app containers and takes the larger of them and the biggest init container', () => {
    const p = pod('a', 'n1', [c('a', { cpu: '100m', memory: '64Mi' }), c('b', { cpu: '200m' })], { initContainers: [c('init', { cpu: '500m', memory: '10Mi' })] });
    const r = podResources(p);
    expect(r.cpu).toBeCloseTo(0.5);
    expect(r.memory).toBe(64 * 2 ** 20);
  });
  it('adds sidecars (init containers that restart) to the app containers', () => {
    const side = { ...c('log', { cpu: '50m' }), restartPolicy: 'Always' };
    const r = podResources(pod('a', 'n1', [c('a', { cpu: '100m' })], { initContainers: [side] }));
    expect(r.cpu).toBeCloseTo(0.15);
  });
  it('counts nothing for pods without resources or with garbage', () => {
    expect(podResources(pod('a', 'n1', [c('a')]))).toEqual({ cpu: 0, memory: 0 });
    expect(podResources(null)).toEqual({ cpu: 0, memory: 0 });
    expect(podResources({ spec: { containers: [{ resources: { requests: { cpu: 'lots' } } }] } })).toEqual({ cpu: 0, memory: 0 });
  });
});

describe('node usage', () => {
  const node = { metadata: { name: 'n1' }, status: { allocatable: { cpu: '2', memory: '4Gi' } } };
  const pods = [
    pod('a', 'n1', [c('a', { cpu: '500m', memory: '1Gi' }, { cpu: '1' })]),
    pod('b', 'n1', [c('b', { cpu: '250m' })]),
    pod('c', 'n2', [c('c', { cpu: '1' })]),
    pod('pending', undefined, [c('p', { cpu: '1' })]),
    { ...pod('done', 'n1', [c('d', { cpu: '1' })]), status: { phase: 'Succeeded' } },
  ];
  it('counts requests of the pods bound to the node and not finished', () => {
    const by = requestsByNode(pods);
    expect(by.get('n1')?.pods).toBe(2);
    expect(by.get('n1')?.requests.cpu).toBeCloseTo(0.75);
    expect(by.get('n1')?.limits.cpu).toBeCloseTo(1);
    expect(by.get('n2')?.pods).toBe(1);
    expect(by.has('undefined')).toBe(false);
  });
  it('puts usage, requests and allocatable side by side', () => {
    const u = nodeUsage(node, { metadata: { name: 'n1' }, usage: { cpu: '300000000n', memory: '1024Mi' } }, requestsByNode(pods).get('n1'));
    expect(u.name).toBe('n1');
    expect(u.cpu.allocatable).toBe(2);
    expect(u.cpu.used).toBeCloseTo(0.3);
    expect(u.cpu.requested).toBeCloseTo(0.75);
    expect(fraction(u.cpu.used, u.cpu.allocatable)).toBeCloseTo(0.15);
    expect(fraction(u.memory.used, u.memory.allocatable)).toBeCloseTo(0.25);
  });
  it('leaves usage out without metrics, and copes with a node without allocatable', () => {
    const u = nodeUsage({ metadata: { name: 'x' } }, undefined, undefined);
    expect(u.cpu.used).toBeUndefined();
    expect(u.cpu.allocatable).toBeUndefined();
    expect(u.cpu.requested).toBe(0);
    expect(fraction(u.cpu.requested, u.cpu.allocatable)).toBeUndefined();
  });
});

describe('bar arithmetic', () => {
  it('clamps widths but not the percentages shown', () => {
    expect(widthPercent(1.5)).toBe(100);
    expect(widthPercent(-1)).toBe(0);
    expect(widthPercent(0.4567)).toBe(45.7);
    expect(widthPercent(undefined)).toBe(0);
    expect(percentText(1.5)).toBe('150%');
    expect(percentText(0.001)).toBe('<1%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(undefined)).toBe('—');
    expect(fraction(1, 0)).toBeUndefined();
  });
  it('names high usage so it does not rely on colour alone', () => {
    expect(toneOf(0.5)).toBe('normal');
    expect(toneOf(0.75)).toBe('elevated');
    expect(toneOf(0.95)).toBe('high');
    expect(toneOf(undefined)).toBe('normal');
  });
});

describe('pod usage', () => {
  it('matches PodMetrics containers by name and scales bars to the limit', () => {
    const p = pod('a', 'n1', [c('php', { cpu: '200m' }, { cpu: '500m', memory: '128Mi' }), c('side')]);
    const rows = podUsage(p, { containers: [{ name: 'php', usage: { cpu: '100m', memory: '32Mi' } }] });
    expect(rows.map((r) => r.name)).toEqual(['php', 'side']);
    expect(rows[0].cpu).toMatchObject({ request: 0.2, limit: 0.5, scale: 0.5 });
    expect(rows[0].cpu.used).toBeCloseTo(0.1);
    expect(rows[0].memory.scale).toBe(128 * 2 ** 20);
    expect(rows[1].cpu.used).toBeUndefined();
    expect(rows[1].cpu.scale).toBe(1);
  });
  it('without a limit, scales to the larger of request and usage', () => {
    const rows = podUsage(pod('a', 'n1', [c('php', { cpu: '200m' })]), { containers: [{ name: 'php', usage: { cpu: '600m' } }] });
    expect(rows[0].cpu.scale).toBeCloseTo(0.6);
    expect(podUsage({}, undefined)).toEqual([]);
  });
});

describe('sameNodeUsage', () => {
  const bar = (resource: 'cpu' | 'memory', used?: number) => ({ resource, allocatable: 4, used, requested: 1, limits: 2 });
  const usage = (cpuUsed?: number) => ({ name: 'n1', cpu: bar('cpu', cpuUsed), memory: bar('memory', 5), pods: 3 });
  it('is true for equal numbers in fresh objects and false when any number differs', () => {
    expect(sameNodeUsage(usage(1), usage(1))).toBe(true);
    expect(sameNodeUsage(usage(1), usage(2))).toBe(false);
    expect(sameNodeUsage(usage(undefined), usage(0))).toBe(false);
    expect(sameNodeUsage(usage(1), { ...usage(1), pods: 4 })).toBe(false);
    expect(sameNodeUsage(usage(1), { ...usage(1), name: 'n2' })).toBe(false);
  });
});
