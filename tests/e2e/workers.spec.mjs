// A big CSV file parsed in Web Workers (src/ui/workers.rs, src/bin/parse-worker.rs):
// the same report as the page's own single-thread path, progress, Cancel, a worker that
// fails, and the fallback when workers cannot start. `?workers=N` forces N workers
// (0 = read on the page); with workers the page reads the file's first part itself and
// each worker one of the others, so both paths run on the same file.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sample = path.join(root, 'public/sample/journeys.csv');

/** A generated file of `rows` events (seed 42), made once with the CLI `cargo test` built. */
function generated(rows) {
  const dir = path.join(root, 'target/e2e-data');
  const file = path.join(dir, `journeys-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(`${file}.tmp`, 'w');
  const r = spawnSync('cargo', ['run', '--quiet', '--bin', 'journey-lens', '--', 'generate',
    '--rows', String(rows), '--seed', '42'], { cwd: root, stdio: ['ignore', fd, 'inherit'] });
  fs.closeSync(fd);
  if (r.status !== 0) throw new Error(`generating ${rows} rows failed`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

async function downloadReport(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action=download-report]').click(),
  ]);
  const chunks = await (await download.createReadStream()).toArray();
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Opens the file dialog, chooses `file` `think` ms later and waits for it to be loaded and
 * its report computed (the compute runs after the load, in steps); the app's figures after
 * it. The workers start when the dialog opens: after a second they are ready, at once they
 * are still starting and take their parts when they are. */
async function upload(page, file, think = 0) {
  const before = await page.evaluate(() => ({ ...window.journeyLens }));
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.locator('label:has([data-testid=file-input])').click(),
  ]);
  await page.waitForTimeout(think);
  await chooser.setFiles(file);
  await page.waitForFunction((b) => window.journeyLens.loads > b.loads
    && window.journeyLens.computes > b.computes, before, { timeout: 60_000 });
  return page.evaluate(() => ({ ...window.journeyLens }));
}

/** The report of `file` read with `workers` workers, and how many the app used. */
async function reportWith(page, file, workers, think = 0) {
  await openApp(page, `?workers=${workers}`);
  const figures = await upload(page, file, think);
  return {
    used: figures.workers,
    warm: figures.warmWorkers,
    rows: figures.rows,
    report: await downloadReport(page),
  };
}

test('the sample and a 100 k file give the same report JSON in workers as on the page', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchConsole(page);
  const big = generated(100_000);
  for (const [file, workers, think] of [[sample, 0, 0], [big, 2, 0], [big, 2, 1000]]) {
    const single = await reportWith(page, file, 0);
    const split = await reportWith(page, file, 2, think);
    expect(single.used).toBe(0);
    // The sample is too small to cut: the page reads it whole. The 100 k file is cut in
    // three: the page's part and two workers' parts, merged.
    expect(split.used).toBe(workers);
    // The workers were started when the file dialog opened, before the file was chosen.
    expect(split.warm).toBe(workers);
    expect(split.rows).toBe(single.rows);
    expect(split.report).toEqual(single.report);
  }
  expect(errors).toEqual([]);
});

test('a file cut in fewer parts than the workers started ahead is read by fresh ones', async ({ page }) => {
  const errors = watchConsole(page);
  // About 2.5 MB: two parts of at least 1 MiB, so one worker, while the file dialog
  // started two for ?workers=2. Those two stop; a fresh one reads the second part.
  const file = generated(27_000);
  const single = await reportWith(page, file, 0);
  const split = await reportWith(page, file, 2);
  expect(split.used).toBe(1);
  expect(split.warm).toBe(0);
  expect(split.rows).toBe(27_000);
  expect(split.report).toEqual(single.report);
  expect(errors).toEqual([]);
});

test('a file dialog closed without a file stops the workers it started', async ({ page }) => {
  await openApp(page, '?workers=2');
  await Promise.all([
    page.waitForEvent('filechooser'),
    page.locator('label:has([data-testid=file-input])').click(),
  ]);
  // What the browser fires at the input when its dialog is dismissed.
  await page.getByTestId('file-input').dispatchEvent('cancel');
  // The file then set on the input without the dialog is read by fresh workers, none of
  // them started ahead.
  const before = await page.evaluate(() => ({ ...window.journeyLens }));
  await page.setInputFiles('[data-testid=file-input]', generated(100_000));
  await page.waitForFunction((b) => window.journeyLens.loads > b.loads
    && window.journeyLens.computes > b.computes, before, { timeout: 60_000 });
  const figures = await page.evaluate(() => ({ ...window.journeyLens }));
  expect(figures.workers).toBe(2);
  expect(figures.warmWorkers).toBe(0);
  expect(figures.rows).toBe(100_000);
});

test('workers show progress, and Cancel stops them with the data on screen kept', async ({ page }) => {
  test.setTimeout(120_000);
  const file = generated(1_000_000);
  await openApp(page, '?workers=2');
  const summary = await page.getByTestId('load-summary').textContent();
  await page.setInputFiles('[data-testid=file-input]', file);
  const progress = page.getByTestId('progress');
  await expect(progress).toBeVisible({ timeout: 20_000 });
  // Rows counted by the workers show up while they read.
  await expect(progress).toContainText(/[1-9][\d,]* rows · [\d.]+ of [\d.]+ MB/, { timeout: 20_000 });
  await progress.locator('[data-action=cancel-load]').dispatchEvent('click');
  await expect(page.getByTestId('error')).toContainText('Loading was cancelled');
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('load-summary')).toHaveText(summary);
});

test('a worker that fails says so in one sentence and the data on screen stays', async ({ page }) => {
  const errors = watchConsole(page);
  // Hands the worker a job without its file, as a broken browser might: the worker itself
  // answers with an error.
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      if (msg && msg.file) msg = { ...msg, file: 'not a file' };
      return post.call(this, msg, ...rest);
    };
  });
  await openApp(page, '?workers=2');
  const summary = await page.getByTestId('load-summary').textContent();
  await page.setInputFiles('[data-testid=file-input]', generated(100_000));
  await expect(page.getByTestId('error')).toContainText(
    'journeys-100000.csv: reading the file in the background failed (no file to read). The data on screen is unchanged',
  );
  await expect(page.getByTestId('progress')).toBeHidden();
  await expect(page.getByTestId('load-summary')).toHaveText(summary);
  expect(errors).toEqual([]);
});

test.describe('without the offline service worker', () => {
  // Requests a service worker answers from its cache never reach page.route, so the
  // worker's loader could not be made to fail.
  test.use({ serviceWorkers: 'block' });
  test('where workers cannot start, the file is read on the page instead', async ({ page }) => {
    await page.route('**/parse-worker_loader.js', (route) => route.fulfill({ status: 404, body: '' }));
    await openApp(page, '?workers=2');
    const figures = await upload(page, generated(100_000));
    expect(figures.workers).toBe(0);
    expect(figures.rows).toBe(100_000);
    await expect(page.getByTestId('error')).toBeHidden();
  });
});
