// CSV downloads are safe to open in a spreadsheet: text from the uploaded file that starts
// like a formula comes back with a leading ' (rejected rows, a chart's data table), while
// the app's own numbers stay numbers.
import { test, expect } from '@playwright/test';
import { watchConsole, openApp } from './helpers.mjs';

// Line 2 loads with a touchpoint that is a formula; line 3 is rejected for its date and
// carries a formula in its customer id and touchpoint.
const file = [
  'customer_id,timestamp,stage,touchpoint,satisfaction',
  'c1,2024-01-05,awareness,"=HYPERLINK(""http://x"",""y"")",4',
  "=cmd|' /C calc'!A0,31/31/2024,awareness,@SUM(A1),-1+2",
  '',
].join('\n');

async function downloadText(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const chunks = await (await download.createReadStream()).toArray();
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('rejected rows and chart tables download with formulas neutralised', async ({ page }) => {
  const errors = watchConsole(page);
  await openApp(page);
  await page.setInputFiles('[data-testid=file-input]', {
    name: 'formulas.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file, 'utf8'),
  });
  await expect(page.getByTestId('load-summary')).toHaveText('1 rows loaded, 1 rejected');

  const rejected = await downloadText(page, page.locator('[data-action=download-rejected]'));
  expect(rejected.name).toBe(`journey-lens-rejected-rows-formulas-${new Date().toISOString().slice(0, 10)}.csv`);
  // UTF-8 with a byte-order mark, like every CSV the app writes.
  expect(rejected.text.startsWith('\uFEFF')).toBe(true);
  const lines = rejected.text.slice(1).split('\r\n');
  expect(lines[0]).toBe('line,column,reason,customer_id,timestamp,stage,touchpoint,satisfaction');
  // line, columns, reasons (quoted: they hold commas and quotes), then the raw fields,
  // every one that starts like a formula prefixed with '.
  const head = '3,timestamp; satisfaction,"Date not recognised: ""31/31/2024""';
  const fields = ",'=cmd|' /C calc'!A0,31/31/2024,awareness,'@SUM(A1),'-1+2";
  expect(lines[1].slice(0, head.length)).toBe(head);
  expect(lines[1].slice(-fields.length)).toBe(fields);
  expect(lines[2]).toBe('');
  expect(lines).toHaveLength(3);

  await page.locator('nav button[data-tab="experience"]').click();
  const heat = page.locator('[data-chart=heatmap]');
  await expect(heat).toBeVisible();
  const table = await downloadText(page, heat.locator('[data-action=download-csv]'));
  expect(table.name).toMatch(/^journey-lens-heatmap-.+-\d{4}-\d{2}-\d{2}\.csv$/);
  // UTF-8 with a byte-order mark, so Excel does not read it as the system code page.
  expect(table.text.startsWith('\uFEFF')).toBe(true);
  const rows = table.text.slice(1).split('\r\n');
  expect(rows[0]).toBe('Stage,Touchpoint,Satisfaction,Answers,Events,Customers');
  // The touchpoint is guarded; the mean, counts stay plain numbers.
  expect(rows[1]).toBe(`awareness,"'=HYPERLINK(""http://x"",""y"")",4.00,1,1,1`);
  expect(rows).toHaveLength(3);
  expect(errors).toEqual([]);
});
