import { describe, expect, it } from 'vitest';
import { createErrors, obj, updateErrors } from '../apps/helpers/testing';
import { eventsStrategies } from './index';

const s = eventsStrategies.Event;
const ev = (body: Record<string, unknown>) =>
  obj('events.k8s.io/v1', 'Event', 'web.1', {
    eventTime: '2025-01-01T00:00:00.000000Z',
    reportingController: 'example.com/ctl',
    reportingInstance: 'ctl-1',
    action: 'Scale',
    reason: 'Scaled',
    type: 'Normal',
    regarding: { kind: 'Deployment', namespace: 'default', name: 'web' },
    ...body,
  });

describe('events.k8s.io Event', () => {
  it('accepts a well-formed event and rejects a bad type or missing fields', () => {
    expect(createErrors(s, ev({}))).toEqual([]);
    expect(createErrors(s, ev({ type: 'Info', action: '' }))).toEqual(['action: Required value', 'type: Invalid value: "": has invalid value: Info']);
  });

  it('keeps the reason immutable', () => {
    expect(updateErrors(s, ev({ reason: 'Other' }), ev({}))).toEqual(['reason: Invalid value: "Other": field is immutable']);
  });
});
