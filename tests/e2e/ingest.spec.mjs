// Data in, through the real browser paths: the file input, a JSON feed from the local
// server, ?feed= in the address, and a feed that fails while data is on screen.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp, showData } from './helpers.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const feedUrl = `http://127.0.0.1:${process.env.E2E_PORT || 8765}/fixtures/events_feed.json`;

test('uploads a Windows-1250, semicolon, decimal-comma Polish file', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'polish_cp1250.csv'));
  // 12 data rows: line 7 has NPS 11, line 8 has Zadowolenie "dobre".
  await expect(page.getByTestId('load-summary')).toHaveText('10 rows loaded, 2 rejected');
  await expect(page.getByTestId('customer-count')).toHaveText('6 customers');
  await expect(page.getByTestId('load-card')).toContainText('windows-1250');
  await expect(page.getByTestId('load-card')).toContainText('comma (1.234,5)');
  // Mapped columns, with Polish letters intact after decoding.
  await expect(page.locator('tr[data-column="Kanał"] select')).toHaveValue('channel');
  await expect(page.locator('tr[data-column="Przychód"] select')).toHaveValue('revenue');
  await expect(page.locator('tr[data-column="Zadowolenie"] select')).toHaveValue('satisfaction');
  const rejected = page.getByTestId('rejected');
  await expect(rejected.locator('tbody tr')).toHaveCount(2);
  await expect(rejected.locator('tbody tr').nth(0)).toContainText('7');
  await expect(rejected.locator('tbody tr').nth(0)).toContainText('NPS must be a whole number from 0–10, got 11');
  await expect(rejected.locator('tbody tr').nth(1)).toContainText('dobre');
  // Rejected rows download as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action=download-rejected]').click(),
  ]);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  // English spreadsheet conventions: a byte-order mark, then comma-separated English words.
  expect(text.split(/\r?\n/)[0]).toMatch(/^\uFEFFline,column,reason,/);
  expect(text).toContain('got 11');
  expect(errors).toEqual([]);
});

test('changing a column role reloads with the new mapping', async ({ page }) => {
  await openApp(page);
  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'polish_cp1250.csv'));
  await expect(page.getByTestId('load-summary')).toHaveText('10 rows loaded, 2 rejected');
  // Ignoring the NPS column removes the NPS error: only the "dobre" row stays rejected.
  await page.locator('tr[data-column="NPS"] select').selectOption('ignore');
  await page.locator('[data-action=apply-mapping]').click();
  await expect(page.getByTestId('load-summary')).toHaveText('11 rows loaded, 1 rejected');
});

test('loads a JSON feed from the local server', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.getByTestId('feed-url').fill(feedUrl);
  await page.locator('[data-action=load-feed]').click();
  // 4 events: c1 is valid; NPS 11, an unknown nested list and a missing customer are rejected.
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 3 rejected');
  await expect(page.getByTestId('dataset-name')).toHaveText('Spring campaign');
  await expect(page.locator('[data-action=reload-feed]')).toBeVisible();
  await page.locator('[data-action=reload-feed]').click();
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 3 rejected');
  expect(errors).toEqual([]);
});

test('a feed in the page address loads on start', async ({ page }) => {
  await page.goto(`./?feed=${encodeURIComponent(feedUrl)}`);
  await showData(page);
  await expect(page.getByTestId('dataset-name')).toHaveText('Spring campaign', { timeout: 30_000 });
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 3 rejected');
});

test('a feed that answers 404 shows the error and keeps the data', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('load-summary')).toHaveText('3,000 rows loaded, 0 rejected');
  const bad = `http://127.0.0.1:${process.env.E2E_PORT || 8765}/fixtures/no-such-feed.json`;
  await page.getByTestId('feed-url').fill(bad);
  await page.locator('[data-action=load-feed]').click();
  const alert = page.getByTestId('error');
  await expect(alert).toContainText(bad);
  await expect(alert).toContainText('404');
  await expect(page.getByTestId('load-summary')).toHaveText('3,000 rows loaded, 0 rejected');
});

