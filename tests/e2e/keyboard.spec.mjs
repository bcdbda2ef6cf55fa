// Keyboard only: the skip link, a visible focus ring, and a chart explored point by point
// (arrow keys over the chart's hit map, the tooltip follows, a live region speaks, Escape
// leaves).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');

/** Presses Tab until `locator` has focus; fails after `max` presses. */
async function tabTo(page, locator, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await locator.evaluate((el) => el === document.activeElement)) return i + 1;
  }
  throw new Error(`no focus on ${locator} after ${max} Tab presses`);
}

test('the first Tab reaches the skip link, which moves focus to the content', async ({ page }) => {
  const errors = watchConsole(page);
  // Not openApp: it clicks the Data tab, which moves the focus. A fresh page, as a
  // keyboard user finds it once the sample is shown.
  await page.goto('./');
  await page.waitForFunction(() => (window.journeyLens?.computes ?? 0) > 0);
  await page.keyboard.press('Tab');
  const skip = page.locator('a.jl-skip');
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText('Skip to content');
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // The next Tab lands inside the content, not back in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement.closest('main') !== null)).toBe(true);
  expect(errors).toEqual([]);
});

test('tab to the funnel chart, arrow to the third bar: tooltip, ring and live region follow', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.locator('nav button[data-tab="funnel"]').click();
  const card = page.locator('[data-chart=funnel]');
  const canvas = card.locator('canvas');
  const live = card.getByTestId('chart-live');
  await expect(canvas).toHaveAttribute('aria-describedby', 'jl-chart-keys');
  await expect(page.locator('#jl-chart-keys')).toContainText('Arrow keys move between the data points');

  await tabTo(page, canvas);
  // Focus is visible: the ring is drawn (outline style is not "none").
  const outline = await canvas.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await expect(live).toHaveText('');

  // The sample's funnel (public/sample/README.md): 586 customers reach awareness, 373
  // consideration, 211 purchase (counted by hand from journeys.csv, in time order).
  await page.keyboard.press('ArrowRight');
  await expect(live).toContainText('awareness');
  await expect(live).toContainText('Customers: 586');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText(/^purchase\. Customers: 211; % of first: 36\.0%; % of previous: 56\.6%/);
  const tip = card.getByTestId('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('purchase');
  await expect(tip).toContainText('Customers: 211');
  await expect(card.locator('.jl-chart-ring')).toHaveCount(1);
  fs.mkdirSync(shots, { recursive: true });
  await card.screenshot({ path: path.join(shots, 'keyboard-funnel-third-bar.png') });

  // Left goes back one bar; End to the last stage (advocacy, 63); Home to the first.
  await page.keyboard.press('ArrowLeft');
  await expect(live).toContainText('consideration');
  await expect(live).toContainText('Customers: 373');
  await page.keyboard.press('End');
  await expect(live).toContainText('advocacy');
  await expect(live).toContainText('Customers: 63');
  await page.keyboard.press('Home');
  await expect(live).toContainText('awareness');

  // Escape leaves the points: no tooltip, no ring, focus stays on the chart.
  await page.keyboard.press('Escape');
  await expect(tip).toHaveCount(0);
  await expect(card.locator('.jl-chart-ring')).toHaveCount(0);
  await expect(canvas).toBeFocused();
  // And Tab moves on to the chart's buttons: the chart is no keyboard trap.
  await page.keyboard.press('Tab');
  await expect(card.locator('[data-action=show-data]')).toBeFocused();
  expect(errors).toEqual([]);
});

test('the experience map is walked by rows with Up and Down', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.locator('nav button[data-tab="experience"]').click();
  const card = page.locator('[data-chart=heatmap]');
  const canvas = card.locator('canvas');
  const live = card.getByTestId('chart-live');
  await tabTo(page, canvas);
  await page.keyboard.press('ArrowRight');
  const first = await live.textContent();
  await page.keyboard.press('ArrowDown');
  const below = await live.textContent();
  expect(below).not.toBe(first);
  const ring = card.locator('.jl-chart-ring');
  const b1 = await ring.boundingBox();
  await page.keyboard.press('ArrowUp');
  await expect(live).toHaveText(first);
  const b0 = await ring.boundingBox();
  // Down moved to the cell straight below: same column, lower row.
  expect(Math.abs(b1.x - b0.x)).toBeLessThan(2);
  expect(b1.y).toBeGreaterThan(b0.y);
  expect(errors).toEqual([]);
});
