// Issue 19, "settings belong to their data": what each view counts out of the customers
// loaded, and a stage column that is an order status read as the furthest stage reached.
import { test, expect } from '@playwright/test';
import { watchConsole, openApp } from './helpers.mjs';

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

test('the sample funnel says it counts every one of its 586 customers', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await tab(page, 'funnel');
  await expect(page.getByTestId('coverage-funnel')).toHaveText('Counting 586 of the 586 customers loaded.');
  await tab(page, 'kpis');
  await expect(page.getByTestId('coverage-funnel')).toHaveText('Counting 586 of the 586 customers loaded.');
  expect(errors).toEqual([]);
});

test('an order-status column is read as the furthest stage reached, end states left out', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.setInputFiles('[data-testid=file-input]', {
    name: 'orders.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('customer_id,timestamp,stage\na,2024-01-01,delivered\nb,2024-01-02,shipped\nc,2024-01-03,created\nd,2024-01-04,canceled\ne,2024-01-05,delivered\n', 'utf8'),
  });
  await expect(page.getByTestId('load-summary')).toHaveText('5 rows loaded, 0 rejected');
  await tab(page, 'funnel');
  // a, b, c and e started ("created" passed by everyone beyond it); d ended at canceled.
  await expect(page.getByTestId('funnel-entered')).toHaveText('4');
  await expect(page.getByTestId('coverage-funnel')).toHaveText(
    'Counting 4 of the 5 customers loaded: 1 customer ended at “canceled”, left out of the funnel.');
  await expect(page.getByTestId('funnel-note').first()).toHaveText(
    'The stage column is read as a status: each customer counts as having passed every stage before their current one. End states left out of the funnel: "canceled".');
  // Read as events instead: only c has a "created" row.
  await tab(page, 'data');
  await page.getByTestId('stage-reading').selectOption('events');
  await tab(page, 'funnel');
  await expect(page.getByTestId('funnel-entered')).toHaveText('1');
  expect(errors).toEqual([]);
});
