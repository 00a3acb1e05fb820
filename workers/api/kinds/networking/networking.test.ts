import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate } from '../apps/helpers/testing';
import { networkingStrategies } from './index';

const ing = (spec: Record<string, unknown>) => obj('networking.k8s.io/v1', 'Ingress', 'web', { spec });
const backend = { service: { name: 'web', port: { number: 80 } } };

describe('Ingress', () => {
  const s = networkingStrategies.Ingress;
  it('requires pathType and rules or a default backend', () => {
    expect(createErrors(s, ing({ rules: [{ http: { paths: [{ path: '/', backend }] } }] }))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    ]);
    expect(createErrors(s, ing({}))).toEqual(['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']);
  });

  it('checks paths and backends', () => {
    const errs = createErrors(s, ing({ rules: [{ host: '10.0.0.1', http: { paths: [{ path: 'api', pathType: 'Prefix', backend: { service: { name: 'web', port: {} } } }] } }] }));
    expect(errs).toEqual([
      'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
      'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
      'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
    ]);
    expect(prepareCreate(s, ing({ defaultBackend: backend })).status).toEqual({ loadBalancer: {} });
  });
});

describe('NetworkPolicy', () => {
  const s = networkingStrategies.NetworkPolicy;
  it('defaults policyTypes from the rules present', () => {
    expect((prepareCreate(s, obj('networking.k8s.io/v1', 'NetworkPolicy', 'p', { spec: { podSelector: {} } })).spec as Record<string, unknown>).policyTypes).toEqual(['Ingress']);
    const withEgress = prepareCreate(s, obj('networking.k8s.io/v1', 'NetworkPolicy', 'p', { spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } }));
    expect((withEgress.spec as Record<string, unknown>).policyTypes).toEqual(['Ingress', 'Egress']);
    expect(withEgress.spec).toMatchObject({ egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] });
  });

  it('rejects an ipBlock mixed with another peer', () => {
    const np = obj('networking.k8s.io/v1', 'NetworkPolicy', 'p', { spec: { podSelector: {}, ingress: [{ from: [{ podSelector: {}, ipBlock: { cidr: '10.0.0.0/8' } }] }] } });
    expect(createErrors(s, np)).toEqual(['spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer']);
  });
});
