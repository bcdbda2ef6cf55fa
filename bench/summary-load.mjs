// The app loading a summary feed: serves dist/ and bench/data/ on loopback, opens the app
// with ?feed=<the summary>, and times navigation → the banner (feed fetched, parsed, first
// compute), then → each of the four views showing its headline figure.
// Usage: node bench/summary-load.mjs [summary file in bench/data] (after `make build`).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] || 'summary-10000000.json';
const port = Number(process.env.E2E_PORT || 8772);
const size = fs.statSync(path.join(root, 'bench/data', file)).size;

const server = spawn(process.execPath, [path.join(root, 'tests/e2e/server.mjs'), String(port), '/app/'], {
  cwd: root, stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 1500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  const feed = `http://127.0.0.1:${port}/bench-data/${file}`;
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/app/?feed=${encodeURIComponent(feed)}`);
  await page.getByTestId('summary-banner').waitFor({ timeout: 600_000 });
  const banner = Date.now() - t0;
  const views = [['funnel', 'funnel-entered'], ['experience', null], ['nps', 'nps-score'], ['kpis', 'jes-formula']];
  for (const [tab, id] of views) {
    await page.locator(`nav button[data-tab="${tab}"]`).click();
    await page.locator(`[data-view="${tab}"]`).waitFor();
    if (id) await page.getByTestId(id).waitFor();
    await page.locator(`[data-view="${tab}"] canvas, [data-view="${tab}"] svg`).first().waitFor();
  }
  const all = Date.now() - t0;
  const mem = await page.evaluate(() => (window.journeyLens || {}).peakMemoryBytes || null);
  console.log(JSON.stringify({
    file, bytes: size, navigation_to_banner_ms: banner, navigation_to_all_views_ms: all,
    peak_wasm_memory_bytes: mem,
  }));
} finally {
  await browser.close();
  server.kill();
}
