export function readZipEntry(buf: Buffer, name: string): Buffer;
