// "What to fix first" on the bundled sample: the card on the journey map and the experience
// map, ranked by the one rule of docs/metrics.md, agreeing with the pain-point table and the
// report's minimum answers; screenshots at 360 and 1280 px, light and dark.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');
const CARD = '[data-testid=fix-first]';

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

async function setTheme(page, theme) {
  const html = page.locator('html');
  if ((await html.getAttribute('data-theme')) !== theme) {
    await page.locator('.jl-header-tools button').first().click();
  }
  await expect(html).toHaveAttribute('data-theme', theme);
}

/** The card's ranked moments as "stage · touchpoint" names. */
async function rankedNames(card) {
  return card.locator('[data-testid=fix-first-cells] > ol > li strong').allInnerTexts();
}

test('the card ranks by the stated rule and agrees with the pain-point table', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('./');
  const card = page.locator(`[data-view="journey-map"] ${CARD}`);
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card.locator('h2')).toHaveText('What to fix first');
  // The rule in one sentence, with the default minimum of 20 answers.
  await expect(card.getByTestId('fix-first-rule')).toContainText('Items with fewer than 20 answers are not ranked.');
  const names = await rankedNames(card);
  expect(names.length).toBeGreaterThan(0);
  expect(names.length).toBeLessThanOrEqual(5);
  // Every ranked moment rests on at least 20 answers and says why it is there.
  const items = card.locator('[data-testid=fix-first-cells] > ol > li');
  for (let i = 0; i < names.length; i++) {
    const item = items.nth(i);
    await expect(item.locator('.jl-fix-score')).toHaveText(/^priority \d+$/);
    const sat = await item.locator('.jl-fix-why li').first().innerText();
    const m = sat.match(/^satisfaction (\d+)\/100 from ([\d,]+) answers$/);
    expect(m, sat).not.toBeNull();
    expect(Number(m[2].replace(/,/g, ''))).toBeGreaterThanOrEqual(20);
    await expect(item.locator('.jl-fix-why li').nth(1)).toHaveText(/^(moves NPS|link with NPS unclear|no measured link with NPS)/);
  }
  // Priorities never increase down the list.
  const scores = (await card.locator('[data-testid=fix-first-cells] > ol > li .jl-fix-score').allInnerTexts())
    .map((s) => Number(s.replace(/\D/g, '')));
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  // Thin items, when listed, say how few answers they have.
  for (const t of await card.locator('[data-testid=fix-first-thin] > li').allInnerTexts()) {
    expect(t).toMatch(/only \d+ answers? \(minimum 20\)/);
  }

  // The experience map has the same card, and the pain-point table opens with the same moments.
  await tab(page, 'experience');
  const card2 = page.locator(`[data-view="experience"] ${CARD}`);
  await expect(card2).toBeVisible();
  expect(await rankedNames(card2)).toEqual(names);
  const rows = page.locator('[data-table=pain-points] tbody tr');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < names.length; i++) {
    const cells = await rows.nth(i).locator('td').allInnerTexts();
    expect(`${cells[0]} · ${cells[1]}`).toBe(names[i]);
  }
  await expect(page.locator('[data-table=pain-points] caption')).toContainText('in the order of “What to fix first”');
  expect(errors).toEqual([]);
});

test('screenshots of the card, the heat map and the matrix: 360 and 1280 px, light and dark', async ({ page }) => {
  const errors = watchConsole(page);
  fs.mkdirSync(shots, { recursive: true });
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./');
    await expect(page.locator(CARD)).toBeVisible({ timeout: 30_000 });
    for (const theme of ['light', 'dark']) {
      await setTheme(page, theme);
      await tab(page, 'journey-map');
      const card = page.locator(`[data-view="journey-map"] ${CARD}`);
      await card.scrollIntoViewIfNeeded();
      await page.waitForTimeout(200);
      await card.screenshot({ path: path.join(shots, `fix-first-${width}-${theme}.png`) });
      // The card never makes the page wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await tab(page, 'experience');
      for (const chart of ['heatmap', 'priority']) {
        const c = page.locator(`[data-chart=${chart}]`);
        await c.scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await c.screenshot({ path: path.join(shots, `fix-first-${chart}-${width}-${theme}.png`) });
      }
    }
  }
  expect(errors).toEqual([]);
});
