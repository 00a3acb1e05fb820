export { decodeKubernetesProtobuf, protobufDecodeFailureMessage, PROTOBUF_CONTENT_TYPE } from './decode';
export type { KindDefaults, ProtobufDecodeResult } from './decode';
