// Real exports in the browser: the Olist orders file loaded as milestone dates, the reviews
// file added and joined on order_id, checked against the native report of the same files
// (`journey-lens report … --key order_id`), kept across a reload, and removed again.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');
// shared/data/real next to the checkout, or two levels up for a worktree under wt/.
const olist = [path.resolve(root, '../shared/data/real/olist_sample'),
  path.resolve(root, '../../shared/data/real/olist_sample')].find((d) => fs.existsSync(d));
const orders = olist && path.join(olist, 'olist_orders_dataset.csv');
const reviews = olist && path.join(olist, 'olist_order_reviews_dataset.csv');

const int = (n) => n.toLocaleString('en-US');

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

/** The native report of the same files with the same choices. */
function nativeReport() {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'journey-lens', '--',
    'report', orders, '--map', 'order_status=touchpoint', '--milestones', 'auto',
    reviews, '--key', 'order_id'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8'));
}

test('Olist orders as milestones plus reviews match the native report', async ({ page }) => {
  test.skip(!olist, 'shared/data/real/olist_sample not found');
  // The native report may have to build the release binary first.
  test.setTimeout(600_000);
  const errors = watchConsole(page);
  fs.mkdirSync(shots, { recursive: true });
  const native = nativeReport();
  await openApp(page);

  // The orders file as exported: one row per order, a date column per milestone.
  await page.setInputFiles('[data-testid=file-input]', orders);
  await expect(page.getByTestId('load-summary')).toHaveText('8,135 rows loaded, 0 rejected');
  const ms = page.getByTestId('milestones');
  await expect(ms).toBeVisible();
  await ms.getByTestId('use-milestones').check();
  // Proposed: the four reached dates ticked, the estimated delivery (a plan) unticked.
  const rows = ms.locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0).getByTestId('milestone-stage')).toHaveValue('purchase');
  await expect(rows.nth(4)).toHaveAttribute('data-column', 'order_estimated_delivery_date');
  await expect(rows.nth(4).getByTestId('milestone-use')).not.toBeChecked();
  await expect(rows.nth(3).getByTestId('milestone-use')).toBeChecked();
  // The order status as the map's second dimension (the file has no touchpoint).
  await page.locator('tr[data-column="order_status"] [data-testid=role-select]').selectOption('touchpoint');
  await page.locator('[data-action=apply-mapping]').click();
  // PROVENANCE.md: approved missing 146, carrier 1,782, delivered 2,965 of 8,135.
  // 8,135 + 7,989 + 6,353 + 5,170 = 27,647 events, written with the English thousands separator.
  await expect(page.getByTestId('load-card')).toContainText('8,135 rows gave 27,647 events');
  await expect(page.getByTestId('load-summary')).toHaveText('8,135 rows loaded, 0 rejected');
  await page.screenshot({ path: path.join(shots, 'milestones-mapping.png'), fullPage: true });

  // Add the reviews: no customer column, joined through order_id.
  await page.setInputFiles('[data-testid=add-file-input]', reviews);
  const files = page.getByTestId('files-table');
  const rev = files.locator('tr[data-file="olist_order_reviews_dataset.csv"]');
  await expect(rev.locator('[data-col=matched]')).toHaveText(int(native.files[1].matched));
  await expect(rev.locator('[data-col=matched]')).toHaveText('8,225');
  await expect(rev.locator('[data-col=unmatched]')).toHaveText('0');
  await expect(rev.locator('[data-col=ambiguous]')).toHaveText('0');
  await page.screenshot({ path: path.join(shots, 'files.png'), fullPage: true });

  // Funnel counts as in the native report.
  const checkFunnel = async () => {
    await tab(page, 'funnel');
    await expect(page.getByTestId('funnel-entered')).toHaveText(int(native.funnel.steps[0].customers));
    const card = page.locator('[data-chart=funnel]');
    await card.locator('[data-action=show-data]').click();
    const trs = card.locator('tbody tr');
    await expect(trs).toHaveCount(native.funnel.steps.length);
    for (const [i, s] of native.funnel.steps.entries()) {
      await expect(trs.nth(i).locator('td').nth(0)).toHaveText(s.stage);
      await expect(trs.nth(i).locator('td').nth(1)).toHaveText(int(s.customers));
    }
  };
  await checkFunnel();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'milestones-funnel.png'), fullPage: true });

  // One experience-map cell: delivered × delivered, review satisfaction as natively.
  const cell = native.experience.grid.cells.find((c) => c.stage === 'delivered customer' && c.touchpoint === 'delivered');
  expect(cell.satisfaction_count).toBeGreaterThan(0);
  await tab(page, 'experience');
  const heat = page.locator('[data-chart=heatmap]');
  await heat.locator('[data-action=show-data]').click();
  const row = heat.locator('tbody tr').filter({ has: page.locator('td:nth-child(1)', { hasText: /^delivered customer$/ }) })
    .filter({ has: page.locator('td:nth-child(2)', { hasText: /^delivered$/ }) });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(2)).toHaveText(cell.satisfaction_mean.toFixed(2));
  await expect(row.locator('td').nth(3)).toHaveText(int(cell.satisfaction_count));
  await expect(row.locator('td').nth(4)).toHaveText(int(cell.events));
  await expect(row.locator('td').nth(5)).toHaveText(int(cell.customers));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'milestones-experience.png'), fullPage: true });

  // No 0–10 question: the NPS view says so.
  await tab(page, 'nps');
  await expect(page.getByTestId('no-nps')).toContainText('no NPS');
  await page.screenshot({ path: path.join(shots, 'milestones-nps.png'), fullPage: true });
  // The KPI card says it as plainly: review scores are not an NPS question.
  await tab(page, 'kpis');
  await expect(page.locator('[data-kpi=nps]')).toContainText('No NPS in this data: no 0–10 question.');

  // A reload keeps both files and the same numbers.
  await page.reload();
  await tab(page, 'data');
  await expect(page.getByTestId('files-table').locator('tr[data-file="olist_order_reviews_dataset.csv"] [data-col=matched]'))
    .toHaveText('8,225', { timeout: 60_000 });
  await checkFunnel();

  // Removing the reviews recomputes from the orders alone: the cell loses its reviews.
  await tab(page, 'data');
  await page.locator('tr[data-file="olist_order_reviews_dataset.csv"] [data-action=remove-file]').click();
  await expect(page.getByTestId('files-table')).toHaveCount(0);
  await tab(page, 'experience');
  await page.locator('[data-chart=heatmap] [data-action=show-data]').click();
  const after = page.locator('[data-chart=heatmap] tbody tr')
    .filter({ has: page.locator('td:nth-child(1)', { hasText: /^delivered customer$/ }) })
    .filter({ has: page.locator('td:nth-child(2)', { hasText: /^delivered$/ }) });
  await expect(after.locator('td').nth(3)).toHaveText('0');
  expect(errors).toEqual([]);
});

