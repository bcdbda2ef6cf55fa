// A tiny static server for the browser tests and the benchmark: serves dist/ under a
// sub-path (proving the app uses relative URLs), the test fixtures under /fixtures/ and a
// few misbehaving feeds under /test/ (see testFeeds). Loopback only.
// Usage: node tests/e2e/server.mjs [port] [subpath]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = '/work/main';
const port = Number(process.argv[2] || process.env.PORT || 8765);
const sub = process.argv[3] || '/some/dir/';
const mounts = [
  [sub, '/tmp/dist-prof'],
  ['/fixtures/', path.join(root, 'tests/fixtures')],
  ['/bench-data/', path.join(root, 'bench/data')],
];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.csv': 'text/csv',
  '.ndjson': 'application/x-ndjson', '.png': 'image/png',
};

// Per path: requests seen, and requests the client closed before the answer was complete
// (an aborted fetch). GET /test/stats reads them, GET /test/reset clears them.
let stats = { hits: {}, closedEarly: {} };
const cors = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
const MiB = 1024 * 1024;

/** Holds the answer open until the client gives up (or 60 s pass), noting an early close. */
function holdOpen(req, res, name) {
  const timer = setTimeout(() => res.end(), 60_000);
  res.on('close', () => {
    clearTimeout(timer);
    if (!res.writableFinished) stats.closedEarly[name] = (stats.closedEarly[name] || 0) + 1;
  });
}

const testFeeds = {
  // Never answers: the app's timeout must abort it.
  '/test/slow-feed': (req, res) => holdOpen(req, res, '/test/slow-feed'),
  // Declares 1,000,000,000 bytes (over the 900 MiB limit), sends one byte and waits.
  '/test/huge-declared': (req, res) => {
    res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': '1000000000' });
    res.write('[');
    holdOpen(req, res, '/test/huge-declared');
  },
  // 3 MiB of leading spaces, then a valid feed, with no Content-Length: only counting
  // the bytes as they arrive can stop it (the test lowers the limit to 1 MiB). Sent at
  // 64 KiB per 10 ms, so an abort after the first MiB arrives well before the end.
  '/test/huge-stream': (req, res) => {
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, ' ');
    const feed = fs.readFileSync(path.join(root, 'tests/fixtures/events_feed.json'));
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= 3 * MiB) {
        clearInterval(timer);
        res.end(feed);
        return;
      }
      sent += chunk.length;
      res.write(chunk);
    }, 10);
    res.on('close', () => {
      clearInterval(timer);
      if (!res.writableFinished) stats.closedEarly['/test/huge-stream'] = (stats.closedEarly['/test/huge-stream'] || 0) + 1;
    });
  },
  '/test/feed-500': (req, res) => {
    res.writeHead(500, { ...cors, 'content-type': 'text/plain' });
    res.end('boom');
  },
  '/test/stats': (req, res) => {
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
  },
  '/test/reset': (req, res) => {
    stats = { hits: {}, closedEarly: {} };
    res.writeHead(204, cors);
    res.end();
  },
};

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let pathname = decodeURIComponent(url.pathname);
  const testFeed = testFeeds[pathname];
  if (testFeed) {
    stats.hits[pathname] = (stats.hits[pathname] || 0) + 1;
    testFeed(req, res);
    return;
  }
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
