// The journey map on the bundled sample: the landing view, the same figures as the
// detailed views, persona switch, tooltips, the PNG at twice the canvas, one landscape
// print page, and screenshots in light, dark and at 360 px.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, showData } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');

const MAP = '[data-view="journey-map"]';
// Layout constants of src/charts/journey_map.rs (CSS px).
const LABEL = 112;
const PAIN_TOP = 34 + 66 + 62 + 62 + 118;

async function readDownload(download) {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks);
}

/** Lands on the map with the sample drawn. */
async function land(page) {
  await page.goto('./');
  await expect(page.locator(MAP)).toBeVisible();
  await expect(page.locator(`${MAP} canvas[role=application]`).first()).toHaveAttribute(
    'aria-label', /^Journey map of \d+ stages/, { timeout: 30_000 });
}

/** The map's "Show data" table as rows of cells (header row first). */
async function mapTable(page, chart = 'journey-map') {
  const card = page.locator(`[data-chart="${chart}"]`);
  const button = card.locator('[data-action=show-data]');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const table = card.locator('table.jl-table');
  await expect(table).toBeVisible();
  return table.evaluate((t) => [...t.querySelectorAll('tr')].map(
    (tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent)));
}

const column = (rows, name) => {
  const i = rows[0].indexOf(name);
  expect(i, `column ${name} in ${rows[0]}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((r) => r[i]);
};

test('the map is the landing view and repeats the detailed views\' figures', async ({ page }) => {
  const errors = watchConsole(page);
  await land(page);
  const nav = page.locator('nav button');
  await expect(nav.first()).toHaveAttribute('data-tab', 'journey-map');
  await expect(nav.first()).toHaveText('Journey map');
  await expect(page.locator('nav button[data-tab="journey-map"]')).toHaveAttribute('aria-current', 'page');
  const rows = await mapTable(page);

  await showData(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action=download-report]').click(),
  ]);
  const report = JSON.parse((await readDownload(download)).toString('utf8'));
  const steps = report.funnel.steps;
  expect(column(rows, 'Stage')).toEqual(steps.map((s) => s.stage));
  expect(column(rows, 'Customers')).toEqual(steps.map((s) => s.customers.toLocaleString('en-US')));
  expect(column(rows, 'Satisfaction (0–100)')).toEqual(
    report.experience.emotion.overall.map((p) => (p.percent == null ? 'n/a' : p.percent.toFixed(1))));
  // Each stage's pain points are the experience map's, worst first.
  const pains = column(rows, 'Pain points');
  steps.forEach((s, j) => {
    const expected = report.experience.pain_points.filter((p) => p.stage === s.stage).slice(0, 3)
      .map((p) => `${p.touchpoint} ${p.satisfaction_mean.toFixed(2)}`).join('; ');
    expect(pains[j]).toBe(expected);
  });
  // The lane links open the detailed views.
  await page.locator('nav button[data-tab="journey-map"]').click();
  await page.locator('[data-link="nps"]').click();
  await expect(page.locator('[data-view="nps"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a persona switch redraws the emotion lane for that persona', async ({ page }) => {
  const errors = watchConsole(page);
  await land(page);
  const everyone = column(await mapTable(page), 'Satisfaction (0–100)');
  const select = page.getByTestId('map-persona');
  await expect(select.locator('option')).toHaveText(
    ['All customers', 'Bargain hunter', 'Busy professional', 'First-time buyer', 'Loyal regular']);
  await select.selectOption('Bargain hunter');
  await expect(page.locator(`${MAP} canvas[role=application]`).first()).toHaveAttribute('aria-label', /Journey map/);
  await expect.poll(async () => column(await mapTable(page), 'Satisfaction (0–100)')).not.toEqual(everyone);
  const caption = page.locator('[data-chart="journey-map"] table.jl-table caption');
  await expect(caption).toHaveText('Journey map for Bargain hunter: one row per funnel stage');
  // The persona's own map equals the whole map filtered to that persona.
  const bargain = column(await mapTable(page), 'Customers');
  await select.selectOption('');
  await page.locator('details[data-dimension="persona"] summary').click();
  await page.locator('details[data-dimension="persona"] input[value="Bargain hunter"]').check();
  await page.locator('details[data-dimension="persona"] summary').click();
  await expect.poll(async () => column(await mapTable(page), 'Customers')).toEqual(bargain);

  // Compare mode: two maps, the second for another persona.
  await page.getByTestId('map-compare').check();
  await expect(page.locator('[data-chart="journey-map-b"] canvas[role=application]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a persona the filter leaves out reads as everyone until the filter brings it back', async ({ page }) => {
  const errors = watchConsole(page);
  await land(page);
  const select = page.getByTestId('map-persona');
  const caption = page.locator('[data-chart="journey-map"] table.jl-table caption');
  await select.selectOption('Bargain hunter');
  await mapTable(page);
  await expect(caption).toHaveText('Journey map for Bargain hunter: one row per funnel stage');
  // Filtered to Loyal regular: Bargain hunter is no longer in the data, so the map is
  // everyone's (within the filter) and the picker says so.
  const persona = page.locator('details[data-dimension="persona"]');
  await persona.locator('summary').click();
  await persona.locator('input[value="Loyal regular"]').check();
  await expect(select.locator('option')).toHaveText(['All customers', 'Loyal regular']);
  await expect(select).toHaveValue('');
  await expect(caption).toHaveText('Journey map: one row per funnel stage');
  // The filter taken off: the choice applies again.
  await persona.locator('input[value="Loyal regular"]').uncheck();
  await expect(select).toHaveValue('Bargain hunter');
  await expect(caption).toHaveText('Journey map for Bargain hunter: one row per funnel stage');
  expect(errors).toEqual([]);
});

test('hovering a pain point shows its satisfaction', async ({ page }) => {
  const errors = watchConsole(page);
  await land(page);
  const rows = await mapTable(page);
  const pains = column(rows, 'Pain points');
  const j = pains.findIndex((p) => p !== '');
  expect(j).toBeGreaterThanOrEqual(0);
  const [touchpoint, mean] = pains[j].split('; ')[0].split(/ (?=[\d.]+$)/);
  const canvas = page.locator('[data-chart="journey-map"] canvas[role=application]');
  const box = await canvas.boundingBox();
  const col = (box.width - LABEL) / (rows.length - 1);
  await canvas.scrollIntoViewIfNeeded();
  await canvas.hover({ position: { x: LABEL + col * (j + 0.5), y: PAIN_TOP + 13 } });
  const tip = page.getByTestId('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip.locator('strong')).toHaveText(`${rows[j + 1][0]} · ${touchpoint}`);
  await expect(tip).toContainText(`Satisfaction: ${mean} (1–5)`);
  expect(errors).toEqual([]);
});

test('Download PNG is at least twice the canvas, and the print layout is one landscape page', async ({ page }) => {
  const errors = watchConsole(page);
  await land(page);
  const canvas = page.locator('[data-chart="journey-map"] canvas[role=application]');
  const size = await canvas.evaluate((c) => [c.width, c.height]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-chart="journey-map"] [data-action=download-png]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^journey-lens-journey-map-.+-\d{4}-\d{2}-\d{2}\.png$/);
  const png = await readDownload(download);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect(w).toBeGreaterThanOrEqual(2 * size[0]);
  expect(h).toBeGreaterThanOrEqual(2 * size[1]);

  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  const [, , pw, ph] = pdf.match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/).slice(1).map(Number);
  expect(pw).toBeGreaterThan(ph);
  expect(errors).toEqual([]);
});

test('screenshots: light, dark and 360 px, where the columns scroll inside the chart', async ({ page }) => {
  const errors = watchConsole(page);
  fs.mkdirSync(shots, { recursive: true });
  await land(page);
  await page.screenshot({ path: path.join(shots, 'journey-map-light.png'), fullPage: true });
  await page.locator('.jl-header-tools button').first().click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'journey-map-dark.png'), fullPage: true });

  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(400);
  const scroll = page.locator('[data-chart="journey-map"] .jl-map-scroll');
  const [sw, cw] = await scroll.evaluate((s) => [s.scrollWidth, s.clientWidth]);
  expect(sw).toBeGreaterThan(cw);
  // The page itself does not scroll sideways: only the chart area does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: path.join(shots, 'journey-map-360.png'), fullPage: true });
  expect(errors).toEqual([]);
});
