// Fair comparisons that travel: the KPI period is in the page address (a link with a
// quarter against a year before opens on that quarter, named on the card), and every trend
// offers week, month and quarter from one setting. Sample figures as in fair.spec.mjs.
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

test.beforeAll(() => fs.mkdirSync(shots, { recursive: true }));

test('a link with a quarter against a year before opens the KPI cards on that period', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '?view=kpis&kpi=quarter&kpi.at=2025-Q3&kpi.vs=year_before');
  await tab(page, 'kpis');
  await expect(page.getByTestId('kpi-period-kind')).toHaveValue('quarter');
  await expect(page.getByTestId('kpi-period-at')).toHaveValue('2025-Q3');
  await expect(page.getByTestId('kpi-period-compare')).toHaveValue('year_before');
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('2025-Q3');
  await expect(page.getByTestId('kpi-csat-change')).toHaveText('No value in 2024-Q3 to compare with');
  // Changing the period in the page rewrites the address, and a reload keeps it.
  await page.getByTestId('kpi-period-at').selectOption('2025-Q2');
  await page.getByTestId('kpi-period-compare').selectOption('previous');
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('2025-Q2');
  await expect.poll(() => page.url()).toContain('kpi.at=2025-Q2');
  expect(page.url()).toContain('kpi=quarter');
  expect(page.url()).not.toContain('kpi.vs=');
  await page.reload();
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('2025-Q2', { timeout: 30_000 });
  await expect(page.getByTestId('kpi-csat-change')).toContainText('vs 2025-Q1');
  expect(errors).toEqual([]);
});

test('the same link in Polish names the quarter as Polish writes it', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('./?view=kpis&kpi=quarter&kpi.at=2025-Q3&kpi.vs=year_before&lang=pl');
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('III kw. 2025', { timeout: 30_000 });
  await expect(page.getByTestId('kpi-csat-change')).toContainText('III kw. 2024');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('every trend offers week, month and quarter, and they move together', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await tab(page, 'nps');
  const picker = page.getByTestId('trend-period-nps');
  await expect(picker.locator('option')).toHaveText(['Week', 'Month', 'Quarter']);
  await expect(picker).toHaveValue('month');
  await picker.selectOption('quarter');
  await expect.poll(() => page.url()).toContain('period=quarter');
  const card = page.locator('[data-chart="nps-trend"]');
  await card.locator('[data-action=show-data]').click();
  // The sample runs from 2025-01 to 2025-12: four quarters.
  await expect(card.locator('tbody tr td:first-child')).toHaveText(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
  // The funnel's cohort trend and the KPI sparklines follow the same setting.
  await tab(page, 'funnel');
  await expect(page.getByTestId('trend-period-funnel')).toHaveValue('quarter');
  const trend = page.locator('[data-chart="funnel-trend"]');
  await trend.locator('[data-action=show-data]').click();
  await expect(trend.locator('tbody tr td:first-child')).toHaveText(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
  await tab(page, 'kpis');
  await expect(page.getByTestId('trend-period-kpis')).toHaveValue('quarter');
  await page.getByTestId('trend-period-kpis').selectOption('week');
  await tab(page, 'nps');
  await expect(page.getByTestId('trend-period-nps')).toHaveValue('week');
  expect(errors).toEqual([]);
});

for (const lang of ['en', 'pl']) {
  for (const theme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      test(`screenshots ${lang} ${theme} ${width}: KPI view by quarter, trends, priority matrix`, async ({ page }) => {
        const errors = watchConsole(page);
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`./?view=kpis&kpi=quarter&kpi.vs=previous&period=quarter&lang=${lang}&theme=${theme}`);
        await expect(page.getByTestId('kpi-csat-period')).toBeVisible({ timeout: 30_000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.waitForTimeout(400);
        const name = (v) => path.join(shots, `fair2-${v}-${lang}-${theme}-${width}.png`);
        await page.screenshot({ path: name('kpis'), fullPage: true });
        for (const [view, chart] of [['nps', 'nps-trend'], ['funnel', 'funnel-trend'], ['experience', 'priority']]) {
          await page.goto(`./?view=${view}&period=quarter&lang=${lang}&theme=${theme}`);
          const c = page.locator(`[data-chart="${chart}"]`).first();
          await expect(c).toBeVisible({ timeout: 30_000 });
          await c.scrollIntoViewIfNeeded();
          await page.waitForTimeout(400);
          await c.screenshot({ path: name(chart) });
        }
        expect(errors).toEqual([]);
      });
    }
  }
}
