// The Journey flows view on the bundled sample: it draws, its numbers are the report's, a
// link's tooltip shows its count, and clicking a node filters every view (a removable chip).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');
const int = (n) => n.toLocaleString('en-US');

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

async function report(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action=download-report]').click(),
  ]);
  const chunks = await (await download.createReadStream()).toArray();
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Moves the pointer over the chart in a grid until a tooltip whose title passes `want`
 *  shows; returns the position and the tooltip's text. */
async function findTip(page, canvas, want, xs) {
  const box = await canvas.boundingBox();
  for (const fx of xs) {
    for (let y = 4; y < box.height; y += 4) {
      const at = { x: box.x + box.width * fx, y: box.y + y };
      await page.mouse.move(at.x, at.y);
      const tip = page.getByTestId('tooltip');
      if (await tip.count()) {
        const text = await tip.innerText();
        const title = await tip.locator('strong').innerText();
        if (want(title, text)) return { at, text, title };
      }
    }
  }
  return null;
}

test('the flow view draws for the sample, links show counts, a node click filters every view', async ({ page }) => {
  const errors = watchConsole(page);
  fs.mkdirSync(shots, { recursive: true });
  await openApp(page);
  const before = await report(page);
  const flows = before.flows;
  expect(flows.unavailable).toBe(false);
  expect(flows.customers).toBe(586);
  // Step 1 holds every customer of the filter.
  expect(flows.steps[0].reduce((s, n) => s + n.customers, 0)).toBe(586);

  await tab(page, 'flows');
  await expect(page.getByTestId('flows-rooted')).toContainText('586');
  await expect(page.getByTestId('flows-collapsed')).toBeVisible();
  const canvas = page.locator('[data-chart=flow] canvas');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'flows.png'), fullPage: true });

  // A link between step 1 and 2: its tooltip has the report's count for that link.
  const link = flows.links.find((l) => l.step === 0);
  const label = (k) => (k.kind === 'value' ? k.value : null);
  const from = label(flows.steps[0][link.from].key);
  const to = label(flows.steps[1][link.to].key);
  const tip = await findTip(page, canvas, (t) => t.includes('→'), [0.12, 0.16, 0.2, 0.24, 0.28]);
  expect(tip).not.toBeNull();
  const [a, b] = tip.title.split(' → ');
  const match = flows.links.find((l) => l.step === 0
    && label(flows.steps[0][l.from].key) === a && label(flows.steps[1][l.to].key) === b);
  expect(match, `${tip.title} is a link of the report (e.g. ${from} → ${to})`).toBeTruthy();
  expect(tip.text).toContain(`Customers: ${int(match.customers)}`);

  // Click the first node of step 1 (the left edge of the chart).
  const first = flows.steps[0][0];
  const node = await findTip(page, canvas, (t) => t === first.key.value, [0.005, 0.01, 0.015]);
  expect(node).not.toBeNull();
  expect(node.text).toContain(`Customers: ${int(first.customers)}`);
  await page.mouse.click(node.at.x, node.at.y);
  await expect(page.getByTestId('path-chip')).toContainText(`Step 1 (Touchpoint) was ${first.key.value}`);
  await expect(page.getByTestId('flows-rooted')).toContainText(first.key.value);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'flows-filtered.png'), fullPage: true });

  // Every view now describes those customers: the funnel's numbers change.
  const after = await report(page);
  expect(after.selection.customers).toBe(first.customers);
  await tab(page, 'funnel');
  await expect(page.getByTestId('path-chip')).toBeVisible();
  await expect(page.getByTestId('funnel-entered')).toHaveText(int(after.funnel.steps[0].customers));
  expect(after.funnel.steps[0].customers).not.toBe(before.funnel.steps[0].customers);

  // Removing the chip restores everything.
  await page.locator('[data-action=remove-path-filter]').click();
  await expect(page.getByTestId('path-chip')).toHaveCount(0);
  await expect(page.getByTestId('funnel-entered')).toHaveText(int(before.funnel.steps[0].customers));
  expect(errors).toEqual([]);
});

test('flow controls: backwards into a node, deeper, at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openApp(page);
  await tab(page, 'flows');
  await page.getByTestId('flow-direction').selectOption('backward');
  await page.getByTestId('flow-depth').selectOption('6');
  const options = await page.getByTestId('flow-root').locator('option').allInnerTexts();
  expect(options.length).toBeGreaterThan(2);
  await page.getByTestId('flow-root').selectOption({ index: 1 });
  await expect(page.getByTestId('flows-rooted')).toContainText(options[1]);
  // On a phone the report button sits behind the folded filters.
  await page.locator('[data-action=toggle-filters]').click();
  const r = await report(page);
  expect(r.settings.flow.direction).toBe('backward');
  expect(r.settings.flow.depth).toBe(6);
  expect(r.flows.steps).toHaveLength(6);
  expect(r.flows.steps[0]).toHaveLength(1);
  expect(r.flows.steps[0][0].customers).toBe(r.flows.rooted);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'flows-360.png'), fullPage: true });
  // The diagram fits its card: the canvas is no wider than the phone.
  const box = await page.locator('[data-chart=flow] canvas').boundingBox();
  expect(box.width).toBeLessThanOrEqual(360);
});
