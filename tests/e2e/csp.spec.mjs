// The locked-down page: the Content-Security-Policy of index.html is in force, the app does
// everything a user does under it (every view, a file, a feed on another origin) without a
// single violation, and it talks to no origin but its own and the feed's; embedded in an
// iframe it still starts.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, openApp, showData } from './helpers.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

// The feed's own origin: https on another port of loopback, with a throw-away self-signed
// certificate (the browser context accepts it: ignoreHTTPSErrors). And a host page that
// embeds the app, on a third origin (a real loopback server: Chromium refuses a page that
// Playwright fulfils itself to frame a loopback address).
let feedServer;
let feedOrigin;
let hostServer;
let hostUrl;
test.use({ ignoreHTTPSErrors: true });

test.beforeAll(async ({}, info) => {
  const key = info.outputPath('feed-key.pem');
  const cert = info.outputPath('feed-cert.pem');
  fs.mkdirSync(path.dirname(key), { recursive: true });
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const feed = fs.readFileSync(path.join(fixtures, 'events_feed.json'));
  feedServer = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const ok = new URL(req.url, 'https://127.0.0.1').pathname === '/feed.json';
    res.writeHead(ok ? 200 : 404, {
      'content-type': ok ? 'application/json' : 'text/plain',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    res.end(ok ? feed : 'not found');
  });
  await new Promise((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedOrigin = `https://127.0.0.1:${feedServer.address().port}`;

  const app = info.project.use.baseURL;
  hostServer = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>host</title><iframe src="${app}" width="1200" height="800"></iframe>`);
  });
  await new Promise((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${hostServer.address().port}/host.html`;
});

test.afterAll(async () => {
  await new Promise((resolve) => feedServer.close(resolve));
  await new Promise((resolve) => hostServer.close(resolve));
});

/**
 * Records every CSP violation (through a binding, so reloads and navigations keep the list)
 * and every request the page makes.
 */
async function lockedDown(page) {
  const violations = [];
  const requests = [];
  await page.exposeFunction('__cspViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    }, true);
  });
  page.on('request', (r) => requests.push(r.url()));
  return { violations, requests };
}

/** The origin a request goes to; blob: URLs belong to the origin that made them. */
const originOf = (url) => new URL(url).origin;

/** The policy as a map directive → sources, from the served index.html. */
function parsePolicy(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  expect(m, 'the served index.html has a CSP meta tag').not.toBeNull();
  return Object.fromEntries(m[1].split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [name, ...sources] = d.split(/\s+/); return [name, sources]; }));
}

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
}

/** Uses a chart view the way a user does: a tooltip, each chart's table, a PNG and a CSV. */
async function useChartView(page, name) {
  await tab(page, name);
  const charts = page.locator(`[data-view="${name}"] [data-chart]`);
  await expect(charts.first(), `${name} has charts`).toBeVisible();
  // A tooltip is positioned with an inline style attribute: hover until one shows.
  const canvas = charts.first().locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  let shown = false;
  for (const x of [0.3, 0.5, 0.7]) {
    for (let y = 4; y < box.height && !shown; y += 8) {
      await page.mouse.move(box.x + box.width * x, box.y + y);
      shown = (await page.getByTestId('tooltip').count()) > 0;
    }
  }
  expect(shown, `a tooltip on the first ${name} chart`).toBe(true);
  const count = await charts.count();
  for (let i = 0; i < count; i++) {
    const card = charts.nth(i);
    await card.locator('[data-action=show-data]').click();
    await expect(card.locator('table')).toBeVisible();
  }
  const first = charts.first();
  await expectDownload(page, first.locator('[data-action=download-png]'), /\.png$/);
  await expectDownload(page, first.locator('[data-action=download-csv]'), /\.csv$/);
}

/** The KPI view has sparklines and table cards instead of chart cards. */
async function useKpiView(page) {
  await tab(page, 'kpis');
  await expect(page.getByTestId('kpi-customers')).toBeVisible();
  expect(await page.locator('[data-view="kpis"] canvas').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('jes-formula')).toBeVisible();
  await expectDownload(page, page.locator('[data-table="experience-impact"] [data-action=download-csv]'), /\.csv$/);
}

async function expectDownload(page, button, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(name);
}

test('the served page carries the policy, and its hashes are those of its inline scripts', async ({ page }) => {
  const response = await page.request.get('./');
  const html = await response.text();
  const policy = parsePolicy(html);
  expect(policy['script-src']).not.toContain("'unsafe-inline'");
  expect(policy['script-src']).not.toContain("'unsafe-eval'");
  expect(policy['script-src'].slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy['connect-src']).toEqual(["'self'", 'https:']);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(policy['base-uri']).toEqual(["'self'"]);
  expect(html).not.toContain('{{INLINE_SCRIPT_HASHES}}');
  // The hashes listed are exactly the sha256 of each inline script (the wasm loader).
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc=/.test(m[1])).map((m) => m[2]);
  expect(inline.length).toBeGreaterThan(0);
  expect(inline.some((s) => s.includes('import init'))).toBe(true);
  const expected = inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  expect(policy['script-src'].slice(2).sort()).toEqual([...new Set(expected)].sort());
});

