// The one Trunk post_build hook (Trunk.toml): Trunk starts hooks of a stage concurrently,
// and the service worker's precache list must hash the final index.html, so the steps run
// here one after the other: the CSP hashes (csp-hash.mjs), then sw.js (sw.mjs).
import { writeServiceWorker } from './sw.mjs';

await import('./csp-hash.mjs');
const staging = process.env.TRUNK_STAGING_DIR;
try {
  await writeServiceWorker(staging);
} catch (e) {
  console.error(String(e));
  process.exit(1);
}
