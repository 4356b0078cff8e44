// A static file server that behaves like GitHub Pages and compresses like a
// real static host, for the benchmark (e2e/lib/server.mjs is the tests' plain one).
//
//   - Only files under `basePath` are served; `/dir/` serves `dir/index.html`,
//     `/dir` is redirected (301) to `/dir/` keeping the query, anything else is
//     a 404 with the body of `404.html`.
//   - Text, JSON, SVG and WebAssembly go out as brotli when the request's
//     Accept-Encoding allows `br`, else gzip when it allows `gzip`, else as they
//     are, with `Vary: Accept-Encoding`. Every file is read and compressed once,
//     at start (brotli 11 and gzip 9, as scripts/sizes.mjs reports them), and
//     kept in memory, so no request waits for a compressor.
//   - Names carrying a content hash are cached for a year; the rest are `no-cache`.
//
// node:* only. Also a command: node scripts/bench/server.mjs [root=dist] [basePath=/] [port=8082]

import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';

import { HASHED_NAME } from '../manifest.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.txt', '.xml', '.svg', '.wasm']);

export const cacheControl = (name) => (HASHED_NAME.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache');

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Every file under `dir`, as paths relative to it with `/` separators. */
async function walk(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await walk(path.join(dir, entry.name), `${rel}/`)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** The file as it can be sent: raw, and for compressible types gzip and brotli. */
async function load(root, rel) {
  const raw = await readFile(path.join(root, rel));
  const ext = path.extname(rel).toLowerCase();
  const file = { raw, type: TYPES[ext] ?? 'application/octet-stream', cache: cacheControl(rel), vary: COMPRESSIBLE.has(ext) };
  if (file.vary) {
    const [br, gz] = await Promise.all([
      brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      gzipAsync(raw, { level: 9 }),
    ]);
    // Like hosts' minimum sizes: a file too small to gain is sent as it is.
    if (br.length < raw.length) file.br = br;
    if (gz.length < raw.length) file.gzip = gz;
  }
  return file;
}

/** The codings an Accept-Encoding header allows (q > 0), `*` standing for any other. */
function accepted(header = '') {
  const q = new Map();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(coding, qParam ? Number(qParam.slice(2)) : 1);
  }
  return (coding) => (q.has(coding) ? q.get(coding) > 0 : (q.get('*') ?? 0) > 0);
}

/**
 * Starts the server on `root` (every file loaded and compressed first).
 * Resolves to `{ origin, baseUrl, files, close() }`: `baseUrl` is origin + basePath,
 * `files` maps each file's path to its bytes `{ raw, gzip?, br? }` (the benchmark counts them).
 */
export async function startServer({ root = 'dist', basePath = '/', port = 0, host = '127.0.0.1' } = {}) {
  const base = `/${basePath}/`.replace(/\/+/g, '/');
  const names = await walk(root);
  const files = new Map(await Promise.all(names.map(async (rel) => [rel, await load(root, rel)])));
  const dirs = new Set(names.flatMap((rel) => rel.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  dirs.add('');

  function send(req, res, status, file, extra = {}) {
    const allows = accepted(req.headers['accept-encoding']);
    const [coding, body] = file.br && allows('br') ? ['br', file.br] : file.gzip && allows('gzip') ? ['gzip', file.gzip] : [null, file.raw];
    const headers = { 'Content-Type': file.type, 'Content-Length': body.length, 'Cache-Control': file.cache, ...extra };
    if (file.vary) headers.Vary = 'Accept-Encoding';
    if (coding) headers['Content-Encoding'] = coding;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const text = (s) => ({ raw: Buffer.from(s), type: 'text/plain; charset=utf-8', cache: 'no-cache' });
  const notFound = (req, res) => send(req, res, 404, files.get('404.html') ?? text('404 Not Found\n'));
  const redirect = (req, res, location) => send(req, res, 301, text(`Moved to ${location}\n`), { Location: location });

  function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, text('405 Method Not Allowed\n'), { Allow: 'GET, HEAD' });
    const url = (req.url ?? '/').split('#', 1)[0];
    const at = url.includes('?') ? url.indexOf('?') : url.length;
    const [rawPath, query] = [url.slice(0, at), url.slice(at)];
    let decoded;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      return notFound(req, res);
    }
    if (decoded === base.slice(0, -1)) return redirect(req, res, base + query);
    if (!decoded.startsWith(base)) return notFound(req, res);
    const rel = decoded.slice(base.length);
    // Files are looked up by name among those loaded, so `..` can reach nothing.
    if (rel.split('/').some((s) => s === '.' || s === '..')) return notFound(req, res);
    if (rel === '' || rel.endsWith('/')) {
      const index = files.get(`${rel}index.html`);
      return index ? send(req, res, 200, index) : notFound(req, res);
    }
    if (dirs.has(rel)) return redirect(req, res, `${rawPath}/${query}`);
    const file = files.get(rel);
    return file ? send(req, res, 200, file) : notFound(req, res);
  }

  const server = createServer(handle);
  // Keep-alive sockets would make close() wait: track them and destroy them.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    baseUrl: origin + base,
    files,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'dist', basePath = '/', port = '8082'] = process.argv.slice(2);
  const server = await startServer({ root, basePath, port: Number(port) });
  console.log(`Serving ${path.resolve(root)} at ${server.baseUrl}`);
  process.on('SIGINT', () => server.close().then(() => process.exit(0)));
}
