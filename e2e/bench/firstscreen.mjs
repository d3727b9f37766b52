// Browser benchmark (not a test): how long the built site takes to show something
// usable, served gzipped as GitHub Pages serves it, cold cache, in Chromium with
// DevTools network throttling (CDP `Network.emulateNetworkConditions`). Prints Markdown.
//
//   node e2e/bench/firstscreen.mjs [RUNS]   (default 3; the median is reported)
//
// Per profile: navigation to the samples' first event row painted, and to its search
// answering; bytes on the wire before that paint and in all (the page's requests: CDP's
// emulation throttles the page, not its workers, whose only fetches are the analysis
// worker's 0.6 KB bootstrap and, for an HTML file, the full reader); a repeat visit (the service worker's cache); and an
// article dropped right after the first paint, until its event is on the timeline.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, DIST } from '../support.mjs';

const RUNS = Number(process.argv[2] || 3);
const PROFILES = [
  // Lighthouse's mobile "Slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
  { name: 'Slow 4G', latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 },
  // DevTools' cable preset as the issue gives it: 28 ms, 5 Mbit/s down, 1 Mbit/s up.
  { name: 'cable', latency: 28, down: 5e6 / 8, up: 1e6 / 8 },
];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json',
};

/** dist/ served as Pages does: gzip for every type it compresses, no caching headers
 * beyond Pages' short max-age. */
function serveGzipped() {
  const cache = new Map();
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(DIST, path.normalize(p));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end(); return;
    }
    if (!cache.has(file)) cache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 6 }));
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'content-encoding': 'gzip',
      'cache-control': 'max-age=600',
    });
    res.end(cache.get(file));
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

// Records, in the page, when the first event row is painted (the frame after it is in
// the document) and when the article dropped by the test shows.
const OBSERVE = `
  window.__firstRow = null;
  window.__appLive = null;
  // Search answers once the first screen's script runs (it keeps a queue for files),
  // or once the app has taken over.
  window.__searchReady = null;
  const poll = setInterval(() => {
    if (Array.isArray(window.__datelineQueued) || window.__appLive !== null) {
      window.__searchReady = performance.now();
      clearInterval(poll);
    }
  }, 5);
  // The module has taken over when the pre-rendered copy (#prerender) is gone.
  new MutationObserver((_, obs) => {
    if (window.__appLive === null && document.body && !document.getElementById('prerender') && document.querySelector('li.event')) {
      obs.disconnect();
      window.__appLive = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
  new MutationObserver((_, obs) => {
    if (window.__firstRow === null && document.querySelector('li.event')) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__firstRow = performance.now(); }, 0));
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function visit(browser, url, profile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up,
  });
  const finished = [];
  cdp.on('Network.loadingFinished', (e) => finished.push({ t: e.timestamp, bytes: e.encodedDataLength }));
  let navStart = null;
  cdp.on('Network.requestWillBeSent', (e) => { if (navStart === null) navStart = e.timestamp; });
  await page.addInitScript(OBSERVE);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstRow !== null, null, { timeout: 120000, polling: 50 });
  const firstRow = await page.evaluate(() => window.__firstRow);
  await page.waitForFunction(() => window.__searchReady !== null, null, { timeout: 120000, polling: 20 });
  const search = await page.evaluate(() => window.__searchReady);
  // Drop an article at once; time until its event is on the timeline.
  const dropped = await page.evaluate(async () => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Report\n\nOn Monday, President Ilse Vantrowson met King Theodric Brandydal in Geneva.\n'], '2025-03-05-drop.txt'));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true }));
    await new Promise((resolve) => {
      const check = () => (document.body.textContent.includes('Vantrowson') ? resolve() : setTimeout(check, 20));
      check();
    });
    return performance.now();
  });
  const appLive = await page.evaluate(() => window.__appLive);
  const wasm = await page.evaluate(() => Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => e.responseEnd)));
  await page.waitForLoadState('networkidle');
  const total = finished.reduce((s, f) => s + f.bytes, 0);
  // performance.now() counts from the navigation; CDP's timestamps are seconds.
  const before = finished.filter((f) => (f.t - navStart) * 1000 <= firstRow).reduce((s, f) => s + f.bytes, 0);
  // A repeat visit: the service worker answers from its cache.
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstRow !== null, null, { timeout: 120000, polling: 50 });
  const repeat = await page.evaluate(() => window.__firstRow);
  await context.close();
  return { firstRow, search, dropped, before, total, repeat, wasm, appLive };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { server, url } = await serveGzipped();
const browser = await launch();
console.log('| profile | first event row painted (median of ' + RUNS + ') | search answers | module arrived | app took over | dropped article on the timeline | repeat visit | KB before the first row | KB the visit fetched |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const profile of PROFILES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, url, profile));
  const m = (k) => median(runs.map((r) => r[k]));
  console.log(`| ${profile.name} | ${(m('firstRow') / 1000).toFixed(2)} s | ${(m('search') / 1000).toFixed(2)} s | ${(m('wasm') / 1000).toFixed(2)} s | ${(m('appLive') / 1000).toFixed(2)} s | ${(m('dropped') / 1000).toFixed(2)} s | ${(m('repeat') / 1000).toFixed(2)} s | ${(m('before') / 1024).toFixed(0)} | ${(m('total') / 1024).toFixed(0)} |`);
}
await browser.close();
server.close();
// Everything the site can download, gzipped as served: what the page fetches, and the
// full reader's worker, which the service worker caches after the first visit (or the
// page fetches when an HTML file is dropped).
const files = fs.readdirSync(DIST, { recursive: true }).filter((f) => fs.statSync(path.join(DIST, f)).isFile() && !f.startsWith('.'));
const all = files.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 6 }).length, 0);
const reader = files.filter((f) => f.startsWith('dateline-reader')).reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 6 }).length, 0);
console.log(`\nEvery file of the site, gzipped: ${(all / 1024).toFixed(0)} KB, of which the full reader's worker (HTML, legacy encodings) ${(reader / 1024).toFixed(0)} KB.`);
