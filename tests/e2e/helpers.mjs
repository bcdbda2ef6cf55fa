// Shared helpers for the browser tests: console-error capture and app boot.
import { expect } from '@playwright/test';

/** Collects console errors and uncaught exceptions; assert it stays empty. */
export function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

/** Opens the app and waits until the bundled sample is loaded. */
export async function openApp(page, query = '') {
  await page.goto(query ? `./${query}` : './');
  await expect(page.getByTestId('load-summary')).toContainText('rows loaded', { timeout: 30_000 });
}
