// Fair comparisons on the bundled sample: a KPI card's value and its change name the same
// period, the period picker moves both, and the funnel by segment shows its intervals and
// tests. Figures are the hand-worked ones of tests/sample_report.rs (a script over the CSV).
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

test('a KPI card names one period for its value and its change', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await tab(page, 'kpis');
  const csat = page.locator('[data-kpi=csat]');
  // The sample opens on its purchase journey (issue 19). November 2025 (the last complete
  // month) against October: 63/118 against 74/125 (z = −0.91, counted in Python over the
  // purchase rows of journeys.csv).
  await expect(page.getByTestId('kpi-csat')).toHaveText('53.4%');
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('2025-11');
  await expect(page.getByTestId('kpi-csat-change')).toHaveText('No clear change (−5.8 pts vs 2025-10)');
  await expect(page.getByTestId('kpi-csat-change')).not.toHaveClass(/good|bad/);
  // 884 of the purchase journey's 1,706 answers.
  await expect(page.getByTestId('kpi-csat-all')).toHaveText('All data: 51.8%');
  // Revenue is money: a change in percent, coloured by direction (untested). Support
  // rows carry no revenue, so purchase alone has the same sums: 1,473.32 against 3,716.15.
  await expect(page.getByTestId('kpi-revenue_total')).toHaveText('1,473.32');
  await expect(page.getByTestId('kpi-revenue_total-change')).toHaveText('−60.4% vs 2025-10');
  await expect(page.getByTestId('kpi-revenue_total-change')).toHaveClass(/bad/);
  // Screen readers hear what the card shows.
  await expect(csat).toHaveAttribute('aria-label',
    'CSAT (top-2-box): 53.4% (2025-11). No clear change (−5.8 pts vs 2025-10). All data: 51.8%.');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'fair-kpis-1280.png'), fullPage: true });

  // A quarter, against the same quarter a year before (the sample has no 2024): both
  // texts move together.
  await page.getByTestId('kpi-period-kind').selectOption('quarter');
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('2025-Q3');
  await expect(page.getByTestId('kpi-csat-change')).toContainText('vs 2025-Q2');
  await page.getByTestId('kpi-period-compare').selectOption('year_before');
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('2025-Q3');
  await expect(page.getByTestId('kpi-csat-change')).toHaveText('No value in 2024-Q3 to compare with');
  // Choosing a period: the picker offers the data's quarters.
  await page.getByTestId('kpi-period-compare').selectOption('previous');
  await page.getByTestId('kpi-period-at').selectOption('2025-Q2');
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('2025-Q2');
  await expect(page.getByTestId('kpi-csat-change')).toContainText('vs 2025-Q1');
  await expect(page.getByTestId('kpi-period-line')).toHaveText('Period over period: 2025-Q2 vs 2025-Q1');
  // Custom dates.
  await page.getByTestId('kpi-period-kind').selectOption('custom');
  await page.getByTestId('kpi-period-from').fill('2025-11-01');
  await page.getByTestId('kpi-period-to').fill('2025-11-30');
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('2025-11-01 – 2025-11-30');
  await expect(page.getByTestId('kpi-csat')).toHaveText('53.4%');
  await expect(page.getByTestId('kpi-csat-change')).toContainText('vs 2025-10-02 – 2025-10-31');
  // Back to the default for the phone screenshot.
  await page.getByTestId('kpi-period-kind').selectOption('month');
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByTestId('kpi-csat-period')).toHaveText('2025-11');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'fair-kpis-360.png'), fullPage: true });
  await page.screenshot({ path: path.join(shots, 'fair-kpis-360-top.png') });
  expect(errors).toEqual([]);
});

test('the funnel by segment lists intervals and tests against the rest', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await tab(page, 'funnel');
  await page.getByTestId('breakdown-select').selectOption('persona');
  const card = page.locator('[data-chart="funnel-breakdown"]');
  await card.locator('[data-action=show-data]').click();
  await expect(card.locator('thead th')).toContainText(['95% interval (Wilson)', 'p', 'Differs from the rest (p < 0.05)']);
  await expect(card.locator('tbody tr')).toHaveCount(4);
  await page.waitForTimeout(300);
  await card.screenshot({ path: path.join(shots, 'fair-funnel-segments.png') });
  expect(errors).toEqual([]);
});
