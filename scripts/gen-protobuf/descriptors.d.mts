export interface FieldDescriptor {
  name: string;
  number: number;
  /** 1 optional, 2 required, 3 repeated */
  label: number;
  /** descriptor.proto FieldDescriptorProto.Type */
  type: number;
  /** fully qualified, without the leading dot */
  typeName: string;
  /** false when gogoproto.nullable = false (a Go value, not a pointer) */
  nullable: boolean;
}
export interface MessageDescriptor {
  name: string;
  fields: FieldDescriptor[];
  mapEntry: boolean;
}
export interface FileDescriptor {
  name: string;
  package: string;
  messages: MessageDescriptor[];
}
export function gzipStreams(bin: Buffer): Generator<Buffer>;
export function wireFields(b: Buffer): [number, number | bigint | Buffer][];
export function parseFileDescriptor(b: Buffer): FileDescriptor | undefined;
