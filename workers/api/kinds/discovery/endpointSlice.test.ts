import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate, updateErrors } from '../apps/helpers/testing';
import { endpointSliceStrategy as s } from './endpointSlice';

const slice = (addressType: string, address = '10.0.0.1') =>
  obj('discovery.k8s.io/v1', 'EndpointSlice', 'web-abc', { addressType, endpoints: [{ addresses: [address] }], ports: [{ port: 80 }] });

describe('EndpointSlice', () => {
  it('defaults port name and protocol', () => {
    expect(prepareCreate(s, slice('IPv4')).ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
    expect(createErrors(s, slice('IPv4'))).toEqual([]);
  });

  it('rejects bad addresses and keeps addressType immutable', () => {
    expect(createErrors(s, slice('IPv4', '300.1.1.1'))).toEqual(['endpoints[0].addresses[0]: Invalid value: "300.1.1.1": must be a valid IPv4 address']);
    const old = prepareCreate(s, slice('IPv4'));
    expect(updateErrors(s, slice('IPv6', '::1'), old)).toEqual(['addressType: Invalid value: "IPv6": field is immutable']);
  });
});