const excerpt = path.join(root, 'tests/fixtures/olist');

test('added files: unmatched rows download, payments bring revenue, each file keeps its mapping', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.setInputFiles('[data-testid=file-input]', path.join(excerpt, 'orders.csv'));
  await expect(page.getByTestId('load-summary')).toHaveText('9 rows loaded, 0 rejected');
  await page.getByTestId('use-milestones').check();
  await page.locator('[data-action=apply-mapping]').click();
  // 9 + 8 + 6 + 5 dates reached (tests/it/milestones_join.rs works them out).
  await expect(page.getByTestId('load-card')).toContainText('9 rows gave 28 events');

  // The key chosen by hand this time.
  await page.getByTestId('add-file-key').selectOption('order_id');
  await page.setInputFiles('[data-testid=add-file-input]', path.join(excerpt, 'reviews.csv'));
  const rev = page.locator('tr[data-file="reviews.csv"]');
  await expect(rev.locator('[data-col=matched]')).toHaveText('9');
  await expect(rev.locator('[data-col=unmatched]')).toHaveText('1');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action=download-unmatched]').click(),
  ]);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  expect(text.split(/\r?\n/).filter(Boolean)).toEqual([
    'file,line,key,value,reason',
    'reviews.csv,11,order_id,583174fbe37d3d5f0d6661be3aad1786,no earlier file has this key',
  ]);

  // Payments: key found automatically; payment_value read as revenue.
  await page.setInputFiles('[data-testid=add-file-input]', path.join(excerpt, 'payments.csv'));
  const pay = page.locator('tr[data-file="payments.csv"]');
  await expect(pay.locator('[data-col=matched]')).toHaveText('9');
  await tab(page, 'kpis');
  // 175.26 + 65.95 + 118.86 + 17.28 + 22.36 + 54.82 + 53.66 + 50.35 + 0.00
  await expect(page.getByTestId('kpi-revenue_total')).toHaveText('558.54');

  // Changing the first file's mapping reloads it and keeps the added files joined.
  await tab(page, 'data');
  await page.locator('tr[data-column="order_status"] [data-testid=role-select]').selectOption('touchpoint');
  await page.locator('[data-action=apply-mapping]').click();
  await expect(page.locator('tr[data-column="order_status"] [data-testid=role-select]')).toHaveValue('touchpoint');
  await expect(rev.locator('[data-col=matched]')).toHaveText('9');
  await expect(pay.locator('[data-col=matched]')).toHaveText('9');
  await tab(page, 'experience');
  const heat = page.locator('[data-chart=heatmap]');
  await heat.locator('[data-action=show-data]').click();
  // delivered customer × delivered: 5 delivery events + 4 reviews (4, 3, 4, 5) of 5 customers.
  const cell = heat.locator('tbody tr').filter({ has: page.locator('td:nth-child(1)', { hasText: /^delivered customer$/ }) })
    .filter({ has: page.locator('td:nth-child(2)', { hasText: /^delivered$/ }) });
  await expect(cell.locator('td').nth(2)).toHaveText('4.00');
  await expect(cell.locator('td').nth(4)).toHaveText('9');
  await tab(page, 'data');

  // Its own mapping: payment_type as the channel, without touching the other files.
  await tab(page, 'data');
  const mapping = page.getByTestId('added-mapping').filter({ hasText: 'payments.csv' });
  await mapping.locator('summary').click();
  await mapping.locator('tr[data-column="payment_type"] select').selectOption('channel');
  await mapping.getByRole('button', { name: 'Apply mapping and reload' }).click();
  await expect(page.getByTestId('added-mapping').filter({ hasText: 'payments.csv' })
    .locator('tr[data-column="payment_type"] select')).toHaveValue('channel');
  await expect(page.getByTestId('added-mapping').filter({ hasText: 'reviews.csv' })
    .locator('tr[data-column="review_score"] select')).toHaveValue('satisfaction');
  await expect(pay.locator('[data-col=matched]')).toHaveText('9');

  // Removing the reviews keeps the payments joined and recomputes.
  await rev.locator('[data-action=remove-file]').click();
  await expect(page.locator('tr[data-file="reviews.csv"]')).toHaveCount(0);
  await expect(pay.locator('[data-col=matched]')).toHaveText('9');
  await tab(page, 'kpis');
  await expect(page.getByTestId('kpi-revenue_total')).toHaveText('558.54');
  expect(errors).toEqual([]);
});
