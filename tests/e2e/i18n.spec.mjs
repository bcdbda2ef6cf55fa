// Four languages in the browser: with ?lang=ca|es|pl no string of the English table shows
// on any view, numbers carry decimal commas, the header menu switches language with the
// data kept, a Polish CSV has `;` and decimal commas, and a first visit opens the sample of
// the visitor's language. Screenshots of every view in every language go to
// target/e2e-screenshots/i18n-<lang>-<view>.png.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchConsole, showData } from './helpers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'target/e2e-screenshots');
const VIEWS = ['journey-map', 'data', 'funnel', 'experience', 'flows', 'nps', 'kpis'];

/** Messages of every .ftl file of a language: id → source text (selectors kept). */
function messages(lang) {
  const dir = path.join(root, 'locales', lang);
  const out = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ftl')).sort()) {
    let id = null;
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const m = /^([a-zA-Z][\w-]*) = ?(.*)$/.exec(line);
      if (m) {
        id = m[1];
        out.set(id, m[2]);
      } else if (id && /^\s+\S/.test(line)) {
        out.set(id, `${out.get(id)}\n${line}`);
      } else {
        id = null;
      }
    }
  }
  return out;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The texts an English message can show: each plural variant, placeholders as wildcards. */
function englishForms(source) {
  const sel = /\{ \$\w+ ->\n([\s\S]*?)\n\s*\}/;
  const m = sel.exec(source);
  if (m) {
    const variants = m[1].split('\n').map((v) => v.replace(/^\s*\*?\[\w+\]\s*/, ''));
    return variants.flatMap((v) => englishForms(source.slice(0, m.index) + v + source.slice(m.index + m[0].length)));
  }
  return [source];
}

/** Matchers for the English strings that read differently in `lang`. */
function englishMatchers(lang) {
  const en = messages('en');
  const theirs = messages(lang);
  const out = [];
  for (const [id, source] of en) {
    if (theirs.get(id) === source) continue; // the same in both languages (NPS, CSAT, …)
    for (const form of englishForms(source)) {
      const parts = form.split(/\{ \$\w+ \}/);
      if (parts.length === 1) {
        out.push({ id, text: form, test: (s) => s === form || (form.length >= 12 && form.includes(' ') && s.includes(form)) });
      } else {
        // Literal pieces of a sentence with values: the whole string must have that shape.
        const re = new RegExp(`^${parts.map(escape).join('.+?')}$`, 's');
        if (parts.join('').trim().length >= 4) out.push({ id, text: form, test: (s) => re.test(s) });
      }
    }
  }
  return out;
}

/** Every string the page shows or says: text of each element, labels, titles, options. */
async function pageStrings(page) {
  return page.evaluate(() => {
    const out = new Set();
    for (const el of document.body.querySelectorAll('*')) {
      if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      if (own) out.add(own.replace(/\s+/g, ' '));
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v && v.trim()) out.add(v.trim());
      }
    }
    return [...out];
  });
}

async function openIn(page, lang, query = `?lang=${lang}`) {
  await page.goto(`./${query}`);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await showData(page);
  await expect(page.getByTestId('load-summary')).not.toBeEmpty({ timeout: 30_000 });
  await page.waitForFunction(() => (window.journeyLens?.computes ?? 0) > 0);
}

async function tab(page, name) {
  await page.locator(`nav button[data-tab="${name}"]`).click();
  await expect(page.locator(`[data-view="${name}"]`)).toBeVisible();
  // Reveal every data table, so their headers are checked too.
  for (const button of await page.locator('[data-view] [data-action=show-data]').all()) {
    await button.click();
  }
  await page.waitForTimeout(300);
}

