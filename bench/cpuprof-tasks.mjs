// CPU profile of the app: sample load and a 1M upload, top self-time functions of the long tasks.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
const port = 8791;
const srv = spawn(process.execPath, ['/work/main/bench/server-prof.mjs', String(port), '/bench/'], { stdio: 'inherit' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => { if (m.text().startsWith('PROF')) console.log(m.text()); });
const file = process.argv[2];
await page.addInitScript(() => {
  localStorage.setItem('journey-lens.journeys', JSON.stringify({ 'header:customer id|timestamp|journey|stage|touchpoint|channel|persona|satisfaction|effort|nps|revenue|comment': 'all' }));
});
const client = await page.context().newCDPSession(page);
await client.send('Profiler.enable');
await client.send('Profiler.setSamplingInterval', { interval: 200 });
await client.send('Profiler.start');
await page.goto(`http://127.0.0.1:${port}/bench/`);
await page.waitForFunction(() => window.journeyLens && window.journeyLens.computes > 0, null, { timeout: 60000 });
await page.locator('nav button[data-tab="data"]').click();
await page.waitForTimeout(1000);
let c = await page.evaluate(() => window.journeyLens.computes);
if (file) {
  await page.evaluate(() => {
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
    window.__t0 = performance.now();
    function MARKERBUSY() { const e = performance.now() + 20; while (performance.now() < e) { /* spin */ } }
    MARKERBUSY();
  });
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForFunction((n) => window.journeyLens.computes > n && window.journeyLens.rows > 100000, c, { timeout: 120000 });
  await page.waitForTimeout(500);
}
const { profile } = await client.send('Profiler.stop');
fs.writeFileSync('/tmp/app.cpuprofile', JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of (n.children || [])) parent.set(c, n.id);
const name = (n) => n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')';
const dt = profile.timeDeltas;
const [lts, t0] = await page.evaluate(() => [window.__lt, window.__t0]);
const times = []; let t = 0;
for (let i = 0; i < profile.samples.length; i++) { t += (dt[i] || 0) / 1000; times.push(t); }
const stackOf = (id) => { const out = []; for (let x = id; x !== undefined; x = parent.get(x)) out.push(name(byId.get(x))); return out; };
let tm = null;
for (let i = 0; i < profile.samples.length; i++) if (stackOf(profile.samples[i]).includes('MARKERBUSY')) { tm = times[i]; break; }
const off = tm - t0;
console.log('longtasks after upload:', lts.filter(([s]) => s > t0).map(([s, d]) => `${(s - t0).toFixed(0)}+${d.toFixed(0)}`).join(' '));
for (const [s, d] of lts) {
  if (s < t0) continue;
  const a = s + off, b = s + d + off;
  const incl = new Map(), self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    if (times[i] < a || times[i] > b) continue;
    const w = (dt[i + 1] || 0) / 1000;
    const st = stackOf(profile.samples[i]);
    self.set(st[0], (self.get(st[0]) || 0) + w);
    for (const k of new Set(st)) incl.set(k, (incl.get(k) || 0) + w);
  }
  console.log(`TASK at +${(s - t0).toFixed(0)} ms: ${d.toFixed(0)} ms`);
  console.log('  self:', [...self.entries()].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${v.toFixed(1)} ${k.slice(0, 70)}`).join(' | '));
  console.log('  incl:', [...incl.entries()].filter(([k]) => /journey_lens|hashbrown|alloc|dlmalloc|memcpy/.test(k)).sort((x, y) => y[1] - x[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ${k.slice(0, 110)}`).join('\n        '));
}
await browser.close();
srv.kill();
