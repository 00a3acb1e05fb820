import { describe, it, expect } from 'vitest';
import { parseManifests } from './manifests';
import { asStatus, fieldsOfStatus, kubectlErrorLine, markersForStatus } from './statusMarkers';

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: other
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          imagez: nginx
`;

function parsed() {
  const r = parseManifests(TEXT);
  if (!r.ok) throw new Error('parse failed');
  return r;
}

describe('markersForStatus', () => {
  const { objects, source } = parsed();

  it('puts each 422 cause on the line of its field, with the field and message', () => {
    const status = {
      kind: 'Status',
      code: 422,
      reason: 'Invalid',
      message: 'Deployment.apps "web" is invalid: ...',
      details: {
        causes: [
          { reason: 'FieldValueInvalid', message: 'Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`', field: 'spec.template.metadata.labels' },
          { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[0].image' },
        ],
      },
    };
    const markers = markersForStatus(status, objects[0], source);
    expect(markers.map((m) => [m.range.startLine, m.message])).toEqual([
      [12, 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
      [16, 'spec.template.spec.containers[0].image: Required value'],
    ]);
  });

  it('finds unknown fields and type errors named only in a 400 message', () => {
    const unknown = asStatus({ kind: 'Status', code: 400, reason: 'BadRequest', message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagez"' }, 400);
    expect(markersForStatus(unknown, objects[0], source).map((m) => m.range.startLine)).toEqual([17]);
    const typeErr = { kind: 'Status', message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32' };
    expect(fieldsOfStatus(typeErr)).toEqual([{ field: 'spec.replicas', message: 'spec.replicas: cannot use a string here, expected int32' }]);
    expect(markersForStatus(typeErr, objects[0], source)[0].range.startLine).toBe(6);
  });

  it('puts apply conflicts on the conflicting fields', () => {
    const status = { kind: 'Status', code: 409, reason: 'Conflict', message: 'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas', details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl"', field: '.spec.replicas' }] } };
    expect(markersForStatus(status, objects[0], source)).toMatchObject([{ message: '.spec.replicas: conflict with "kubectl"', range: { startLine: 6 } }]);
  });

  it('puts a Status without fields on the object’s first line', () => {
    const status = { kind: 'Status', code: 404, reason: 'NotFound', message: 'namespaces "shop" not found' };
    expect(markersForStatus(status, objects[0], source)).toMatchObject([{ message: 'namespaces "shop" not found', range: { startLine: 1 } }]);
  });
});

describe('kubectl error lines', () => {
  it('renders like kubectl', () => {
    expect(kubectlErrorLine({ reason: 'NotFound', message: 'deployments.apps "web" not found' })).toBe('Error from server (NotFound): deployments.apps "web" not found');
    expect(kubectlErrorLine({ message: 'boom' })).toBe('Error from server: boom');
  });

  it('makes a Status of a body that is not one', () => {
    expect(asStatus('upstream exploded', 500)).toMatchObject({ code: 500, message: 'upstream exploded' });
    expect(asStatus(null, 503).message).toBe('the server responded with status 503');
  });
});
