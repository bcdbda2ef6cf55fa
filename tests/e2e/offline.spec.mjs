// Offline and static: after one online visit the app starts and works with no network
// (service worker, precache list from the build), a new deploy shows the reload notice,
// and the single-file build runs from file:// with the sample and no console error.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { watchConsole, openApp, showData } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
  // Leaving while the sample is still being analysed would make the next start ask first.
  await expect(page.getByTestId('filter-count')).toContainText('customers', { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => window.journeyLens && window.journeyLens.computes)).toBeGreaterThan(0);
}

test('after one online visit the app reloads and works offline', async ({ page, context }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await controlled(page);
  await context.setOffline(true);
  await page.goto('./?view=nps&sample=journeys.csv');
  await expect(page.getByTestId('nps-score')).toBeVisible({ timeout: 30_000 });
  await page.locator('nav button[data-tab="data"]').click();
  await expect(page.getByTestId('load-summary')).toContainText('3,000 rows loaded');
  await page.locator('nav button[data-tab="kpis"]').click();
  await expect(page.locator('[data-view="kpis"] [data-kpi]').first()).toBeVisible();
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

test('the precache list is the build output, written by the build', async ({ request }) => {
  const sw = await (await request.get('./sw.js')).text();
  const list = JSON.parse(sw.match(/const PRECACHE = (\[.*?\]);/s)[1]);
  const urls = list.map((e) => e.url);
  const dist = fs.readdirSync(path.join(root, 'dist'));
  for (const f of dist.filter((f) => /\.(wasm|js|css|html|svg)$/.test(f) && f !== 'sw.js')) {
    expect(urls).toContain(f);
  }
  expect(urls).toContain('sample/journeys.csv');
  expect(urls.some((u) => u.startsWith('examples/'))).toBe(false);
  for (const e of list) expect(e.revision === null || /^[0-9a-f]{32}$/.test(e.revision)).toBe(true);
});

test('a new deploy shows the reload notice, and Reload switches to it', async ({ page }) => {
  await openApp(page);
  await controlled(page);
  // The next deploy: the same app with another precache list, written where the server
  // reads it (a route cannot stand in for a service worker's own script), then restored.
  const file = path.join(root, 'dist/sw.js');
  const original = fs.readFileSync(file, 'utf8');
  try {
    fs.writeFileSync(file, original.replace('const PRECACHE = [', 'const PRECACHE = [{"url":"index.html?v2","revision":null},'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await expect(page.getByTestId('update-notice')).toContainText('A new version', { timeout: 20_000 });
    await page.locator('[data-action="update-reload"]').click();
    await page.waitForLoadState('load');
    await expect(page.getByTestId('update-notice')).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByTestId('filter-count')).toContainText('customers', { timeout: 30_000 });
    // The new version controls the page: its cache (and only its) holds the new list.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const found = await Promise.all(names.map(async (n) => !!(await (await caches.open(n)).match(new URL('index.html?v2', location.href).href))));
      return { names: names.length, found };
    });
    expect(cached).toEqual({ names: 1, found: [true] });
  } finally {
    fs.writeFileSync(file, original);
  }
});

test('the single-file build runs from file:// and shows the sample', async ({ browser }) => {
  const out = path.join(root, 'target/dist-single-e2e');
  const log = execFileSync('node', ['.build/single.mjs', 'dist', out], { cwd: root }).toString();
  expect(log).toMatch(/journey-lens\.html {2}\d+ bytes/);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchConsole(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path.join(out, 'journey-lens.html')).href);
  // The journey map is the landing view: the sample's load summary is on the Data tab.
  await expect(page.locator('[data-view="journey-map"]')).toBeVisible({ timeout: 60_000 });
  await showData(page);
  await expect(page.getByTestId('load-summary')).toContainText('3,000 rows loaded', { timeout: 60_000 });
  await page.locator('nav button[data-tab="nps"]').click();
  await expect(page.getByTestId('nps-score')).toBeVisible();
  await expect(page.locator('[data-view="nps"] canvas').first()).toBeVisible();
  // One file: nothing else was requested.
  expect(requests.filter((u) => !u.endsWith('journey-lens.html'))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
