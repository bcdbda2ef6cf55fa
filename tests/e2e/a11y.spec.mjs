// Accessibility: axe-core (WCAG 2.1 A and AA rules) on every view, in the light and dark
// themes, at phone (360 px) and desktop (1280 px) widths, in every language the app offers.
// Any critical or serious violation fails, listed with the elements it found; so does a
// heading that skips a level.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { watchConsole, openApp } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The languages reachable with `?lang=`; a new language only needs its code here.
const LANGS = ['en'];
const VIEWS = ['data', 'funnel', 'experience', 'nps', 'kpis'];
const WIDTHS = [360, 1280];
const THEMES = ['light', 'dark'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Opens the app in `lang` ("en" is also the default without the parameter). */
async function openIn(page, lang) {
  if (lang === 'en') {
    await openApp(page);
    return;
  }
  await page.goto(`./?lang=${lang}`);
  // The page says which language it is in (WCAG 3.1.1), so a screen reader speaks it right.
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByTestId('load-summary')).toBeVisible({ timeout: 30_000 });
}

async function setTheme(page, theme) {
  const html = page.locator('html');
  if ((await html.getAttribute('data-theme')) !== theme) {
    await page.locator('.jl-header-tools button').first().click();
  }
  await expect(html).toHaveAttribute('data-theme', theme);
}

/** Critical and serious violations on the page as it is, one line per rule and element. */
async function scan(page, where) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary.split('\n').slice(1, 2).join('')}`.trim()) }));
  }, TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `${where}: ${v.impact} ${v.id}: ${n}`));
}

/** Headings that skip a level (an h2 followed by an h4) or a page that does not start at h1. */
async function headingJumps(page, where) {
  const levels = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => [Number(h.tagName[1]), h.textContent.trim()]));
  const jumps = [];
  if (levels[0]?.[0] !== 1) jumps.push(`${where}: the first heading is not an h1`);
  for (let i = 1; i < levels.length; i++) {
    if (levels[i][0] > levels[i - 1][0] + 1) {
      jumps.push(`${where}: h${levels[i][0]} "${levels[i][1]}" follows h${levels[i - 1][0]} "${levels[i - 1][1]}"`);
    }
  }
  return jumps;
}

/** Opens the first chart's data table of a chart view, so its scrolling region is scanned too. */
async function showFirstTable(page, view) {
  const button = page.locator(`[data-view="${view}"] [data-action=show-data]`).first();
  if ((await button.count()) > 0 && (await button.getAttribute('aria-expanded')) === 'false') {
    await button.click();
  }
}

for (const lang of LANGS) {
  for (const width of WIDTHS) {
    test(`axe: no critical or serious violation, ${lang}, ${width} px, light and dark, every view`, async ({ page }) => {
      test.setTimeout(120_000);
      const errors = watchConsole(page);
      await page.setViewportSize({ width, height: width < 600 ? 740 : 900 });
      await openIn(page, lang);
      const found = [];
      for (const theme of THEMES) {
        await setTheme(page, theme);
        for (const view of VIEWS) {
          await page.locator(`nav button[data-tab="${view}"]`).click();
          await expect(page.locator(`[data-view="${view}"]`)).toBeVisible();
          await showFirstTable(page, view);
          const toggle = page.locator('[data-action=toggle-filters]');
          if (width < 600 && view === 'data' && (await toggle.getAttribute('aria-expanded')) === 'false') {
            // The folded filters, opened, are scanned too.
            await toggle.click();
            await expect(page.locator('#jl-filter-body')).toBeVisible();
          }
          await page.waitForTimeout(200);
          const where = `${lang} ${width}px ${theme} ${view}`;
          found.push(...(await scan(page, where)), ...(await headingJumps(page, where)));
        }
      }
      expect(found, found.join('\n')).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
}
