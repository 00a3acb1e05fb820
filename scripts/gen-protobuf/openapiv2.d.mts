export interface RawField {
  name: string;
  number: number;
  label: number;
  type: number;
  typeName: string;
  /** -1 when the field is in no oneof */
  oneofIndex: number;
  proto3Optional: boolean;
}
export interface RawMessage {
  name: string;
  fields: RawField[];
  oneofs: string[];
}
export interface RawFile {
  name: string;
  package: string;
  dependencies: string[];
  messages: RawMessage[];
}
export type OpenApiV2Row = [number, string, string] | [number, string, string, string];
export function findRawFileDescriptor(bin: Buffer, fileName: string, pkg: string): Buffer | undefined;
export function parseRawFileDescriptor(b: Buffer): RawFile;
export function buildOpenApiV2Messages(files: RawFile[]): Record<string, OpenApiV2Row[]>;
export function renderOpenApiV2Json(header: Record<string, string>, messages: Record<string, OpenApiV2Row[]>): string;
