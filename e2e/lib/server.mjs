// A small static file server that behaves like GitHub Pages, for the end-to-end tests.
//
//   - Only files under `basePath` are served; everything else is a 404.
//   - `/dir/` serves `dir/index.html`; `/dir` (a directory without the slash)
//     is redirected (301) to `/dir/`, keeping the query.
//   - Unknown paths get status 404 with the body of `root/404.html` when it
//     exists (the release build copies index.html there so deep links boot the app).
//   - Path traversal (`..`, also percent-encoded) never leaves `root`.
//
// No dependencies beyond node:*. Also a command:
//   node e2e/lib/server.mjs [root=dist] [basePath=/] [port=8081]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types by file extension (lowercase, with the dot). */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** The content type of a file name. */
export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `/x/y` → `/x/y/`; `''` → `/`. */
function normaliseBase(basePath) {
  let b = String(basePath || '/');
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

/**
 * Starts the server. Resolves to `{ origin, baseUrl, port, close() }`, where
 * `baseUrl` is `origin + basePath` (ending in `/`).
 */
export async function startServer({ root = 'dist', basePath = '/', port = 0, host = '127.0.0.1' } = {}) {
  const rootDir = path.resolve(root);
  const base = normaliseBase(basePath);

  async function notFound(req, res) {
    let body;
    let type = 'text/html; charset=utf-8';
    try {
      body = await readFile(path.join(rootDir, '404.html'));
    } catch {
      body = Buffer.from('404 Not Found\n');
      type = 'text/plain; charset=utf-8';
    }
    send(req, res, 404, { 'Content-Type': type }, body);
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('405 Method Not Allowed\n'));
      return;
    }
    // The path only: the query and fragment never select a file.
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0];
    const query = (req.url ?? '').match(/\?[^#]*/)?.[0] ?? '';
    let decoded;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      return notFound(req, res); // malformed percent-encoding
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return notFound(req, res);
    // Refuse any `..` or `.` segment outright (raw or encoded): real sites never need them.
    const segments = decoded.split('/');
    if (segments.some((s) => s === '..' || s === '.')) return notFound(req, res);

    // The directory form of the base itself, without its slash: /mission-pages → /mission-pages/
    if (base !== '/' && decoded === base.slice(0, -1)) {
      return redirect(req, res, `${base}${query}`);
    }
    if (!decoded.startsWith(base)) return notFound(req, res);

    const relative = decoded.slice(base.length);
    const file = path.resolve(rootDir, relative);
    // Belt and braces: the resolved file must be inside root.
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return notFound(req, res);

    let info;
    try {
      info = await stat(file);
    } catch {
      return notFound(req, res);
    }
    let target = file;
    if (info.isDirectory()) {
      // Like nginx (and GitHub Pages), the redirect keeps the query.
      if (!decoded.endsWith('/')) return redirect(req, res, `${rawPath}/${query}`);
      target = path.join(file, 'index.html');
      try {
        if (!(await stat(target)).isFile()) return notFound(req, res);
      } catch {
        return notFound(req, res);
      }
    } else if (!info.isFile()) {
      return notFound(req, res);
    } else if (decoded.endsWith('/')) {
      // `file.html/` is not a file.
      return notFound(req, res);
    }
    let body;
    try {
      body = await readFile(target);
    } catch {
      return notFound(req, res);
    }
    send(req, res, 200, { 'Content-Type': contentType(target), 'Cache-Control': 'no-cache' }, body);
  }

  function redirect(req, res, location) {
    send(req, res, 301, { Location: location, 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from(`301 Moved Permanently: ${location}\n`));
  }

  function send(req, res, status, headers, body) {
    res.writeHead(status, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`500 ${err?.message ?? err}\n`);
    });
  });
  // Keep-alive sockets would make close() wait; track and destroy them.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address();
  const origin = `http://${host}:${actualPort}`;
  return {
    origin,
    baseUrl: origin + base,
    basePath: base,
    port: actualPort,
    close() {
      return new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
    },
  };
}

// Command line: node e2e/lib/server.mjs [root] [basePath] [port]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'dist', basePath = '/', port = '8081'] = process.argv.slice(2);
  const server = await startServer({ root, basePath, port: Number(port) });
  console.log(`Serving ${path.resolve(root)} at ${server.baseUrl}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
