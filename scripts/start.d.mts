import type { Server } from 'node:http';

export const DEFAULT_PORT: number;
export const MIME_TYPES: Record<string, string>;
export function mimeType(path: string): string;

export interface StartServerOptions {
  /** Directory to serve; defaults to the repository's dist/. */
  root?: string;
  /** 0 picks any free port; otherwise the next ports are tried while busy. Default 5173. */
  port?: number;
  host?: string;
  maxTries?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  /** `http://127.0.0.1:PORT/` */
  url: string;
  close(): Promise<void>;
}

export function startServer(options?: StartServerOptions): Promise<RunningServer>;
