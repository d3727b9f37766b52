// Browser benchmark (not a test): a real pile dropped on an empty page, timed until
// its key view is on screen. Timeline17's topics are read in place from ../shared.
// Prints Markdown.
//
//   node e2e/bench/story.mjs [TOPIC]   (default bpoil: 1,460 articles on the BP oil spill)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, dispatchDrop, appReady } from '../support.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const topic = process.argv[2] || 'bpoil';
const dir = path.join(ROOT, '..', 'shared', 'corpora', 'timelines-t17', topic, 'articles');
if (!fs.existsSync(dir)) {
  console.log(`(${dir} is missing: nothing measured)`);
  process.exit(0);
}
const files = fs.readdirSync(dir).sort().map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);

const { server, url } = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
await appReady(page);
await page.getByRole('button', { name: 'Clear workspace' }).click();
await page.waitForFunction(() => document.querySelector('#result-count').textContent === '0 events');
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: false });
});
const dt = await page.evaluateHandle((files) => {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
  return dt;
}, files);
// The clock starts at the drop and stops when the key view shows its days.
const started = Date.now();
await dispatchDrop(page, dt);
await page.waitForFunction((n) => document.querySelector('.articles .count')?.textContent === String(n), files.length, { timeout: 900000 });
await page.waitForFunction(() => /^\d+ key days shown$/.test(document.querySelector('#key-count')?.textContent ?? '')
  && document.querySelector('ol.events > li.group') && !document.querySelector('progress#progress-bar'), null, { timeout: 900000 });
const onScreen = (Date.now() - started) / 1000;
const events = Number((await page.locator('#result-count').textContent()).split(' ')[0]);
const longest = await page.evaluate(() => Math.max(0, ...window.__long));
const first = await page.locator('ol.events > li.group').first().textContent();
// ROWS=1 prints the first screen's rows as a reader sees them.
if (process.env.ROWS) {
  const rows = await page.locator('ol.events > li').evaluateAll((ls) => ls.slice(0, 16).map((l) => l.innerText.replace(/\s+/g, ' ').trim().slice(0, 150)));
  console.error(rows.join('\n'));
}

// The who-with-whom picture, opened on the whole pile.
const t0 = Date.now();
await page.getByRole('button', { name: 'Who with whom' }).click();
await page.locator('svg.net-svg g.node').first().waitFor();
const network = Date.now() - t0;

console.log(`| measure | value |\n|---|---|`);
console.log(`| topic | ${topic}: ${files.length} articles, ${(bytes / 1e6).toFixed(1)} MB |`);
console.log(`| events on the timeline | ${events} |`);
console.log(`| drop to key view on screen | ${onScreen.toFixed(1)} s |`);
console.log(`| first key day | ${first.replace(/\s+/g, ' ').trim().slice(0, 90)} |`);
console.log(`| longest main-thread task meanwhile | ${longest.toFixed(0)} ms |`);
console.log(`| click to who-with-whom picture | ${network} ms |`);
await browser.close();
server.close();
