import { describe, expect, it } from 'vitest';
import { negotiateOpenApiV2 } from './negotiate';

describe('negotiateOpenApiV2 (kube-openapi handler)', () => {
  it('serves protobuf for the media type kubectl 1.32 sends and for the current one', () => {
    expect(negotiateOpenApiV2('application/com.github.proto-openapi.spec.v2@v1.0+protobuf')).toBe('protobuf');
    expect(negotiateOpenApiV2('application/com.github.proto-openapi.spec.v2.v1.0+protobuf')).toBe('protobuf');
    expect(negotiateOpenApiV2('application/json;q=0.5, application/com.github.proto-openapi.spec.v2@v1.0+protobuf')).toBe('protobuf');
  });

  it('serves JSON for JSON, wildcards and no Accept at all', () => {
    expect(negotiateOpenApiV2(undefined)).toBe('json');
    expect(negotiateOpenApiV2('')).toBe('json');
    expect(negotiateOpenApiV2('*/*')).toBe('json');
    expect(negotiateOpenApiV2('*')).toBe('json');
    expect(negotiateOpenApiV2('application/*')).toBe('json');
    expect(negotiateOpenApiV2('application/json, application/com.github.proto-openapi.spec.v2@v1.0+protobuf')).toBe('json');
    // A specific type beats a wildcard of the same quality.
    expect(negotiateOpenApiV2('*/*, application/com.github.proto-openapi.spec.v2.v1.0+protobuf')).toBe('protobuf');
  });

  it('refuses what it cannot serve', () => {
    expect(negotiateOpenApiV2('application/yaml')).toBeUndefined();
    expect(negotiateOpenApiV2('text/*')).toBeUndefined();
    expect(negotiateOpenApiV2('application/vnd.kubernetes.protobuf')).toBeUndefined();
    expect(negotiateOpenApiV2('garbage/a/b')).toBeUndefined();
  });
});
