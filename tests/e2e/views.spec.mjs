// The four views on the bundled sample: numbers cross-checked against the report JSON of
// the same data, filters, tooltips, downloads, and a screenshot of each view.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { watchConsole, openApp } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');

async function readDownload(download) {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks);
}

async function downloadReport(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action=download-report]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^journey-lens-report-.+-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse((await readDownload(download)).toString('utf8'));
}

const int = (n) => n.toLocaleString('en-US');
const pct = (v) => `${v.toFixed(1)}%`;
const signed = (v) => (Math.round(v) > 0 ? `+${Math.round(v)}` : `${Math.round(v)}`.replace('-', '−'));

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

test('each view shows the numbers of the report JSON, and looks right', async ({ page }) => {
  const errors = watchConsole(page);
  fs.mkdirSync(shots, { recursive: true });
  await openApp(page);
  const report = await downloadReport(page);
  await page.screenshot({ path: path.join(shots, 'data.png'), fullPage: true });

  // The sample: 3,000 events of 586 customers (public/sample/README.md); it opens on its
  // purchase journey (issue 19): all 586 customers, 2,877 of the events (counted in Python
  // over journeys.csv: 123 rows are in the support journey).
  expect(report.selection.events).toBe(2877);
  expect(report.selection.customers).toBe(586);
  await expect(page.getByTestId('filter-count')).toHaveText('586 customers · 2,877 of 3,000 events');

  await tab(page, 'funnel');
  const first = report.funnel.steps[0];
  expect(first.stage).toBe('awareness');
  await expect(page.getByTestId('funnel-entered')).toHaveText(int(first.customers));
  await expect(page.getByTestId('funnel-conversion')).toHaveText(pct(report.funnel.overall_conversion));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'funnel.png'), fullPage: true });

  await tab(page, 'experience');
  const heat = page.locator('[data-chart=heatmap]');
  await heat.locator('[data-action=show-data]').click();
  await expect(heat.locator('tbody tr')).toHaveCount(report.experience.grid.cells.length);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'experience.png'), fullPage: true });

  await tab(page, 'nps');
  await expect(page.getByTestId('nps-score').locator('.value')).toHaveText(signed(report.nps.summary.nps));
  await expect(page.getByTestId('nps-responses')).toHaveText(int(report.nps.summary.responses));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'nps.png'), fullPage: true });

  await tab(page, 'kpis');
  const kpi = (key) => report.kpis.kpis.find((k) => k.key === key);
  // A card shows the KPI period's value; the whole selection's is the "All data" line.
  await expect(page.getByTestId('kpi-customers')).toHaveText(int(kpi('customers').current));
  await expect(page.getByTestId('kpi-customers-all')).toHaveText(`All data: ${int(kpi('customers').value)}`);
  await expect(page.getByTestId('kpi-conversion_rate')).toHaveText(pct(kpi('conversion_rate').current));
  await expect(page.getByTestId('kpi-csat')).toHaveText(pct(kpi('csat').current));
  await expect(page.getByTestId('kpi-csat-all')).toHaveText(`All data: ${pct(kpi('csat').value)}`);
  await expect(page.getByTestId('jes-formula')).toHaveText(report.kpis.jes.formula);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'kpis.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('a filter change updates the funnel numbers', async ({ page }) => {
  await openApp(page);
  await tab(page, 'funnel');
  const before = await downloadReport(page);
  await page.locator('details[data-dimension="persona"] summary').click();
  const box = page.locator('details[data-dimension="persona"] input[value="Loyal regular"]');
  await box.check();
  await page.locator('details[data-dimension="persona"] summary').click();
  const after = await downloadReport(page);
  expect(after.filter.dims.persona).toEqual(['Loyal regular']);
  expect(after.funnel.steps[0].customers).toBeLessThan(before.funnel.steps[0].customers);
  await expect(page.getByTestId('funnel-entered')).toHaveText(int(after.funnel.steps[0].customers));
  await expect(page.getByTestId('filter-count')).toContainText(`${int(after.selection.customers)} customers`);
  await page.locator('details[data-dimension="persona"] summary').click();
  await box.uncheck();
  await expect(page.getByTestId('funnel-entered')).toHaveText(int(before.funnel.steps[0].customers));
});

