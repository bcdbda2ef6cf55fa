// A tiny static server for the browser tests and the benchmark: serves dist/ under a
// sub-path (proving the app uses relative URLs) and the test fixtures under /fixtures/.
// Loopback only. Usage: node tests/e2e/server.mjs [port] [subpath]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.argv[2] || process.env.PORT || 8765);
const sub = process.argv[3] || '/some/dir/';
const mounts = [
  [sub, path.join(root, 'dist')],
  ['/fixtures/', path.join(root, 'tests/fixtures')],
  ['/bench-data/', path.join(root, 'bench/data')],
];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.csv': 'text/csv',
  '.ndjson': 'application/x-ndjson', '.png': 'image/png',
};

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let pathname = decodeURIComponent(url.pathname);
  if (pathname === sub.slice(0, -1)) pathname = sub;
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    let file = path.normalize(path.join(dir, pathname.slice(prefix.length)));
    if (!file.startsWith(dir)) break;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) break;
    res.writeHead(200, {
      'content-type': types[path.extname(file)] || 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
  res.end('not found');
}).listen(port, '127.0.0.1', () => console.log(`serving on http://127.0.0.1:${port}${sub}`));
