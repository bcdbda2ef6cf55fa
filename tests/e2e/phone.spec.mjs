// A 360 px phone: every view fits without sideways scrolling of the page, the navigation
// fits on screen, tables scroll inside their own region, the filters fold behind one
// button. Saves a screenshot of each view to target/e2e-screenshots/phone-360-*.png.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');
const VIEWS = ['journey-map', 'data', 'funnel', 'experience', 'flows', 'nps', 'kpis'];

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/** How far the page itself scrolls sideways (0 when everything fits). */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('every view fits a 360 px phone', async ({ page }) => {
  const errors = watchConsole(page);
  fs.mkdirSync(shots, { recursive: true });
  await openApp(page);

  // Every view button is fully on screen.
  for (const view of VIEWS) {
    const box = await page.locator(`nav button[data-tab="${view}"]`).boundingBox();
    expect(box.x, view).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, view).toBeLessThanOrEqual(360);
  }

  // The filters are one button; the kept count stays in sight.
  const toggle = page.locator('[data-action=toggle-filters]');
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#jl-filter-body')).toBeHidden();
  // The purchase journey the sample opens on: 2,877 of its 3,000 rows (issue 19).
  await expect(page.getByTestId('filter-count')).toHaveText('586 customers · 2,877 of 3,000 events');

  for (const view of VIEWS) {
    await page.locator(`nav button[data-tab="${view}"]`).click();
    await expect(page.locator(`[data-view="${view}"]`)).toBeVisible();
    await page.waitForTimeout(300);
    expect(await sideways(page), `${view} scrolls sideways`).toBe(0);
    await page.screenshot({ path: path.join(shots, `phone-360-${view}.png`), fullPage: true });
  }

  // A wide table scrolls inside its own region, not the page.
  await page.locator('nav button[data-tab="experience"]').click();
  const heat = page.locator('[data-chart=heatmap]');
  await heat.locator('[data-action=show-data]').click();
  const wrap = heat.locator('.jl-table-wrap');
  await expect(wrap).toBeVisible();
  const { scrollW, clientW } = await wrap.evaluate((el) => ({ scrollW: el.scrollWidth, clientW: el.clientWidth }));
  expect(scrollW).toBeGreaterThan(clientW);
  expect(await sideways(page)).toBe(0);
  await expect(wrap).toHaveAttribute('tabindex', '0');

  // Opening the filters shows every control, still without sideways scrolling.
  await page.locator('nav button[data-tab="data"]').click();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#jl-filter-body')).toBeVisible();
  await expect(page.locator('.jl-dim-filter[data-dimension=persona]')).toBeVisible();
  await page.locator('.jl-dim-filter[data-dimension=persona] summary').click();
  await expect(page.locator('.jl-dim-filter[data-dimension=persona] .jl-dim-options')).toBeVisible();
  expect(await sideways(page)).toBe(0);
  await page.screenshot({ path: path.join(shots, 'phone-360-filters-open.png'), fullPage: false });
  await page.locator('.jl-dim-filter[data-dimension=persona] input[type=checkbox]').first().check();
  await expect(toggle).toHaveText(/Filters \(1\)/);
  expect(errors).toEqual([]);
});
