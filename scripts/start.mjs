#!/usr/bin/env node
// Serves the production build in dist/ on 127.0.0.1 with node:http only:
// static files with correct MIME types, and index.html for client-side routes.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_PORT = 5173;
const HOST = '127.0.0.1';
const DEFAULT_ROOT = fileURLToPath(new URL('../dist/', import.meta.url));

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

export function mimeType(path) {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function fileAt(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** The file under root a URL path names, or null if it escapes root or is malformed. */
function resolveUnder(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

/** Requests for pages (not for assets) get index.html, so client-side routes survive a reload. */
function wantsPage(req, urlPath) {
  return extname(urlPath) === '' || (req.headers.accept ?? '').includes('text/html');
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function createHandler(root) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    let path = resolveUnder(root, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
    if (path === null) {
      send(res, 400, 'Bad Request\n');
      return;
    }
    let info = await fileAt(path);
    if (!info && wantsPage(req, urlPath)) {
      path = join(root, 'index.html');
      info = await fileAt(path);
    }
    if (!info) {
      send(res, 404, 'Not Found\n');
      return;
    }
    // Vite puts content-hashed names under assets/: safe to cache forever. Everything else revalidates.
    const immutable = path.startsWith(join(root, 'assets') + sep);
    res.writeHead(200, {
      'Content-Type': mimeType(path),
      'Content-Length': info.size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

function listen(server, port, host) {
  return new Promise((resolvePromise, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the static server. `port` 0 picks any free port; otherwise, if the
 * port is taken, the next ones are tried (up to `maxTries`).
 * Resolves to { url, port, server, close() }.
 */
export async function startServer({ root = DEFAULT_ROOT, port = DEFAULT_PORT, host = HOST, maxTries = 20 } = {}) {
  const absRoot = resolve(root);
  if (!(await fileAt(join(absRoot, 'index.html')))) {
    throw new Error(`${join(absRoot, 'index.html')} not found: build the app first (npm run build)`);
  }
  const server = createServer(createHandler(absRoot));
  for (let i = 0; ; i++) {
    const tryPort = port === 0 ? 0 : port + i;
    try {
      await listen(server, tryPort, host);
      break;
    } catch (err) {
      if (err?.code !== 'EADDRINUSE' || port === 0 || i + 1 >= maxTries) throw err;
    }
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}/`,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

function portFromEnv(value) {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(value)}`);
  return n;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  try {
    const { url, close } = await startServer({ port: portFromEnv(process.env.PORT) });
    console.log(`Kube Playground is running at ${url}`);
    const shutdown = () => close().then(() => process.exit(0));
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  } catch (err) {
    console.error(`kube-playground: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
