/**
 * `/openapi/v2` as protobuf: the swagger document encoded as gnostic's openapi.v2.Document, the only
 * form kubectl 1.32 asks for (client-go discovery OpenAPISchema(): explain --output=plaintext-openapiv2,
 * client-side validation, the v2 fieldValidation support check).
 */
import { encodeMessage } from './encodeMessage';
import { gnosticDocument } from './gnostic';
import type { JsonValue } from './yamlV3';

export { GnosticError } from './gnostic';
export { negotiateOpenApiV2, OPENAPI_V2_PROTOBUF_CONTENT_TYPE, OPENAPI_V2_PROTOBUF_DEPRECATED, type OpenApiV2Format } from './negotiate';

// The swagger document is cached per registry version, so its identity keys the encoding.
const cache = new WeakMap<object, Uint8Array>();

/** proto.Marshal(openapi_v2.ParseDocument(json)) of a swagger 2.0 document; cached per document object. */
export function encodeOpenApiV2(doc: object): Uint8Array {
  let bytes = cache.get(doc);
  if (!bytes) {
    bytes = encodeMessage('openapi.v2.Document', gnosticDocument(doc as JsonValue));
    cache.set(doc, bytes);
  }
  return bytes;
}
