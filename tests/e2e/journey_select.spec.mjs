// Issue 19, "one journey at a time": the bundled sample has a purchase journey (586
// customers, 2,877 events) and a support journey (68 customers, 123 events), counted by a
// short Python script over public/sample/journeys.csv. The views open on the largest, a
// selector above every view switches, "All journeys" brings back the mix, and the choice
// travels in the page address.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

const journey = (page, key) => page.locator(`[data-testid=journey-picker] button[data-journey="${key}"]`);

test('the sample opens on the purchase journey with both journeys and their customers offered', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  const picker = page.getByTestId('journey-picker');
  await expect(picker).toBeVisible();
  await expect(picker.locator('button')).toHaveText([
    'purchase (586 customers)',
    'support (68 customers)',
    'All journeys (586 customers)',
  ]);
  await expect(journey(page, 'purchase')).toHaveAttribute('aria-pressed', 'true');
  await expect(journey(page, 'support')).toHaveAttribute('aria-pressed', 'false');
  // Purchase: all 586 customers, 2,877 of the 3,000 events.
  await expect(page.getByTestId('filter-count')).toHaveText('586 customers · 2,877 of 3,000 events');
  // The journey is chosen above, not again among the filters.
  await expect(page.locator('.jl-dim-filter[data-dimension="journey"]')).toHaveCount(0);
  await tab(page, 'funnel');
  await expect(page.getByTestId('funnel-entered')).toHaveText('586');
  await expect(page.getByTestId('coverage-funnel')).toHaveText('Counting 586 of the 586 customers loaded.');
  expect(errors).toEqual([]);
});

test('switching to support changes the funnel and says who is only in the other journey; "All journeys" restores the mix', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await tab(page, 'funnel');
  await journey(page, 'support').click();
  await expect(journey(page, 'support')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('filter-count')).toHaveText('68 customers · 123 of 3,000 events');
  // Support rows are at consideration (45) and retention (78): 25 customers have a
  // consideration row, none a retention row at or after it; 518 of the 586 customers
  // have no support row at all.
  await expect(page.getByTestId('funnel-entered')).toHaveText('25');
  await expect(page.getByTestId('coverage-funnel')).toHaveText(
    'Counting 25 of the 586 customers loaded: 518 customers are only in the “purchase” journey; 43 customers never reached “consideration”.');
  await expect.poll(() => page.url()).toContain('journey=support');
  // "Clear filters" clears the filters within the journey, not the journey.
  const persona = page.locator('.jl-dim-filter[data-dimension="persona"]');
  await persona.locator('summary').click();
  await persona.locator('input[value="Loyal regular"]').check();
  await persona.locator('summary').click();
  await page.locator('[data-action=clear-filters]').click();
  await expect(journey(page, 'support')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('filter-count')).toHaveText('68 customers · 123 of 3,000 events');

  await journey(page, 'all').click();
  await expect(journey(page, 'all')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('filter-count')).toHaveText('586 customers · 3,000 of 3,000 events');
  await expect(page.getByTestId('funnel-entered')).toHaveText('586');
  await expect(page.getByTestId('coverage-funnel')).toHaveText('Counting 586 of the 586 customers loaded.');
  await expect.poll(() => page.url()).toContain('journey=all');
  expect(errors).toEqual([]);
});

test('the chosen journey survives a share link opened in a fresh browser, and the print heading names it', async ({ page, browser }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await tab(page, 'nps');
  await journey(page, 'support').click();
  await expect.poll(() => page.url()).toContain('journey=support');
  const link = page.url();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = watchConsole(other);
  await other.goto(link);
  await expect(other.locator('[data-view="nps"]')).toBeVisible({ timeout: 30_000 });
  await expect(journey(other, 'support')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await expect(other.getByTestId('filter-count')).toHaveText('68 customers · 123 of 3,000 events');
  // A link that asks for all journeys gets them, though the data opens on purchase.
  await other.goto(link.replace('journey=support', 'journey=all'));
  await expect(journey(other, 'all')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await expect(other.getByTestId('filter-count')).toHaveText('586 customers · 3,000 of 3,000 events');
  expect(otherErrors).toEqual([]);
  await fresh.close();
  // The report heading used on paper and in downloaded images names the journey.
  await expect(page.getByTestId('print-head')).toContainText('Journey: support');
  // Remembered for this data: a plain visit opens on support again.
  await page.goto('./');
  await expect(journey(page, 'support')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('screenshots of the journey selector', async ({ page }) => {
  fs.mkdirSync(shots, { recursive: true });
  for (const lang of ['en', 'ca']) {
    for (const theme of ['light', 'dark']) {
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`./?view=funnel&lang=${lang}&theme=${theme}&sample=journeys.csv`);
        await expect(page.getByTestId('journey-picker')).toBeVisible({ timeout: 30_000 });
        await expect(page.getByTestId('funnel-entered')).toBeVisible();
        await page.screenshot({ path: path.join(shots, `journey-select-${lang}-${theme}-${width}.png`) });
      }
    }
  }
  // The Catalan words, checked once.
  await expect(page.getByTestId('journey-picker')).toContainText('Viatge del client');
  await expect(page.getByTestId('journey-picker')).toContainText('purchase (586 clients)');
});
