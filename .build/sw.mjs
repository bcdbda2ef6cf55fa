// Trunk post_build step (run by .build/post-build.mjs after csp-hash.mjs, so index.html is
// final): writes sw.js into the staged dist with the precache list Workbox's getManifest
// computes from the staged files (URL + content hash each). Nothing is downloaded.
import { getManifest } from 'workbox-build';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function writeServiceWorker(dir) {
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: dir,
    globPatterns: ['**/*.{html,js,wasm,css,svg,csv,json,ndjson}'],
    // The worker itself and the example host page are not part of the app.
    globIgnores: ['sw.js', 'examples/**'],
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
  });
  for (const w of warnings) console.warn(`sw: ${w}`);
  if (!manifestEntries.some((e) => e.url === 'index.html')) {
    throw new Error(`sw: index.html is not in the precache list of ${dir}`);
  }
  if (!manifestEntries.some((e) => e.url.endsWith('.wasm'))) {
    throw new Error(`sw: no .wasm in the precache list of ${dir}`);
  }
  const template = fs.readFileSync(path.join(here, 'sw-template.js'), 'utf8');
  const list = JSON.stringify(manifestEntries.map(({ url, revision }) => ({ url, revision })));
  fs.writeFileSync(path.join(dir, 'sw.js'), template.replace('self.__WB_MANIFEST', list));
  console.log(`sw: ${count} files precached (${(size / 1048576).toFixed(1)} MB)`);
}
