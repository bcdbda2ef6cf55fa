// Shared helpers for the browser tests: console-error capture and app boot.
import { expect } from '@playwright/test';

/** Collects console errors and uncaught exceptions; assert it stays empty. */
export function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

/** Opens the app and waits until the bundled sample is loaded; ends on the Data tab. */
export async function openApp(page, query = '') {
  await page.goto(query ? `./${query}` : './');
  await showData(page);
  await expect(page.getByTestId('load-summary')).toContainText('rows loaded', { timeout: 30_000 });
}

/** The journey map is the landing view; the load summary and the loaders are on Data. */
export async function showData(page) {
  await page.locator('nav button[data-tab="data"]').click();
}
