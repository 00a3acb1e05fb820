import type { FileDescriptor } from './descriptors.mjs';

export type MessageField = [number, string, string] | [number, string, string, string];
export interface BuiltMessages {
  packages: Record<string, Record<string, MessageField[]>>;
  arrays: string[];
  kinds: Record<string, Record<string, string>>;
}
export function buildMessages(files: FileDescriptor[], definitions: Record<string, unknown>, keepPackages: Set<string>): BuiltMessages;
