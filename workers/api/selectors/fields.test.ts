import { describe, it, expect } from 'vitest';
import {
  escapeFieldValue,
  fieldRequiresExactMatch,
  fieldSelectorString,
  fieldsFor,
  matchFields,
  parseFieldSelector,
  parseFieldSelectorFor,
} from './fields';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'default' },
  spec: { nodeName: 'node-1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default' },
  status: { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }] },
};

function sel(s: string, group = '', kind = 'Pod') {
  const r = parseFieldSelectorFor(s, group, kind);
  if (!r.ok) throw new Error(r.error);
  return r.selector;
}

describe('parseFieldSelector', () => {
  it('parses =, == and != with sorted terms and prints them back', () => {
    const r = parseFieldSelector('status.phase!=Failed,metadata.name==web-1,spec.nodeName=node-1');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.selector.terms.map((t) => t.field)).toEqual(['metadata.name', 'spec.nodeName', 'status.phase']);
      expect(fieldSelectorString(r.selector)).toBe('metadata.name=web-1,spec.nodeName=node-1,status.phase!=Failed');
    }
  });

  it('handles escapes in values', () => {
    const r = parseFieldSelector('metadata.name=a\\,b\\=c\\\\d');
    expect(r.ok && r.selector.terms[0].value).toBe('a,b=c\\d');
    expect(escapeFieldValue('a,b=c\\d')).toBe('a\\,b\\=c\\\\d');
  });

  it('ignores empty terms and accepts the empty selector', () => {
    const r = parseFieldSelector(',metadata.name=x,');
    expect(r.ok && r.selector.terms.length).toBe(1);
    const e = parseFieldSelector('');
    expect(e.ok && e.selector.terms.length).toBe(0);
  });

  const bad: [string, string][] = [
    ['metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ];
  it.each(bad)('rejects %j', (input, err) => {
    expect(parseFieldSelector(input)).toEqual({ ok: false, error: err });
  });
});

describe('per-kind conversion', () => {
  it('accepts the Pod fields and maps spec.host', () => {
    expect(sel('spec.host=node-1').terms[0].field).toBe('spec.nodeName');
    expect(sel('status.podIP=10.244.1.5,spec.hostNetwork=false').terms.length).toBe(2);
  });

  const bad: [string, string, string, string][] = [
    ['spec.foo=bar', '', 'Pod', 'field label not supported: spec.foo'],
    ['metadata.namespace=x', '', 'Node', 'field label not supported: metadata.namespace'],
    ['status.phase=Running', '', 'ConfigMap', '"status.phase" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['status.replicas=0', 'apps', 'ReplicaSet', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['status.succeeded=1', 'batch', 'Job', 'field label "status.succeeded" not supported for batchv1.Job'],
    ['involvedObject.name=x', 'events.k8s.io', 'Event', 'field label not supported: involvedObject.name'],
    ['toString=x', 'events.k8s.io', 'Event', 'field label not supported: toString'],
  ];
  it.each(bad)('%s on %s/%s', (s, group, kind, err) => {
    expect(parseFieldSelectorFor(s, group, kind)).toEqual({ ok: false, error: err });
  });
});

describe('matching objects', () => {
  const cases: [string, boolean][] = [
    ['', true],
    ['metadata.name=web-1', true],
    ['metadata.namespace=kube-system', false],
    ['spec.nodeName=node-1,status.phase=Running', true],
    ['status.phase!=Running', false],
    ['status.podIP=10.244.1.5', true],
    ['spec.hostNetwork=false', true],
    ['status.nominatedNodeName=', true],
    ['spec.nodeName!=', true],
  ];
  it.each(cases)('Pod %j → %s', (s, want) => {
    expect(matchFields(sel(s), fieldsFor('', 'Pod', pod))).toBe(want);
  });

  it('matches core and events.k8s.io Events through the same field set', () => {
    const core = {
      metadata: { name: 'e1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' },
      reason: 'Scheduled',
      type: 'Normal',
      source: { component: 'default-scheduler' },
    };
    expect(matchFields(sel('involvedObject.kind=Pod,reason=Scheduled,source=default-scheduler', '', 'Event'), fieldsFor('', 'Event', core))).toBe(true);
    const v1 = {
      metadata: { name: 'e1', namespace: 'default' },
      regarding: { kind: 'Pod', name: 'web-1' },
      reason: 'Pulled',
      reportingController: 'kubelet',
    };
    const s = sel('regarding.name=web-1,reportingController=kubelet,source=kubelet', 'events.k8s.io', 'Event');
    expect(matchFields(s, fieldsFor('events.k8s.io', 'Event', v1))).toBe(true);
  });

  it('exposes kind-specific fields', () => {
    expect(fieldsFor('', 'Node', { metadata: { name: 'n' }, spec: { unschedulable: true } })['spec.unschedulable']).toBe('true');
    expect(fieldsFor('', 'Secret', { metadata: { name: 's', namespace: 'd' }, type: 'Opaque' }).type).toBe('Opaque');
    expect(fieldsFor('batch', 'Job', { metadata: { name: 'j', namespace: 'd' }, status: { succeeded: 2 } })['status.successful']).toBe('2');
    expect(fieldsFor('', 'Service', { metadata: { name: 's', namespace: 'd' }, spec: { type: 'NodePort' } })['spec.type']).toBe('NodePort');
    expect(fieldsFor('apps', 'Deployment', { metadata: { name: 'd', namespace: 'x' } })).toEqual({ 'metadata.name': 'd', 'metadata.namespace': 'x' });
    expect(fieldsFor('', 'Pod', null)['metadata.name']).toBe('');
  });

  it('finds exact matches on metadata.name', () => {
    expect(fieldRequiresExactMatch(sel('metadata.name=web-1'), 'metadata.name')).toBe('web-1');
    expect(fieldRequiresExactMatch(sel('metadata.name!=web-1'), 'metadata.name')).toBeUndefined();
  });
});
