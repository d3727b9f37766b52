// Browser benchmark (not a test): with a large timeline, how long a keystroke in the
// search box takes to update the results, how long frames take while scrolling, and
// the longest main-thread task while articles are analysed. Prints Markdown.
//
//   node e2e/bench/ui.mjs [ARTICLES]   (default 6,250 articles of 8 events: 50,000 events)
import fs from 'node:fs';
import { serve, launch, generatedArticles, dispatchDrop, appReady } from '../support.mjs';

/** The highest peak resident memory of Chromium's renderer processes (the page and its
 * worker run in one), in MB, from /proc (Linux). */
function rendererPeakMB() {
  let max = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      if (m) max = Math.max(max, Number(m[1]));
    } catch { /* gone */ }
  }
  return max / 1024;
}

const articles = Number(process.argv[2] || 6250);
const { server, url } = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url + (process.env.VIEW ? '#view=' + process.env.VIEW : ''));
await appReady(page);
await page.getByRole('button', { name: 'Clear workspace' }).click();
await page.waitForTimeout(100);

// Long tasks while analysing.
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: false });
});
const dt = await generatedArticles(page, articles);
// The clock starts when the files are dropped (making them above is the test's work).
const started = Date.now();
await dispatchDrop(page, dt);
await page.waitForFunction((n) => document.querySelector('.articles .count')?.textContent === String(n), articles, { timeout: 600000 });
await page.waitForFunction(() => /^\d+ events$/.test(document.querySelector('#result-count')?.textContent ?? ''));
const analyse = (Date.now() - started) / 1000;
const events = Number((await page.locator('#result-count').textContent()).split(' ')[0]);
const longest = await page.evaluate(() => Math.max(0, ...window.__long));
if (process.env.LONG) console.error("long tasks while analysing (ms):", await page.evaluate(() => window.__long.map((d) => Math.round(d)).join(" ")));
const peak = rendererPeakMB();

// Keystroke to results: type queries letter by letter (the box emptied between them);
// time from the input event to the next frame. Each keystroke follows the previous
// one's frame at once (KEY_MS=0, the default: the input lands just after a frame, so a
// keystroke whose work fits in a frame measures under 16.7 ms, and work deferred to
// the next frame, the filters' counts, is counted against the next keystroke), or
// every KEY_MS ms (a typist's pace: the input lands anywhere in a frame, so the wait
// for the next frame alone is up to 16.7 ms). Measured with the who-with-whom picture
// closed, then open; also each keystroke's work (input to the main thread free).
const KEY_MS = Number(process.env.KEY_MS || 0);
async function keystrokes(mode = 'frame') {
  // REPEAT=N types the four queries N times (a steadier p95 than 38 keystrokes give).
  const queries = Array(Number(process.env.REPEAT || 1)).fill(['president ilse', 'theodric', 'zelenski', 'met king']).flat();
  const times = [];
  const slowest = [];
  await page.getByRole('searchbox', { name: /Search/ }).click();
  for (const query of queries) {
    await page.getByRole('searchbox', { name: /Search/ }).fill('');
    await page.waitForFunction(() => /^\d+ events$/.test(document.querySelector('#result-count').textContent));
    await page.waitForTimeout(400);
    for (const ch of query) {
      const t = await page.evaluate(async ([ch, mode]) => {
        const input = document.querySelector('#search');
        const t0 = performance.now();
        input.value += ch;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if (mode === 'work') {
          // The work the keystroke starts (the handler and the reactive updates it
          // schedules): until a task queued after it runs.
          await new Promise((r) => {
            const c = new MessageChannel();
            c.port1.onmessage = r;
            c.port2.postMessage(0);
          });
        } else {
          await new Promise((r) => requestAnimationFrame(() => r()));
        }
        return { ms: performance.now() - t0, value: input.value };
      }, [ch, mode]);
      times.push(t.ms);
      slowest.push([t.ms, t.value]);
      if (KEY_MS > 0) await page.waitForTimeout(Math.max(0, KEY_MS - t.ms));
    }
  }
  slowest.sort((a, b) => b[0] - a[0]);
  times.sort((a, b) => a - b);
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
  const median = times[Math.floor(times.length / 2)];
  return { times, slowest, p95, median };
}
const closed = await keystrokes();
const closedWork = await keystrokes('work');
await page.getByRole('button', { name: 'Who with whom' }).click();
await page.locator('#net-summary').waitFor();
const opened = await keystrokes();
const openedWork = await keystrokes('work');
await page.getByRole('button', { name: 'Who with whom' }).click();

// Scrolling: frame times while the list scrolls by 300 px per frame.
await page.getByRole('searchbox', { name: /Search/ }).fill('');
await page.waitForFunction(() => /^\d+ events$/.test(document.querySelector('#result-count').textContent));
const frames = await page.evaluate(async () => {
  const el = document.querySelector('.scroller');
  const out = [];
  let last = performance.now();
  for (let i = 0; i < 120; i++) {
    el.scrollTop += 300;
    await new Promise((r) => requestAnimationFrame(() => r()));
    const now = performance.now();
    out.push(now - last);
    last = now;
  }
  return out.sort((a, b) => a - b);
});
const f95 = frames[Math.floor(frames.length * 0.95)];

console.log(`| measure | value |\n|---|---|`);
console.log(`| articles dropped | ${articles} |`);
console.log(`| events on the timeline | ${events} |`);
console.log(`| drop to timeline rendered | ${analyse.toFixed(1)} s |`);
console.log(`| longest main-thread task while analysing | ${longest.toFixed(0)} ms |`);
console.log(`| peak memory of the page's renderer process (page and worker) | ${peak.toFixed(0)} MB |`);
for (const [what, k, w] of [['', closed, closedWork], [', who-with-whom picture open', opened, openedWork]]) {
  console.log(`| keystroke to results${what}, median / p95 (${k.times.length} keystrokes) | ${k.median.toFixed(1)} / ${k.p95.toFixed(1)} ms |`);
  console.log(`| keystroke's work${what} (input to the main thread free), median / p95 / max | ${w.median.toFixed(1)} / ${w.p95.toFixed(1)} / ${w.times[w.times.length - 1].toFixed(1)} ms |`);
  console.log(`| slowest keystrokes${what} | ${k.slowest.slice(0, 3).map(([ms, q]) => `${ms.toFixed(1)} ms (\"${q}\")`).join(', ')} |`);
}
console.log(`| frame time while scrolling, median / p95 | ${frames[60].toFixed(1)} / ${f95.toFixed(1)} ms |`);
await browser.close();
server.close();
