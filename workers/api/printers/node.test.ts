import { describe, expect, it } from 'vitest';
import { obj, NOW } from './fixtures';
import { nodePrinter } from './node';

function node(opts: { labels?: Record<string, string>; ready?: string[]; unschedulable?: boolean; info?: Record<string, string>; addresses?: { type: string; address: string }[] }) {
  return obj(
    'v1',
    'Node',
    'node-1',
    {
      spec: opts.unschedulable ? { unschedulable: true } : {},
      status: {
        conditions: [{ type: 'MemoryPressure', status: 'False' }, ...(opts.ready ?? []).map((s) => ({ type: 'Ready', status: s }))],
        nodeInfo: opts.info,
        addresses: opts.addresses,
      },
    },
    { namespace: undefined, labels: opts.labels },
  );
}

const cells = (n: ReturnType<typeof node>) => nodePrinter.row(n, NOW);

describe('node STATUS', () => {
  it.each([
    [{ ready: ['True'] }, 'Ready'],
    [{ ready: ['False'] }, 'NotReady'],
    [{ ready: ['Unknown'] }, 'NotReady'],
    [{}, 'Unknown'],
    [{ ready: ['True'], unschedulable: true }, 'Ready,SchedulingDisabled'],
    [{ unschedulable: true }, 'Unknown,SchedulingDisabled'],
    // The last Ready condition wins, as in upstream's condition map.
    [{ ready: ['False', 'True'] }, 'Ready'],
  ])('%j → %s', (opts, want) => {
    expect(cells(node(opts))[1]).toBe(want);
  });
});

describe('node ROLES', () => {
  it.each([
    [{}, '<none>'],
    [{ 'node-role.kubernetes.io/control-plane': '' }, 'control-plane'],
    [{ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/infra': 'true' }, 'infra,worker'],
    [{ 'kubernetes.io/role': 'master' }, 'master'],
    [{ 'kubernetes.io/role': '' }, '<none>'],
    [{ 'node-role.kubernetes.io/': '' }, '<none>'],
    [{ 'node-role.kubernetes.io/master': '', 'kubernetes.io/role': 'master' }, 'master'],
  ])('%j → %s', (labels, want) => {
    expect(cells(node({ labels }))[2]).toBe(want);
  });
});

describe('node version and wide cells', () => {
  it('prints the kubelet version, addresses and system info', () => {
    const n = node({
      ready: ['True'],
      info: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0', containerRuntimeVersion: 'containerd://1.7.24' },
      addresses: [
        { type: 'Hostname', address: 'node-1' },
        { type: 'InternalIP', address: '172.18.0.2' },
      ],
    });
    expect(cells(n).slice(3)).toEqual(['5m', 'v1.32.0', '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.8.0', 'containerd://1.7.24']);
  });

  it('prints <unknown> system info and an empty version when the kubelet has not reported', () => {
    expect(cells(node({})).slice(4)).toEqual(['', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});
