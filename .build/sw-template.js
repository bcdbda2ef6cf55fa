// Journey Lens service worker: the app starts and works offline after one online visit.
//
// Written by .build/sw.mjs at build time: PRECACHE below is the list Workbox's getManifest
// computed from dist/ (every file with a content hash as its revision), so it is never
// maintained by hand. A new deploy changes that list, hence this file, hence the browser
// installs the new worker in the background; it waits until the page asks it to take over
// (the "new version — reload" notice posts SKIP_WAITING), so a page never runs half old,
// half new. URLs are relative to this file: any sub-path works.
const PRECACHE = self.__WB_MANIFEST;
const VERSION = PRECACHE.map((e) => `${e.url}@${e.revision || ''}`).join('|');
const CACHE = `journey-lens-${hash(VERSION)}`;
const INDEX = new URL('index.html', self.registration.scope).href;

function hash(text) {
  let h = 5381;
  for (let i = 0; i < text.length; i += 1) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

function absolute(entry) {
  return new URL(entry.url, self.registration.scope).href;
}

/** What this worker answers: its precached files. Anything else (feeds, uploads) goes to
 * the network untouched, as if there were no worker. */
const PRECACHED = new Set(PRECACHE.map(absolute));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        PRECACHE.map((entry) =>
          fetch(absolute(entry), { cache: 'no-cache' }).then((res) => {
            if (!res.ok) throw new Error(`precache ${entry.url}: HTTP ${res.status}`);
            return cache.put(absolute(entry), res);
          }),
        ),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith('journey-lens-') && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // The app's page, with any query (shared links), is the precached index.html.
  const isPage = req.mode === 'navigate'
    && (url.origin + url.pathname === self.registration.scope || url.origin + url.pathname === INDEX);
  const key = isPage ? INDEX : url.origin + url.pathname;
  if (!PRECACHED.has(key)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(key)) || fetch(req)),
  );
});
