// `make dist-single`: one self-contained HTML file (wasm, JavaScript, styles and the sample
// inlined) that runs when opened straight from disk over file:// — the demo on a USB stick
// or sent by email. Reads the release build in dist/, writes dist-single/journey-lens.html
// and prints its size.
//
// Why it works from file://: Chromium refuses module *files* from file:// (origin "null"),
// but an inline module script with no imports runs. So the wasm-bindgen glue is inlined
// (its exports dropped), the wasm travels as base64 and is instantiated from memory, and
// the sample is served to the app's own fetch of sample/journeys.csv from the page itself.
// The Content-Security-Policy stays: its script hash is recomputed for the new script.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] || 'dist';
const outDir = process.argv[3] || 'dist-single';
const SAMPLE = 'sample/journeys.csv';

function fail(message) {
  console.error(`dist-single: ${message}`);
  process.exit(1);
}

const read = (f) => fs.readFileSync(path.join(dist, f));
let html = read('index.html').toString('utf8');

const loader = html.match(/<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';[\s\S]*?module_or_path: '\.\/([^']+\.wasm)'[\s\S]*?<\/script>/);
if (!loader) fail(`no Trunk wasm loader found in ${dist}/index.html`);
const [loaderTag, jsFile, wasmFile] = loader;

const glue = read(jsFile)
  .toString('utf8')
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export (class|function|const|let|async function) /gm, '$1 ');
if (/^\s*(export|import)\s/m.test(glue)) fail(`unexpected import/export left in ${jsFile}`);
const wasm = read(wasmFile).toString('base64');
const sample = read(SAMPLE).toString('utf8');

const script = `
const SAMPLE_TEXT = ${JSON.stringify(sample)};
const realFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : (input && input.url) || '';
  if (url.endsWith(${JSON.stringify(SAMPLE)})) {
    return Promise.resolve(new Response(SAMPLE_TEXT, { status: 200, headers: { 'content-type': 'text/csv' } }));
  }
  return realFetch(input, init);
};
${glue}
const WASM_BASE64 = "${wasm}";
const wasmBytes = Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
const instance = await __wbg_init({ module_or_path: wasmBytes });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
`;
if (/<\/script/i.test(script)) fail('the inlined code contains </script and would end the page script early');
const scriptTag = `<script type="module">${script}</script>`;

// Styles inline; preloads, the icon and other separate files dropped.
html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g, (_, f) => `<style>${read(f).toString('utf8')}</style>`);
html = html.replace(/<link rel="(modulepreload|preload|icon)"[^>]*>/g, '');
html = html.replace(loaderTag, () => scriptTag);
if (/<link[^>]+href="\.\//.test(html) || /src="\.\//.test(html)) fail('a relative file reference is left in the page');

// The CSP allowed the old loader by hash: allow the new script instead.
const hash = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
html = html.replace(/(script-src [^;]*?)'sha256-[^;]*?(;)/, (_, head, end) => `${head.replace(/'sha256-[^']*'\s*/g, '')}${hash}${end}`);
if (!html.includes(hash)) fail('could not write the script hash into the Content-Security-Policy');

fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, 'journey-lens.html');
fs.writeFileSync(out, html);
const bytes = fs.statSync(out).size;
console.log(`dist-single: ${out}  ${bytes} bytes (${(bytes / 1048576).toFixed(1)} MB)`);
