// A summary feed (docs/summary-feed.md) in the browser: dropped as a .json file and
// fetched from a feed URL, it fills the views with the numbers of the events it summarises
// (tests/fixtures/summary_journeys.json = DuckDB's summary of public/sample/journeys.csv,
// whose figures the event path gives as below), and a banner names what needs events.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp } from './helpers.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const feedUrl = `http://127.0.0.1:${process.env.E2E_PORT || 8765}/fixtures/summary_journeys.json`;

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

async function sampleFigures(page) {
  await tab(page, 'funnel');
  await expect(page.getByTestId('funnel-entered')).toHaveText('586');
  await expect(page.getByTestId('funnel-conversion')).toHaveText('36.0%');
  await expect(page.getByTestId('dropped')).toHaveCount(0);
  await tab(page, 'nps');
  await expect(page.getByTestId('nps-score').locator('.value')).toHaveText('+25');
  await expect(page.getByTestId('nps-responses')).toHaveText('482');
  await tab(page, 'kpis');
  // The cards show November 2025 (the last complete month); the whole data is below.
  await expect(page.getByTestId('kpi-customers-all')).toHaveText('All data: 586');
  await expect(page.getByTestId('kpi-csat-all')).toHaveText('All data: 51.7%');
  await expect(page.getByTestId('kpi-csat')).toHaveText('51.2%');
  await expect(page.getByTestId('jes-formula')).toHaveText(
    'JES = (0.25×51.7 + 0.25×62.6 + 0.25×36.0 + 0.25×62.0) / 1.00 = 53.1');
}

test('a dropped summary feed draws the views and names what needs events', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await expect(page.getByTestId('summary-banner')).toHaveCount(0);
  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'summary_journeys.json'));
  const banner = page.getByTestId('summary-banner');
  await expect(banner).toContainText('Summary feed from duckdb');
  await expect(banner).toContainText('3,000 events');
  await expect(page.getByTestId('summary-needs')).toContainText('the priority matrix');
  await expect(page.getByTestId('summary-needs')).toContainText('median days to convert');
  await expect(page.getByTestId('summary-needs')).not.toContainText('the funnel and conversion KPIs');
  await sampleFigures(page);
  // A filter keeps the cell-based figures and marks the funnel.
  await page.locator('details[data-dimension="persona"] summary').click();
  await page.locator('details[data-dimension="persona"] input[value="Loyal regular"]').check();
  await expect(page.getByTestId('summary-needs')).toContainText('the funnel and conversion KPIs');
  expect(errors).toEqual([]);
});

test('the journey map is drawn from a summary; flows say they need event-level data', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'summary_journeys.json'));
  await expect(page.getByTestId('summary-banner')).toContainText('Summary feed from duckdb');
  await expect(page.getByTestId('summary-needs')).toContainText('journey flows');
  // The map's reach is the funnel's: 586 customers at the first of five stages.
  await page.locator('nav button[data-tab="journey-map"]').click();
  const map = page.locator('[data-view="journey-map"]');
  await expect(map.locator('canvas[role=application]').first()).toHaveAttribute(
    'aria-label', /^Journey map of 5 stages/);
  const card = page.locator('[data-chart="journey-map"]');
  await card.locator('[data-action=show-data]').click();
  const rows = await card.locator('table.jl-table').evaluate((t) => [...t.querySelectorAll('tr')].map(
    (tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent)));
  const customers = rows[0].indexOf('Customers');
  expect(rows[1][customers]).toBe('586');
  // Flows follow each customer's path, which a summary does not keep.
  await page.locator('nav button[data-tab="flows"]').click();
  await expect(page.locator('[data-view="flows"]').getByTestId('needs')).toContainText(
    'This chart needs event-level data');
  await expect(page.locator('[data-view="flows"] canvas')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a summary feed loads from a feed URL', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.getByTestId('feed-url').fill(feedUrl);
  await page.locator('[data-action=load-feed]').click();
  await expect(page.getByTestId('summary-banner')).toContainText('Summary feed from duckdb');
  await sampleFigures(page);
  expect(errors).toEqual([]);
});

test('a broken summary feed is one sentence and the data stays', async ({ page }) => {
  await openApp(page);
  const bad = Buffer.from('{"journey_lens_summary": 1, "meta": {}}');
  await page.setInputFiles('[data-testid=file-input]', { name: 'bad.json', mimeType: 'application/json', buffer: bad });
  await expect(page.getByTestId('error')).toContainText('This summary feed cannot be read');
  await expect(page.getByTestId('load-summary')).toHaveText('3,000 rows loaded, 0 rejected');
  await expect(page.getByTestId('summary-banner')).toHaveCount(0);
});