test('a filter menu closes on a click outside it, and opening another closes the first', async ({ page }) => {
  await openApp(page);
  await tab(page, 'funnel');
  const persona = page.locator('details[data-dimension="persona"]');
  const channel = page.locator('details[data-dimension="channel"]');
  await persona.locator('summary').click();
  await expect(persona).toHaveAttribute('open', '');
  // A click on a checkbox inside keeps it open.
  await persona.locator('input[value="Loyal regular"]').check();
  await expect(persona).toHaveAttribute('open', '');
  await page.getByTestId('funnel-entered').click();
  await expect(persona).not.toHaveAttribute('open', '');
  await persona.locator('summary').click();
  await channel.locator('summary').click();
  await expect(channel).toHaveAttribute('open', '');
  await expect(persona).not.toHaveAttribute('open', '');
});

test('hovering the first funnel bar shows its count', async ({ page }) => {
  await openApp(page);
  await tab(page, 'funnel');
  const report = await downloadReport(page);
  const canvas = page.locator('[data-chart=funnel] canvas');
  const box = await canvas.boundingBox();
  // Walk down the left third of the chart until a tooltip appears: the first one is the first bar.
  let text = null;
  for (let y = 4; y < box.height && !text; y += 6) {
    await page.mouse.move(box.x + box.width * 0.3, box.y + y);
    const tip = page.getByTestId('tooltip');
    if (await tip.count()) text = await tip.innerText();
  }
  expect(text).not.toBeNull();
  expect(text).toContain(report.funnel.steps[0].stage);
  expect(text).toContain(int(report.funnel.steps[0].customers));
});

