// Share by link: the page address holds the whole view, so a reload, a copy of the address
// in a fresh browser, and Back/Forward all show the same view; a link to a view of the
// sender's own file asks for that file.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

async function pickPersona(page, value) {
  const menu = page.locator('.jl-dim-filter[data-dimension="persona"]');
  await menu.locator('summary').click();
  await menu.locator(`input[value="${value}"]`).check();
  await menu.locator('summary').click();
}

/** What the reader sees: the view, the filter count line, the breakdown and the mode. */
async function visibleState(page) {
  return {
    view: await page.locator('nav button[aria-current="page"]').getAttribute('data-tab'),
    kept: await page.getByTestId('filter-count').textContent(),
    breakdown: await page.getByTestId('breakdown-select').inputValue(),
    theme: await page.locator('html').getAttribute('data-theme'),
  };
}

test('a state set in the UI survives a reload and a copy of the address into a new browser', async ({ page, browser, baseURL }) => {
  const errors = watchConsole(page);
  await openApp(page);
  const unfiltered = await page.getByTestId('filter-count').textContent();
  // Settings on the Data tab: ordered funnel with a 14-day window.
  await page.getByTestId('funnel-mode').selectOption('ordered');
  await page.getByPlaceholder('No window').fill('14');
  await page.getByPlaceholder('No window').dispatchEvent('change');
  await tab(page, 'funnel');
  await page.getByTestId('breakdown-select').selectOption('channel');
  await pickPersona(page, 'Bargain hunter');
  await page.getByTestId('filter-from').fill('2025-09-01');
  await page.getByTestId('filter-from').dispatchEvent('change');
  await page.getByRole('button', { name: 'Switch light/dark theme' }).click();
  const before = await visibleState(page);
  expect(before.kept).not.toBe(unfiltered);
  await expect.poll(() => page.url()).toContain('f.persona=Bargain+hunter');
  const url = page.url();
  expect(url).toContain('view=funnel');
  expect(url).toContain('from=2025-09-01');
  expect(url).toContain('breakdown=channel');
  expect(url).toContain('mode=ordered');
  expect(url).toContain('window=14');
  // The language came from the browser, not from a choice: it stays out of the address
  // (a remembered choice would lose to it on the next reload).
  expect(url).not.toContain('lang=');
  expect(url).toContain(`theme=${before.theme}`);
  expect(url).toContain('sample=journeys.csv');

  await page.reload();
  await expect(page.getByTestId('filter-count')).toHaveText(before.kept, { timeout: 30_000 });
  expect(await visibleState(page)).toEqual(before);
  expect(page.url()).toBe(url);

  // A new browser (no storage shared) given the copied address.
  const other = await browser.newContext({ baseURL });
  const fresh = await other.newPage();
  const freshErrors = watchConsole(fresh);
  await fresh.goto(url);
  await expect(fresh.getByTestId('filter-count')).toHaveText(before.kept, { timeout: 30_000 });
  expect(await visibleState(fresh)).toEqual(before);
  const menu = fresh.locator('.jl-dim-filter[data-dimension="persona"]');
  await menu.locator('summary').click();
  await expect(menu.locator('input[value="Bargain hunter"]')).toBeChecked();
  await expect(fresh.getByTestId('filter-from')).toHaveValue('2025-09-01');
  await tab(fresh, 'data');
  await expect(fresh.getByTestId('funnel-mode')).toHaveValue('ordered');
  await other.close();
  expect(errors).toEqual([]);
  expect(freshErrors).toEqual([]);
});

test('a language chosen in the menu goes into the address and travels with a copy of it', async ({ page, browser, baseURL }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await expect.poll(() => page.url()).toContain('sample=journeys.csv');
  expect(page.url()).not.toContain('lang=');
  await page.getByTestId('lang-switcher').selectOption('pl');
  await expect.poll(() => page.url()).toContain('lang=pl');
  const url = page.url();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByTestId('lang-switcher')).toHaveValue('pl');
  expect(page.url()).toBe(url);

  const other = await browser.newContext({ baseURL });
  const fresh = await other.newPage();
  await fresh.goto(url);
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(fresh.locator('nav button[data-tab="funnel"]')).toHaveText('Lejek');
  await other.close();
  expect(errors).toEqual([]);
});

test('back and forward step through views and filters', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await tab(page, 'funnel');
  const unfiltered = await page.getByTestId('filter-count').textContent();
  await pickPersona(page, 'Loyal regular');
  await expect.poll(() => page.url()).toContain('f.persona=Loyal+regular');
  const filtered = await page.getByTestId('filter-count').textContent();
  await tab(page, 'nps');

  await page.goBack();
  await expect(page.locator('[data-view="funnel"]')).toBeVisible();
  await expect(page.getByTestId('filter-count')).toHaveText(filtered);
  await page.goBack();
  await expect(page.locator('[data-view="funnel"]')).toBeVisible();
  await expect(page.getByTestId('filter-count')).toHaveText(unfiltered);
  await page.goBack();
  await expect(page.locator('[data-view="data"]')).toBeVisible();
  await page.goForward();
  await expect(page.locator('[data-view="funnel"]')).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('filter-count')).toHaveText(filtered);
  await page.goForward();
  await expect(page.locator('[data-view="nps"]')).toBeVisible();
  await expect(page.getByTestId('filter-count')).toHaveText(filtered);
  expect(errors).toEqual([]);
});

test('a link to a view of an uploaded file names the file and offers the picker', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('./?view=nps&f.persona=First-time+buyer&file=q3-journeys.csv&lang=en');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('“q3-journeys.csv”', { timeout: 30_000 });
  // The file's content never travelled: only its name is in the address.
  expect(page.url()).toContain('file=q3-journeys.csv');
  await page.getByTestId('link-file-input').setInputFiles({
    name: 'q3-journeys.csv',
    mimeType: 'text/csv',
    buffer: fs.readFileSync(path.join(root, 'public/sample/journeys.csv')),
  });
  await expect(notice).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[data-view="nps"]')).toBeVisible();
  const menu = page.locator('.jl-dim-filter[data-dimension="persona"]');
  await expect(menu.locator('summary')).toContainText('(1)');
  await expect.poll(() => page.url()).toContain('file=q3-journeys.csv');
  expect(page.url()).toContain('f.persona=First-time+buyer');
  expect(errors).toEqual([]);
});
