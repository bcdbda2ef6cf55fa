// A failure never takes the page, the data or the next visit with it: the panic panel, the
// start-up offer after a session that stopped mid-load, feeds that are refused, time out,
// are too big or fail, and "Forget my data".
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp, showData } from './helpers.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const server = `http://127.0.0.1:${process.env.E2E_PORT || 8765}`;
const feedUrl = `${server}/fixtures/events_feed.json`;
const sampleSummary = '3,000 rows loaded, 0 rejected';

/** Saves a screenshot when SHOTS_DIR is set (for looking at the panels by eye). */
async function shot(page, name) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  for (const [label, width] of [['wide', 1280], ['360', 360]]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(dir, `${name}-${label}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function stats(page) {
  return page.evaluate(async (u) => (await fetch(`${u}/test/stats`)).json(), server);
}

async function resetStats(page) {
  await page.evaluate(async (u) => { await fetch(`${u}/test/reset`); }, server);
}

async function loadPolish(page) {
  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'polish_cp1250.csv'));
  await expect(page.getByTestId('load-summary')).toHaveText('10 rows loaded, 2 rejected');
}

async function loadFeed(page, url) {
  await page.getByTestId('feed-url').fill(url);
  await page.locator('[data-action=load-feed]').click();
}

const busyMarker = (page) => page.evaluate(() => localStorage.getItem('journey-lens.busy'));

test('a panic shows a panel with Reload, and the reload asks instead of failing again', async ({ page }) => {
  const errors = watchConsole(page);
  // Panics in the first compute (of the sample), on purpose.
  await page.goto('./?debug-panic=1');
  const panel = page.getByTestId('panic');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(panel).toHaveAttribute('role', 'alertdialog');
  await expect(panel.locator('h2')).toHaveText('Something went wrong.');
  await expect(panel.locator('p')).toHaveText('Your data and settings are safe. Reload the page to carry on.');
  await expect(panel.locator('[data-action=reload]')).toBeFocused();
  await expect(page.locator('[data-testid=panic]')).toHaveCount(1);
  // The panic message goes to the console.
  expect(errors.some((e) => e.includes('debug-panic: a deliberate panic'))).toBe(true);
  expect(await busyMarker(page)).toBe('{"phase":"computing","what":"journeys.csv"}');
  await shot(page, 'panic');

  await panel.locator('[data-action=reload]').click();
  await page.waitForURL(/debug-panic=1/);
  await showData(page);
  // The marker the panic left makes the next start ask, so it does not panic again.
  const offer = page.getByTestId('start-offer');
  await expect(offer).toHaveText(/The last session stopped while analysing journeys\.csv\. Reopen it\?/, { timeout: 30_000 });
  await expect(page.getByTestId('panic')).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(page.getByTestId('load-summary')).toHaveCount(0);
  expect(await page.evaluate(() => window.journeyLens?.computes ?? 0)).toBe(0);
  await shot(page, 'offer');

  // Without the debug switch, "Start with the sample" opens the sample and clears the marker.
  await page.goto('./');
  await showData(page);
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await offer.locator('[data-action=start-sample]').click();
  await expect(page.getByTestId('load-summary')).toHaveText(sampleSummary, { timeout: 30_000 });
  await expect(offer).toHaveCount(0);
  await expect.poll(() => busyMarker(page)).toBeNull();
});

test('a session that stopped while opening a file offers to reopen it instead', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await loadPolish(page);
  await page.waitForTimeout(300); // IndexedDB write
  // As if the tab had died while opening the file.
  await page.addInitScript(() => {
    localStorage.setItem('journey-lens.busy', '{"phase":"loading","what":"polish_cp1250.csv"}');
  });
  await page.reload();
  await showData(page);
  const offer = page.getByTestId('start-offer');
  await expect(offer).toContainText('The last session stopped while opening polish_cp1250.csv. Reopen it?', { timeout: 30_000 });
  await expect(offer.locator('[data-action=reopen]')).toHaveText('Reopen');
  await expect(offer.locator('[data-action=start-sample]')).toHaveText('Start with the sample');
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('load-summary')).toHaveCount(0);
  expect(await page.evaluate(() => window.journeyLens?.loads ?? 0)).toBe(0);

  await offer.locator('[data-action=reopen]').click();
  await expect(page.getByTestId('load-summary')).toHaveText('10 rows loaded, 2 rejected', { timeout: 30_000 });
  await expect(page.getByTestId('dataset-name')).toHaveText('polish_cp1250.csv');
  await expect(offer).toHaveCount(0);
  await expect.poll(() => busyMarker(page)).toBeNull();
  expect(errors).toEqual([]);
});

test('an unreadable or hostile marker still stops the automatic reopening, as plain text', async ({ page }) => {
  await page.goto('./');
  await showData(page);
  await expect(page.getByTestId('load-summary')).toHaveText(sampleSummary, { timeout: 30_000 });
  const offer = page.getByTestId('start-offer');
  await page.evaluate(() => localStorage.setItem('journey-lens.busy', 'not json'));
  await page.reload();
  await showData(page);
  await expect(offer).toContainText('The last session stopped while opening the last dataset. Reopen it?', { timeout: 30_000 });
  await page.evaluate(() => localStorage.setItem('journey-lens.busy', '{"phase":"computing","what":"<img src=x onerror=alert(1)>"}'));
  await page.reload();
  await showData(page);
  await expect(offer).toContainText('The last session stopped while analysing <img src=x onerror=alert(1)>. Reopen it?', { timeout: 30_000 });
  await expect(offer.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('load-summary')).toHaveCount(0);
});

test('feed addresses other than http and https are refused with a clear sentence', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  const alert = page.getByTestId('error');
  await loadFeed(page, 'javascript:alert(1)');
  await expect(alert).toContainText('only addresses starting with http:// or https:// can be loaded as a feed, not javascript: addresses');
  // A data: address would otherwise load the events it carries.
  const events = JSON.stringify([{ customer_id: 'x1', timestamp: '2024-03-15T10:00:00Z', stage: 'awareness' }]);
  await loadFeed(page, `data:application/json,${encodeURIComponent(events)}`);
  await expect(alert).toContainText('not data: addresses');
  await loadFeed(page, ' java\tscript:alert(1)');
  await expect(alert).toContainText('not javascript: addresses');
  await expect(page.getByTestId('load-summary')).toHaveText(sampleSummary);
  expect(errors).toEqual([]);
});

test('a relative feed address is resolved against the page', async ({ page }) => {
  await openApp(page);
  // The page is /some/dir/, so this is /fixtures/events_feed.json.
  await loadFeed(page, '../../fixtures/events_feed.json');
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 3 rejected');
  await expect(page.getByTestId('dataset-name')).toHaveText('Spring campaign');
  expect(await page.evaluate(() => localStorage.getItem('journey-lens.feed'))).toBe(feedUrl);
  // A message names the address actually fetched.
  await loadFeed(page, '../../fixtures/no-such-feed.json');
  await expect(page.getByTestId('error')).toContainText(`Could not load the feed ${server}/fixtures/no-such-feed.json: the server answered HTTP 404`);
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 3 rejected');
});

test('a feed that does not answer is aborted after the timeout', async ({ page }) => {
  // ?feed-timeout= can only shorten the 30 s default; 2 s keeps the test short.
  await openApp(page, '?feed-timeout=2');
  await resetStats(page);
  const t0 = Date.now();
  await loadFeed(page, `${server}/test/slow-feed`);
  await expect(page.locator('[data-action=load-feed]')).toBeDisabled();
  await expect(page.getByTestId('error')).toContainText(
    'the server did not answer within 2 seconds, so the request was stopped', { timeout: 10_000 });
  expect(Date.now() - t0).toBeLessThan(8_000);
  // The request itself was aborted: the server saw the connection close unanswered.
  await expect.poll(async () => (await stats(page)).closedEarly['/test/slow-feed']).toBe(1);
  await expect(page.locator('[data-action=load-feed]')).toBeEnabled();
  await expect(page.getByTestId('load-summary')).toHaveText(sampleSummary);
});

test('a feed over the size limit is refused, by its declared length or by its bytes', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await resetStats(page);
  // Declares 1,000,000,000 bytes: refused on the headers, the download stopped.
  await loadFeed(page, `${server}/test/huge-declared`);
  await expect(page.getByTestId('error')).toContainText(
    'the feed is larger than 900 MB, the most this browser can analyse at once', { timeout: 10_000 });
  await expect.poll(async () => (await stats(page)).closedEarly['/test/huge-declared']).toBe(1);
  await expect(page.getByTestId('load-summary')).toHaveText(sampleSummary);

  // No declared length: 3 MiB arrive and are counted against a lowered 1 MiB limit (the
  // same feed loads without the limit, see below).
  await openApp(page, '?feed-max-mb=1');
  await loadFeed(page, `${server}/test/huge-stream`);
  await expect(page.getByTestId('error')).toContainText('the feed is larger than 1 MB', { timeout: 10_000 });
  await expect.poll(async () => (await stats(page)).closedEarly['/test/huge-stream']).toBe(1);
  await expect(page.getByTestId('load-summary')).toHaveText(sampleSummary);
  await openApp(page);
  await loadFeed(page, `${server}/test/huge-stream`);
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 3 rejected', { timeout: 10_000 });
  expect(errors).toEqual([]);
});

test('a failed feed keeps the previous data and input: Apply mapping reloads the file', async ({ page }) => {
  await openApp(page);
  await loadPolish(page);
  await resetStats(page);
  await loadFeed(page, `${server}/test/feed-500`);
  await expect(page.getByTestId('error')).toContainText('the server answered HTTP 500');
  await expect(page.getByTestId('load-summary')).toHaveText('10 rows loaded, 2 rejected');
  // The file, not the failed feed, is what a new mapping applies to.
  await page.locator('tr[data-column="NPS"] select').selectOption('ignore');
  await page.locator('[data-action=apply-mapping]').click();
  await expect(page.getByTestId('load-summary')).toHaveText('11 rows loaded, 1 rejected');
  await expect(page.getByTestId('dataset-name')).toHaveText('polish_cp1250.csv');
  expect((await stats(page)).hits['/test/feed-500']).toBe(1);
  // Nor does a reload bring the failed feed back.
  await page.waitForTimeout(300);
  await page.reload();
  await showData(page);
  await expect(page.getByTestId('load-summary')).toHaveText('11 rows loaded, 1 rejected', { timeout: 30_000 });
  expect((await stats(page)).hits['/test/feed-500']).toBe(1);
});

test('a feed opened from a link never deletes the saved dataset', async ({ page }) => {
  await openApp(page);
  await loadPolish(page);
  await page.waitForTimeout(300); // IndexedDB write
  await page.goto(`./?feed=${encodeURIComponent(feedUrl)}`);
  await showData(page);
  await expect(page.getByTestId('dataset-name')).toHaveText('Spring campaign', { timeout: 30_000 });
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 3 rejected');
  await page.waitForTimeout(300);
  // Back without the link: the user's own file, not the linked feed.
  await page.goto('./');
  await showData(page);
  await expect(page.getByTestId('load-summary')).toHaveText('10 rows loaded, 2 rejected', { timeout: 30_000 });
  await expect(page.getByTestId('dataset-name')).toHaveText('polish_cp1250.csv');
});

const appKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('journey-lens')).sort());
const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('"Forget my data" removes everything the app stored, and only that', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('other-page.note', 'keep me'));
  await loadPolish(page);
  await page.locator('tr[data-column="NPS"] select').selectOption('ignore');
  await page.locator('[data-action=apply-mapping]').click();
  await expect(page.getByTestId('load-summary')).toHaveText('11 rows loaded, 1 rejected');
  await page.locator('.jl-header-tools button').click(); // theme
  await page.waitForTimeout(300);
  expect(await appKeys(page)).toEqual(['journey-lens.mappings', 'journey-lens.settings', 'journey-lens.theme']);
  expect(await databases(page)).toContain('journey-lens');

  const forget = page.getByTestId('forget');
  await forget.locator('[data-action=forget-data]').click();
  await expect(page.getByTestId('forget-status')).toHaveText(
    'Done: nothing of yours is stored in this browser any more. The data on screen stays until you reload or close the page.');
  expect(await appKeys(page)).toEqual([]);
  expect(await databases(page)).not.toContain('journey-lens');
  expect(await page.evaluate(() => localStorage.getItem('other-page.note'))).toBe('keep me');
  await expect(page.getByTestId('load-summary')).toHaveText('11 rows loaded, 1 rejected');

  // A new visit starts from nothing: the sample, and no remembered mapping.
  await page.reload();
  await showData(page);
  await expect(page.getByTestId('load-summary')).toHaveText(sampleSummary, { timeout: 30_000 });
  await loadPolish(page);
  await expect(page.locator('tr[data-column="NPS"] select')).toHaveValue('nps');
  expect(errors).toEqual([]);
});

test('"Forget my data" in a second tab is not held up by the first, which then saves again', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await loadPolish(page);
  await page.waitForTimeout(300); // IndexedDB write: this tab now keeps its connection open
  const other = await page.context().newPage();
  const otherErrors = watchConsole(other);
  await openApp(other);
  await expect(other.getByTestId('dataset-name')).toHaveText('polish_cp1250.csv', { timeout: 30_000 });
  // Deleting the database waits for every open connection: the first tab must let go.
  await other.getByTestId('forget').locator('[data-action=forget-data]').click();
  await expect(other.getByTestId('forget-status')).toHaveText(
    'Done: nothing of yours is stored in this browser any more. The data on screen stays until you reload or close the page.');
  expect(await databases(other)).not.toContain('journey-lens');
  await other.close();
  expect(otherErrors).toEqual([]);

  // The first tab's next load opens the database again and is what a reload brings back.
  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'basic_utf8.csv'));
  await expect(page.getByTestId('dataset-name')).toHaveText('basic_utf8.csv');
  await page.waitForTimeout(300);
  expect(await databases(page)).toContain('journey-lens');
  await page.reload();
  await showData(page);
  await expect(page.getByTestId('dataset-name')).toHaveText('basic_utf8.csv', { timeout: 30_000 });
  expect(errors).toEqual([]);
});
