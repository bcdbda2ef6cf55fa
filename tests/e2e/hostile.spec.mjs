// Hostile and careless files in the browser (issue 17 §1–2): the shapes the native tests
// generate show a clear message here too, and the page keeps working. Files are generated
// in the test, not stored.
import { test, expect } from '@playwright/test';
import { watchConsole, openApp } from './helpers.mjs';

const HEAD = 'customer_id,stage,touchpoint,satisfaction\n';

function upload(page, name, text) {
  return page.setInputFiles('[data-testid=file-input]', {
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
}

test('an unclosed quote rejects its line and keeps the lines it swallowed', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  let text = HEAD;
  for (let i = 1; i <= 48; i++) text += i === 11 ? 'c11,"visit,web,4\n' : `c${i},visit,web,4\n`;
  await upload(page, 'ragged.csv', text);
  await expect(page.getByTestId('load-summary')).toHaveText('47 rows loaded, 1 rejected');
  const rejected = page.getByTestId('rejected');
  await expect(rejected.locator('tbody tr')).toHaveCount(1);
  await expect(rejected.locator('tbody tr').first()).toContainText('an unclosed quote at line 12 joined lines 12–49');
  expect(errors).toEqual([]);
});

test('short and long records: one note, one rejection', async ({ page }) => {
  await openApp(page);
  await upload(page, 'short.csv', `${HEAD}c1,visit,web,4\nc2,visit\nc3,visit,web,4,surprise\n`);
  await expect(page.getByTestId('load-summary')).toHaveText('2 rows loaded, 1 rejected');
  await expect(page.getByTestId('load-card')).toContainText('1 row had fewer columns than the header');
  await expect(page.getByTestId('rejected')).toContainText('This row has 5 values but the header has 4 columns');
});

test('a feed with an epoch-nanosecond and a 1e20 timestamp loads the good events', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  const feed = JSON.stringify([
    { customer_id: 'a', stage: 'visit', timestamp: 1e20 },
    { customer_id: 'b', stage: 'visit', timestamp: 1700000000 },
    // Epoch nanoseconds (2023-11-14): read as seconds or milliseconds, far past 2200.
    { customer_id: 'c', stage: 'visit', timestamp: 1700000000000000000 },
  ]);
  await upload(page, 'feed.json', feed);
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 2 rejected');
  await expect(page.getByTestId('rejected')).toContainText('outside the years 1900–2200');
  // Every view still draws.
  for (const view of ['funnel', 'experience', 'nps', 'kpis']) {
    await page.locator(`nav button[data-tab="${view}"]`).click();
    await expect(page.locator(`[data-view="${view}"]`)).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('5,000 identical headers are refused at once with a reason', async ({ page }) => {
  await openApp(page);
  const header = Array(5000).fill('a').join(',');
  const row = Array(5000).fill('1').join(',');
  await upload(page, 'wide.csv', `${header}\n${row}\n`);
  await expect(page.getByTestId('error')).toContainText('more than 2,000 columns');
  // The previous data stays.
  await expect(page.getByTestId('load-summary')).toContainText('rows loaded');
});

test('NUL bytes after the first 64 KiB reject their rows', async ({ page }) => {
  await openApp(page);
  let text = HEAD;
  let n = 0;
  while (text.length < 70_000) text += `c${++n},visit,web,4\n`;
  text += 'n1,vis\0it,web,4\nlast,buy,shop,5\n';
  await upload(page, 'nul.csv', text);
  await expect(page.getByTestId('load-summary')).toHaveText(`${(n + 1).toLocaleString("en-US")} rows loaded, 1 rejected`);
  await expect(page.getByTestId('rejected')).toContainText('NUL bytes');
});

test('a feed whose objects all have different keys is refused with a reason', async ({ page }) => {
  await openApp(page);
  const events = Array.from({ length: 20_000 }, (_, i) => ({ customer_id: `c${i}`, stage: 'visit', [`k${i}`]: 1 }));
  await upload(page, 'keys.json', JSON.stringify(events));
  await expect(page.getByTestId('error')).toContainText('more than 2,000 different field names');
  await expect(page.getByTestId('load-summary')).toContainText('rows loaded');
});

test('a feed with a 100,000-stage order and a file with 50,000 touchpoints load and every view draws', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await openApp(page);
  const feed = {
    meta: { stage_order: Array.from({ length: 100_000 }, (_, i) => `s${i}`) },
    events: [
      { customer_id: 'a', stage: 's1', timestamp: 1700000000 },
      { customer_id: 'a', stage: 's5', timestamp: 1700000100 },
    ],
  };
  await upload(page, 'order.json', JSON.stringify(feed));
  await expect(page.getByTestId('load-summary')).toHaveText('2 rows loaded, 0 rejected');
  for (const view of ['journey-map', 'funnel', 'experience', 'flows', 'nps', 'kpis']) {
    await page.locator(`nav button[data-tab="${view}"]`).click();
    await expect(page.locator(`[data-view="${view}"]`)).toBeVisible();
  }
  await page.locator('nav button[data-tab="data"]').click();
  let text = HEAD;
  for (let i = 0; i < 50_000; i++) text += `c${i % 5000},s${i % 7},t${i},${1 + (i % 5)}\n`;
  await upload(page, 'touchpoints.csv', text);
  await expect(page.getByTestId('load-summary')).toHaveText('50,000 rows loaded, 0 rejected');
  await page.locator('nav button[data-tab="experience"]').click();
  const heat = page.locator('[data-chart=heatmap]');
  await heat.locator('[data-action=show-data]').click();
  // 15 touchpoints with the most events, then one "(others)" column for the other 49,985.
  await expect(heat.locator('tbody tr td:nth-child(2)', { hasText: /^\(others\)$/ }).first()).toBeVisible();
  await expect(heat).toContainText('50,000');
  for (const view of ['journey-map', 'funnel', 'flows', 'nps', 'kpis']) {
    await page.locator(`nav button[data-tab="${view}"]`).click();
    await expect(page.locator(`[data-view="${view}"]`)).toBeVisible();
  }
  expect(errors).toEqual([]);
});
