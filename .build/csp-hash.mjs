// Trunk post_build hook (Trunk.toml): allows the page's inline scripts by their hashes.
//
// Trunk writes the wasm loader as an inline <script type="module"> (and, under `trunk serve`,
// its live-reload script). The Content-Security-Policy in index.html has no 'unsafe-inline'
// for scripts; instead this hook computes the sha256 of every inline script in the staged
// index.html and writes them where the policy says {{INLINE_SCRIPT_HASHES}}.
//
// Fails the build (exit 1) when the placeholder or the loader is missing, so a page whose
// policy would block its own loader is never shipped.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PLACEHOLDER = '{{INLINE_SCRIPT_HASHES}}';

function fail(message) {
  console.error(`csp-hash: ${message}`);
  process.exit(1);
}

/**
 * Under `trunk serve` the live-reload script carries placeholders that Trunk's server fills
 * per request (the Host header, the websocket base). A per-request script cannot match a
 * build-time hash, so they are filled here instead, with what Trunk would put there for this
 * Trunk.toml: the page's own host (Trunk's fallback when there is no Host header) and the
 * serve base "/" (public_url "./" serves from "/"; with --serve-base or --ws-base, live
 * reload would need that path here).
 */
function fixLiveReload(html) {
  return html
    .replace(/'\{\{__TRUNK_ADDRESS__\}\}'|`\{\{__TRUNK_ADDRESS__\}\}`/g, 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', '/');
}

/** The text of every <script> without a src attribute, exactly as the browser hashes it. */
function inlineScripts(html) {
  const scripts = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1])) scripts.push(m[2]);
  }
  return scripts;
}

function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function main() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) fail('TRUNK_STAGING_DIR is not set: run me as a Trunk post_build hook');
  const file = path.join(staging, 'index.html');
  const html = fixLiveReload(fs.readFileSync(file, 'utf8'));
  const count = html.split(PLACEHOLDER).length - 1;
  if (count !== 1) fail(`expected ${PLACEHOLDER} once in the CSP of ${file}, found it ${count} times`);
  const scripts = inlineScripts(html);
  if (!scripts.some((s) => s.includes('import init'))) fail(`no inline wasm loader in ${file}`);
  const hashes = [...new Set(scripts.map(sha256Source))];
  fs.writeFileSync(file, html.replace(PLACEHOLDER, hashes.join(' ')));
  console.log(`csp-hash: ${hashes.length} inline script(s) allowed by hash`);
}

main();