/** Hovers down the middle of a chart until a tooltip shows; its text, or null. */
async function tooltip(page, chart) {
  const canvas = page.locator(`[data-chart=${chart}] canvas`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  for (let y = 4; y < box.height; y += 6) {
    for (const x of [0.15, 0.3, 0.5]) {
      await page.mouse.move(box.x + box.width * x, box.y + y);
      const tip = page.getByTestId('tooltip');
      if (await tip.count()) return tip.innerText();
    }
  }
  return null;
}

const expectedSample = { ca: 'viatge_ca.csv', es: 'viaje_es.csv', pl: 'podroz_pl.csv' };
// A number with a decimal comma: 34,5 · 1.234,5 · 12 345,6.
const decimalComma = /\d,\d/;

for (const lang of ['ca', 'es', 'pl']) {
  test(`?lang=${lang}: no English UI string on any view, decimal commas on cards and tooltips`, async ({ page }) => {
    const errors = watchConsole(page);
    fs.mkdirSync(shots, { recursive: true });
    const matchers = englishMatchers(lang);
    expect(matchers.length).toBeGreaterThan(150);
    await openIn(page, lang);
    // A first visit opens the sample written in this language.
    await expect(page.getByTestId('dataset-name')).toHaveText(expectedSample[lang]);
    const found = [];
    for (const view of VIEWS) {
      await tab(page, view);
      await page.screenshot({ path: path.join(shots, `i18n-${lang}-${view}.png`), fullPage: true });
      for (const s of await pageStrings(page)) {
        for (const m of matchers) {
          if (m.test(s)) found.push(`${view}: "${s}" is English (${m.id})`);
        }
      }
    }
    expect(found).toEqual([]);

    await tab(page, 'funnel');
    await expect(page.getByTestId('funnel-conversion')).toHaveText(decimalComma);
    const funnelTip = await tooltip(page, 'funnel');
    expect(funnelTip).not.toBeNull();
    expect(funnelTip).toMatch(decimalComma);
    await tab(page, 'nps');
    const npsTip = await tooltip(page, 'nps-stack');
    expect(npsTip).not.toBeNull();
    expect(npsTip).toMatch(decimalComma);
    expect(errors).toEqual([]);
  });
}

test('English screenshots of every view, for comparison', async ({ page }) => {
  fs.mkdirSync(shots, { recursive: true });
  await openIn(page, 'en', '?lang=en');
  await expect(page.getByTestId('dataset-name')).toHaveText('journeys.csv');
  for (const view of VIEWS) {
    await tab(page, view);
    await page.screenshot({ path: path.join(shots, `i18n-en-${view}.png`), fullPage: true });
  }
});

test('the header menu switches language at once, keeps the data, and is remembered', async ({ page }) => {
  const errors = watchConsole(page);
  await openIn(page, 'en', '');
  await tab(page, 'funnel');
  const name = await page.getByTestId('dataset-name').innerText();
  const entered = await page.getByTestId('funnel-entered').innerText();
  const loads = await page.evaluate(() => window.journeyLens.loads);
  await expect(page.locator('nav button[data-tab="funnel"]')).toHaveText('Funnel');

  await page.getByTestId('lang-switcher').selectOption('pl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.locator('nav button[data-tab="funnel"]')).toHaveText('Lejek');
  // Same data, same view, nothing reloaded; the count is now grouped the Polish way.
  await expect(page.locator('[data-view="funnel"]')).toBeVisible();
  await expect(page.getByTestId('dataset-name')).toHaveText(name);
  await expect(page.getByTestId('funnel-entered')).toHaveText(entered.replace(',', '\u00a0'));
  expect(await page.evaluate(() => window.journeyLens.loads)).toBe(loads);
  await expect(page.getByTestId('lang-switcher')).toBeFocused();

  await page.getByTestId('lang-switcher').selectOption('es');
  await expect(page.locator('nav button[data-tab="funnel"]')).toHaveText('Embudo');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('nav button[data-tab="data"]')).toHaveText('Datos');
  await expect(page.getByTestId('lang-switcher')).toHaveValue('es');
  expect(errors).toEqual([]);
});

test.describe('a browser that prefers Polish', () => {
  test.use({ locale: 'pl-PL' });
  test('opens in Polish with the Polish sample, without ?lang=', async ({ page }) => {
    await openIn(page, 'pl', '');
    await expect(page.locator('nav button[data-tab="data"]')).toHaveText('Dane');
    await expect(page.getByTestId('dataset-name')).toHaveText('podroz_pl.csv');
    await expect(page.getByTestId('load-summary')).toHaveText('Wczytano 1\u00a0500 wierszy, odrzucono 0');
  });
});

test('a CSV downloaded in Polish has semicolons, decimal commas and a byte-order mark', async ({ page }) => {
  await openIn(page, 'pl');
  await tab(page, 'funnel');
  const card = page.locator('[data-chart=funnel]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.locator('[data-action=download-csv]').click(),
  ]);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'Etap;Klienci;% pierwszego etapu;% poprzedniego etapu;Przedział 95% (dolna granica);Przedział 95% (górna granica);Porzucenia');
  expect(lines[1].startsWith('świadomość;289;100,0;')).toBe(true);
  // Every percentage has a decimal comma and no cell a decimal point.
  expect(lines[2]).toMatch(/^rozważanie;186;64,4;64,4;/);
  expect(lines.slice(1).join('\n')).not.toMatch(/\d\.\d/);
});
