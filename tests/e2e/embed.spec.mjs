// Embedding: ?embed=1 shows one compact view without header, locked filters are chips, and a
// host page on another origin sizes the iframe from the app's height messages and drives it
// through the message API; a page that is not listed in origin= changes nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/screenshots');
// The host page's server takes any free port (E2E_PORT + 1 may be another checkout's
// E2E_PORT); its origin is known once it listens.
let hostOrigin;
let hostServer;

test.beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const examples = path.join(root, 'public/examples');
  hostServer = http.createServer((req, res) => {
    const url = new URL(req.url, hostOrigin);
    if (url.pathname === '/evil.html') {
      // Frames the app listing another origin than its own, then tries everything.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>not listed</title>
        <iframe id="lens" src="${url.searchParams.get('app')}" width="900" height="700"></iframe>
        <script>
          window.heard = [];
          addEventListener('message', (e) => { if (e.data && e.data.journeyLens) window.heard.push(e.data); });
          window.attack = () => {
            const w = document.getElementById('lens').contentWindow;
            for (const m of [
              { journeyLens: 1, type: 'set-view', view: 'kpis' },
              { journeyLens: 1, type: 'set-filters', filters: { channel: ['store'] } },
              { journeyLens: 1, type: 'set-theme', theme: 'dark' },
              { journeyLens: 1, type: 'load', csv: 'customer_id,stage\\nx,A\\n' },
            ]) w.postMessage(m, '*');
          };
        </script>`);
      return;
    }
    const file = path.join(examples, path.normalize(url.pathname).replace(/^\/+/, ''));
    if (!file.startsWith(examples) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => hostServer.listen(Number(process.env.E2E_HOST_PORT || 0), '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${hostServer.address().port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => hostServer.close(resolve));
});

test('?embed=1&view=nps&lock=filters shows only the NPS view with read-only filters', async ({ page }) => {
  const errors = watchConsole(page);
  // The narrowest frame the issue asks for: 300 px.
  await page.setViewportSize({ width: 300, height: 900 });
  await page.goto('./?embed=1&view=nps&lock=filters&f.persona=Loyal+regular&f.channel=online');
  await expect(page.getByTestId('nps-score')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.jl-header')).toHaveCount(0);
  await expect(page.locator('nav')).toHaveCount(0);
  await expect(page.locator('[data-view]')).toHaveCount(1);
  await expect(page.locator('[data-view="nps"]')).toBeVisible();
  // The journey the sample opens on (issue 19) is named first, then the link's filters.
  const chips = page.getByTestId('filter-chip');
  await expect(chips).toHaveCount(3);
  await expect(chips.nth(0)).toHaveText('Journey: purchase');
  await expect(chips.nth(1)).toHaveText(/online/);
  await expect(chips.nth(2)).toHaveText(/Loyal regular/);
  // Nothing to change the filters with.
  await expect(page.getByTestId('filter-bar')).toHaveCount(0);
  await expect(page.getByTestId('locked-filters').locator('input, select, button, summary')).toHaveCount(0);
  // Nothing is wider than the 300 px frame.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(shots, 'embed-nps-300.png'), fullPage: true });
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark']) {
  for (const width of [360, 1280]) {
    test(`the embedded funnel at ${width} px, ${theme}: no header, nothing wider than the frame`, async ({ page }) => {
      const errors = watchConsole(page);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`./?embed=1&view=funnel&lock=filters&f.channel=online&theme=${theme}`);
      await expect(page.getByTestId('funnel-conversion')).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.locator('.jl-header')).toHaveCount(0);
      // The journey shown (purchase, issue 19) and the channel.
      await expect(page.getByTestId('filter-chip')).toHaveCount(2);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(shots, `embed-funnel-${width}-${theme}.png`), fullPage: true });
      expect(errors).toEqual([]);
    });
  }
}

test('hide= leaves parts of the view out', async ({ page }) => {
  await page.goto('./?embed=1&view=nps&hide=actions,nps-trend,filters');
  await expect(page.getByTestId('nps-score')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-chart="nps-trend"]')).toBeHidden();
  await expect(page.locator('[data-chart="nps-distribution"]')).toBeVisible();
  await expect(page.locator('.jl-chart-actions').first()).toBeHidden();
  await expect(page.getByTestId('filter-bar')).toBeHidden();
});

test('a host page on another origin sizes the iframe and drives the app by messages', async ({ page, baseURL }) => {
  const errors = watchConsole(page);
  await page.goto(`${hostOrigin}/host.html?app=${encodeURIComponent(baseURL)}&view=funnel`);
  const frame = page.frameLocator('#lens');
  await expect.poll(() => page.evaluate(() => window.hostLog.map((m) => m.type)), { timeout: 30_000 })
    .toContain('loaded');
  // The iframe is as tall as the app's content reported, not its initial 400 px.
  await expect.poll(async () => {
    const { reported, styled } = await page.evaluate(() => {
      const heights = window.hostLog.filter((m) => m.type === 'height');
      return {
        reported: heights.length ? heights[heights.length - 1].height : -1,
        styled: document.getElementById('lens').style.height,
      };
    });
    return styled === `${reported}px` && reported > 400;
  }, { timeout: 15_000 }).toBe(true);
  // No inner scrollbar: the document inside fits the frame.
  const inner = page.frames().find((f) => f.url().startsWith(baseURL));
  await expect.poll(() => inner.evaluate(() => document.documentElement.scrollHeight - window.innerHeight))
    .toBeLessThanOrEqual(1);

  await page.locator('[data-send="csv"]').click();
  await expect.poll(() => page.evaluate(() => window.hostLog.filter((m) => m.type === 'loaded').map((m) => m.rows)))
    .toContainEqual(5);
  await expect(frame.getByTestId('dataset-name').or(frame.getByTestId('filter-count'))).toContainText('3 customers');
  await page.locator('[data-send="filter-web"]').click();
  await expect(frame.getByTestId('filter-count')).toContainText('2 customers');
  await expect.poll(() => page.evaluate(() => {
    const states = window.hostLog.filter((m) => m.type === 'state');
    return states[states.length - 1].filters;
  })).toEqual({ channel: ['Web'] });
  await page.locator('[data-send="view-nps"]').click();
  await expect(frame.locator('[data-view="nps"]')).toBeVisible();
  // A malformed message is answered with an error, and changes nothing.
  await page.evaluate(() => window.sendToLens({ type: 'set-view', view: 'nowhere' }));
  await expect.poll(() => page.evaluate(() => window.hostLog.filter((m) => m.type === 'error').length)).toBe(1);
  await expect(frame.locator('[data-view="nps"]')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'embed-host-page.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('a host page sets the KPI period, and the app reports it in its state', async ({ page, baseURL }) => {
  const errors = watchConsole(page);
  await page.goto(`${hostOrigin}/host.html?app=${encodeURIComponent(baseURL)}&view=funnel`);
  const frame = page.frameLocator('#lens');
  await expect.poll(() => page.evaluate(() => window.hostLog.map((m) => m.type)), { timeout: 30_000 })
    .toContain('loaded');
  await page.locator('[data-send="view-kpis"]').click();
  await page.locator('[data-send="kpi-quarter"]').click();
  // The sample's last complete quarter, against the same quarter of 2024 (no data).
  await expect(frame.getByTestId('kpi-csat-period')).toHaveText('2025-Q3');
  await expect(frame.getByTestId('kpi-csat-change')).toHaveText('No value in 2024-Q3 to compare with');
  await expect.poll(() => page.evaluate(() => {
    const states = window.hostLog.filter((m) => m.type === 'state');
    return states[states.length - 1].query;
  })).toContain('kpi=quarter');
  // A period that is not one is refused with an error and changes nothing.
  await page.evaluate(() => window.sendToLens({ type: 'set-kpi-period', period: 'quarter', at: '2025-Q5' }));
  await expect.poll(() => page.evaluate(() => window.hostLog.filter((m) => m.type === 'error').length)).toBe(1);
  await expect(frame.getByTestId('kpi-csat-period')).toHaveText('2025-Q3');
  expect(errors).toEqual([]);
});

test('messages from an origin the embedder did not list change nothing', async ({ page, baseURL }) => {
  const app = `${baseURL}?embed=1&view=funnel&origin=${encodeURIComponent('https://intranet.example')}`;
  await page.goto(`${hostOrigin}/evil.html?app=${encodeURIComponent(app)}`);
  const frame = page.frameLocator('#lens');
  await expect(frame.getByTestId('filter-count')).toContainText('customers', { timeout: 30_000 });
  const before = await frame.getByTestId('filter-count').textContent();
  const theme = await frame.locator('html').getAttribute('data-theme');
  await page.evaluate(() => window.attack());
  await page.waitForTimeout(1500);
  await expect(frame.locator('[data-view="funnel"]')).toBeVisible();
  await expect(frame.getByTestId('filter-count')).toHaveText(before);
  await expect(frame.locator('html')).toHaveAttribute('data-theme', theme);
  // It heard nothing but heights (which any parent may read).
  const heard = await page.evaluate(() => window.heard.map((m) => m.type));
  expect(heard.filter((t) => t !== 'height')).toEqual([]);
});