test('Download PNG gives a PNG and Download CSV the table rows', async ({ page }) => {
  await openApp(page);
  await tab(page, 'funnel');
  const card = page.locator('[data-chart=funnel]');
  const [png] = await Promise.all([page.waitForEvent('download'), card.locator('[data-action=download-png]').click()]);
  const bytes = await readDownload(png);
  // The name carries the view, the dataset and the day.
  expect(png.suggestedFilename()).toMatch(/^journey-lens-funnel-[^/\\]+-\d{4}-\d{2}-\d{2}\.png$/);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

  await card.locator('[data-action=show-data]').click();
  const rows = await card.locator('tbody tr').allInnerTexts();
  const [csv] = await Promise.all([page.waitForEvent('download'), card.locator('[data-action=download-csv]').click()]);
  const lines = (await readDownload(csv)).toString('utf8').trim().split(/\r?\n/);
  expect(csv.suggestedFilename()).toMatch(/^journey-lens-funnel-[^/\\]+-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(lines[0].replace('\uFEFF', '')).toBe(
    'Stage,Customers,% of first,% of previous,95% interval (lower bound),95% interval (upper bound),Drop-off');
  // Numbers are numbers: no "%" and no grouping; the first step's empty cells stand for n/a.
  expect(lines[1]).toMatch(/^[^,]+,\d+,100\.0,,,,$/);
  expect(lines[2]).toMatch(/^[^,]+,\d+,\d+\.\d,\d+\.\d,\d+\.\d,\d+\.\d,\d+$/);
  expect(lines.length - 1).toBe(rows.length);
  expect(lines[1].split(',')[0]).toBe(rows[0].split('\t')[0]);
});

test('Download report (JSON) is the same document as the report command', async ({ page }) => {
  await openApp(page);
  const web = await downloadReport(page);
  // The app opens on the sample's purchase journey; the command counts every journey unless
  // told which one (issue 19), so it is given the same choice.
  const cli = JSON.parse(execFileSync('cargo', ['run', '-q', '--bin', 'journey-lens', '--', 'report',
    path.join(root, 'public/sample/journeys.csv'), '--journey', 'purchase'], { cwd: root, maxBuffer: 64 << 20 }).toString('utf8'));
  // Exactly equal: the interval maths (erf, atanh, tanh) comes from libm, the same bits
  // natively and in WebAssembly.
  expect(web).toEqual(cli);
});

test('the experience map can be drawn over another dimension than the touchpoint', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await tab(page, 'experience');
  const pick = page.getByTestId('map-columns-select');
  await expect(pick).toHaveValue('touchpoint');
  // The sample's extra column `region`: North 994 events, South 721, West 655, East 630.
  await pick.selectOption({ label: 'region' });
  const heat = page.locator('[data-chart=heatmap]');
  await heat.locator('[data-action=show-data]').click();
  await expect(heat.locator('thead th').nth(1)).toHaveText('region');
  const regions = await heat.locator('tbody tr td:nth-child(2)').allInnerTexts();
  expect([...new Set(regions)].sort()).toEqual(['East', 'North', 'South', 'West']);
  await expect(page.locator('[data-table=exits] thead th').first()).toHaveText('region');
  // The choice is a setting: it survives a reload.
  await page.reload();
  await tab(page, 'experience');
  await expect(page.getByTestId('map-columns-select')).toHaveValue('extra:0');
  await page.screenshot({ path: path.join(shots, 'experience-by-region.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('a stage order moved on another file stays with that file: the sample funnel is intact', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await tab(page, 'funnel');
  const entered = await page.getByTestId('funnel-entered').innerText();
  const crm = {
    name: 'crm.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('customer_id,timestamp,stage\nc1,2024-01-01,lead\nc1,2024-01-02,won\nc2,2024-01-01,lead\n', 'utf8'),
  };
  await tab(page, 'data');
  await page.setInputFiles('[data-testid=file-input]', crm);
  await expect(page.getByTestId('load-summary')).toHaveText('3 rows loaded, 0 rejected');
  // The user puts "won" first: a stage order of this file's stages.
  await page.getByTestId('stage-order').getByRole('button', { name: 'Move up won' }).click();
  await expect(page.getByTestId('stage-order').locator('li').first()).toContainText('won');
  // Back to the sample, then a reload: its funnel is intact, with no trace of the other order.
  await page.getByRole('button', { name: 'journeys.csv' }).click();
  await expect(page.getByTestId('load-summary')).not.toHaveText('3 rows loaded, 0 rejected');
  for (const reload of [false, true]) {
    if (reload) await page.reload();
    await tab(page, 'funnel');
    await expect(page.getByTestId('funnel-entered')).toHaveText(entered);
    await expect(page.getByTestId('funnel-note')).toHaveCount(0);
    await tab(page, 'data');
    await expect(page.getByTestId('stage-order').locator('li').first()).toContainText('awareness');
  }
  // The other file again: its own order comes back.
  await page.setInputFiles('[data-testid=file-input]', crm);
  await expect(page.getByTestId('load-summary')).toHaveText('3 rows loaded, 0 rejected');
  await expect(page.getByTestId('stage-order').locator('li').first()).toContainText('won');
  expect(errors).toEqual([]);
});

test('a linked stage order that fits none of the data is not applied silently', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page, '?view=funnel&stage=won&stage=lead');
  await tab(page, 'funnel');
  await expect(page.getByTestId('funnel-note')).toContainText('The saved stage order ("won", "lead") names none of this data\'s stages; the automatic order is used.');
  await page.locator('[data-action=reset-stage-order]').click();
  await expect(page.getByTestId('funnel-note')).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** Width, height and RGBA rows of an 8-bit, non-interlaced PNG (what canvas.toDataURL writes). */
function decodePng(buf) {
  let pos = 8;
  let w = 0, h = 0, bpp = 4;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      w = data.readUInt32BE(0);
      h = data.readUInt32BE(4);
      bpp = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = w * bpp;
  const px = Buffer.alloc(h * stride);
  for (let y = 0; y < h; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[y * stride + x - bpp] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? px[(y - 1) * stride + x - bpp] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + x] = v & 255;
    }
  }
  return { w, h, rows: (y0, y1) => px.subarray(y0 * stride, y1 * stride) };
}

test('a downloaded PNG is twice the chart, with its title, dataset, date and filters drawn above it', async ({ page }) => {
  await openApp(page);
  await tab(page, 'funnel');
  const card = page.locator('[data-chart=funnel]');
  const box = await card.locator('canvas').boundingBox();
  let n = 0;
  const png = async () => {
    const [d] = await Promise.all([page.waitForEvent('download'), card.locator('[data-action=download-png]').click()]);
    const bytes = await readDownload(d);
    fs.writeFileSync(path.join(shots, `download-${d.suggestedFilename().includes('funnel') ? 'funnel' : 'x'}-${n++}.png`), bytes);
    return decodePng(bytes);
  };
  const plain = await png();
  // 2× the canvas; the heading band is 74 CSS px for a title and two context lines.
  expect(plain.w).toBe(Math.round(box.width * 2));
  expect(plain.h).toBe(Math.round((box.height + 74) * 2));

  await page.locator('details[data-dimension="persona"] summary').click();
  await page.locator('details[data-dimension="persona"] input[value="Loyal regular"]').check();
  await page.locator('details[data-dimension="persona"] summary').click();
  const filtered = await png();
  expect(filtered.w).toBe(plain.w);
  // Title and "Data: … · date" (CSS rows 0–47) are the same pixels; the filters line
  // (CSS rows 47–62) is not: "Filters: Persona: Loyal regular" is drawn in.
  expect(Buffer.compare(plain.rows(0, 92), filtered.rows(0, 92))).toBe(0);
  expect(Buffer.compare(plain.rows(94, 124), filtered.rows(94, 124))).not.toBe(0);
});
