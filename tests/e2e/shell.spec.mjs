// Foundation: the app boots from a sub-path with the sample, every view is reachable and
// the console stays clean.
import { test, expect } from '@playwright/test';
import { watchConsole, openApp } from './helpers.mjs';

test('boots from a sub-path with the bundled sample', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  expect(page.url()).toContain('/some/dir/');
  await expect(page.locator('.jl-brand')).toContainText('Journey Lens');
  // The sample is 3,000 generated events (public/sample/README.md), none of them invalid.
  await expect(page.getByTestId('load-summary')).toHaveText('3,000 rows loaded, 0 rejected');
  expect(errors).toEqual([]);
});

test('navigation reaches every view', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  for (const tab of ['funnel', 'experience', 'nps', 'kpis', 'journey-map', 'data']) {
    await page.locator(`nav button[data-tab="${tab}"]`).click();
    await expect(page.locator(`[data-view="${tab}"]`)).toBeVisible();
    await expect(page.locator(`nav button[data-tab="${tab}"]`)).toHaveAttribute('aria-current', 'page');
  }
  expect(errors).toEqual([]);
});