test('the policy is enforced: eval, inline scripts and inline handlers are refused', async ({ page }) => {
  const { violations } = await lockedDown(page);
  // A script of the page's own origin ('self' lets it run) that tries eval: Playwright's
  // page.evaluate is exempt from the policy, so the attempt must come from a page script.
  await page.route('**/csp-probe.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: 'try { eval("1 + 1"); window.__evalRan = true; } catch (e) { window.__evalRan = !(e instanceof EvalError); }',
  }));
  await openApp(page);
  await page.evaluate(() => new Promise((resolve) => {
    window.__inlineRan = false;
    window.__handlerRan = false;
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.body.append(inline);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__handlerRan = true;');
    document.body.append(button);
    button.click();
    const probe = document.createElement('script');
    probe.src = './csp-probe.js';
    probe.onload = resolve;
    document.body.append(probe);
  }));
  const ran = await page.evaluate(() => [window.__evalRan, window.__inlineRan, window.__handlerRan]);
  expect(ran).toEqual([false, false, false]);
  await expect.poll(() => violations.map((v) => v.directive).sort())
    .toEqual(['script-src', 'script-src-attr', 'script-src-elem']);
});

test('every view, a file and an https feed on another origin: no violation, no stray request', async ({ page }) => {
  const errors = watchConsole(page);
  const { violations, requests } = await lockedDown(page);
  await openApp(page);
  const pageOrigin = new URL(page.url()).origin;

  for (const view of ['funnel', 'experience', 'nps']) await useChartView(page, view);
  await useKpiView(page);
  await page.getByRole('button', { name: 'Switch light/dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
  await tab(page, 'data');

  await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'polish_cp1250.csv'));
  await expect(page.getByTestId('load-summary')).toHaveText('10 rows loaded, 2 rejected');
  await expectDownload(page, page.locator('[data-action=download-rejected]'), /\.csv$/);
  await useChartView(page, 'funnel');

  const feed = `${feedOrigin}/feed.json`;
  await tab(page, 'data');
  await page.getByTestId('feed-url').fill(feed);
  await page.locator('[data-action=load-feed]').click();
  // events_feed.json: 4 events, c1 valid; NPS 11, a nested list and a missing customer rejected.
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 3 rejected');
  await expect(page.getByTestId('dataset-name')).toHaveText('Spring campaign');

  // The same feed from the page address, on a fresh start.
  await page.goto(`./?feed=${encodeURIComponent(feed)}`);
  await showData(page);
  await expect(page.getByTestId('dataset-name')).toHaveText('Spring campaign', { timeout: 30_000 });
  await useKpiView(page);

  expect(violations).toEqual([]);
  expect(requests.filter((u) => u === feed)).toHaveLength(2);
  const origins = new Set(requests.map(originOf));
  expect([...origins].sort()).toEqual([feedOrigin, pageOrigin].sort());
  expect(errors).toEqual([]);
});

test('a plain-http feed on another origin is refused by the policy, and the data stays', async ({ page }) => {
  const { violations } = await lockedDown(page);
  await openApp(page);
  // localhost is another origin than the page's 127.0.0.1; over http, connect-src refuses it.
  const feed = `http://localhost:${new URL(page.url()).port}/fixtures/events_feed.json`;
  await page.getByTestId('feed-url').fill(feed);
  await page.locator('[data-action=load-feed]').click();
  await expect(page.getByTestId('error')).toContainText(feed);
  await expect(page.getByTestId('load-summary')).toHaveText('3,000 rows loaded, 0 rejected');
  expect(violations).toEqual([{ directive: 'connect-src', blocked: feed, sample: '' }]);
});

test('embedded in an iframe of a page on another origin, the app starts under its policy', async ({ page }) => {
  const { violations } = await lockedDown(page);
  // frame-ancestors is ignored in a meta policy, so any host page may embed the app.
  await page.goto(hostUrl);
  const app = page.frameLocator('iframe');
  await app.locator('nav button[data-tab="data"]').click();
  await expect(app.getByTestId('load-summary')).toHaveText('3,000 rows loaded, 0 rejected', { timeout: 30_000 });
  await app.locator('nav button[data-tab="funnel"]').click();
  await expect(app.locator('[data-view="funnel"] [data-chart]').first()).toBeVisible();
  expect(violations).toEqual([]);
});
