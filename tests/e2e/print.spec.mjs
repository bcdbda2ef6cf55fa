// Print / save as PDF: the current view (or all four) laid out as a report with a title,
// the data source, filters and date, every chart with its table and no buttons.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/screenshots');

test.beforeEach(async ({ page }) => {
  fs.mkdirSync(shots, { recursive: true });
  // Headless print() would do nothing visible; count the calls instead.
  await page.addInitScript(() => {
    window.printed = 0;
    window.print = () => { window.printed += 1; };
    // page.pdf() fires beforeprint/afterprint like a print dialog that opens and closes;
    // keep the dialog "open" so several PDFs see the same print layout.
    window.addEventListener('afterprint', (e) => e.stopImmediatePropagation());
  });
});

/** Each chart's canvas is laid out with a size on paper; returns their ids. */
async function printedCharts(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-chart]')]
    .filter((c) => {
      const r = c.querySelector('canvas').getBoundingClientRect();
      return r.width > 100 && r.height > 50;
    })
    .map((c) => c.dataset.chart));
}

/** Bytes of drawing in a PDF's (deflated) streams. Chromium prints a canvas as the vector
 * drawing it recorded, so each chart adds its own paths and text. */
function pdfDrawing(pdf) {
  const text = pdf.toString('latin1');
  let total = 0;
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      total += zlib.inflateSync(pdf.subarray(start, end)).length;
    } catch {
      total += end - start;
    }
  }
  return total;
}

/** The PDF's drawing with and without the charts' canvases: what the charts add. */
async function chartDrawing(page) {
  const withCharts = pdfDrawing(await page.pdf({ format: 'A4' }));
  const style = await page.addStyleTag({ content: '.jl-chart canvas { visibility: hidden !important; }' });
  const without = pdfDrawing(await page.pdf({ format: 'A4' }));
  await style.evaluate((s) => s.remove());
  return withCharts - without;
}

test('the NPS view prints as a report with every chart and its table', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.locator('nav button[data-tab="nps"]').click();
  const ids = await page.locator('[data-view="nps"] [data-chart]').evaluateAll((cs) => cs.map((c) => c.dataset.chart));
  expect(ids.length).toBeGreaterThanOrEqual(3);
  await page.locator('[data-action="print"]').click();
  await page.locator('[data-action="print-view"]').click();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
  // Charts are redrawn at print resolution (3 backing pixels per CSS pixel).
  const ratio = await page.locator(`[data-chart="${ids[0]}"] canvas`).evaluate((c) => c.width / c.getBoundingClientRect().width);
  expect(ratio).toBeGreaterThanOrEqual(2.9);
  await page.emulateMedia({ media: 'print' });
  const head = page.getByTestId('print-head');
  await expect(head).toBeVisible();
  await expect(head).toContainText('Journey Lens — NPS');
  await expect(head).toContainText('Data: journeys.csv');
  // The sample opens on its purchase journey (issue 19): the heading names it.
  await expect(head).toContainText('Filters: Journey: purchase');
  await expect(head).toContainText('Printed on');
  expect((await printedCharts(page)).sort()).toEqual([...ids].sort());
  // Every chart shows its table; no button or menu is on paper.
  for (const id of ids) await expect(page.locator(`[data-chart="${id}"] table`)).toBeVisible();
  await expect(page.locator('button:visible, summary:visible, select:visible')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'print-nps.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(path.join(shots, 'print-nps.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // Each chart is on paper, as drawing (at least a few KB of paths and text each).
  expect(await chartDrawing(page)).toBeGreaterThan(ids.length * 2000);
  expect(errors).toEqual([]);
});

test('all four views print one after another', async ({ page }) => {
  await openApp(page);
  await page.locator('nav button[data-tab="funnel"]').click();
  await page.locator('[data-action="print"]').click();
  await page.locator('[data-action="print-all"]').click();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
  for (const v of ['funnel', 'experience', 'nps', 'kpis']) {
    await expect(page.locator(`[data-view="${v}"]`)).toHaveCount(1);
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-head')).toContainText('Funnel, experience map, NPS and KPIs');
  const all = await page.locator('[data-chart]').count();
  expect(await printedCharts(page)).toHaveLength(all);
  const pdf = await page.pdf({ format: 'A4' });
  fs.writeFileSync(path.join(shots, 'print-all.pdf'), pdf);
  expect(await chartDrawing(page)).toBeGreaterThan(all * 2000);
});