test('a file that is not CSV gets one clear sentence', async ({ page }) => {
  await openApp(page);
  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'image.png'));
  await expect(page.getByTestId('error')).toContainText('This looks like a PNG image, not a CSV file.');
  await expect(page.getByTestId('load-summary')).toHaveText('3,000 rows loaded, 0 rejected');
});

test('the last dataset and its mapping come back after a reload', async ({ page }) => {
  await openApp(page);
  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'polish_cp1250.csv'));
  await expect(page.getByTestId('load-summary')).toHaveText('10 rows loaded, 2 rejected');
  await page.locator('tr[data-column="NPS"] select').selectOption('ignore');
  await page.locator('[data-action=apply-mapping]').click();
  await expect(page.getByTestId('load-summary')).toHaveText('11 rows loaded, 1 rejected');
  await page.waitForTimeout(300); // IndexedDB write
  await page.reload();
  await showData(page);
  await expect(page.getByTestId('load-summary')).toHaveText('11 rows loaded, 1 rejected', { timeout: 30_000 });
  await expect(page.getByTestId('dataset-name')).toHaveText('polish_cp1250.csv');
});

test('a big file shows rows and MB done, and Cancel keeps the data on screen', async ({ page }, info) => {
  // The page's own slice-by-slice path (workers.spec.mjs covers the same with workers).
  // A 40× slowed-down CPU on a busy 2-core CI machine can take well over 20 s to show the
  // first slice (CI failed once at 20 s), so this test gets the slow-test budget.
  test.slow();
  await openApp(page, '?workers=0');
  // ~35 MB of valid rows, parsed in 2 MiB slices; a slowed-down CPU makes the load last long
  // enough to watch the progress bar and press Cancel.
  const file = info.outputPath('big.csv');
  const lines = ['customer_id,timestamp,stage,touchpoint,satisfaction'];
  for (let i = 0; i < 800_000; i++) lines.push(`C${i % 9000},2025-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00,awareness,Website,${1 + (i % 5)}`);
  fs.writeFileSync(file, lines.join('\n'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 40 });
  await page.setInputFiles('[data-testid=file-input]', file);
  const progress = page.getByTestId('progress');
  await expect(progress).toBeVisible({ timeout: 90_000 });
  await expect(progress).toContainText(/rows · [\d.]+ of [\d.]+ MB/, { timeout: 30_000 });
  // A DOM click on the button: the pointer-based click waits for a stable layout, which a
  // throttled page rarely reports between slices.
  await progress.locator('[data-action=cancel-load]').dispatchEvent('click');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByTestId('error')).toContainText('Loading was cancelled');
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('load-summary')).toHaveText('3,000 rows loaded, 0 rejected');
});

test('auto-refresh re-fetches the feed on its period and stops when turned off', async ({ page }) => {
  await page.clock.install();
  let fetches = 0;
  page.on('request', (r) => {
    if (r.url() === feedUrl) fetches += 1;
  });
  await openApp(page);
  await page.getByTestId('feed-url').fill(feedUrl);
  await page.locator('[data-action=load-feed]').click();
  await expect(page.getByTestId('dataset-name')).toHaveText('Spring campaign');
  expect(fetches).toBe(1);
  const every = page.locator('select', { has: page.locator('option[value="30"]') });
  await every.selectOption('30');
  const loads = () => page.evaluate(() => window.journeyLens.loads);
  const before = await loads();
  await page.clock.runFor(31_000);
  await expect.poll(() => fetches).toBe(2);
  // A tick while the feed is still loading is skipped: the next one comes after this load.
  await expect.poll(loads).toBeGreaterThan(before);
  await page.clock.runFor(30_000);
  await expect.poll(() => fetches).toBe(3);
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 3 rejected');
  // Off: no timer is left running.
  await every.selectOption('0');
  await page.clock.runFor(120_000);
  await page.waitForTimeout(300);
  expect(fetches).toBe(3);
});
