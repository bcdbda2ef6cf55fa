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
  ]);
  await upload(page, 'feed.json', feed);
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 1 rejected');
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
