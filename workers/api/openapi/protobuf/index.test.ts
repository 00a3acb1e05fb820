import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ResourceType } from '../../kinds/types';
import { loadDefinitions } from '../definitions';
import { swaggerV2 } from '../swagger-v2';
import type { ProtoMessage, ProtoValue } from './encodeMessage';
import { gnosticDocument } from './gnostic';
import { encodeOpenApiV2, GnosticError } from './index';
import { messageInfo } from './messages';
import { decodeMessage } from './testing/decode';

const rt = (r: Partial<ResourceType> & Pick<ResourceType, 'group' | 'version' | 'kind' | 'plural' | 'namespaced'>): ResourceType => ({ singular: r.kind.toLowerCase(), ...r });
const RESOURCES: ResourceType[] = [
  rt({ group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true, subresources: ['status', 'log', 'eviction', 'binding'] }),
  rt({ group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, subresources: ['status'] }),
  rt({ group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, subresources: ['status', 'scale'] }),
  rt({ group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', namespaced: false }),
];

beforeAll(async () => {
  await loadDefinitions();
});

/** What proto.Marshal keeps of a message: zero scalars outside oneofs and empty lists are not on the wire. */
function onWire(type: string, msg: ProtoMessage): ProtoMessage {
  const info = messageInfo(type);
  const out: ProtoMessage = {};
  for (const f of info.fields) {
    const v = msg[f.name];
    if (v === undefined) continue;
    const one = (x: ProtoValue): ProtoValue => (f.message ? onWire(f.type, x as ProtoMessage) : x);
    if (f.repeated) {
      if ((v as ProtoValue[]).length) out[f.name] = (v as ProtoValue[]).map(one);
    } else if (f.message || f.oneof || (v !== '' && v !== false && v !== 0)) out[f.name] = one(v);
  }
  return out;
}

type Named = { name: string; value: ProtoMessage };

describe('encodeOpenApiV2', () => {
  it('encodes the served swagger document so that it decodes back to what gnostic builds', () => {
    const doc = swaggerV2(RESOURCES);
    const decoded = decodeMessage('openapi.v2.Document', encodeOpenApiV2(doc));
    expect(decoded).toEqual(onWire('openapi.v2.Document', gnosticDocument(doc as never)));

    const defs = (decoded.definitions as { additional_properties: Named[] }).additional_properties;
    const pod = defs.find((d) => d.name === 'io.k8s.api.core.v1.Pod')?.value as { vendor_extension: Named[] };
    expect(pod.vendor_extension).toEqual([{ name: 'x-kubernetes-group-version-kind', value: { yaml: '- group: ""\n  kind: Pod\n  version: v1\n' } }]);
    const paths = (decoded.paths as { path: Named[] }).path;
    const patch = paths.find((p) => p.name === '/apis/apps/v1/namespaces/{namespace}/deployments/{name}')?.value.patch as { parameters: ProtoMessage[]; vendor_extension: Named[] };
    expect(patch.parameters).toContainEqual({
      parameter: { non_body_parameter: { query_parameter_sub_schema: expect.objectContaining({ in: 'query', name: 'fieldValidation', type: 'string', unique_items: true }) } },
    });
    // kubectl reads these with yaml.Unmarshal (kube-openapi pkg/util/proto).
    expect(patch.vendor_extension.map((e) => [e.name, parse((e.value as { yaml: string }).yaml)])).toEqual([
      ['x-kubernetes-action', 'patch'],
      ['x-kubernetes-group-version-kind', { group: 'apps', kind: 'Deployment', version: 'v1' }],
    ]);
  });

  it('encodes once per document object', () => {
    const doc = swaggerV2(RESOURCES);
    const first = encodeOpenApiV2(doc);
    expect(encodeOpenApiV2(doc)).toBe(first);
    const other = encodeOpenApiV2(swaggerV2(RESOURCES.slice(0, 1)));
    expect(other).not.toBe(first);
    expect(other.length).toBeLessThan(first.length);
  });

  it('throws GnosticError for a document gnostic would not parse', () => {
    expect(() => encodeOpenApiV2({ swagger: '2.0' })).toThrow(GnosticError);
  });
});
